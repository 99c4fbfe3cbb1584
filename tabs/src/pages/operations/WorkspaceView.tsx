import {
  Badge,
  Button,
  Caption1,
  Link,
  Spinner,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { CalendarEditRegular } from '@fluentui/react-icons';
import type { OperationsModel } from '@planboard/contracts';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { CatalogAgeBar } from './CatalogAgeBar';
import { dateTimeText, durationText, nextSlotText, scheduleSummary } from './opsFormat';
import { useWorkspace, type OpsMutations } from './opsApi';
import type { OpsRoute } from './opsRoute';
import { useOpsStyles } from './opsStyles';
import { RefreshNow } from './RefreshNow';
import { ReportsTable, RouteLink } from './ReportsTable';
import { ScheduleDialogLoader } from './ScheduleDialogLoader';
import { RefreshStatusBadge } from './StatusBadge';

export interface WorkspaceViewProps {
  workspaceId: string;
  mutations: OpsMutations;
  nowMs: number;
  onOpen(route: OpsRoute): void;
}

/** One workspace: its models (last refresh, duration, schedule, next slot; Refresh now, Edit schedule) and its reports. */
export function WorkspaceView({ workspaceId, mutations, nowMs, onOpen }: WorkspaceViewProps) {
  const s = useOpsStyles();
  const detail = useWorkspace(workspaceId);
  const [editing, setEditing] = useState<OperationsModel | null>(null);
  if (detail.isPending) return <Spinner label="Loading the workspace…" />;
  if (detail.isError) return <ApiErrorBar error={detail.error} onRetry={() => void detail.refetch()} retrying={detail.isFetching} />;
  const { workspace, models, reports, catalog } = detail.data;
  return (
    <section className={s.column} aria-labelledby="ops-workspace-heading">
      <div className={s.stack}>
        <Subtitle1 as="h2" id="ops-workspace-heading" className={s.sectionTitle}>
          {workspace.name}
        </Subtitle1>
        <div className={s.toolbar}>
          <Badge appearance="outline">{workspace.environment}</Badge>
          <Badge appearance="outline">{workspace.module}</Badge>
          <Caption1 className={s.muted}>
            {workspace.dedicated ? 'Dedicated capacity' : 'Shared capacity'} · category{' '}
            {workspace.categorySource === 'assigned' ? 'assigned by an admin' : 'guessed from the name'}
          </Caption1>
        </div>
        <CatalogAgeBar age={catalog} fetchedAt={detail.dataUpdatedAt} mutations={mutations} />
      </div>
      <Subtitle2 as="h3" className={s.sectionTitle}>
        Semantic models
      </Subtitle2>
      <div className={s.scroll}>
        <Table className={s.table} aria-label={`Semantic models in ${workspace.name}`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Model</TableHeaderCell>
              <TableHeaderCell>Last refresh</TableHeaderCell>
              <TableHeaderCell>Duration</TableHeaderCell>
              <TableHeaderCell>Schedule</TableHeaderCell>
              <TableHeaderCell>Next refresh</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {models.map((model) => (
              <TableRow key={model.datasetId}>
                <TableCell>
                  <RouteLink route={{ view: 'model', datasetId: model.datasetId }} onOpen={onOpen}>
                    {model.name}
                  </RouteLink>
                </TableCell>
                <TableCell>
                  <div className={s.stack}>
                    <RefreshStatusBadge status={model.lastRefresh?.status} />
                    {model.lastRefresh && <Caption1 className={s.muted}>{dateTimeText(model.lastRefresh.startTime)}</Caption1>}
                  </div>
                </TableCell>
                <TableCell className={s.nowrap}>{durationText(model.lastRefresh?.durationMs)}</TableCell>
                <TableCell>{model.refreshable ? scheduleSummary(model.schedule) : 'Push model (no refresh)'}</TableCell>
                <TableCell className={s.nowrap}>{nextSlotText(model.schedule, nowMs) ?? '—'}</TableCell>
                <TableCell>
                  <div className={s.stack}>
                    <RefreshNow
                      datasetId={model.datasetId}
                      modelName={model.name}
                      refreshable={model.refreshable}
                      mutations={mutations}
                      compact
                    />
                    {model.refreshable && (
                      <Button
                        size="small"
                        icon={<CalendarEditRegular />}
                        aria-label={`Edit schedule: ${model.name}`}
                        onClick={() => setEditing(model)}
                      >
                        Edit schedule
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {models.length === 0 && <Caption1 className={s.muted}>This workspace has no semantic models.</Caption1>}
      <Subtitle2 as="h3" className={s.sectionTitle}>
        Reports
      </Subtitle2>
      <ReportsTable label={`Reports in ${workspace.name}`} reports={reports} workspaceId={workspaceId} onOpen={onOpen} />
      <Link href="#/operations" onClick={(event) => (event.preventDefault(), onOpen({ view: 'overview' }))}>
        Back to the overview
      </Link>
      {editing && <ScheduleDialogLoader model={editing} mutations={mutations} onClose={() => setEditing(null)} />}
    </section>
  );
}
