import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { KpiSummary } from '@planboard/contracts';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { useLastDefined } from '../../shell/useLastDefined';
import type { KpiDepartment } from './dashboard';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export interface DeleteKpiDialogProps {
  /** What to delete, and how many points it has if known; the dialog is open while set. */
  target: { department: KpiDepartment; kpi: KpiSummary; points?: number } | null;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}

/** Confirmation before a KPI and its data points are deleted (an alert dialog: it needs an explicit choice). */
export function DeleteKpiDialog({ target, pending, error, onConfirm, onClose }: DeleteKpiDialogProps) {
  const s = useStyles();
  const shown = useLastDefined(target);
  const count = shown?.points;
  const points = count === undefined ? 'all its data points' : count === 1 ? 'its 1 data point' : `its ${count} data points`;
  return (
    <Dialog modalType="alert" open={target !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete {shown?.kpi.name}?</DialogTitle>
          <DialogContent className={s.content}>
            {error ? <ApiErrorBar error={error} /> : null}
            <span>
              {shown?.kpi.name} and {points} will be deleted from {shown?.department.name}. This cannot be undone. Rows already sent to
              Power BI stay there.
            </span>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabledFocusable={pending}
              icon={pending ? <Spinner size="tiny" /> : undefined}
            >
              Delete KPI
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
