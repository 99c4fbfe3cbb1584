import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  SpinButton,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { parseVideoUrl } from '@planboard/contracts';
import { useState, type FormEvent } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';
import { RecordingPlayer } from './RecordingPlayer';
import type { TrainingMutations } from './trainingApi';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * Adds a recording. The link is checked as it is typed with the same rules the API applies
 * (YouTube, Vimeo or Stream over https), and the preview shows the player learners will get.
 */
export function RecordingDialog({ dayNumber, mutations, onClose }: { dayNumber: number; mutations: TrainingMutations; onClose(): void }) {
  const s = useStyles();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [minutes, setMinutes] = useState<number | null>(null);
  const [active, setActive] = useState(true);
  const parsed = url.trim() ? parseVideoUrl(url) : undefined;
  const valid = !!title.trim() && parsed?.ok === true;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const input = { title: title.trim(), url: url.trim(), active, ...(minutes ? { durationSeconds: Math.round(minutes * 60) } : {}) };
    mutations.addRecording.mutate({ day: dayNumber, input }, { onSuccess: onClose });
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Add a recording to day {dayNumber}</DialogTitle>
            <DialogContent className={s.form}>
              <Field label="Title" required>
                <Input value={title} onChange={(_, data) => setTitle(data.value)} maxLength={200} />
              </Field>
              <Field
                label="Link (YouTube, Vimeo or Microsoft Stream)"
                required
                validationState={parsed ? (parsed.ok ? 'success' : 'error') : 'none'}
                validationMessage={
                  parsed
                    ? parsed.ok
                      ? `A ${parsed.platform === 'stream' ? 'Stream' : parsed.platform === 'youtube' ? 'YouTube' : 'Vimeo'} video.`
                      : parsed.reason
                    : undefined
                }
              >
                <Input type="url" value={url} onChange={(_, data) => setUrl(data.value)} placeholder="https://www.youtube.com/watch?v=…" />
              </Field>
              <Field label="Length in minutes (optional)">
                <SpinButton
                  value={minutes}
                  min={1}
                  max={600}
                  onChange={(_, data) => setMinutes(data.value ?? (data.displayValue ? Number(data.displayValue) || null : null))}
                />
              </Field>
              <Switch checked={active} onChange={(_, data) => setActive(data.checked)} label="Learners see it" />
              {parsed?.ok && (
                <RecordingPlayer
                  recording={{
                    recordingId: 'preview',
                    dayNumber,
                    title: title || 'Preview',
                    url: parsed.url,
                    platform: parsed.platform,
                    ...(parsed.embedUrl ? { embedUrl: parsed.embedUrl } : {}),
                    active,
                    addedAt: '',
                    addedBy: { name: '', upn: '' },
                  }}
                />
              )}
              {mutations.addRecording.isError && <ApiErrorBar error={mutations.addRecording.error} />}
            </DialogContent>
            <FormDialogActions label="Add recording" pending={mutations.addRecording.isPending} onCancel={onClose} disabled={!valid} />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
