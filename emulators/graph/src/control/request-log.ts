/** One API request as the control API lists it (`GET /_emulator/requests`). */
export interface RequestLogEntry {
  at: string;
  method: string;
  /** Path and query, as sent. */
  url: string;
  status: number;
  /** The calling app (`appid`) when the token was valid. */
  appId?: string;
  retryAfter?: number;
}

/** The last requests, newest last (bounded, so a long `npm start` does not grow without end). */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  constructor(private readonly limit = 2000) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
