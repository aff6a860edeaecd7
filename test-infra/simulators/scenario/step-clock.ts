/**
 * The simulated controllers' sense of time.
 *
 * Real controllers take seconds to minutes; tests cannot. A StepClock runs scheduled actions
 * in discrete steps of `stepMs` real milliseconds (tens of ms in tests), while the timestamps
 * written into objects advance by `simulatedSecondsPerStep` so that RFC 3339 second-precision
 * fields (`reconciledAt`, `finishedAt`, `lastTransitionTime`) stay distinct and ordered.
 */

export interface StepClockOptions {
  /** Real milliseconds per step; 0 or `manual: true` means steps only run on `advance()`. */
  stepMs?: number;
  /** Simulated seconds each step adds to the timestamps written into objects. */
  simulatedSecondsPerStep?: number;
  /** Only run steps when `advance()` is called (deterministic tests). */
  manual?: boolean;
  /** Simulated wall-clock at step 0 (default: the real time at start). */
  startTime?: Date;
}

interface ScheduledAction {
  dueStep: number;
  seq: number;
  key: string;
  action: () => void;
}

export class StepClock {
  readonly stepMs: number;
  readonly simulatedSecondsPerStep: number;
  private step = 0;
  private seq = 0;
  private pending: ScheduledAction[] = [];
  private readonly startMs: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly stepListeners = new Set<() => void>();

  constructor(options: StepClockOptions = {}) {
    this.stepMs = options.stepMs ?? 25;
    this.simulatedSecondsPerStep = options.simulatedSecondsPerStep ?? 5;
    // Whole seconds, because Kubernetes and Argo CD timestamps have second precision.
    this.startMs = Math.floor((options.startTime?.getTime() ?? Date.now()) / 1000) * 1000;
    if (!options.manual && this.stepMs > 0) {
      this.timer = setInterval(() => this.advance(1), this.stepMs);
      // A forgotten simulator must not keep a test process alive.
      this.timer.unref();
    }
  }

  /** The current step number. */
  get currentStep(): number {
    return this.step;
  }

  /** Simulated "now". */
  now(): Date {
    return new Date(this.startMs + this.step * this.simulatedSecondsPerStep * 1000);
  }

  /** Simulated "now" as RFC 3339 with second precision, as metav1.Time marshals. */
  timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  /** Run `action` `steps` steps from now (at least 1), grouped under `key` so it can be cancelled. */
  after(steps: number, key: string, action: () => void): void {
    this.pending.push({ dueStep: this.step + Math.max(1, steps), seq: this.seq++, key, action });
  }

  /** Drop every pending action scheduled under `key` (a new revision supersedes an old timeline). */
  cancel(key: string): void {
    this.pending = this.pending.filter((p) => p.key !== key);
  }

  hasPending(key?: string): boolean {
    return this.pending.some((p) => key === undefined || p.key === key);
  }

  /** Called after every step, e.g. to answer requests waiting for a reconcile. */
  onStep(listener: () => void): () => void {
    this.stepListeners.add(listener);
    return () => this.stepListeners.delete(listener);
  }

  /**
   * Resolves once `steps` more steps have run (by the timer, or by advance()):
   * a test that shows nothing happens over a while counts steps, not
   * milliseconds, so a loaded machine that fires fewer timers waits longer
   * instead of asserting over fewer steps.
   */
  afterSteps(steps: number): Promise<void> {
    const target = this.step + steps;
    return new Promise((resolve) => {
      const stop = this.onStep(() => {
        if (this.step < target) return;
        stop();
        resolve();
      });
    });
  }

  /** Move `steps` steps forward, running due actions in the order they were scheduled. */
  advance(steps = 1): void {
    for (let i = 0; i < steps; i++) {
      this.step++;
      const due = this.pending.filter((p) => p.dueStep <= this.step).sort((a, b) => a.dueStep - b.dueStep || a.seq - b.seq);
      this.pending = this.pending.filter((p) => p.dueStep > this.step);
      for (const p of due) p.action();
      for (const listener of this.stepListeners) listener();
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
