import type { DatasetRecord, Dataset, Refresh, RefreshSchedule, RefreshTriggered } from '@planboard/server';
import { DeliveryError, type ConversationInfo, type Messenger, type OutgoingMessage } from '../platform/types';

/** A scripted Power BI (service principal) for command and card tests. */
export class FakeBotPowerBi {
  readonly triggered: string[] = [];
  readonly tookOver: string[] = [];
  readonly schedules = new Map<string, RefreshSchedule>();
  readonly owners = new Map<string, string>();
  /** Refresh histories per dataset, newest first (the `status` command's slow refreshes). */
  readonly histories = new Map<string, Refresh[]>();
  /** Datasets whose next trigger is refused (e.g. already refreshing). */
  readonly refuse = new Map<string, Error>();
  private requests = 0;

  readonly refreshes = {
    trigger: async (_groupId: string, datasetId: string): Promise<RefreshTriggered> => {
      const refusal = this.refuse.get(datasetId);
      if (refusal) throw refusal;
      this.triggered.push(datasetId);
      this.requests += 1;
      return { requestId: `request-${this.requests}` };
    },
    history: async (_groupId: string, datasetId: string, options: { top?: number } = {}): Promise<Refresh[]> =>
      (this.histories.get(datasetId) ?? []).slice(0, options.top ?? 60),
    schedule: async (_groupId: string, datasetId: string): Promise<RefreshSchedule> =>
      this.schedules.get(datasetId) ?? { enabled: false, days: [], times: [] },
    updateSchedule: async (_groupId: string, datasetId: string, change: RefreshSchedule): Promise<void> => {
      if (this.owners.get(datasetId) !== 'sp') throw new Error('This operation is only supported for the dataset owner');
      this.schedules.set(datasetId, { ...(this.schedules.get(datasetId) ?? {}), ...change });
    },
  };

  readonly datasets = {
    get: async (_groupId: string, datasetId: string): Promise<Dataset> => ({
      id: datasetId,
      configuredBy: this.owners.get(datasetId) ?? 'someone@contoso.com',
    }),
    takeOver: async (_groupId: string, datasetId: string): Promise<void> => {
      this.tookOver.push(datasetId);
      this.owners.set(datasetId, 'sp');
    },
  };
}

/** A messenger that records what the bot posts and updates, and fails on request. */
export class FakeMessenger implements Messenger {
  readonly sent: { conversation: string; message: OutgoingMessage; id: string }[] = [];
  readonly updated: { conversation: string; activityId: string; message: OutgoingMessage }[] = [];
  /** Per conversation key: HTTP statuses to fail the next sends with, in order. */
  readonly failures = new Map<string, number[]>();
  private next = 0;

  async send(conversation: ConversationInfo, message: OutgoingMessage): Promise<string> {
    const status = this.failures.get(conversation.key)?.shift();
    if (status) throw new DeliveryError(`channel answered ${status}`, status);
    this.next += 1;
    const id = `activity-${this.next}`;
    this.sent.push({ conversation: conversation.key, message, id });
    return id;
  }

  async update(conversation: ConversationInfo, activityId: string, message: OutgoingMessage): Promise<void> {
    this.updated.push({ conversation: conversation.key, activityId, message });
  }

  sentTo(key: string): OutgoingMessage[] {
    return this.sent.filter((item) => item.conversation === key).map((item) => item.message);
  }
}

/** Catalog rows for tests: names repeat across environments, one name is hostile. */
export function sampleCatalog(prefix: string): DatasetRecord[] {
  const row = (id: string, datasetName: string, environment: string): DatasetRecord => ({
    datasetId: `${prefix}-${id}`,
    workspaceId: `${prefix}-ws-${environment}`,
    workspaceName: `Planboard Budget (${environment})`,
    datasetName,
    environment,
    refreshable: true,
    seenUntil: '2026-03-06T00:00:00.000Z',
  });
  return [
    row('budget-prod', 'Budget Planning', 'Prod'),
    row('budget-test', 'Budget Planning', 'Test'),
    row('store-prod', 'Store Sales', 'Prod'),
    row('hostile', 'Sales "Q1" **bold** ${name} <at>x</at>', 'Prod'),
  ];
}
