import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { kpiTargetTypes, type KpiDefinitionInput, type KpiSummary } from '@planboard/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';
import { useLastDefined } from '../../shell/useLastDefined';
import type { KpiDepartment } from './dashboard';
import { targetTypeLabels } from './kpiFormat';
import {
  apiFieldErrors,
  kpiFields,
  kpiFormFrom,
  slugify,
  validateKpiForm,
  type FieldErrors,
  type KpiField,
  type KpiForm,
} from './kpiForms';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 32px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

const targetHints: Record<KpiDefinitionInput['targetType'], string> = {
  higherIsBetter: 'e.g. on-time delivery, win rate',
  lowerIsBetter: 'e.g. costs, days to close',
  withinRange: 'e.g. stock cover, utilisation',
};

export interface KpiFormDialogProps {
  /** The department, and the KPI when editing one; the dialog is open while set. */
  target: { department: KpiDepartment; kpi?: KpiSummary } | null;
  pending: boolean;
  error: unknown;
  onSubmit(input: KpiDefinitionInput): void;
  onClose(): void;
}

/** The two threshold inputs (same shape: a percentage beyond which the status drops). */
const thresholdFields = [
  { key: 'atRiskPct', label: 'At risk beyond' },
  { key: 'offTrackPct', label: 'Off track beyond' },
] as const;

/** "New KPI" / "Edit KPI": name, id, unit, description, target type, thresholds and range, checked as the API checks them. */
export function KpiFormDialog({ target, pending, error, onSubmit, onClose }: KpiFormDialogProps) {
  const s = useStyles();
  const shown = useLastDefined(target);
  const editing = !!shown?.kpi;
  const [form, setForm] = useState<KpiForm>(() => kpiFormFrom());
  const [errors, setErrors] = useState<FieldErrors<KpiField>>({});
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused submit, focus goes to the first field with a problem.
  const [focusInvalid, setFocusInvalid] = useState(0);
  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);
  const [idTouched, setIdTouched] = useState(false);
  useEffect(() => {
    if (!target) return;
    setForm(kpiFormFrom(target.kpi));
    setErrors({});
    setTried(false);
    setIdTouched(false);
  }, [target]);
  const server = apiFieldErrors<KpiField>(error, kpiFields);
  const serverOnFields = kpiFields.some((field) => server[field]);
  const message = (field: KpiField) => errors[field] ?? server[field];
  const within = form.targetType === 'withinRange';

  const update = (changes: Partial<KpiForm>) => {
    const next = { ...form, ...changes };
    // A new KPI's id follows its name until the user types one.
    if (!editing && !idTouched && changes.name !== undefined) next.kpiId = slugify(changes.name);
    setForm(next);
    if (tried) {
      const result = validateKpiForm(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setTried(true);
    const result = validateKpiForm(form);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) onSubmit(result.input);
    else setFocusInvalid((n) => n + 1);
  };

  return (
    <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={s.surface} aria-describedby={undefined}>
        <form ref={formRef} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{editing ? `Edit KPI · ${shown?.kpi?.name}` : `New KPI in ${shown?.department.name ?? ''}`}</DialogTitle>
            <DialogContent className={s.content}>
              {error && !serverOnFields ? <ApiErrorBar error={error} /> : null}
              {error && serverOnFields && server.form ? (
                <MessageBar intent="error">
                  <MessageBarBody>{server.form}</MessageBarBody>
                </MessageBar>
              ) : null}
              <div className={s.row}>
                <Field label="Name" required validationMessage={message('name')}>
                  <Input value={form.name} onChange={(_, data) => update({ name: data.value })} maxLength={120} />
                </Field>
                <Field
                  label="ID"
                  required
                  validationMessage={message('kpiId')}
                  hint={
                    editing ? 'The ID cannot change: imports and links use it.' : 'Lower-case letters, digits and dashes; used in imports.'
                  }
                >
                  <Input
                    value={form.kpiId}
                    readOnly={editing}
                    onChange={(_, data) => {
                      setIdTouched(true);
                      update({ kpiId: data.value });
                    }}
                  />
                </Field>
              </div>
              <div className={s.row}>
                <Field label="Unit" validationMessage={message('unit')} hint="e.g. %, days, EUR">
                  <Input value={form.unit} onChange={(_, data) => update({ unit: data.value })} maxLength={20} />
                </Field>
              </div>
              <Field label="Description" validationMessage={message('description')}>
                <Textarea value={form.description} onChange={(_, data) => update({ description: data.value })} resize="vertical" />
              </Field>
              <Field label="Target type" required validationMessage={message('targetType')}>
                <RadioGroup value={form.targetType} onChange={(_, data) => update({ targetType: data.value as KpiForm['targetType'] })}>
                  {kpiTargetTypes.map((type) => (
                    <Radio key={type} value={type} label={`${targetTypeLabels[type]} (${targetHints[type]})`} />
                  ))}
                </RadioGroup>
              </Field>
              {within && (
                <div className={s.row}>
                  <Field label="Lowest value in range" required validationMessage={message('rangeMin')}>
                    <Input inputMode="decimal" value={form.rangeMin} onChange={(_, data) => update({ rangeMin: data.value })} />
                  </Field>
                  <Field label="Highest value in range" required validationMessage={message('rangeMax')}>
                    <Input inputMode="decimal" value={form.rangeMax} onChange={(_, data) => update({ rangeMax: data.value })} />
                  </Field>
                </div>
              )}
              <div className={s.row}>
                {thresholdFields.map(({ key, label }) => (
                  <Field
                    key={key}
                    label={label}
                    required
                    validationMessage={message(key)}
                    hint={within ? '% of the range’s width outside it' : '% short of the target'}
                  >
                    <Input inputMode="decimal" value={form[key]} onChange={(_, data) => update({ [key]: data.value })} contentAfter="%" />
                  </Field>
                ))}
              </div>
              {editing && (
                <MessageBar intent="info">
                  <MessageBarBody>Changing the target type, thresholds or range re-rates every data point of this KPI.</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <FormDialogActions label={pending ? 'Saving…' : editing ? 'Save changes' : 'Create KPI'} pending={pending} onCancel={onClose} />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
