import { operationsPage } from '../../shell/pageCatalog';
import { Spinner, Tab, TabList } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { PageLayout } from '../../shell/PageLayout';
import { CatalogAgeBar } from './CatalogAgeBar';
import { CategoriseView } from './CategoriseView';
import { FetchEverything } from './FetchEverything';
import { ModelView } from './ModelView';
import { OpsBreadcrumb } from './OpsBreadcrumb';
import { useAllModels, useOpsMutations, useWorkspaces } from './opsApi';
import { OverviewView } from './OverviewView';
import { PerformanceView } from './performance/PerformanceView';
import { useOpsStyles } from './opsStyles';
import { useOpsRoute } from './useOpsRoute';
import { WorkspaceView } from './WorkspaceView';

const { title, subtitle } = operationsPage;

/** The clock the views compare times with (next slot, stale, failed in 24 h); ticks each minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * Admins' Power BI console: an overview by environment × module, bulk categorising of
 * workspaces, a workspace's models and reports, and a model's refreshes, schedule and dependants.
 * The view lives in the URL (`#/operations/...`), so the bot's "Open history" lands on the model.
 */
export function OperationsPage() {
  const s = useOpsStyles();
  const [route, go] = useOpsRoute();
  const mutations = useOpsMutations();
  const workspaces = useWorkspaces();
  const models = useAllModels();
  const nowMs = useNow();
  const tab = route.view === 'categorise' || route.view === 'performance' ? route.view : 'overview';

  let body;
  if (route.view === 'workspace') body = <WorkspaceView workspaceId={route.workspaceId} mutations={mutations} nowMs={nowMs} onOpen={go} />;
  else if (route.view === 'model') body = <ModelView datasetId={route.datasetId} mutations={mutations} nowMs={nowMs} onOpen={go} />;
  else if (route.view === 'performance') body = <PerformanceView onOpen={go} />;
  else if (workspaces.isPending || models.isPending) body = <Spinner label="Loading the catalog…" />;
  else if (workspaces.isError)
    body = <ApiErrorBar error={workspaces.error} onRetry={() => void workspaces.refetch()} retrying={workspaces.isFetching} />;
  else if (models.isError) body = <ApiErrorBar error={models.error} onRetry={() => void models.refetch()} retrying={models.isFetching} />;
  else
    body = (
      <div className={s.column}>
        <CatalogAgeBar age={workspaces.data.catalog} fetchedAt={workspaces.dataUpdatedAt} mutations={mutations} />
        {route.view === 'categorise' ? (
          <CategoriseView workspaces={workspaces.data.workspaces} mutations={mutations} onOpen={go} />
        ) : (
          <>
            <FetchEverything />
            <OverviewView workspaces={workspaces.data.workspaces} models={models.data.models} nowMs={nowMs} onOpen={go} />
          </>
        )}
      </div>
    );

  return (
    <PageLayout title={title} subtitle={subtitle}>
      <div className={s.column}>
        {route.view === 'overview' || route.view === 'categorise' || route.view === 'performance' ? (
          <TabList
            selectedValue={tab}
            onTabSelect={(_, data) => go({ view: data.value === 'categorise' || data.value === 'performance' ? data.value : 'overview' })}
          >
            <Tab value="overview">Overview</Tab>
            <Tab value="categorise">Categorise</Tab>
            <Tab value="performance">Performance</Tab>
          </TabList>
        ) : (
          <OpsBreadcrumb route={route} onOpen={go} />
        )}
        {body}
      </div>
    </PageLayout>
  );
}
