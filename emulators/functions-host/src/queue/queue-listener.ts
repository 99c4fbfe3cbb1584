import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import type { FunctionDescriptor } from '../catalog/describe';
import type { QueueSettings } from '../config/host-json';
import type { Invoker } from '../core/retry';
import { writeLog } from '../log/logger';
import { decodeMessageText } from './message-codec';
import { ensureQueue } from './queue-clients';
import { queueInput } from './queue-input';

/** While a message is processed it stays invisible this long (renewed at half-time), like the host's 10 minutes. */
export const PROCESSING_VISIBILITY_S = 600;
/** First poll delay after an empty receive; doubles up to maxPollingInterval. */
export const MIN_POLL_MS = 100;

/** Collaborators of a {@link QueueListener}. */
export interface QueueListenerDeps {
  invoker: Invoker;
  settings: QueueSettings;
  queue: QueueClient;
  poison: QueueClient;
}

/**
 * Polls one queue for a queue-triggered function, following the Storage Queues extension: fetch
 * up to batchSize messages (fetching again once in-flight work drops to newBatchThreshold), delete
 * on success, release with visibilityTimeout on failure, and after maxDequeueCount failed attempts
 * copy the message to `<queue>-poison` and delete it. Empty polls back off exponentially.
 */
export class QueueListener {
  #stopped = false;
  #wake?: () => void;
  #loop?: Promise<void>;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(
    readonly fn: FunctionDescriptor,
    private readonly deps: QueueListenerDeps,
  ) {}

  private log(level: 'debug' | 'information' | 'warning' | 'error', message: string): void {
    writeLog({ level, category: 'Host.Triggers.Queue', message: `[${this.fn.name}] ${message}` });
  }

  /** Creates the queue if needed, then polls until stopped. */
  start(): Promise<void> {
    this.#loop = this.run();
    return ensureQueue(this.deps.queue).catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    const { settings, queue } = this.deps;
    let delay = MIN_POLL_MS;
    while (!this.#stopped) {
      if (this.#inFlight.size > settings.newBatchThreshold) {
        await Promise.race(this.#inFlight);
        continue;
      }
      let messages: DequeuedMessageItem[] = [];
      try {
        await ensureQueue(queue);
        messages = (await queue.receiveMessages({ numberOfMessages: settings.batchSize, visibilityTimeout: PROCESSING_VISIBILITY_S }))
          .receivedMessageItems;
      } catch (error) {
        if (!this.#stopped) this.log('warning', `Polling '${queue.name}' failed: ${(error as Error).message}`);
      }
      if (this.#stopped) break;
      for (const message of messages) {
        const task: Promise<void> = this.process(message)
          .catch((error: Error) => this.log('error', `Processing message ${message.messageId} failed: ${error.message}`))
          .finally(() => this.#inFlight.delete(task));
        this.#inFlight.add(task);
      }
      if (messages.length > 0) {
        delay = MIN_POLL_MS;
        continue;
      }
      // Jitter keeps several hosts on one queue from polling in lockstep.
      await this.sleep(delay * (0.8 + Math.random() * 0.4));
      delay = Math.min(delay * 2, settings.maxPollingIntervalMs);
    }
  }

  private async process(message: DequeuedMessageItem): Promise<void> {
    const { queue, settings } = this.deps;
    const payload = decodeMessageText(message.messageText, settings.messageEncoding);
    if (!payload) {
      this.log('error', `Message ${message.messageId} is not valid ${settings.messageEncoding}; moving it to '${this.deps.poison.name}'.`);
      return this.moveToPoison(message, message.popReceipt);
    }
    let popReceipt = message.popReceipt;
    const renewal = setInterval(
      () => {
        queue
          .updateMessage(message.messageId, popReceipt, undefined, PROCESSING_VISIBILITY_S)
          .then((result) => (popReceipt = result.popReceipt ?? popReceipt))
          .catch((error: Error) => this.log('warning', `Could not extend visibility of ${message.messageId}: ${error.message}`));
      },
      (PROCESSING_VISIBILITY_S * 1000) / 2,
    );
    const reason = `New queue message detected on '${queue.name}'.`;
    let succeeded = false;
    try {
      await this.deps.invoker(this.fn.fn, queueInput(this.fn, payload, message), reason);
      succeeded = true;
    } catch {
      // The invocation logged its own failure; what remains is the message's fate.
    } finally {
      clearInterval(renewal);
    }
    try {
      if (succeeded) await queue.deleteMessage(message.messageId, popReceipt);
      else if (message.dequeueCount >= settings.maxDequeueCount) {
        this.log(
          'warning',
          `Message has reached MaxDequeueCount of ${settings.maxDequeueCount}. Moving message to queue '${this.deps.poison.name}'.`,
        );
        await this.moveToPoison(message, popReceipt);
      } else {
        await queue.updateMessage(message.messageId, popReceipt, undefined, Math.round(settings.visibilityTimeoutMs / 1000));
      }
    } catch (error) {
      // Typically the pop receipt expired and another host owns the message now.
      this.log('warning', `Could not complete message ${message.messageId}: ${(error as Error).message}`);
    }
  }

  private async moveToPoison(message: DequeuedMessageItem, popReceipt: string): Promise<void> {
    await ensureQueue(this.deps.poison);
    // The original text is copied unchanged, so the poison message decodes the same way.
    await this.deps.poison.sendMessage(message.messageText);
    await this.deps.queue.deleteMessage(message.messageId, popReceipt);
  }

  /** Stops polling and waits for messages being processed. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#loop;
    await Promise.all([...this.#inFlight]);
  }
}
