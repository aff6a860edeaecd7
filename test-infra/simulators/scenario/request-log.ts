/** What each simulator records about every request, so tests can count calls and measure rates. */

export interface LoggedRequest {
  /** Real time the request arrived (ms since epoch). */
  at: number;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Query string without the leading `?` ('' when none). */
  query: string;
  /** HTTP status sent (for streams: the status of the response head). */
  status: number;
  /** Real milliseconds until the response finished (streams: until closed). */
  durationMs: number;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  /** Requests matching `filter` per minute over the window [since, now], for polling-rate assertions. */
  perMinute(filter: (r: LoggedRequest) => boolean = () => true, sinceMs?: number): number {
    const matching = this.entries.filter(filter);
    if (matching.length === 0) return 0;
    const start = sinceMs ?? matching[0].at;
    const elapsedMs = Math.max(1, Date.now() - start);
    return (matching.filter((r) => r.at >= start).length * 60_000) / elapsedMs;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
