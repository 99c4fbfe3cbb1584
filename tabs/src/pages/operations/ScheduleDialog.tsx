import {
  Body1,
  Caption1,
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Switch,
} from '@fluentui/react-components';
import { windowsToIana, type ScheduleView } from '@planboard/contracts';
import { useState, type FormEvent } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { FormDialogActions } from '../../shell/FormDialogActions';
import type { OpsMutations } from './opsApi';
import { useOpsStyles } from './opsStyles';
import { allWeekdays, formOf, formProblems, halfHours, updateOf, type ScheduleForm } from './scheduleForm';

export interface ScheduleDialogProps {
  modelName: string;
  datasetId: string;
  view: ScheduleView;
  mutations: OpsMutations;
  onClose(): void;
  onSaved(text: string): void;
}

const zones = Object.keys(windowsToIana).filter((zone) => zone !== 'Coordinated Universal Time');

/** Days, times, time zone and on/off; when Planboard must take the model over, the admin confirms it in words. */
export function ScheduleDialog({ modelName, datasetId, view, mutations, onClose, onSaved }: ScheduleDialogProps) {
  const s = useOpsStyles();
  const [form, setForm] = useState<ScheduleForm>(() => formOf(view));
  const problems = formProblems(form, view.maxTimesPerDay);
  const needsTakeOver = !view.ownedByPlanboard;
  const valid = Object.keys(problems).length === 0 && (!needsTakeOver || form.confirmTakeOver);
  const { schedule } = mutations;
  const set = <K extends keyof ScheduleForm>(key: K, value: ScheduleForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    schedule.mutate(
      { datasetId, update: updateOf(form, needsTakeOver) },
      {
        onSuccess: (result) =>
          onSaved(
            `${result.schedule.enabled ? 'Schedule saved' : 'Scheduled refresh turned off'} for ${modelName}.${result.tookOver ? ' Planboard now owns the model.' : ''}`,
          ),
      },
    );
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Refresh schedule of {modelName}</DialogTitle>
            <DialogContent className={s.dialogBody}>
              <Switch
                label={form.enabled ? 'Scheduled refresh is on' : 'Scheduled refresh is off'}
                checked={form.enabled}
                onChange={(_, data) => set('enabled', data.checked)}
              />
              {form.enabled && (
                <>
                  {/* Not a Field: Fluent controls inside one take the field's label as their own name. */}
                  <div
                    className={s.stack}
                    role="group"
                    aria-labelledby="ops-days-label"
                    aria-describedby={problems.days ? 'ops-days-problem' : undefined}
                  >
                    <Label id="ops-days-label">Days</Label>
                    <div className={s.days}>
                      {allWeekdays.map((day) => (
                        <Checkbox
                          key={day}
                          label={day}
                          checked={form.days.includes(day)}
                          onChange={(_, data) =>
                            set('days', data.checked ? [...form.days, day] : form.days.filter((other) => other !== day))
                          }
                        />
                      ))}
                    </div>
                    {problems.days && (
                      <Caption1 id="ops-days-problem" className={s.problem}>
                        {problems.days}
                      </Caption1>
                    )}
                  </div>
                  <Field
                    label={`Times (up to ${view.maxTimesPerDay} a day on this capacity, on the hour or half hour)`}
                    validationMessage={problems.times}
                  >
                    <Dropdown
                      multiselect
                      placeholder="Choose times"
                      selectedOptions={form.times}
                      value={form.times.join(', ')}
                      onOptionSelect={(_, data) => set('times', [...data.selectedOptions].sort())}
                    >
                      {halfHours.map((time) => (
                        <Option key={time} value={time}>
                          {time}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                  <Field label="Time zone">
                    <Dropdown
                      selectedOptions={[form.localTimeZoneId]}
                      value={form.localTimeZoneId}
                      onOptionSelect={(_, data) => data.optionValue && set('localTimeZoneId', data.optionValue)}
                    >
                      {zones.map((zone) => (
                        <Option key={zone} value={zone}>
                          {zone}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                </>
              )}
              <Body1 className={s.muted}>Failures are announced in Teams by Planboard; Power BI sends no mail for this schedule.</Body1>
              {needsTakeOver && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>Planboard has to take this model over</MessageBarTitle>
                    {modelName} belongs to {view.owner ?? 'someone else'}. Power BI lets only the owner change a schedule. If you go ahead,
                    Planboard becomes the owner: {view.owner ?? 'the current owner'} no longer owns it, and the data source sign-ins may
                    have to be entered again for Planboard.
                  </MessageBarBody>
                </MessageBar>
              )}
              {needsTakeOver && (
                <Checkbox
                  label={`Yes, make Planboard the owner of ${modelName}`}
                  checked={form.confirmTakeOver}
                  onChange={(_, data) => set('confirmTakeOver', data.checked === true)}
                />
              )}
              {schedule.isError && <ApiErrorBar error={schedule.error} />}
            </DialogContent>
            <FormDialogActions
              label={needsTakeOver ? 'Take over and save' : 'Save schedule'}
              pending={schedule.isPending}
              onCancel={onClose}
              disabled={!valid}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
