import { Caption1, makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { bundleIcon, Money20Filled, Money20Regular, MoneyRegular, PersonLockRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { businessUnitsOf } from '../../auth/roles';
import { useMe } from '../../auth/useMe';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';
import { ScopePicker } from './ScopePicker';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(Money20Filled, Money20Regular);
const title = 'Budget';
const subtitle = 'Plan budget and forecast sales by business unit, product category, region and quarter.';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, flexGrow: 1 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  grid: { minHeight: '240px' },
});

export function BudgetPage() {
  const s = useStyles();
  const me = useMe();
  const headingId = useId();
  const [chosen, setChosen] = useState<string>();
  const units = businessUnitsOf(me.data?.scopes ?? []);
  const current = units.find((unit) => unit.id === chosen) ?? units[0];

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
            <Caption1 className={s.hint}>Choose the plan to work on. Your access level is shown on each.</Caption1>
            <ScopePicker scopes={me.data.scopes} value={current.id} onChange={setChosen} labelledBy={headingId} />
          </section>
          <EmptyState
            className={s.grid}
            icon={MoneyRegular}
            title={`The budget grid for ${current.name} will appear here`}
            description="An Excel-like grid of the budget lines, with historical actuals from Power BI, copy and paste, undo and your colleagues' changes arriving live."
            hint="This part is being built."
          />
        </div>
      )}
    </PageLayout>
  );
}

export const budgetPage: PageDef = {
  id: 'budget',
  title,
  subtitle,
  icon: Icon,
  Component: BudgetPage,
};
