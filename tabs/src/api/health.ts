import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface Health {
  status: string;
  version: string;
  uptimeSeconds: number;
}

export function parseHealth(data: unknown): Health {
  const d = data as Partial<Health> | null;
  if (!d || typeof d.status !== 'string' || typeof d.version !== 'string' || typeof d.uptimeSeconds !== 'number') {
    throw new Error('Unexpected /api/health body');
  }
  return { status: d.status, version: d.version, uptimeSeconds: d.uptimeSeconds };
}

export const getHealth = (signal?: AbortSignal) => api.get('/health', { parse: parseHealth, signal });

/** API liveness, re-checked every minute and when the window regains focus. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: 60_000,
    retry: 1,
    retryDelay: 1_000,
  });
}
