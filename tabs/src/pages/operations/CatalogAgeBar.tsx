import { Button, Caption1, ProgressBar, Tooltip } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { CatalogAge } from '@planboard/contracts';
import { useEffect, useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { catalogAgeText, dateTimeText } from './opsFormat';
import type { OpsMutations } from './opsApi';
import { useOpsStyles } from './opsStyles';

/** Ticks once a minute, so "read 5 minutes ago" stays true while the page is open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export interface CatalogAgeBarProps {
  age: CatalogAge | undefined;
  /** When the answer carrying `age` arrived (react-query's dataUpdatedAt). */
  fetchedAt: number;
  mutations: OpsMutations;
}

/** "Catalog read from Power BI 5 minutes ago" and the button that reads it again now. */
export function CatalogAgeBar({ age, fetchedAt, mutations }: CatalogAgeBarProps) {
  const s = useOpsStyles();
  const now = useMinuteClock();
  const { sync } = mutations;
  return (
    <div className={s.stack}>
      <div className={s.toolbar}>
        <Tooltip content={age?.syncedAt ? `Read at ${dateTimeText(age.syncedAt)}` : 'Never read'} relationship="description">
          <Caption1 className={s.muted} data-testid="catalog-age">
            {catalogAgeText(age, now, fetchedAt)}
          </Caption1>
        </Tooltip>
        <Button size="small" icon={<ArrowSyncRegular />} disabled={sync.isPending} onClick={() => sync.mutate()}>
          {sync.isPending ? 'Reading the catalog…' : 'Read catalog now'}
        </Button>
        {sync.isSuccess && !sync.isPending && (
          <Caption1 role="status">
            Read {sync.data.workspaces} workspaces, {sync.data.models} models and {sync.data.reports} reports
            {sync.data.failedWorkspaces.length > 0 ? `; ${sync.data.failedWorkspaces.length} workspaces could not be read` : ''}.
          </Caption1>
        )}
      </div>
      {sync.isPending && <ProgressBar aria-label="Reading the catalog from Power BI" />}
      {sync.isError && <ApiErrorBar error={sync.error} onRetry={() => sync.mutate()} />}
    </div>
  );
}
