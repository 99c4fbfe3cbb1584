import { bundleIcon, ArrowSync20Filled, ArrowSync20Regular, ArrowSyncRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(ArrowSync20Filled, ArrowSync20Regular);
const title = 'Operations';
const subtitle = 'Power BI workspaces, semantic model refreshes and schedules.';

export function OperationsPage() {
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <EmptyState
        icon={ArrowSyncRegular}
        title="Refresh operations will appear here"
        description="Workspaces, refresh history and schedules, with a performance analyser that spots failures and slow outliers."
        hint="This page is being built."
      />
    </PageLayout>
  );
}

export const operationsPage: PageDef = {
  id: 'operations',
  title,
  subtitle,
  icon: Icon,
  audience: 'admins',
  Component: OperationsPage,
};
