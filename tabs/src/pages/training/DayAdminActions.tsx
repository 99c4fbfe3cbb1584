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
  Toolbar,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, LockClosedRegular, LockOpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { EditDayDialog } from './EditDayDialog';
import { RecordingDialog } from './RecordingDialog';
import type { DayWithTag, TrainingMutations } from './trainingApi';

const useStyles = makeStyles({
  recordings: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  recording: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Unlock/lock (confirmed: learners are notified), edit, and the day's recordings for admins. */
export function DayAdminActions({ day, mutations }: { day: DayWithTag; mutations: TrainingMutations }) {
  const s = useStyles();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const unlocking = !day.unlocked;
  const toggle = () => mutations.toggle.mutate({ day: day.dayNumber, unlock: unlocking }, { onSuccess: () => setConfirming(false) });
  return (
    <>
      <Toolbar aria-label={`Actions for day ${day.dayNumber}`}>
        <Button
          icon={unlocking ? <LockOpenRegular /> : <LockClosedRegular />}
          appearance={unlocking ? 'primary' : 'secondary'}
          onClick={() => setConfirming(true)}
        >
          {unlocking ? 'Unlock day' : 'Lock day'}
        </Button>
        <Button icon={<EditRegular />} onClick={() => setEditing(true)}>
          Edit day
        </Button>
        <Button icon={<AddRegular />} onClick={() => setAdding(true)}>
          Add recording
        </Button>
      </Toolbar>
      {day.recordings.length > 0 && (
        <ul className={s.recordings} aria-label="Recordings of this day">
          {day.recordings.map((recording) => (
            <li key={recording.recordingId} className={s.recording}>
              {recording.title} {recording.active ? '' : '(hidden from learners)'}
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Remove recording ${recording.title}`}
                disabledFocusable={mutations.removeRecording.isPending}
                onClick={() => mutations.removeRecording.mutate({ day: day.dayNumber, recordingId: recording.recordingId })}
              />
            </li>
          ))}
        </ul>
      )}
      {mutations.removeRecording.isError && (
        <ApiErrorBar error={mutations.removeRecording.error} onRetry={() => mutations.removeRecording.reset()} />
      )}
      <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{unlocking ? `Unlock day ${day.dayNumber}?` : `Lock day ${day.dayNumber}?`}</DialogTitle>
            <DialogContent>
              {unlocking
                ? `“${day.title}” opens for every learner, and everyone subscribed to training gets a card in Teams.`
                : `Learners will no longer see “${day.title}”. Their progress is kept.`}
              {mutations.toggle.isError && <ApiErrorBar error={mutations.toggle.error} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                appearance="primary"
                onClick={toggle}
                disabledFocusable={mutations.toggle.isPending}
                icon={mutations.toggle.isPending ? <Spinner size="tiny" /> : undefined}
              >
                {unlocking ? 'Unlock and notify learners' : 'Lock day'}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {editing && <EditDayDialog day={day} mutations={mutations} onClose={() => setEditing(false)} />}
      {adding && <RecordingDialog dayNumber={day.dayNumber} mutations={mutations} onClose={() => setAdding(false)} />}
    </>
  );
}
