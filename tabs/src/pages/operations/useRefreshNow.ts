import { historyFetchResultSchema, refreshHistorySchema } from '@planboard/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { opsKeys, runningPollMs, type OpsMutations } from './opsApi';
import { nextPhase, type RefreshPhase } from './refreshWatch';

/**
 * Refresh now for one model: starts it, then reads the history from Power BI every few seconds
 * until the refresh has a final status (Unknown → Completed / Failed), and refetches the views.
 */
export function useRefreshNow(datasetId: string, mutations: OpsMutations): [RefreshPhase, () => void] {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<RefreshPhase>({ kind: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, [datasetId]);

  useEffect(() => {
    if (phase.kind !== 'running') return;
    const timer = window.setTimeout(async () => {
      try {
        await api.post(`/operations/models/${datasetId}/history/fetch`, undefined, {
          parse: (data) => historyFetchResultSchema.parse(data),
        });
        const newest = await api.get(`/operations/models/${datasetId}/history`, {
          query: { top: 10 },
          parse: (data) => refreshHistorySchema.parse(data),
        });
        if (alive.current) setPhase(nextPhase(phase.started, newest.refreshes));
      } catch (error) {
        if (alive.current) setPhase({ kind: 'error', error });
      }
    }, runningPollMs);
    return () => window.clearTimeout(timer);
  }, [phase, datasetId]);

  useEffect(() => {
    if (phase.kind === 'done') void queryClient.invalidateQueries({ queryKey: opsKeys.all });
  }, [phase.kind, queryClient]);

  const start = useCallback(() => {
    setPhase({ kind: 'starting' });
    mutations.refresh.mutate(datasetId, {
      onSuccess: (started) => alive.current && setPhase({ kind: 'running', started }),
      onError: (error) => alive.current && setPhase({ kind: 'error', error }),
    });
  }, [datasetId, mutations.refresh]);
  return [phase, start];
}
