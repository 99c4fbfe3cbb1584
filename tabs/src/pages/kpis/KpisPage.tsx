import { kpisPage } from '../../shell/pageCatalog';
import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { PageLayout } from '../../shell/PageLayout';

const { title, subtitle } = kpisPage;

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
