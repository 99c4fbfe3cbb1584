import {
  Badge,
  Button,
  Caption1,
  ProgressBar,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { PlayRegular } from '@fluentui/react-icons';
import type { StoreRun } from '@planboard/contracts';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { dataPage } from '../../shell/pageCatalog';
import { PageLayout } from '../../shell/PageLayout';
import { useRun, useRunNow, useRuns, useSources } from './dataApi';
import { useDataStyles } from './dataStyles';
import { formatDuration, formatWhen, progressText, refreshText, stateLabels, triggerLabels } from './dataText';
import { RunReport } from './RunReport';
import { UploadPanel } from './UploadPanel';

const { title, subtitle } = dataPage;
const stateColor = (state: StoreRun['state']) =>
  state === 'succeeded' ? 'success' : state === 'failed' ? 'danger' : state === 'skipped' ? 'informative' : 'brand';

function Sources() {
  const s = useDataStyles();
  const sources = useSources();
  return (
    <section className={s.panel} aria-labelledby="data-sources-heading">
      <Subtitle2 as="h3" id="data-sources-heading" className={s.title}>
        Sources
      </Subtitle2>
      {sources.isPending && <Spinner size="tiny" label="Loading sources…" />}
      {sources.isError && <ApiErrorBar error={sources.error} onRetry={() => void sources.refetch()} />}
      <div className={s.sources}>
        {sources.data?.map((source) => (
          <div key={source.kind} data-testid={`source-${source.kind}`}>
            <TableCellLayout
              media={
                <Badge color={source.state === 'ok' ? 'success' : source.state === 'failing' ? 'danger' : 'informative'}>
                  {source.state === 'ok' ? 'OK' : source.state === 'failing' ? 'Failing' : 'Not read yet'}
                </Badge>
              }
              description={
                source.lastReadAt
                  ? `Read ${formatWhen(source.lastReadAt)}: ${source.items} ${source.kind === 'onedrive' ? 'files' : 'stores'}`
                  : 'Not read yet'
              }
            >
              {source.name}
            </TableCellLayout>
            {source.lastError && <Caption1>{source.lastError}</Caption1>}
          </div>
        ))}
      </div>
    </section>
  );
}

export function DataPage() {
  const s = useDataStyles();
  const runs = useRuns();
  const runNow = useRunNow();
  const [selected, setSelected] = useState<string | undefined>();
  const current = selected ?? runs.data?.[0]?.runId;
  const report = useRun(current);
  const run = report.data?.run;
  const busy = run?.state === 'queued' || run?.state === 'running';
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <div className={s.column}>
        <Sources />
        <section className={s.panel} aria-labelledby="data-run-heading">
          <div className={s.toolbar}>
            <Subtitle2 as="h3" id="data-run-heading" className={s.title}>
              Run the pipeline
            </Subtitle2>
            <span className={s.spacer} />
            <Button
              appearance="primary"
              icon={<PlayRegular />}
              disabledFocusable={runNow.isPending || busy}
              onClick={() => runNow.mutate(undefined, { onSuccess: setSelected })}
            >
              {busy ? 'Running…' : 'Run now'}
            </Button>
          </div>
          <Caption1 className={s.muted}>
            Syncs the store master from Dataverse, loads new, changed and deleted OneDrive files, then refreshes the store report.
          </Caption1>
          {run && (
            <>
              <ProgressBar
                value={busy ? (run.progress.total === 0 ? undefined : run.progress.done / run.progress.total) : 1}
                max={1}
                thickness="large"
                color={run.state === 'failed' ? 'error' : run.totals.rowsRejected > 0 ? 'warning' : busy ? 'brand' : 'success'}
                aria-label="Pipeline run progress"
                aria-valuetext={progressText(run)}
              />
              <Caption1 role="status" data-testid="run-progress">
                {progressText(run)}
              </Caption1>
            </>
          )}
          {runNow.isError && <ApiErrorBar error={runNow.error} />}
        </section>
        <UploadPanel onRunStarted={setSelected} />
        {report.data && <RunReport report={report.data} />}
        {report.isError && <ApiErrorBar error={report.error} onRetry={() => void report.refetch()} />}
        <section className={s.panel} aria-labelledby="data-history-heading">
          <Subtitle2 as="h3" id="data-history-heading" className={s.title}>
            Run history
          </Subtitle2>
          {runs.isPending && <Spinner size="tiny" label="Loading runs…" />}
          {runs.isError && <ApiErrorBar error={runs.error} onRetry={() => void runs.refetch()} />}
          {runs.data?.length === 0 && <Caption1>No runs yet.</Caption1>}
          {runs.data && runs.data.length > 0 && (
            <div className={s.tableWrap}>
              <Table size="small" aria-label="Run history">
                <TableHeader>
                  <TableRow>
                    {['Started', 'How', 'Outcome', 'Files', 'Loaded', 'Rejected', 'Removed', 'Took', 'Report', ''].map((label) => (
                      <TableHeaderCell key={label || 'open'}>{label}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {runs.data.map((item) => (
                    <TableRow key={item.runId} aria-selected={item.runId === current}>
                      <TableCell>{formatWhen(item.startedAt ?? item.queuedAt)}</TableCell>
                      <TableCell>{triggerLabels[item.trigger]}</TableCell>
                      <TableCell>
                        <Badge appearance="tint" color={stateColor(item.state)}>
                          {stateLabels[item.state]}
                        </Badge>
                      </TableCell>
                      <TableCell>{item.totals.files}</TableCell>
                      <TableCell>{item.totals.rowsLoaded.toLocaleString('en-US')}</TableCell>
                      <TableCell>{item.totals.rowsRejected.toLocaleString('en-US')}</TableCell>
                      <TableCell>{item.totals.rowsRemoved.toLocaleString('en-US')}</TableCell>
                      <TableCell>{formatDuration(item.durationMs)}</TableCell>
                      <TableCell>{refreshText(item)}</TableCell>
                      <TableCell>
                        <Button size="small" appearance="subtle" onClick={() => setSelected(item.runId)}>
                          Show report<span hidden> of {formatWhen(item.queuedAt)}</span>
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </section>
      </div>
    </PageLayout>
  );
}
