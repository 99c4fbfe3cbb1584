import { bundleIcon, DataTrending20Filled, DataTrending20Regular, DataTrendingRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(DataTrending20Filled, DataTrending20Regular);
const title = 'KPIs';
const subtitle = "Track each department's KPIs against their targets.";

export function KpisPage() {
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <EmptyState
        icon={DataTrendingRegular}
        title="KPI dashboards will appear here"
        description="Departments and their KPIs with on-track, at-risk and off-track status, targets and trend sparklines."
        hint="This page is being built."
      />
    </PageLayout>
  );
}

export const kpisPage: PageDef = {
  id: 'kpis',
  title,
  subtitle,
  icon: Icon,
  Component: KpisPage,
};
