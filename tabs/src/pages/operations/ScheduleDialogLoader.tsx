import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from '@fluentui/react-components';
import type { OperationsModel } from '@planboard/contracts';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { useSchedule, type OpsMutations } from './opsApi';
import { ScheduleDialog } from './ScheduleDialog';

/** The schedule editor opened from a table row: reads the schedule (owner, daily maximum) first. */
export function ScheduleDialogLoader({ model, mutations, onClose }: { model: OperationsModel; mutations: OpsMutations; onClose(): void }) {
  const schedule = useSchedule(model.datasetId);
  const close = () => {
    mutations.schedule.reset();
    onClose();
  };
  if (schedule.data)
    return (
      <ScheduleDialog
        modelName={model.name}
        datasetId={model.datasetId}
        view={schedule.data}
        mutations={mutations}
        onClose={close}
        onSaved={close}
      />
    );
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Refresh schedule of {model.name}</DialogTitle>
          <DialogContent>
            {schedule.isError ? <ApiErrorBar error={schedule.error} /> : <Spinner label="Reading the schedule from Power BI…" />}
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
