import type { FetchJob } from '@planboard/contracts';
import { dateTimeText } from './opsFormat';

/** The progress line of a bulk fetch, in words. */
export function fetchJobText(job: FetchJob | undefined): string {
  if (!job) return '';
  const models = `${job.models} model${job.models === 1 ? '' : 's'}`;
  if (job.state === 'running') return `${job.done} of ${job.total} workspaces read (${models} so far)…`;
  const when = job.finishedAt ? `, finished ${dateTimeText(job.finishedAt)}` : '';
  if (job.state === 'completed') return `All ${job.total} workspaces read, ${models}${when}.`;
  return `${job.total - job.failures.length} of ${job.total} workspaces read, ${models}; ${job.failures.length} failed${when}.`;
}
