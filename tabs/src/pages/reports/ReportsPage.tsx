import { bundleIcon, ChartMultiple20Filled, ChartMultiple20Regular, ChartMultipleRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(ChartMultiple20Filled, ChartMultiple20Regular);
const title = 'Reports';
const subtitle = 'Power BI reports filtered to the stores and business units you can see.';

export function ReportsPage() {
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <EmptyState
        icon={ChartMultipleRegular}
        title="Your reports will appear here"
        description="Embedded Power BI reports that use your identity, so every visual shows only the rows you have access to."
        hint="This page is being built."
      />
    </PageLayout>
  );
}

export const reportsPage: PageDef = {
  id: 'reports',
  title,
  subtitle,
  icon: Icon,
  Component: ReportsPage,
};
