import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  OptionGroup,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { grantLevels, type AccessUser, type GrantedScope, type GrantLevel } from '@planboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';
import { levelDescriptions, levelLabels } from '../../shell/LevelBadge';
import { useLastDefined } from '../../shell/useLastDefined';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  dropdown: { minWidth: '100%' },
  levelHint: { color: tokens.colorNeutralForeground3 },
});

const groups: { type: GrantedScope['type']; label: string }[] = [
  { type: 'businessUnit', label: 'Business units' },
  { type: 'department', label: 'Departments' },
  { type: 'store', label: 'Stores' },
];

const typeNames: Record<GrantedScope['type'], string> = { businessUnit: 'business unit', department: 'department', store: 'store' };
const optionText = (scope: GrantedScope) => (scope.type === 'store' ? `${scope.name} (${scope.id.replace(/^store-/, '')})` : scope.name);

export interface GrantDialogProps {
  /** The user to grant to; the dialog is open while set. */
  user: AccessUser | null;
  /** Scopes the caller administers (the only ones they may grant). */
  scopes: readonly GrantedScope[];
  pending: boolean;
  error: unknown;
  onSubmit(scopeId: string, level: GrantLevel): void;
  onClose(): void;
}

/** Grant (or change) one user's level on a scope: scope dropdown + level radios. */
export function GrantDialog({ user, scopes, pending, error, onSubmit, onClose }: GrantDialogProps) {
  const s = useStyles();
  const shown = useLastDefined(user);
  const [scopeId, setScopeId] = useState('');
  const [level, setLevel] = useState<GrantLevel>('read');
  useEffect(() => {
    if (!user) return;
    setScopeId('');
    setLevel('read');
  }, [user]);
  const scope = scopes.find((candidate) => candidate.id === scopeId);
  const existing = shown?.grants.find((grant) => grant.scopeId === scopeId);
  const unchanged = existing?.level === level;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (scope && !unchanged && !pending) onSubmit(scope.id, level);
  };

  return (
    <Dialog
      open={user !== null}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Grant access to {shown?.name}</DialogTitle>
            <DialogContent className={s.content}>
              {error ? <ApiErrorBar error={error} /> : null}
              <Field label="Scope" required hint="A grant on a business unit also covers its stores.">
                <Dropdown
                  className={s.dropdown}
                  placeholder="Choose a business unit, department or store"
                  value={scope ? `${optionText(scope)} (${typeNames[scope.type]})` : ''}
                  selectedOptions={scopeId ? [scopeId] : []}
                  onOptionSelect={(_, data) => setScopeId(data.optionValue ?? '')}
                >
                  {groups.map((group) => (
                    <OptionGroup key={group.type} label={group.label}>
                      {scopes
                        .filter((candidate) => candidate.type === group.type)
                        .map((candidate) => (
                          <Option key={candidate.id} value={candidate.id} text={optionText(candidate)}>
                            {optionText(candidate)}
                          </Option>
                        ))}
                    </OptionGroup>
                  ))}
                </Dropdown>
              </Field>
              <Field label="Level" required>
                <RadioGroup value={level} onChange={(_, data) => setLevel(data.value as GrantLevel)}>
                  {grantLevels.map((candidate) => (
                    <Radio
                      key={candidate}
                      value={candidate}
                      label={
                        <>
                          {levelLabels[candidate]} <span className={s.levelHint}>— {levelDescriptions[candidate]}</span>
                        </>
                      }
                    />
                  ))}
                </RadioGroup>
              </Field>
              {existing && scope && (
                <MessageBar intent="info">
                  <MessageBarBody>
                    {shown?.name} already has {levelLabels[existing.level].toLowerCase()} access to {scope.name}.
                    {unchanged ? ' Choose another level to change it.' : ` Saving changes it to ${levelLabels[level].toLowerCase()}.`}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <FormDialogActions
              label={existing ? 'Change level' : 'Grant access'}
              pending={pending}
              disabled={!scope || unchanged}
              onCancel={onClose}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
