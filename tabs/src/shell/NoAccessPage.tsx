import { Button, Link, Spinner } from '@fluentui/react-components';
import { LockClosedRegular, PlugDisconnectedRegular } from '@fluentui/react-icons';
import type { Me } from '@planboard/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { describeApiError } from '../api/errorText';
import { EmptyState } from './EmptyState';
import { PageLayout } from './PageLayout';
import type { PageDef } from './pageTypes';
import { DEFAULT_PAGE } from './routes';
import { hrefFor } from './useHashRoute';

/**
 * An admin page opened by someone who is not an admin (a deep link, an old bookmark): a friendly
 * explanation instead of the page. While /api/me is loading it waits; if that failed, it says so.
 */
export function NoAccessPage({ page, me }: { page: PageDef; me: UseQueryResult<Me> }) {
  if (me.isPending) {
    return (
      <PageLayout title={page.title}>
        <Spinner label="Checking your access…" />
      </PageLayout>
    );
  }
  if (me.isError) {
    const problem = describeApiError(me.error);
    return (
      <PageLayout title={page.title}>
        <EmptyState icon={PlugDisconnectedRegular} title="We couldn't check your access" description={problem.message}>
          <Button onClick={() => void me.refetch()} disabled={me.isFetching}>
            {me.isFetching ? 'Retrying…' : 'Try again'}
          </Button>
        </EmptyState>
      </PageLayout>
    );
  }
  return (
    <PageLayout title={page.title}>
      <EmptyState
        icon={LockClosedRegular}
        title="You don't have access to this page"
        description={`${page.title} is for Planboard admins. If you need it, ask an admin to give you admin access to a business unit, store or department.`}
      >
        <Link href={hrefFor(DEFAULT_PAGE)}>Go to Budget</Link>
      </EmptyState>
    </PageLayout>
  );
}
