import { helpText } from '../commands/help';
import { parseCommand, usage, type Command } from '../commands/parse';
import { refreshCommand } from '../commands/refresh';
import { notice, refusal, text } from '../commands/replies';
import { scheduleCommand } from '../commands/schedule';
import { statusCommand } from '../commands/status';
import { subscribeCommand, unsubscribeCommand } from '../commands/subscribe';
import { trainingCommand } from '../commands/training';
import type { BotHandlers, MessageTurn, OutgoingMessage } from '../platform/types';
import type { BotCaller } from './caller';
import { handleCardAction } from './card-actions';
import type { BotDeps } from './deps';

/** Runs one parsed command for a caller. */
async function run(deps: BotDeps, turn: MessageTurn, caller: BotCaller, command: Command): Promise<OutgoingMessage> {
  switch (command.kind) {
    case 'help':
      return text(helpText(caller, turn.conversation.kind));
    case 'status':
      return caller.isAdmin ? statusCommand(deps) : refusal('see the refresh status');
    case 'refresh':
      return caller.isAdmin ? refreshCommand(deps, caller, command.dataset) : refusal('start refreshes');
    case 'scheduleShow':
    case 'scheduleSet':
      return caller.isAdmin ? scheduleCommand(deps, command) : refusal('read or change refresh schedules');
    case 'subscribe':
      return subscribeCommand(deps, turn.conversation, caller, command.topics);
    case 'unsubscribe':
      return unsubscribeCommand(deps, turn.conversation, caller, command.topics);
    case 'training':
      return trainingCommand(deps, caller);
    case 'usage':
      // Rights first: a non-admin gets the refusal, not the syntax of a command they cannot use.
      if (!caller.isAdmin && (command.command === 'refresh' || command.command === 'schedule')) return refusal(`use ${command.command}`);
      // The problem quotes what was typed: shown as plain text in a card, never as markdown.
      return notice({
        title: 'I could not read that',
        tone: 'warning',
        lines: [`${command.problem}.`],
        facts: [{ label: 'Type it as', value: usage[command.command] }],
      });
    default: {
      const unhandled: never = command;
      throw new Error(`Unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The bot's behaviour: remember conversations, answer commands, handle card buttons. */
export function createHandlers(deps: BotDeps): BotHandlers {
  return {
    async onInstalled(turn) {
      await deps.conversations.remember(turn.conversation);
      if (!turn.greet) return;
      const caller = await deps.callers.resolve(turn.conversation.tenantId, turn.from);
      await turn.reply(text(`Hello! ${helpText(caller, turn.conversation.kind)}`));
    },
    async onMessage(turn) {
      // Every message refreshes the stored reference (Teams can move a conversation's service URL).
      await deps.conversations.remember(turn.conversation);
      const caller = await deps.callers.resolve(turn.conversation.tenantId, turn.from);
      await turn.reply(await run(deps, turn, caller, parseCommand(turn.text)));
    },
    onCardAction: (turn) => handleCardAction(deps, turn),
  };
}
