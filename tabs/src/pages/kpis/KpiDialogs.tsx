import type { KpiSummary } from '@planboard/contracts';
import { AddPointDialog } from './AddPointDialog';
import type { KpiDepartment } from './dashboard';
import { DeleteKpiDialog } from './DeleteKpiDialog';
import { ImportPointsDialog } from './ImportPointsDialog';
import { periodText, statusLabels } from './kpiFormat';
import { KpiFormDialog } from './KpiFormDialog';
import type { KpiMutations } from './kpisApi';

/** Which dialog is open, and for what. */
export type KpiDialogState =
  | { kind: 'point'; department: KpiDepartment; kpi: KpiSummary }
  | { kind: 'definition'; department: KpiDepartment; kpi?: KpiSummary; etag?: string }
  | { kind: 'delete'; department: KpiDepartment; kpi: KpiSummary; etag?: string; points?: number }
  | { kind: 'import'; department: KpiDepartment };

/** A result to tell the user (shown on the page and announced). */
export type Announce = (message: string, intent?: 'success' | 'warning') => void;

export interface KpiDialogsProps {
  dialog: KpiDialogState | null;
  mutations: KpiMutations;
  onClose(): void;
  announce: Announce;
  /** A KPI was deleted (the page closes its detail if it was open). */
  onDeleted(departmentId: string, kpiId: string): void;
}

/** The page's dialogs: add a data point, new/edit KPI, delete KPI, import. Each settles through the page's mutations. */
export function KpiDialogs({ dialog, mutations, onClose, announce, onDeleted }: KpiDialogsProps) {
  const { addPoint, saveDefinition, deleteDefinition, importPoints } = mutations;
  const close = () => {
    onClose();
    for (const mutation of [addPoint, saveDefinition, deleteDefinition]) mutation.reset();
  };
  const closeImport = () => {
    onClose();
    importPoints.reset();
  };
  return (
    <>
      <AddPointDialog
        target={dialog?.kind === 'point' ? dialog : null}
        pending={addPoint.isPending}
        error={addPoint.error}
        onSubmit={(input) =>
          dialog?.kind === 'point' &&
          addPoint.mutate(
            { departmentId: dialog.department.departmentId, kpiId: dialog.kpi.kpiId, input },
            {
              onSuccess: (summary) => {
                close();
                const status = statusLabels[summary.status].toLowerCase();
                announce(
                  `Saved ${periodText(input.period, input.periodStart)} for ${summary.name}. It is ${status} now.`,
                  summary.status === 'offTrack' || summary.status === 'atRisk' ? 'warning' : 'success',
                );
              },
            },
          )
        }
        onClose={close}
      />
      <KpiFormDialog
        target={dialog?.kind === 'definition' ? dialog : null}
        pending={saveDefinition.isPending}
        error={saveDefinition.error}
        onSubmit={(input) =>
          dialog?.kind === 'definition' &&
          saveDefinition.mutate(
            { departmentId: dialog.department.departmentId, kpiId: dialog.kpi?.kpiId, input, etag: dialog.etag ?? dialog.kpi?.etag },
            {
              onSuccess: (summary) => {
                close();
                announce(dialog.kpi ? `Saved the changes to ${summary.name}.` : `Created ${summary.name} in ${dialog.department.name}.`);
              },
            },
          )
        }
        onClose={close}
      />
      <DeleteKpiDialog
        target={dialog?.kind === 'delete' ? dialog : null}
        pending={deleteDefinition.isPending}
        error={deleteDefinition.error}
        onConfirm={() =>
          dialog?.kind === 'delete' &&
          deleteDefinition.mutate(
            { departmentId: dialog.department.departmentId, kpiId: dialog.kpi.kpiId, etag: dialog.etag ?? dialog.kpi.etag },
            {
              onSuccess: () => {
                close();
                onDeleted(dialog.department.departmentId, dialog.kpi.kpiId);
                announce(`Deleted ${dialog.kpi.name} from ${dialog.department.name}.`);
              },
            },
          )
        }
        onClose={close}
      />
      <ImportPointsDialog
        department={dialog?.kind === 'import' ? dialog.department : null}
        pending={importPoints.isPending}
        result={importPoints.data}
        error={importPoints.error}
        onImport={(upload) => dialog?.kind === 'import' && importPoints.mutate({ departmentId: dialog.department.departmentId, upload })}
        onReset={() => importPoints.reset()}
        onClose={closeImport}
      />
    </>
  );
}
