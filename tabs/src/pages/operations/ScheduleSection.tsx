import { Button, Caption1, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Subtitle2 } from '@fluentui/react-components';
import { CalendarEditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { nextSlotText, ownerText, scheduleSummary } from './opsFormat';
import { useSchedule, type OpsMutations } from './opsApi';
import { useOpsStyles } from './opsStyles';
import { ScheduleDialog } from './ScheduleDialog';

export interface ScheduleSectionProps {
  datasetId: string;
  modelName: string;
  mutations: OpsMutations;
  nowMs: number;
}

/** The schedule as Power BI has it (owner, next slot) and its editor. */
export function ScheduleSection({ datasetId, modelName, mutations, nowMs }: ScheduleSectionProps) {
  const s = useOpsStyles();
  const schedule = useSchedule(datasetId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const view = schedule.data;
  const next = view ? nextSlotText(view.schedule, nowMs) : null;
  return (
    <section className={s.panel} aria-labelledby="ops-schedule-heading">
      <Subtitle2 as="h3" id="ops-schedule-heading" className={s.sectionTitle}>
        Schedule
      </Subtitle2>
      {schedule.isPending && (
        <Skeleton aria-label="Loading the schedule">
          <SkeletonItem />
        </Skeleton>
      )}
      {schedule.isError && <ApiErrorBar error={schedule.error} onRetry={() => void schedule.refetch()} />}
      {view && (
        <>
          <dl className={s.facts}>
            <dt className={s.factName}>Refreshes</dt>
            <dd className={s.factValue}>{scheduleSummary(view.schedule)}</dd>
            <dt className={s.factName}>Next refresh</dt>
            <dd className={s.factValue}>{next ? `${next} (${view.schedule.localTimeZoneId})` : 'None planned'}</dd>
            <dt className={s.factName}>Owner</dt>
            <dd className={s.factValue}>{ownerText(view.owner, view.ownedByPlanboard)}</dd>
          </dl>
          <div className={s.toolbar}>
            <Button icon={<CalendarEditRegular />} onClick={() => setEditing(true)}>
              Edit schedule
            </Button>
          </div>
        </>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>
            <Caption1 role="status">{saved}</Caption1>
          </MessageBarBody>
        </MessageBar>
      )}
      {editing && view && (
        <ScheduleDialog
          modelName={modelName}
          datasetId={datasetId}
          view={view}
          mutations={mutations}
          onClose={() => {
            setEditing(false);
            mutations.schedule.reset();
          }}
          onSaved={(text) => {
            setEditing(false);
            mutations.schedule.reset();
            setSaved(text);
          }}
        />
      )}
    </section>
  );
}
