import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2 } from '@fluentui/react-components';
import { CloudArrowDownRegular } from '@fluentui/react-icons';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { fetchJobText } from './fetchJobText';
import { useFetchJob, useStartFetchJob } from './opsApi';
import { useOpsStyles } from './opsStyles';

/**
 * "Fetch everything": the catalog and every model's history, fanned out over the API's hosts.
 * A progress bar shows done / total as the hosts report; at the end, what failed and why.
 */
export function FetchEverything() {
  const s = useOpsStyles();
  const job = useFetchJob();
  const start = useStartFetchJob();
  const current = job.data ?? undefined;
  const running = current?.state === 'running';
  const text = fetchJobText(current);
  return (
    <section className={s.panel} aria-labelledby="ops-fetch-heading">
      <div className={s.toolbar}>
        <Subtitle2 as="h3" id="ops-fetch-heading" className={s.sectionTitle}>
          Fetch everything
        </Subtitle2>
        <span className={s.spacer} />
        <Button
          appearance="primary"
          icon={<CloudArrowDownRegular />}
          disabledFocusable={running || start.isPending}
          onClick={() => start.mutate()}
        >
          {running ? 'Fetching…' : 'Fetch everything'}
        </Button>
      </div>
      <Caption1 className={s.muted}>
        Reads every workspace, model, schedule and report, and each model’s newest refreshes, from Power BI.
      </Caption1>
      {current && (
        <>
          <ProgressBar
            value={current.total === 0 ? 1 : current.done / current.total}
            max={1}
            thickness="large"
            color={current.state === 'completedWithFailures' ? 'warning' : current.state === 'completed' ? 'success' : 'brand'}
            aria-label="Fetch everything progress"
            aria-valuetext={text}
          />
          <Caption1 role="status" data-testid="fetch-progress">
            {text}
          </Caption1>
        </>
      )}
      {current && current.failures.length > 0 && current.state !== 'running' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {current.failures.length} workspace{current.failures.length === 1 ? '' : 's'} could not be read
            </MessageBarTitle>
            <ul aria-label="Workspaces that could not be read">
              {current.failures.map((failure) => (
                <li key={failure.workspaceId}>
                  {failure.workspaceName}: {failure.reason}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {start.isError && <ApiErrorBar error={start.error} />}
      {job.isError && <ApiErrorBar error={job.error} onRetry={() => void job.refetch()} />}
    </section>
  );
}
