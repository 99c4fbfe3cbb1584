/** One request the emulator served (control requests are not logged). */
export interface RequestLogEntry {
  seq: number;
  requestId: string;
  /** Real arrival time (ISO) and epoch ms. */
  at: string;
  atMs: number;
  /** Emulator clock at arrival. */
  clock: string;
  method: string;
  path: string;
  operationId?: string;
  /** UPN, app id or embed token id; `anonymous` without a valid token. */
  caller: string;
  callerKind: 'user' | 'app' | 'embed' | 'anonymous';
  status: number;
  durationMs: number;
  errorCode?: string;
  /** For 429s: the Retry-After value and the deadline before which every request of this caller is refused. */
  retryAfterSeconds?: number;
  retryAfterDeadline?: string;
}

/** Filters for listing the log. */
export interface LogQuery {
  caller?: string;
  status?: number;
  sinceSeq?: number;
  limit?: number;
}

/** The request log, bounded so a long benchmark cannot exhaust memory. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 200_000) {}

  /** Appends an entry (the sequence number is assigned here). */
  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return full;
  }

  /** Entries in arrival order, filtered. */
  list(query: LogQuery = {}): RequestLogEntry[] {
    const caller = query.caller?.toLowerCase();
    const matches = this.entries.filter(
      (entry) =>
        (caller === undefined || entry.caller.toLowerCase() === caller) &&
        (query.status === undefined || entry.status === query.status) &&
        (query.sinceSeq === undefined || entry.seq > query.sinceSeq),
    );
    return query.limit === undefined ? matches : matches.slice(-query.limit);
  }

  clear(): void {
    this.entries = [];
  }
}
