import { datasetLabel } from '@planboard/server';
import type { OutgoingMessage } from '../platform/types';
import type { BotDeps } from '../conversation/deps';
import { formatTime } from '../cards/text';
import { notice } from './replies';

const dayMs = 24 * 60 * 60_000;

/** `status` (admins): refresh failures of the last 24 hours and alerts stuck in the poison queue. */
export async function statusCommand(deps: BotDeps): Promise<OutgoingMessage> {
  const now = await deps.clock.now();
  const [failures, poisoned, watched] = await Promise.all([
    deps.failures.between(now - dayMs, now),
    deps.poisonCount().catch(() => -1),
    deps.watch.list(),
  ]);
  const poisonLine =
    poisoned > 0
      ? `${poisoned} alert${poisoned === 1 ? '' : 's'} could not be delivered after 5 tries (queue notifications-poison; see GET /api/notifications/poison).`
      : poisoned < 0
        ? 'The undelivered-alert queue could not be read.'
        : 'Every alert was delivered.';
  return notice({
    title: failures.length
      ? `${failures.length} refresh failure${failures.length === 1 ? '' : 's'} in the last 24 hours`
      : 'No refresh failures in the last 24 hours',
    tone: failures.length ? 'attention' : 'good',
    items: failures.slice(0, 20).map((failure) => `${datasetLabel(failure)} — ${failure.errorCode} — ${formatTime(failure.endedAt)}`),
    lines: failures.length > 20 ? [`Showing the latest 20 of ${failures.length}.`] : [],
    facts: [{ label: 'Refreshes being watched', value: String(watched.length) }],
    footer: poisonLine,
  });
}
