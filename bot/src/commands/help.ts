import type { ConversationKind } from '../platform/types';
import type { BotCaller } from '../conversation/caller';
import { usage } from './parse';

/** The help text for this person in this kind of conversation: only what they may do. */
export function helpText(caller: BotCaller, kind: ConversationKind): string {
  const lines = [
    '**Planboard** posts alerts about Power BI refreshes, budget plans, KPIs going off track and training days, and runs admin commands.',
    '',
  ];
  if (caller.isAdmin) {
    lines.push(
      '- **status**: refresh failures and slow refreshes of the last 24 hours',
      `- **${usage.refresh}**: start a refresh now`,
      '- **schedule ‹dataset›**: show its refresh schedule',
      '- **schedule ‹dataset› set ‹days› ‹times› [time zone]**: change it, e.g. `schedule Budget Planning (Prod) set weekdays 06:00,18:00 UTC`',
      `- **${usage.subscribe}**: send these alerts to this ${kind === 'personal' ? 'chat' : kind === 'channel' ? 'channel' : 'group chat'}`,
      `- **${usage.unsubscribe}**: stop them`,
    );
  } else if (kind === 'personal') {
    lines.push(
      '- **subscribe plans**: get a card here when a plan of your business units is submitted or unlocked',
      '- **subscribe kpis**: get a card here when a KPI of your departments goes off track',
      '- **subscribe training**: get a card here when a training day opens',
      '- **unsubscribe**: stop those cards (or one kind of them: **unsubscribe plans**, **unsubscribe kpis**, **unsubscribe training**)',
      '',
      'Refresh alerts and the Power BI commands are for Planboard admins.',
    );
  } else {
    lines.push(
      'Admins can subscribe this conversation to alerts. You can get your own plan and KPI alerts in a personal chat with me (**subscribe plans**, **subscribe kpis**).',
    );
  }
  lines.push('', '- **training**: the open training days and your progress');
  lines.push(
    '',
    'Dataset names are matched without regard to case; add the environment when a name exists in several, e.g. *Budget Planning (Prod)*.',
  );
  return lines.join('\n');
}
