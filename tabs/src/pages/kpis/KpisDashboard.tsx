import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { DataTrendingRegular, DismissRegular, PersonLockRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { EmptyState } from '../../shell/EmptyState';
import { findKpi, totalCounts, visibleKpis, type StatusFilter } from './dashboard';
import { DepartmentSection } from './DepartmentSection';
import { KpiDetailDrawer } from './KpiDetailDrawer';
import { KpiDialogs, type Announce, type KpiDialogState } from './KpiDialogs';
import { KpiFilters } from './KpiFilters';
import { useKpiDashboard, useKpiMutations } from './kpisApi';
import { useKpiRoute } from './useKpiRoute';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/**
 * The KPIs page's content: the caller's departments (only those the API returns), each with its status
 * counts and KPIs (latest value, target, status, sparkline), filtered by status or name. A KPI
 * opens in a detail panel (`#/kpis/<department>/<kpi>`); editors add and import data points,
 * department leaders define KPIs.
 */
export function KpisDashboard() {
  const s = useStyles();
  const dashboard = useKpiDashboard();
  const mutations = useKpiMutations();
  const [open, setOpen] = useKpiRoute();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<KpiDialogState | null>(null);
  const [notice, setNotice] = useState<{ text: string; intent: 'success' | 'warning' } | null>(null);
  const announce: Announce = (text, intent = 'success') => setNotice({ text, intent });

  const departments = dashboard.data?.departments ?? [];
  const selected = findKpi(dashboard.data, open?.departmentId, open?.kpiId) ?? null;
  // A KPI deleted from its own detail leaves the dashboard a moment before its link is cleared.
  const deleting = mutations.deleteDefinition.variables;
  const deleted = deleting?.departmentId === open?.departmentId && deleting?.kpiId === open?.kpiId;
  const missing = dashboard.data && open && !selected && !deleted ? open : undefined;
  const counts = dashboard.data ? totalCounts(dashboard.data) : undefined;
  const shownBy = new Map(departments.map((department) => [department.departmentId, visibleKpis(department, status, search)]));
  const shown = [...shownBy.values()].reduce((sum, kpis) => sum + kpis.length, 0);

  const dialogs = (
    <KpiDialogs
      dialog={dialog}
      mutations={mutations}
      onClose={() => setDialog(null)}
      announce={announce}
      onDeleted={(departmentId, kpiId) => open?.departmentId === departmentId && open.kpiId === kpiId && setOpen(undefined)}
    />
  );

  return (
    <>
      {dashboard.isPending ? (
        <Spinner label="Loading your departments' KPIs…" />
      ) : !dashboard.data ? (
        <ApiErrorBar error={dashboard.error} onRetry={() => void dashboard.refetch()} retrying={dashboard.isFetching} />
      ) : departments.length === 0 ? (
        <EmptyState
          icon={PersonLockRegular}
          title="No departments yet"
          description="You don't have access to any department's KPIs. Ask a Planboard admin to grant you access to your department."
        />
      ) : (
        <div className={s.column}>
          {/* A failed refresh keeps what was loaded, and says so. */}
          {dashboard.isError && (
            <ApiErrorBar error={dashboard.error} onRetry={() => void dashboard.refetch()} retrying={dashboard.isFetching} />
          )}
          {counts && counts.all > 0 && (
            <KpiFilters
              status={status}
              search={search}
              counts={counts}
              shown={shown}
              onStatusChange={setStatus}
              onSearchChange={setSearch}
            />
          )}
          <div aria-live="polite">
            {missing && (
              <MessageBar intent="warning" data-testid="kpi-missing">
                <MessageBarBody>
                  The linked KPI ({missing.kpiId} in {missing.departmentId}) is not on your dashboard: it may have been deleted, or you may
                  not have access to its department.
                </MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={() => setOpen(undefined)} />
                  }
                />
              </MessageBar>
            )}
            {notice && (
              <MessageBar intent={notice.intent} data-testid="kpi-notice">
                <MessageBarBody>{notice.text}</MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={() => setNotice(null)} />
                  }
                />
              </MessageBar>
            )}
          </div>
          {counts?.all === 0 && (
            <EmptyState
              icon={DataTrendingRegular}
              title="No KPIs yet"
              description={
                departments.some((department) => department.canManage)
                  ? 'Define your departments’ KPIs with “New KPI”, then add data points by hand or import them from Excel.'
                  : 'Your departments have no KPIs yet. A department leader can define them.'
              }
            />
          )}
          {departments.map((department) => (
            <DepartmentSection
              key={department.departmentId}
              department={department}
              shown={shownBy.get(department.departmentId) ?? []}
              status={status}
              search={search}
              onOpen={(kpi) => setOpen({ departmentId: department.departmentId, kpiId: kpi.kpiId })}
              onAddPoint={(kpi) => setDialog({ kind: 'point', department, kpi })}
              onEdit={(kpi) => setDialog({ kind: 'definition', department, kpi })}
              onDelete={(kpi) => setDialog({ kind: 'delete', department, kpi })}
              onNewKpi={() => setDialog({ kind: 'definition', department })}
              onImport={() => setDialog({ kind: 'import', department })}
            />
          ))}
        </div>
      )}
      <KpiDetailDrawer
        target={selected}
        onClose={() => setOpen(undefined)}
        onAddPoint={(department, kpi) => setDialog({ kind: 'point', department, kpi })}
        onEdit={(department, kpi, detail) => setDialog({ kind: 'definition', department, kpi, etag: detail?.etag })}
        onDelete={(department, kpi, detail) =>
          setDialog({ kind: 'delete', department, kpi, etag: detail?.etag, points: detail?.points.length })
        }
      >
        {selected && dialogs}
      </KpiDetailDrawer>
      {!selected && dialogs}
    </>
  );
}
