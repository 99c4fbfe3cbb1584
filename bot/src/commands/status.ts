import { datasetLabel, outlierRule } from '@planboard/server';
import type { OutgoingMessage } from '../platform/types';
import type { BotDeps } from '../conversation/deps';
import { formatDuration, formatTime } from '../cards/text';
import { notice } from './replies';
import { slowRefreshes } from './slow-refreshes';

const dayMs = 24 * 60 * 60_000;
/** Items per kind: the card lists at most 25 in all. */
const perKind = 12;

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * `status` (admins): refresh failures and slow refreshes (outliers by the analyser's rule) of the
 * last 24 hours, and alerts stuck in the poison queue.
 */
export async function statusCommand(deps: BotDeps): Promise<OutgoingMessage> {
  const now = await deps.clock.now();
  const [failures, slow, poisoned, watched] = await Promise.all([
    deps.failures.between(now - dayMs, now),
    slowRefreshes(deps, now - dayMs, now),
    deps.poisonCount().catch(() => -1),
    deps.watch.list(),
  ]);
  const poisonLine =
    poisoned > 0
      ? `${poisoned} alert${poisoned === 1 ? '' : 's'} could not be delivered after 5 tries (queue notifications-poison; see GET /api/notifications/poison).`
      : poisoned < 0
        ? 'The undelivered-alert queue could not be read.'
        : 'Every alert was delivered.';
  const title =
    failures.length || slow.slow.length
      ? `${count(failures.length, 'refresh failure', 'refresh failures')} and ${count(slow.slow.length, 'slow refresh', 'slow refreshes')} in the last 24 hours`
      : 'No refresh failures or slow refreshes in the last 24 hours';
  const lines: string[] = [];
  if (failures.length > perKind) lines.push(`Showing the latest ${perKind} of ${failures.length} failures.`);
  if (slow.slow.length > perKind) lines.push(`Showing the latest ${perKind} of ${slow.slow.length} slow refreshes.`);
  if (slow.skipped > 0) lines.push(`Slow refreshes: only the ${slow.looked} models that refreshed most recently were looked at.`);
  return notice({
    title,
    tone: failures.length ? 'attention' : slow.slow.length ? 'warning' : 'good',
    items: [
      ...failures
        .slice(0, perKind)
        .map((failure) => `Failed: ${datasetLabel(failure)} — ${failure.errorCode} — ${formatTime(failure.endedAt)}`),
      ...slow.slow
        .slice(0, perKind)
        .map(
          (item) =>
            `Slow: ${datasetLabel(item.dataset)} — ${formatDuration(item.durationMs)}, ${item.ratio.toFixed(1)} × its typical ${formatDuration(item.medianMs)} — ${formatTime(item.startTime)}`,
        ),
    ],
    lines,
    facts: [
      { label: 'Refreshes being watched', value: String(watched.length) },
      {
        label: 'Slow means',
        value: `longer than the median + ${outlierRule.factor} × scaled MAD of the model's previous ${outlierRule.history} completed refreshes`,
      },
    ],
    footer: poisonLine,
  });
}
