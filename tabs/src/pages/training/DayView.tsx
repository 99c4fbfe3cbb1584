import {
  Body1,
  Button,
  Caption1,
  Card,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular, DocumentRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { DayAdminActions } from './DayAdminActions';
import { completionTone } from './progressTone';
import { durationText, RecordingPlayer } from './RecordingPlayer';
import { useTrainingDay, type TrainingMutations } from './trainingApi';
import type { ProgressInput } from '@planboard/contracts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  links: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground3 },
  description: { whiteSpace: 'pre-wrap' },
});

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface DayViewProps {
  dayNumber: number;
  canManage: boolean;
  mutations: TrainingMutations;
}

/** One day: its links, recordings and the learner's progress; admins also get its actions. */
export function DayView({ dayNumber, canManage, mutations }: DayViewProps) {
  const s = useStyles();
  const query = useTrainingDay(dayNumber);
  if (query.isPending) return <Spinner label={`Loading day ${dayNumber}…`} />;
  if (query.isError) return <ApiErrorBar error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const day = query.data;
  const progress = day.progress;
  const active = day.recordings.filter((recording) => recording.active);
  const report = (input: ProgressInput) => {
    if (day.unlocked) mutations.progress.mutate({ day: dayNumber, input });
  };
  const soFar = { watchedSeconds: progress?.watchedSeconds ?? 0, watched: progress?.recordingWatched ?? false };
  return (
    <Card className={s.root} aria-labelledby="training-day-title">
      <Subtitle1 as="h2" id="training-day-title">
        Day {day.dayNumber}: {day.title}
      </Subtitle1>
      {canManage && <DayAdminActions day={day} mutations={mutations} />}
      {!day.unlocked && (
        <MessageBar intent="info">
          <MessageBarBody>Learners cannot see this day yet. Unlock it to open it for everyone.</MessageBarBody>
        </MessageBar>
      )}
      {day.description && <Body1 className={s.description}>{day.description}</Body1>}
      <div className={s.links}>
        {day.presentationUrl && (
          <Link href={day.presentationUrl} target="_blank" rel="noopener noreferrer" onClick={() => report({ presentationOpened: true })}>
            <DocumentRegular aria-hidden /> Open the presentation
          </Link>
        )}
        {day.resourcesUrl && (
          <Link href={day.resourcesUrl} target="_blank" rel="noopener noreferrer">
            <FolderOpenRegular aria-hidden /> Resources
          </Link>
        )}
      </div>
      {active.length === 0 && <Caption1 className={s.meta}>No recording for this day yet.</Caption1>}
      {active.map((recording) => (
        <RecordingPlayer
          key={recording.recordingId}
          recording={recording}
          soFar={soFar}
          onProgress={day.unlocked ? (watched) => report(watched) : undefined}
        />
      ))}
      {day.unlocked && (
        <div className={s.row}>
          {active.length > 0 && (
            <Button
              appearance={progress?.recordingWatched ? 'secondary' : 'primary'}
              icon={<CheckmarkRegular />}
              disabled={progress?.recordingWatched}
              disabledFocusable={mutations.progress.isPending}
              onClick={() => report({ recordingWatched: true })}
            >
              {progress?.recordingWatched ? 'Watched' : 'Mark as watched'}
            </Button>
          )}
          <Text role="status" aria-live="polite">
            Your progress: {completionTone(progress?.completionPct ?? 0)}
            {progress && progress.watchedSeconds > 0 && !progress.recordingWatched
              ? ` · recording watched up to ${durationText(progress.watchedSeconds)}`
              : ''}
          </Text>
        </div>
      )}
      {mutations.progress.isError && (
        <ApiErrorBar error={mutations.progress.error} onRetry={() => mutations.progress.reset()} retrying={false} />
      )}
      <Caption1 className={s.meta}>
        {day.unlock ? `Unlocked ${when.format(new Date(day.unlock.at))} by ${day.unlock.by.name}` : 'Locked'}
      </Caption1>
    </Card>
  );
}
