import { Badge, Button, Caption1, Spinner, Subtitle1, Subtitle2 } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { CatalogAgeBar } from './CatalogAgeBar';
import { DurationChart } from './DurationChart';
import { HistoryTable } from './HistoryTable';
import { dateTimeText, durationText, ownerText, storageModeLabel } from './opsFormat';
import { useModel, useSchedule, useWorkspaces, type OpsMutations } from './opsApi';
import type { OpsRoute } from './opsRoute';
import { useOpsStyles } from './opsStyles';
import { RefreshNow } from './RefreshNow';
import { ReportsTable, RouteLink } from './ReportsTable';
import { ScheduleSection } from './ScheduleSection';
import { RefreshStatusBadge } from './StatusBadge';

export interface ModelViewProps {
  datasetId: string;
  mutations: OpsMutations;
  nowMs: number;
  onOpen(route: OpsRoute): void;
}

/** One model: facts, Refresh now, schedule, duration chart, stored history and the reports that depend on it. */
export function ModelView({ datasetId, mutations, nowMs, onOpen }: ModelViewProps) {
  const s = useOpsStyles();
  const detail = useModel(datasetId);
  const workspaces = useWorkspaces();
  // The same query as the schedule section's: it knows whether Planboard owns the model.
  const schedule = useSchedule(datasetId);
  const names = useMemo(() => new Map((workspaces.data?.workspaces ?? []).map((ws) => [ws.workspaceId, ws.name])), [workspaces.data]);
  if (detail.isPending) return <Spinner label="Loading the model…" />;
  if (detail.isError) return <ApiErrorBar error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />;
  const { model, reports, catalog } = detail.data;
  const { fetchHistory } = mutations;
  return (
    <section className={s.column} aria-labelledby="ops-model-heading">
      <div className={s.stack}>
        <Subtitle1 as="h2" id="ops-model-heading" className={s.sectionTitle}>
          {model.name}
        </Subtitle1>
        <div className={s.toolbar}>
          <Caption1 className={s.muted}>
            Semantic model in{' '}
            <RouteLink route={{ view: 'workspace', workspaceId: model.workspaceId }} onOpen={onOpen}>
              {model.workspaceName}
            </RouteLink>
          </Caption1>
          {model.storageMode && <Badge appearance="outline">{storageModeLabel(model.storageMode)}</Badge>}
        </div>
        <CatalogAgeBar age={catalog} fetchedAt={detail.dataUpdatedAt} mutations={mutations} />
      </div>
      <div className={s.twoColumns}>
        <section className={s.panel} aria-labelledby="ops-last-heading">
          <Subtitle2 as="h3" id="ops-last-heading" className={s.sectionTitle}>
            Last refresh
          </Subtitle2>
          <dl className={s.facts}>
            <dt className={s.factName}>Status</dt>
            <dd className={s.factValue}>
              <RefreshStatusBadge status={model.lastRefresh?.status} />
            </dd>
            <dt className={s.factName}>Started</dt>
            <dd className={s.factValue}>{dateTimeText(model.lastRefresh?.startTime)}</dd>
            <dt className={s.factName}>Duration</dt>
            <dd className={s.factValue}>{durationText(model.lastRefresh?.durationMs)}</dd>
            <dt className={s.factName}>Configured by</dt>
            <dd className={s.factValue}>{ownerText(model.configuredBy, schedule.data?.ownedByPlanboard)}</dd>
          </dl>
          <RefreshNow datasetId={model.datasetId} modelName={model.name} refreshable={model.refreshable} mutations={mutations} />
        </section>
        <ScheduleSection datasetId={model.datasetId} modelName={model.name} mutations={mutations} nowMs={nowMs} />
      </div>
      <DurationChart datasetId={model.datasetId} modelName={model.name} nowMs={nowMs} />
      <section className={s.stack} aria-labelledby="ops-history-heading">
        <div className={s.toolbar}>
          <Subtitle2 as="h3" id="ops-history-heading" className={s.sectionTitle}>
            Refresh history
          </Subtitle2>
          <span className={s.spacer} />
          <Button
            icon={<ArrowDownloadRegular />}
            disabledFocusable={fetchHistory.isPending}
            onClick={() => fetchHistory.mutate(model.datasetId)}
          >
            {fetchHistory.isPending ? 'Reading the history…' : 'Read history from Power BI'}
          </Button>
        </div>
        {fetchHistory.isSuccess && (
          <Caption1 role="status">
            Read {fetchHistory.data.read} refreshes from Power BI: {fetchHistory.data.added} new, {fetchHistory.data.updated} updated
            {fetchHistory.data.gap ? '. Power BI no longer has some older refreshes, so the stored history has a gap.' : '.'}
          </Caption1>
        )}
        {fetchHistory.isError && <ApiErrorBar error={fetchHistory.error} />}
        <HistoryTable datasetId={model.datasetId} modelName={model.name} />
      </section>
      <section className={s.stack} aria-labelledby="ops-reports-heading">
        <Subtitle2 as="h3" id="ops-reports-heading" className={s.sectionTitle}>
          Reports that depend on this model
        </Subtitle2>
        <ReportsTable label={`Reports bound to ${model.name}`} reports={reports} workspaceNames={names} onOpen={onOpen} />
      </section>
    </section>
  );
}
