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
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { kpiPeriods, type KpiDataPointInput, type KpiSummary } from '@planboard/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';
import { useLastDefined } from '../../shell/useLastDefined';
import type { KpiDepartment } from './dashboard';
import { formatValue, periodLabels, periodText, targetText } from './kpiFormat';
import {
  apiFieldErrors,
  pointFields,
  pointFormDefaults,
  todayIso,
  validatePointForm,
  type FieldErrors,
  type PointField,
  type PointForm,
} from './kpiForms';
import { useKpiDetail } from './kpisApi';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

export interface AddPointDialogProps {
  /** The KPI to add a point to; the dialog is open while set. */
  target: { department: KpiDepartment; kpi: KpiSummary } | null;
  pending: boolean;
  /** The last save's error (its 400 details land on the fields). */
  error: unknown;
  onSubmit(input: KpiDataPointInput): void;
  onClose(): void;
}

/** "Add data point": period, start date, value, target (unless the KPI has a range) and notes, checked as the API checks them. */
export function AddPointDialog({ target, pending, error, onSubmit, onClose }: AddPointDialogProps) {
  const s = useStyles();
  const shown = useLastDefined(target);
  const kpi = shown?.kpi;
  const [form, setForm] = useState<PointForm>(() => pointFormDefaults({ trend: [] }, todayIso()));
  const [errors, setErrors] = useState<FieldErrors<PointField>>({});
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused submit, focus goes to the first field with a problem.
  const [focusInvalid, setFocusInvalid] = useState(0);
  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);
  // Server problems on a field clear once the user changes that field.
  const [edited, setEdited] = useState<ReadonlySet<PointField>>(new Set());
  useEffect(() => setEdited(new Set()), [error]);
  useEffect(() => {
    if (!target) return;
    setForm(pointFormDefaults(target.kpi, todayIso()));
    setErrors({});
    setTried(false);
  }, [target]);
  const detail = useKpiDetail(target?.department.departmentId, target?.kpi.kpiId);
  const within = kpi?.targetType === 'withinRange';
  const server = apiFieldErrors<PointField>(error, pointFields);
  const serverOnFields = pointFields.some((field) => server[field]);
  const message = (field: PointField) => errors[field] ?? (edited.has(field) ? undefined : server[field]);
  const existing = detail.data?.points.find((point) => point.period === form.period && point.periodStart === form.periodStart);

  const update = (field: PointField, value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    if (server[field]) setEdited(new Set([...edited, field]));
    // After the first attempt, problems clear (or appear) as the user types.
    if (tried && kpi) {
      const result = validatePointForm(next, kpi);
      setErrors(result.ok ? {} : result.errors);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!kpi) return;
    setTried(true);
    const result = validatePointForm(form, kpi);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) onSubmit(result.input);
    else setFocusInvalid((n) => n + 1);
  };

  return (
    <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form ref={formRef} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>Add data point · {kpi?.name}</DialogTitle>
            <DialogContent className={s.content}>
              {error && !serverOnFields ? <ApiErrorBar error={error} /> : null}
              {error && serverOnFields && server.form ? (
                <MessageBar intent="error">
                  <MessageBarBody>{server.form}</MessageBarBody>
                </MessageBar>
              ) : null}
              <div className={s.row}>
                <Field label="Period" required validationMessage={message('period')}>
                  <Select value={form.period} onChange={(_, data) => update('period', data.value)}>
                    {kpiPeriods.map((period) => (
                      <option key={period} value={period}>
                        {periodLabels[period]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Period starts on" required validationMessage={message('periodStart')} hint={periodHint(form)}>
                  <Input type="date" value={form.periodStart} onChange={(_, data) => update('periodStart', data.value)} />
                </Field>
              </div>
              <div className={s.row}>
                <Field label="Value" required validationMessage={message('value')}>
                  <Input
                    inputMode="decimal"
                    autoComplete="off"
                    value={form.value}
                    onChange={(_, data) => update('value', data.value)}
                    contentAfter={kpi?.unit || undefined}
                    data-testid="point-value"
                  />
                </Field>
                {within ? (
                  <Field label="Target range" hint="Set on the KPI; edit the KPI to change it.">
                    <Input readOnly value={kpi ? targetText(kpi) : ''} />
                  </Field>
                ) : (
                  <Field label="Target" required validationMessage={message('target')} hint={kpi ? targetText(kpi) : undefined}>
                    <Input
                      inputMode="decimal"
                      autoComplete="off"
                      value={form.target}
                      onChange={(_, data) => update('target', data.value)}
                      contentAfter={kpi?.unit || undefined}
                    />
                  </Field>
                )}
              </div>
              <Field label="Notes" validationMessage={message('notes')} hint="Optional: what explains this value.">
                <Textarea value={form.notes} onChange={(_, data) => update('notes', data.value)} resize="vertical" />
              </Field>
              {existing && kpi && (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    {periodText(existing.period, existing.periodStart)} already has a value ({formatValue(existing.value, kpi.unit)}).
                    Saving replaces it.
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <FormDialogActions
              label={pending ? 'Saving…' : existing ? 'Replace value' : 'Add data point'}
              pending={pending}
              onCancel={onClose}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** Which period the date names, e.g. "Week of 9 Nov 2026". */
function periodHint(form: PointForm): string | undefined {
  const text = periodText(form.period, form.periodStart);
  return text === form.periodStart ? undefined : text;
}
