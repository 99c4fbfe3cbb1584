import { performanceReportSchema, type PerformanceWindow } from '@planboard/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiRequest } from '../../../api/client';

export interface PerformanceFilter {
  window: PerformanceWindow;
  environment?: string;
  module?: string;
  workspace?: string;
}

/** The query string of a filter (empty filters left out: the API refuses empty names). */
export function performanceQuery(filter: PerformanceFilter): string {
  const params = new URLSearchParams({ window: filter.window });
  if (filter.environment) params.set('environment', filter.environment);
  if (filter.module) params.set('module', filter.module);
  if (filter.workspace) params.set('workspace', filter.workspace);
  return params.toString();
}

export function usePerformance(filter: PerformanceFilter) {
  const query = performanceQuery(filter);
  return useQuery({
    queryKey: ['operations', 'performance', query],
    queryFn: ({ signal }) => api.get(`/operations/performance?${query}`, { signal, parse: (data) => performanceReportSchema.parse(data) }),
    // Switching windows keeps the last view on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}

/** The view as an .xlsx download (the token travels in the header, not the URL). */
export async function downloadPerformance(filter: PerformanceFilter): Promise<Blob> {
  let blob: Blob | undefined;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (response.ok) blob = await response.clone().blob();
    return response;
  }) as typeof fetch;
  await apiRequest('GET', `/operations/performance.xlsx?${performanceQuery(filter)}`, { fetchImpl, parse: () => undefined });
  if (!blob) throw new Error('The export is empty.');
  return blob;
}
