import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { httpsLinkSchema } from '@planboard/contracts';
import { useState, type FormEvent } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';
import type { DayWithTag, TrainingMutations } from './trainingApi';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

const linkProblem = (value: string): string | undefined =>
  httpsLinkSchema.safeParse(value).success ? undefined : 'Use an https:// link, or leave it empty.';

/** Edits a day's title, description and links; saved against the ETag it was loaded with (412 if someone changed it). */
export function EditDayDialog({ day, mutations, onClose }: { day: DayWithTag; mutations: TrainingMutations; onClose(): void }) {
  const s = useStyles();
  const [form, setForm] = useState({
    title: day.title,
    description: day.description,
    presentationUrl: day.presentationUrl,
    resourcesUrl: day.resourcesUrl,
  });
  const problems = {
    title: form.title.trim() ? undefined : 'Give the day a title.',
    presentationUrl: linkProblem(form.presentationUrl),
    resourcesUrl: linkProblem(form.resourcesUrl),
  };
  const valid = !Object.values(problems).some(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    mutations.edit.mutate({ day: day.dayNumber, input: form, etag: day.etag }, { onSuccess: onClose });
  };
  const set = (field: keyof typeof form) => (_: unknown, data: { value: string }) =>
    setForm((current) => ({ ...current, [field]: data.value }));
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Edit day {day.dayNumber}</DialogTitle>
            <DialogContent className={s.form}>
              <Field label="Title" required validationMessage={problems.title}>
                <Input value={form.title} onChange={set('title')} maxLength={200} />
              </Field>
              <Field label="Description">
                <Textarea value={form.description} onChange={set('description')} maxLength={4000} resize="vertical" />
              </Field>
              <Field label="Presentation link" validationMessage={problems.presentationUrl}>
                <Input type="url" value={form.presentationUrl} onChange={set('presentationUrl')} />
              </Field>
              <Field label="Resources link" validationMessage={problems.resourcesUrl}>
                <Input type="url" value={form.resourcesUrl} onChange={set('resourcesUrl')} />
              </Field>
              {mutations.edit.isError && <ApiErrorBar error={mutations.edit.error} />}
            </DialogContent>
            <FormDialogActions label="Save" pending={mutations.edit.isPending} onCancel={onClose} disabled={!valid} />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
