import type { BotCaller } from '../conversation/caller';
import type { BotDeps } from '../conversation/deps';
import type { OutgoingMessage } from '../platform/types';
import { notice, refusal } from './replies';

/** `87.5 %`: one decimal at most, as the Training page shows it. */
const percent = (value: number): string => `${Math.round(value * 10) / 10} %`;

/**
 * `training`: the unlocked days of the programme with the caller's own progress, and how many
 * days are still to come (their titles stay hidden until they are unlocked, as in the tab).
 */
export async function trainingCommand(deps: BotDeps, caller: BotCaller): Promise<OutgoingMessage> {
  if (!caller.known)
    return refusal(
      'show your training',
      'I do not know you yet — open the Planboard tab once so I learn who you are — and until then I cannot',
    );
  const [programme, progress] = await Promise.all([
    deps.training.readProgramme(caller.tid),
    deps.training.progressOf(caller.tid, caller.oid),
  ]);
  const unlocked = programme.days.filter((day) => day.unlocked);
  const coming = programme.days.length - unlocked.length;
  if (unlocked.length === 0)
    return notice({ title: 'Training', lines: ['No training day is open yet. Type **subscribe training** to get a card when one opens.'] });
  const overall = unlocked.reduce((sum, day) => sum + (progress.get(day.dayNumber)?.completionPct ?? 0), 0) / unlocked.length;
  return notice({
    title: 'Your training',
    tone: 'accent',
    lines: [`You have completed ${percent(overall)} of the ${unlocked.length} open day${unlocked.length === 1 ? '' : 's'}.`],
    facts: unlocked.map((day) => {
      const pct = progress.get(day.dayNumber)?.completionPct ?? 0;
      return { label: `Day ${day.dayNumber}`, value: `${day.title} — ${pct >= 100 ? 'done' : pct > 0 ? percent(pct) : 'not started'}` };
    }),
    footer:
      coming > 0
        ? `${coming} more day${coming === 1 ? '' : 's'} coming. Open the Training tab to continue.`
        : 'Open the Training tab to continue.',
  });
}
