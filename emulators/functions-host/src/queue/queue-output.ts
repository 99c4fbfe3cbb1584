import type { Env } from '../config/settings';
import { resolveSettingExpressions, resolveStorageConnection } from '../config/settings';
import type { RegisteredFunction } from '../core/registry';
import type { RpcInvocationResponse, RpcTypedData } from '../core/types';
import { encodeMessageText, type MessageEncoding } from './message-codec';
import { ensureQueue, queueClient } from './queue-clients';

/** Messages an output value stands for: an array means one message per element, as on Azure. */
export function toQueueMessages(data: RpcTypedData | null | undefined): (string | Uint8Array)[] {
  if (!data) return [];
  if (typeof data.string === 'string') return [data.string];
  if (data.bytes) return [data.bytes];
  if (typeof data.int === 'number' || typeof data.double === 'number') return [String(data.int ?? data.double)];
  if (data.collectionString?.string) return data.collectionString.string;
  if (data.collectionBytes?.bytes) return data.collectionBytes.bytes;
  if (typeof data.json === 'string') {
    const value: unknown = JSON.parse(data.json);
    const items = Array.isArray(value) ? value : [value];
    return items
      .filter((item) => item !== null && item !== undefined)
      .map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  }
  return [];
}

/**
 * Writes `output.storageQueue` values (the return value or extraOutputs) to their queues after a
 * successful invocation, creating queues as needed. Other output types are not emulated.
 */
export async function flushQueueOutputs(
  fn: RegisteredFunction,
  response: RpcInvocationResponse,
  env: Env,
  encoding: MessageEncoding,
): Promise<number> {
  let sent = 0;
  for (const [name, binding] of Object.entries(fn.metadata.bindings)) {
    if (binding.direction !== 'out' || String(binding.type).toLowerCase() !== 'queue') continue;
    const data = name === '$return' ? response.returnValue : response.outputData?.find((output) => output.name === name)?.data;
    const messages = toQueueMessages(data);
    if (messages.length === 0) continue;
    const client = queueClient(
      resolveStorageConnection(binding.connection, env),
      resolveSettingExpressions(String(binding.queueName ?? ''), env),
    );
    await ensureQueue(client);
    for (const message of messages) await client.sendMessage(encodeMessageText(message, encoding));
    sent += messages.length;
  }
  return sent;
}
