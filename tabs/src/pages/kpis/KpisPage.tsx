import { Spinner } from '@fluentui/react-components';
import { bundleIcon, DataTrending20Filled, DataTrending20Regular } from '@fluentui/react-icons';
import { lazy, Suspense } from 'react';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(DataTrending20Filled, DataTrending20Regular);
const title = 'KPIs';
const subtitle = "Track each department's KPIs against their targets.";

/** The dashboard, its charts and dialogs load with the page (a chunk of their own, off the tab's first load). */
const KpisDashboard = lazy(() => import('./KpisDashboard').then((module) => ({ default: module.KpisDashboard })));

/** The KPIs page: departments with their KPIs' status, targets and trends; a KPI's detail and data entry. */
export function KpisPage() {
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <Suspense fallback={<Spinner label="Loading your departments' KPIs…" />}>
        <KpisDashboard />
      </Suspense>
    </PageLayout>
  );
}

/** The KPIs page in the shell: route `#/kpis` (and `#/kpis/<departmentId>/<kpiId>`), nav entry. */
export const kpisPage: PageDef = {
  id: 'kpis',
  title,
  subtitle,
  icon: Icon,
  Component: KpisPage,
};
