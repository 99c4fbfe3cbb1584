import { bundleIcon, ShieldPerson20Filled, ShieldPerson20Regular, ShieldPersonRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../shell/EmptyState';
import { PageLayout } from '../../shell/PageLayout';
import type { PageDef } from '../../shell/pageTypes';

/** Nav icon: 20px, filled when selected. */
const Icon = bundleIcon(ShieldPerson20Filled, ShieldPerson20Regular);
const title = 'Access';
const subtitle = 'Users, scopes and the access they have been granted.';

export function AccessPage() {
  return (
    <PageLayout title={title} subtitle={subtitle}>
      <EmptyState
        icon={ShieldPersonRegular}
        title="Access management will appear here"
        description="Grant people read, edit, approve or admin access to business units, stores and departments, with every change audited."
        hint="This page is being built."
      />
    </PageLayout>
  );
}

export const accessPage: PageDef = {
  id: 'access',
  title,
  subtitle,
  icon: Icon,
  audience: 'admins',
  Component: AccessPage,
};
