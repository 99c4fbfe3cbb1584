import { trainingPage } from '../../shell/pageCatalog';
import { Button, makeStyles, ProgressBar, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { HatGraduationRegular, HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import { DayList } from './DayList';
import { DayView } from './DayView';
import { ProgressMatrix } from './ProgressMatrix';
import { TrainingAuditDrawer } from './TrainingAuditDrawer';
import { useProgramme, useTrainingMutations } from './trainingApi';
import { useTrainingRoute } from './useTrainingRoute';

const { title, subtitle } = trainingPage;

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(240px, 340px) 1fr',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: '1fr' },
  },
  overall: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * Learners: the programme (open days, locked ones as "coming") and a day's content and recording.
 * Admins also unlock/lock and edit days, manage recordings, see everyone's progress and the history.
 * The programme is polled, so a day unlocked while the page is open appears within seconds.
 */
export function TrainingPage() {
  const s = useStyles();
  const programme = useProgramme();
  const mutations = useTrainingMutations();
  const [day, openDay] = useTrainingRoute();
  const [view, setView] = useState<'days' | 'progress'>('days');
  const [historyOpen, setHistoryOpen] = useState(false);
  const canManage = programme.data?.canManage ?? false;
  const visible = programme.data?.days.find((item) => item.dayNumber === day);
  const openable = visible && (visible.unlocked || canManage) ? day : undefined;

  let body;
  if (programme.isPending) body = <Spinner label="Loading the programme…" />;
  else if (programme.isError)
    body = <ApiErrorBar error={programme.error} onRetry={() => void programme.refetch()} retrying={programme.isFetching} />;
  else if (programme.data.days.length === 0)
    body = (
      <EmptyState
        icon={HatGraduationRegular}
        title="No training days yet"
        description="When your admins publish the programme, its days appear here."
      />
    );
  else
    body = (
      <>
        {canManage && (
          <div className={s.bar}>
            <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as 'days' | 'progress')}>
              <Tab value="days">Days</Tab>
              <Tab value="progress">Everyone’s progress</Tab>
            </TabList>
            <Button icon={<HistoryRegular />} onClick={() => setHistoryOpen(true)}>
              History
            </Button>
          </div>
        )}
        {view === 'progress' && canManage ? (
          <ProgressMatrix />
        ) : (
          <div className={s.layout}>
            <section aria-label="Programme">
              <div className={s.overall}>
                <Text weight="semibold">Your progress: {Math.round(programme.data.overallPct)} % of the open days</Text>
                <ProgressBar value={programme.data.overallPct / 100} thickness="large" aria-label="Your overall progress" />
              </div>
              <DayList days={programme.data.days} selected={openable} canManage={canManage} onOpen={openDay} />
            </section>
            <section aria-label="Day">
              {openable ? (
                <DayView key={openable} dayNumber={openable} canManage={canManage} mutations={mutations} />
              ) : (
                <EmptyState
                  icon={HatGraduationRegular}
                  title={day ? `Day ${day} is not open yet` : 'Choose a day'}
                  description="Open days show their presentation, resources and recording here."
                />
              )}
            </section>
          </div>
        )}
        <TrainingAuditDrawer open={historyOpen} onClose={() => setHistoryOpen(false)} />
      </>
    );
  return (
    <PageLayout title={title} subtitle={subtitle}>
      {body}
    </PageLayout>
  );
}
