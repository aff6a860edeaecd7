import * as core from '@actions/core';
import { InputError } from '../../errors.js';
import { hasAborted, PollInterval, sleep } from '../poll-interval.js';
import type { RevisionAncestry } from '../revision-ancestry.js';
import type { ObjectStatus } from '../wait-types.js';
import { ArgoTransientError, type ArgoCdClient } from './argocd-client.js';
import { argoAppLabel, type ArgoAppRef, type ArgoApplication } from './argocd-types.js';
import { judgeArgoApplication, type ArgoJudgement } from './judge-argo-application.js';

export interface ArgoWaitOptions {
  client: ArgoCdClient;
  ancestry: RevisionAncestry;
  refresh: 'normal' | 'hard';
  /** Request a sync when the app is OutOfSync and auto-sync is off. */
  sync: boolean;
  /** `stream` watches /api/v1/stream/applications and polls only while it is broken; `poll` never streams. */
  watch: 'stream' | 'poll';
  degradedGraceMs: number;
  /** Aborted at the step's deadline, or when another object failed with fail-fast. */
  signal: AbortSignal;
  /** Called with every judgement; the orchestrator logs the changes. */
  report(status: ObjectStatus): void;
}

const POLL = { initialMs: 1000, maxMs: 10_000 };
/** How long the first request may keep failing before the server counts as not answering. */
const FIRST_ANSWER_MS = 15_000;
const REFRESH_TIMEOUT_MS = 120_000;
const REFRESH_AGAIN_MS = 30_000;

/**
 * Follows one Argo CD Application until it runs the expected commit and is
 * healthy, or fails. Reacts to the watch stream's events; polls with backoff
 * while the stream is broken. Returns the last judgement (still `waiting`
 * when the signal aborted it).
 */
export async function waitForArgoApplication(ref: ArgoAppRef, options: ArgoWaitOptions): Promise<ObjectStatus> {
  const follower = new ArgoFollower(ref, options);
  return follower.run();
}

class ArgoFollower {
  private last: ArgoJudgement | undefined;
  private refreshed = false;
  private degradedSince: number | undefined;
  private syncRequested = false;
  private lastRefreshRequest = 0;
  private lastApp: ArgoApplication | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly stop = new AbortController();
  private settle!: (status: ObjectStatus) => void;
  private fail!: (error: unknown) => void;
  private readonly label: string;

  constructor(
    private readonly ref: ArgoAppRef,
    private readonly options: ArgoWaitOptions,
  ) {
    this.label = argoAppLabel(ref);
  }

  async run(): Promise<ObjectStatus> {
    const signal = AbortSignal.any([this.options.signal, this.stop.signal]);
    const finished = new Promise<ObjectStatus>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
    const onAbort = (): void => {
      this.settle(this.last ?? { state: 'waiting', sync: 'Unknown', health: 'Unknown', revision: '', message: 'no answer yet' });
    };
    this.options.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const first = await this.firstAnswer(signal);
      if (first) await this.observe(first);
      this.requestRefresh(this.options.refresh, signal);
      this.follow(signal).catch((error: unknown) => {
        this.fail(error);
      });
      return await finished;
    } finally {
      this.options.signal.removeEventListener('abort', onAbort);
      this.stop.abort();
    }
  }

  /** The app as it is; fails with the server's input when it never answers. */
  private async firstAnswer(signal: AbortSignal): Promise<ArgoApplication | undefined> {
    const giveUp = Date.now() + FIRST_ANSWER_MS;
    const interval = new PollInterval(500, 4000, 2);
    let lastError: ArgoTransientError | undefined;
    while (!signal.aborted) {
      try {
        return await this.options.client.getApplication(this.ref, { signal, timeoutMs: 30_000 });
      } catch (error) {
        if (hasAborted(signal)) break;
        if (!(error instanceof ArgoTransientError)) throw error;
        lastError = error;
        if (Date.now() >= giveUp) break;
        core.debug(`${this.label}: ${error.message}; retrying`);
        await sleep(interval.next(), signal);
      }
    }
    // A deadline that comes before any answer is the server's fault, not the app's: say so.
    if (lastError && !this.stop.signal.aborted) throw new InputError('argocd-server', `${lastError.message}; is the URL right and the server up?`);
    return undefined;
  }

  /** The stream while it works; polling with backoff while it is broken (or always, in poll mode). */
  private async follow(signal: AbortSignal): Promise<void> {
    let breaks = 0;
    while (!signal.aborted) {
      if (this.options.watch === 'stream') {
        try {
          for await (const event of this.options.client.watchApplication(this.ref, signal)) {
            if (event.type === 'DELETED') {
              this.settle({ ...this.current(), state: 'failed', message: 'the Application was deleted while waiting' });
              return;
            }
            breaks = 0;
            await this.observe(event.application);
          }
          if (hasAborted(signal)) return;
          throw new ArgoTransientError('the watch stream ended');
        } catch (error) {
          if (hasAborted(signal)) return;
          if (!(error instanceof ArgoTransientError)) throw error;
          breaks++;
          core.info(`${this.label}: ${error.message}; polling until the stream is back.`);
        }
      }
      // Polling bridges a broken stream for a while (longer after each break), then the stream is tried again.
      const pollUntil = this.options.watch === 'poll' ? Infinity : Date.now() + Math.min(30_000, 1000 * 2 ** breaks);
      await this.poll(signal, pollUntil);
    }
  }

  private async poll(signal: AbortSignal, until: number): Promise<void> {
    const interval = new PollInterval(POLL.initialMs, POLL.maxMs);
    while (!signal.aborted && Date.now() < until) {
      try {
        const before = this.last;
        await this.observe(await this.options.client.getApplication(this.ref, { signal, timeoutMs: 30_000 }));
        if (before && this.last && sameStatus(before, this.last)) interval.next();
        else interval.reset();
      } catch (error) {
        if (hasAborted(signal)) return;
        if (!(error instanceof ArgoTransientError)) throw error;
        core.debug(`${this.label}: ${error.message}; retrying`);
        this.options.report({ ...this.current(), message: `${error.message}; retrying` });
      }
      await sleep(interval.next(), signal);
    }
  }

  private async observe(app: ArgoApplication): Promise<void> {
    // The stream, polls and refresh answers race: never judge an older snapshot after a newer one.
    if (isOlder(app, this.lastApp)) return;
    this.lastApp = app;
    let judgement = this.judge(app);
    if (judgement.lookup.length > 0) {
      await this.options.ancestry.learn(judgement.lookup);
      judgement = this.judge(app);
    }
    if (judgement.lookupFiles?.length) {
      await this.options.ancestry.learnChangedFiles(judgement.lookupFiles);
      judgement = this.judge(app);
    }
    // A newer snapshot arrived during the lookups: its own judgement decides.
    if (this.lastApp !== app) return;
    const degradedSince = judgement.degraded ? (this.degradedSince ?? Date.now()) : undefined;
    this.degradedSince = degradedSince;
    this.last = judgement;
    this.options.report(judgement);
    if (judgement.state !== 'waiting') {
      this.settle(judgement);
      return;
    }
    if (degradedSince !== undefined) this.judgeAgainAfterGrace(degradedSince);
    if (judgement.needsRefresh) this.requestRefresh('normal', this.options.signal, 5000);
    // An app still short of the commit gets a refresh now and then: its controller may poll git only every few minutes.
    else if (judgement.revisionBehind) this.requestRefresh(this.options.refresh, this.options.signal, REFRESH_AGAIN_MS);
    if (judgement.needsSync) await this.requestSync(judgement);
  }

  /** A Degraded app may send no further event: judge it again when its grace period ends. */
  private judgeAgainAfterGrace(degradedSince: number): void {
    if (this.graceTimer) return;
    const wait = Math.max(0, degradedSince + this.options.degradedGraceMs - Date.now()) + 10;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.lastApp && !this.stop.signal.aborted)
        this.observe(this.lastApp).catch((error: unknown) => {
          this.fail(error);
        });
    }, wait);
    this.stop.signal.addEventListener(
      'abort',
      () => {
        clearTimeout(this.graceTimer);
      },
      { once: true },
    );
  }

  private judge(app: ArgoApplication): ArgoJudgement {
    return judgeArgoApplication(
      app,
      { knowledge: this.options.ancestry, degradedSince: this.degradedSince, degradedGraceMs: this.options.degradedGraceMs, refreshed: this.refreshed },
      Date.now(),
    );
  }

  /** Asks the controller to look at git now (GET ?refresh= answers once it has); at most every `minGapMs`. */
  private requestRefresh(kind: 'normal' | 'hard', signal: AbortSignal, minGapMs = 0): void {
    if (Date.now() - this.lastRefreshRequest < minGapMs) return;
    this.lastRefreshRequest = Date.now();
    const refreshSignal = AbortSignal.any([signal, this.stop.signal]);
    this.options.client
      .getApplication(this.ref, { refresh: kind, signal: refreshSignal, timeoutMs: REFRESH_TIMEOUT_MS })
      .then(async (app) => {
        this.refreshed = true;
        await this.observe(app);
      })
      .catch((error: unknown) => {
        if (refreshSignal.aborted) return;
        if (error instanceof ArgoTransientError) core.debug(`${this.label}: refresh: ${error.message}`);
        else this.fail(error);
      });
  }

  private async requestSync(judgement: ArgoJudgement): Promise<void> {
    if (!this.options.sync) {
      if (!this.syncRequested) core.info(`${this.label}: auto-sync is off and the app is ${judgement.sync}; set argocd-sync: true to sync it from this step.`);
      this.syncRequested = true;
      return;
    }
    if (this.syncRequested) return;
    this.syncRequested = true;
    const started = await this.options.client.syncApplication(this.ref, this.options.signal);
    core.info(`${this.label}: ${started ? 'sync requested (auto-sync is off)' : 'an operation is already running; not syncing'}.`);
  }

  private current(): ArgoJudgement {
    return (
      this.last ?? {
        state: 'waiting',
        sync: 'Unknown',
        health: 'Unknown',
        revision: '',
        message: '',
        lookup: [],
        needsRefresh: false,
        needsSync: false,
        degraded: false,
        revisionBehind: false,
      }
    );
  }
}

function sameStatus(a: ObjectStatus, b: ObjectStatus): boolean {
  return a.state === b.state && a.sync === b.sync && a.health === b.health && a.revision === b.revision && a.message === b.message;
}

/** Kubernetes resourceVersions are opaque strings; Argo CD passes etcd's increasing numbers, compared only when both are numbers. */
function isOlder(app: ArgoApplication, than: ArgoApplication | undefined): boolean {
  const a = Number(app.metadata.resourceVersion);
  const b = Number(than?.metadata.resourceVersion);
  return Number.isInteger(a) && Number.isInteger(b) && a < b;
}
