import type { AlertTopic } from '@planboard/contracts';
import type { ConversationInfo, OutgoingMessage } from '../platform/types';
import type { BotCaller } from '../conversation/caller';
import type { BotDeps } from '../conversation/deps';
import { refusal, text } from './replies';

const topicNames: Record<AlertTopic, string> = {
  refresh: 'Power BI refresh failures',
  plans: 'budget plans submitted or unlocked',
  kpis: 'KPIs going off track',
  training: 'training days unlocked',
  data: 'store data runs that fail or reject rows',
};
/** The scopes a personal (non-admin) subscription to a topic is limited to, in words. */
const scopeNames: Record<AlertTopic, string | undefined> = {
  refresh: undefined,
  plans: 'business units',
  kpis: 'departments',
  training: undefined,
  data: undefined,
};
/** Topics anyone may receive in their own chat: each alert names a scope, checked against their grants at delivery. */
const personalTopics: readonly AlertTopic[] = ['plans', 'kpis', 'training'];

const where = (conversation: ConversationInfo): string =>
  conversation.kind === 'personal' ? 'this chat' : conversation.kind === 'channel' ? 'this channel' : 'this group chat';
/** `a`, `a and b`, `a, b and c`. */
const join = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
const list = (topics: readonly AlertTopic[]): string => join(topics.map((topic) => topicNames[topic]));

/**
 * `subscribe [refresh|plans|kpis|all]`. Channels and group chats: admins only, every scope.
 * Personal chats: admins get everything; others may get plan and KPI alerts, limited at delivery
 * time to the business units and departments they can read then (so a revoked grant stops the
 * alerts too).
 */
export async function subscribeCommand(
  deps: BotDeps,
  conversation: ConversationInfo,
  caller: BotCaller,
  requested: AlertTopic[],
): Promise<OutgoingMessage> {
  const personal = conversation.kind === 'personal';
  if (!personal && !caller.isAdmin) return refusal(`subscribe ${where(conversation)} to alerts`);
  if (!caller.known)
    return refusal(
      'subscribe to alerts',
      'I do not know you yet — open the Planboard tab once so I learn your access — and until then I cannot let you',
    );
  const topics = caller.isAdmin ? requested : requested.filter((topic) => personalTopics.includes(topic));
  if (topics.length === 0) return refusal('receive Power BI refresh alerts');
  await deps.conversations.remember(conversation);
  const createdAt = new Date().toISOString();
  for (const topic of topics) {
    await deps.conversations.subscribe({
      topic,
      conversationKey: conversation.key,
      kind: conversation.kind,
      allScopes: caller.isAdmin,
      ...(caller.isAdmin ? {} : { owner: { tid: caller.tid, oid: caller.oid } }),
      createdBy: caller.name,
      createdAt,
    });
  }
  const scopes = topics.flatMap((topic) => scopeNames[topic] ?? []);
  const scope = caller.isAdmin || scopes.length === 0 ? '' : ` for the ${join(scopes)} you can see`;
  const skipped = requested.length > topics.length ? ' (refresh alerts are for admins only)' : '';
  return text(`Done: ${where(conversation)} now gets cards about ${list(topics)}${scope}${skipped}. Type **unsubscribe** to stop them.`);
}

/** `unsubscribe [refresh|plans|kpis|all]`: admins in channels and group chats; anyone in their own chat. */
export async function unsubscribeCommand(
  deps: BotDeps,
  conversation: ConversationInfo,
  caller: BotCaller,
  topics: AlertTopic[],
): Promise<OutgoingMessage> {
  if (conversation.kind !== 'personal' && !caller.isAdmin) return refusal(`unsubscribe ${where(conversation)} from alerts`);
  const removed = await deps.conversations.unsubscribe(conversation.key, topics);
  if (removed.length === 0)
    return text(
      `${where(conversation) === 'this chat' ? 'This chat' : `This ${conversation.kind === 'channel' ? 'channel' : 'group chat'}`} was not subscribed to ${list(topics)}.`,
    );
  return text(`Done: no more cards about ${list(removed)} in ${where(conversation)}.`);
}
