import { Body1, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { suggestedEnvironments, suggestedModules, type OperationsWorkspace } from '@planboard/contracts';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';
import { CategoryField, categoryProblem } from './CategoryField';
import type { OpsMutations } from './opsApi';
import { moduleSuggestions } from './opsOverview';
import { useOpsStyles } from './opsStyles';

export interface AssignDialogProps {
  open: boolean;
  workspaces: readonly OperationsWorkspace[];
  all: readonly OperationsWorkspace[];
  mutations: OpsMutations;
  onClose(): void;
  onDone(text: string): void;
}

const names = (workspaces: readonly OperationsWorkspace[]) =>
  workspaces.length <= 3
    ? workspaces.map((ws) => ws.name).join(', ')
    : `${workspaces
        .slice(0, 2)
        .map((ws) => ws.name)
        .join(', ')} and ${workspaces.length - 2} more`;

/** One environment and/or module for the selected workspaces, saved as one audited change. */
export function AssignDialog({ open, workspaces, all, mutations, onClose, onDone }: AssignDialogProps) {
  const s = useOpsStyles();
  const [environment, setEnvironment] = useState('');
  const [module, setModule] = useState('');
  const { assign } = mutations;
  useEffect(() => {
    if (!open) return;
    setEnvironment('');
    setModule('');
    assign.reset();
    // Once per opening: the fields and a previous error start empty.
  }, [open]);
  const environments = useMemo(() => [...new Set([...suggestedEnvironments, ...all.map((ws) => ws.environment)])].sort(), [all]);
  const modules = useMemo(() => moduleSuggestions(all, suggestedModules), [all]);
  const valid = (environment.trim() || module.trim()) && !categoryProblem(environment) && !categoryProblem(module);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const change = {
      ...(environment.trim() ? { environment: environment.trim() } : {}),
      ...(module.trim() ? { module: module.trim() } : {}),
    };
    assign.mutate(
      { workspaceIds: workspaces.map((ws) => ws.workspaceId), ...change },
      {
        onSuccess: (result) => {
          const what = [change.environment && `environment ${change.environment}`, change.module && `module ${change.module}`]
            .filter(Boolean)
            .join(' and ');
          onDone(`${result.changed} workspace${result.changed === 1 ? '' : 's'} now have ${what}.`);
        },
      },
    );
  };
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>
              Assign a category to {workspaces.length} workspace{workspaces.length === 1 ? '' : 's'}
            </DialogTitle>
            <DialogContent className={s.dialogBody}>
              <Body1>{names(workspaces)}</Body1>
              <CategoryField
                label="Environment"
                hint="Dev, Test, Prod or a name of your own."
                value={environment}
                suggestions={environments}
                onChange={setEnvironment}
              />
              <CategoryField label="Module" hint="Pick one or type a new one." value={module} suggestions={modules} onChange={setModule} />
              <Body1 className={s.muted}>An empty field keeps what each workspace has. The change is recorded in the audit.</Body1>
              {assign.isError && <ApiErrorBar error={assign.error} />}
            </DialogContent>
            <FormDialogActions label="Assign" pending={assign.isPending} onCancel={onClose} disabled={!valid} />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
