import { Link } from '@fluentui/react-components';
import { DocumentQuestionMarkRegular } from '@fluentui/react-icons';
import { EmptyState } from './EmptyState';
import { PageLayout } from './PageLayout';
import { hrefFor } from './useHashRoute';
import { DEFAULT_PAGE } from './routes';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <PageLayout title="Page not found">
      <EmptyState
        icon={DocumentQuestionMarkRegular}
        title="There's no page here"
        description={`Planboard has no page called “${path}”. It may have moved, or the link may be mistyped.`}
      >
        <Link href={hrefFor(DEFAULT_PAGE)}>Go to Budget</Link>
      </EmptyState>
    </PageLayout>
  );
}
