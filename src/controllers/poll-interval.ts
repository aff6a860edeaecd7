/** Waits `ms`, or less when `signal` aborts first (it resolves either way: callers check the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Whether `signal` has aborted, read afresh: TypeScript keeps a loop's
 * `while (!signal.aborted)` narrowing across the awaits inside it, though the
 * signal may abort during any of them.
 */
export function hasAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** Poll intervals that grow while nothing changes and start over when something does. */
export class PollInterval {
  private current: number;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly factor = 1.5,
  ) {
    this.current = initialMs;
  }

  /** The next interval, then grows. */
  next(): number {
    const value = this.current;
    this.current = Math.min(this.maxMs, Math.round(this.current * this.factor));
    return value;
  }

  reset(): void {
    this.current = this.initialMs;
  }
}
