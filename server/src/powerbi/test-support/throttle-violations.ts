/** The fields of the emulator's request log (`GET /_emulator/requests`) this check reads. */
export interface LoggedRequest {
  requestId: string;
  caller: string;
  /** Arrival at the emulator, epoch ms. */
  atMs: number;
  status: number;
  /** On 429s: before this instant every request of the caller is refused. */
  retryAfterDeadline?: string;
}

/** One request as the client saw it (see {@link recordingFetch}). */
export interface SentRequest {
  /** When `fetch` was called, epoch ms. */
  sentAt: number;
  /** When the response headers arrived. */
  receivedAt?: number;
  status?: number;
  /** The `RequestId` header: the key of the emulator's log entry. */
  requestId?: string;
}

/** A `fetch` for the client that records when each request left and when its answer came back. */
export function recordingFetch(inner: typeof fetch = fetch): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = async (input, init) => {
    const record: SentRequest = { sentAt: Date.now() };
    sent.push(record);
    const response = await inner(input, init);
    Object.assign(record, { receivedAt: Date.now(), status: response.status, requestId: response.headers.get('requestid') ?? undefined });
    return response;
  };
  return { fetch: recording, sent };
}

/** A request sent to a throttled caller before its Retry-After had passed. */
export interface ThrottleViolation {
  request: LoggedRequest;
  sentAt: number;
  /** The 429 it ignored, and when the client had received it. */
  throttledBy: LoggedRequest;
  toldAt: number;
}

/** What the check found. */
export interface ThrottleReport {
  /** 429s the emulator answered. */
  refusals: number;
  /** Of those, requests already on their way when the client learned of the throttling (unavoidable). */
  inFlightWhenThrottled: number;
  violations: ThrottleViolation[];
}

/**
 * Joins the emulator's request log (arrival times, 429s with their Retry-After deadlines) with the
 * client's send times by request id. A violation is a request the client sent after it had
 * received a 429 for the same caller (strictly later, by the millisecond clock) that reached the
 * emulator before that 429's deadline. Requests sent before the client could know were in flight;
 * they are counted separately, since no client can recall them.
 */
export function checkThrottling(log: readonly LoggedRequest[], sent: readonly SentRequest[]): ThrottleReport {
  const byId = new Map(sent.filter((item) => item.requestId).map((item) => [item.requestId!, item]));
  const refusals = log
    .filter((entry) => entry.status === 429 && entry.retryAfterDeadline && byId.get(entry.requestId)?.receivedAt !== undefined)
    .map((entry) => ({ entry, toldAt: byId.get(entry.requestId)!.receivedAt!, deadline: Date.parse(entry.retryAfterDeadline!) }));
  const violations: ThrottleViolation[] = [];
  for (const request of log) {
    const sentAt = byId.get(request.requestId)?.sentAt;
    if (sentAt === undefined) continue;
    const ignored = refusals.find(
      (refusal) => refusal.entry.caller === request.caller && sentAt > refusal.toldAt && request.atMs < refusal.deadline,
    );
    if (ignored) violations.push({ request, sentAt, throttledBy: ignored.entry, toldAt: ignored.toldAt });
  }
  const throttledLog = log.filter((entry) => entry.status === 429);
  return {
    refusals: throttledLog.length,
    inFlightWhenThrottled: throttledLog.length - violations.filter((v) => v.request.status === 429).length,
    violations,
  };
}
