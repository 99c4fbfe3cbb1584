import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../api/client';
import { useHealth } from '../api/health';

const useStyles = makeStyles({ bar: { flexShrink: 0 } });

/** Shown above the page while GET /api/health fails. */
export function ApiHealthBanner() {
  const s = useStyles();
  const health = useHealth();
  if (!health.isError) return null;
  const err = health.error;
  const detail =
    err instanceof ApiError && !err.isNetworkError && err.status < 500
      ? err.message
      : 'Pages that need data will not work until the connection is back.';
  return (
    <MessageBar intent="warning" className={s.bar} data-testid="api-unreachable">
      <MessageBarBody>
        <MessageBarTitle>Can&apos;t reach the Planboard API</MessageBarTitle>
        {detail}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void health.refetch()} disabled={health.isFetching}>
          {health.isFetching ? 'Retrying…' : 'Retry'}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
