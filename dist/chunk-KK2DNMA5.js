const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/controllers/poll-interval.ts
function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
function hasAborted(signal) {
  return signal.aborted;
}
var PollInterval = class {
  constructor(initialMs, maxMs, factor = 1.5) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.factor = factor;
    this.current = initialMs;
  }
  initialMs;
  maxMs;
  factor;
  current;
  /** The next interval, then grows. */
  next() {
    const value = this.current;
    this.current = Math.min(this.maxMs, Math.round(this.current * this.factor));
    return value;
  }
  reset() {
    this.current = this.initialMs;
  }
};

export {
  sleep,
  hasAborted,
  PollInterval
};
