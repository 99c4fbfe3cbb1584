import type { TableClient } from '@azure/data-tables';

/** Last/next occurrence of a monitored timer (Azure keeps this in `timers/<hostId>/<function>/status`). */
export interface ScheduleStatus {
  last: string;
  next: string;
  lastUpdated: string;
}

interface StatusEntity extends ScheduleStatus {
  partitionKey: string;
  rowKey: string;
}

/** Reads and writes a timer's schedule status row in the host table (used when useMonitor is on). */
export class ScheduleStatusStore {
  constructor(
    private readonly client: TableClient,
    private readonly partitionKey: string,
    private readonly rowKey: string,
  ) {}

  /** The stored status, or undefined before the first run. */
  async read(): Promise<ScheduleStatus | undefined> {
    try {
      const entity = await this.client.getEntity<StatusEntity>(this.partitionKey, this.rowKey);
      return { last: entity.last, next: entity.next, lastUpdated: entity.lastUpdated };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  /** Saves the status after an occurrence ran. */
  async write(status: ScheduleStatus): Promise<void> {
    await this.client.upsertEntity<StatusEntity>({ partitionKey: this.partitionKey, rowKey: this.rowKey, ...status }, 'Replace');
  }
}
