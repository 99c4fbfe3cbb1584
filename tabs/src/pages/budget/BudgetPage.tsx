import { budgetPage } from '../../shell/pageCatalog';
import { Caption1, makeStyles, Spinner, Subtitle1, Tab, TabList, tokens } from '@fluentui/react-components';
import { PersonLockRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { businessUnitsOf } from '../../auth/roles';
import { useMe } from '../../auth/useMe';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import { budgetKeys, fetchPlanStatus } from './budgetApi';
import { BudgetWorkspace } from './BudgetWorkspace';
import { nameFromUpn } from './people';
import { ScopePicker } from './ScopePicker';
import { StatusBadge, statusLooks } from './StatusBadge';
import { BudgetSummaryView } from './summary/BudgetSummaryView';
import { togetherScope } from './usePlanRoute';
import { usePlanRoute } from './usePlanRoute';

const { title, subtitle } = budgetPage;

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, flexGrow: 1, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The Budget page: choose a business unit (with each plan's status), then edit its plan in the grid. */
export function BudgetPage() {
  const s = useStyles();
  const me = useMe();
  const headingId = useId();
  const [route, choose] = usePlanRoute();
  const units = businessUnitsOf(me.data?.scopes ?? []);
  const current = units.find((unit) => unit.id === route.scopeId) ?? units[0];
  // Several business units (a manager): they can be seen together, read-only, besides one at a time.
  const together = units.length > 1 && route.scopeId === togetherScope;
  const statuses = useQuery({
    queryKey: budgetKeys.status(route.planId),
    queryFn: ({ signal }) => fetchPlanStatus(route.planId, signal),
    enabled: units.length > 0,
    refetchInterval: 15_000,
  });
  const stateOf = (scopeId: string) => statuses.data?.units.find((unit) => unit.scopeId === scopeId)?.state;
  const nameOf = (upn: string) => nameFromUpn(upn, me.data?.user);

  return (
    <PageLayout title={title} subtitle={subtitle}>
      {me.isPending ? (
        <Spinner label="Loading your business units…" />
      ) : me.isError ? (
        <ApiErrorBar error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      ) : !current ? (
        <EmptyState
          icon={PersonLockRegular}
          title="No business units yet"
          description="You don't have access to any business unit's plan. Ask a Planboard admin to grant you access."
        />
      ) : (
        <div className={s.column}>
          <section className={s.section}>
            <Subtitle1 as="h2" id={headingId} className={s.heading}>
              Your business units
            </Subtitle1>
            <Caption1 className={s.hint}>Choose the plan to work on. Your access level and each plan’s status are shown on each.</Caption1>
            {units.length > 1 && (
              <TabList
                selectedValue={together ? 'together' : 'one'}
                onTabSelect={(_, data) => choose(data.value === 'together' ? togetherScope : current.id)}
                aria-label="How to show your business units"
              >
                <Tab value="one">One at a time</Tab>
                <Tab value="together">All {units.length} together</Tab>
              </TabList>
            )}
            <ScopePicker
              scopes={me.data.scopes}
              value={together ? undefined : current.id}
              onChange={choose}
              labelledBy={headingId}
              extra={(scopeId) => {
                const state = stateOf(scopeId);
                return state
                  ? { node: <StatusBadge state={state} nameOf={nameOf} compact />, text: `Plan status: ${statusLooks[state.status].label}` }
                  : null;
              }}
            />
          </section>
          {together ? (
            <BudgetSummaryView planId={route.planId} nameOf={nameOf} onOpen={choose} />
          ) : (
            <BudgetWorkspace
              key={`${route.planId}/${current.id}`}
              planId={route.planId}
              scopeId={current.id}
              me={me.data}
              level={current.level}
            />
          )}
        </div>
      )}
    </PageLayout>
  );
}
