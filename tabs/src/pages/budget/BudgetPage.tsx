import { bundleIcon, Money20Filled, Money20Regular, MoneyRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(Money20Filled, Money20Regular);
const title = 'Budget';
const subtitle = 'Plan budget and forecast sales by business unit, product category, region and quarter.';

export function BudgetPage() {
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <EmptyState
        icon={MoneyRegular}
        title="Your budget grid will appear here"
        description="An Excel-like grid of your budget lines, with historical actuals from Power BI, copy and paste, undo and your colleagues' changes arriving live."
        hint="This page is being built."
      />
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
