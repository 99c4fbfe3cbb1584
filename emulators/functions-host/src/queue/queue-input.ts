import { randomUUID } from 'node:crypto';
import type { DequeuedMessageItem } from '@azure/storage-queue';
import type { FunctionDescriptor } from '../catalog/describe';
import type { InvocationInput } from '../core/invoke';
import type { RpcTypedData } from '../core/types';

const date = (value: Date | undefined): RpcTypedData => ({ json: JSON.stringify(value ? value.toISOString() : null) });

/**
 * The invocation input for one queue message: the payload (a string the library JSON-parses when
 * it can, or bytes for `dataType: 'binary'`) plus the trigger metadata the host sends, which the
 * library exposes camelCased (`dequeueCount`, `id`, `insertionTime`, `popReceipt`, …).
 */
export function queueInput(fn: FunctionDescriptor, payload: Buffer, message?: DequeuedMessageItem): InvocationInput {
  const binary = fn.trigger.dataType === 'binary';
  const text = payload.toString('utf8');
  const triggerMetadata: Record<string, RpcTypedData> = {
    QueueTrigger: { string: text },
    sys: { json: JSON.stringify({ MethodName: fn.name, UtcNow: new Date().toISOString(), RandGuid: randomUUID() }) },
  };
  if (message) {
    Object.assign(triggerMetadata, {
      Id: { string: message.messageId },
      DequeueCount: { int: message.dequeueCount },
      PopReceipt: { string: message.popReceipt },
      InsertionTime: date(message.insertedOn),
      ExpirationTime: date(message.expiresOn),
      NextVisibleTime: date(message.nextVisibleOn),
    });
  }
  return { inputData: [{ name: fn.triggerName, data: binary ? { bytes: payload } : { string: text } }], triggerMetadata };
}
