import * as core from '@actions/core';
import { InputError, messageOf } from '../../errors.js';
import { hasAborted, PollInterval, sleep } from '../poll-interval.js';
import type { RevisionAncestry } from '../revision-ancestry.js';
import type { FluxTarget } from '../controller-targets.js';
import type { ObjectStatus } from '../wait-types.js';
import { FluxClient, FluxTransientError, type FluxObjectRef } from './flux-client.js';
import { judgeFluxObject } from './judge-flux-object.js';
import type { FluxObject } from './flux-types.js';

export interface FluxWaitOptions {
  ancestry: RevisionAncestry;
  signal: AbortSignal;
  /** Request an immediate reconcile of the object and its source, as `flux reconcile --with-source`. */
  reconcile: boolean;
  report(status: ObjectStatus): void;
}

export interface FluxWaiter {
  waitFor(target: FluxTarget, options: FluxWaitOptions): Promise<ObjectStatus>;
}

const FIRST_ANSWER_MS = 15_000;

/** Follows Flux objects with an open client (the command closes it). */
export function fluxWaiter(client: FluxClient): FluxWaiter {
  return { waitFor: (target, options) => new FluxFollower(client, target, options).run() };
}

/**
 * Follows one Flux object through the Kubernetes watch API until it applied
 * the expected commit and is ready, or failed. A watch that ends is resumed
 * from the last resourceVersion; an expired one (410) starts from a fresh GET.
 */
class FluxFollower {
  private last: ObjectStatus = { state: 'waiting', sync: 'Unknown', health: 'Unknown', revision: '', message: 'no answer yet' };
  private requestedAt: string | undefined;
  private resourceVersion: string | undefined;
  private readonly ref: FluxObjectRef;

  constructor(
    private readonly client: FluxClient,
    target: FluxTarget,
    private readonly options: FluxWaitOptions,
  ) {
    this.ref = { kind: target.kind, name: target.name, namespace: target.namespace };
  }

  async run(): Promise<ObjectStatus> {
    const { signal } = this.options;
    const first = await this.firstAnswer(signal);
    if (!first) return this.last;
    if (this.options.reconcile) await this.requestReconcile(first);
    if (await this.observe(first)) return this.last;
    const interval = new PollInterval(500, 10_000, 2);
    while (!signal.aborted) {
      const ended = await this.watchOnce();
      if (this.last.state !== 'waiting' || hasAborted(signal)) return this.last;
      if (ended === 'expired') this.resourceVersion = undefined;
      await sleep(ended === 'clean' ? 0 : interval.next(), signal);
      // Catch up with a GET after a broken watch: events between the break and the new watch are not replayed when expired.
      const current = await this.client.get(this.ref).catch((error: unknown) => {
        if (error instanceof FluxTransientError) return undefined;
        throw error;
      });
      if (current && (await this.observe(current))) return this.last;
    }
    return this.last;
  }

  private async firstAnswer(signal: AbortSignal): Promise<FluxObject | undefined> {
    const giveUp = Date.now() + FIRST_ANSWER_MS;
    const interval = new PollInterval(500, 4000, 2);
    for (;;) {
      try {
        return await this.client.get(this.ref);
      } catch (error) {
        if (signal.aborted) return undefined;
        if (!(error instanceof FluxTransientError)) throw error;
        if (Date.now() >= giveUp) throw new InputError('kubeconfig', `${error.message}; is the cluster reachable from the runner?`);
        await sleep(interval.next(), signal);
      }
    }
  }

  /** One watch, until it ends, the object is judged, or the signal aborts. */
  private watchOnce(): Promise<'clean' | 'broken' | 'expired'> {
    return new Promise((resolve, reject) => {
      let stop: (() => void) | undefined;
      let settled = false;
      let queue = Promise.resolve();
      const finish = (how: 'clean' | 'broken' | 'expired'): void => {
        if (settled) return;
        settled = true;
        this.options.signal.removeEventListener('abort', onAbort);
        stop?.();
        queue.then(() => {
          resolve(how);
        }, reject);
      };
      const onAbort = (): void => {
        finish('clean');
      };
      this.options.signal.addEventListener('abort', onAbort, { once: true });
      this.client
        .watch(this.ref, this.resourceVersion, {
          onEvent: (type, object) => {
            if (type === 'ERROR') {
              finish('expired');
              return;
            }
            // Every event carries an object with metadata (a BOOKMARK: only its resourceVersion).
            if (object.metadata.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
            if (type === 'BOOKMARK') return;
            if (type === 'DELETED') {
              this.last = { ...this.last, state: 'failed', message: `${this.ref.kind} was deleted while waiting` };
              finish('clean');
              return;
            }
            // Events are judged one at a time, in order; the ancestry lookups in between are async.
            queue = queue.then(async () => {
              if (!settled && (await this.observe(object))) finish('clean');
            });
          },
          onEnd: (error) => {
            if (error) core.debug(`${this.ref.kind}/${this.ref.name}: watch ended: ${messageOf(error)}`);
            finish(error ? 'broken' : 'clean');
          },
        })
        .then(
          (abort) => {
            stop = abort;
            if (settled) abort();
          },
          () => {
            finish('broken');
          },
        );
    });
  }

  /** Judges the object; true once it is done or failed. */
  private async observe(object: FluxObject): Promise<boolean> {
    if (object.metadata.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
    let judgement = judgeFluxObject(object, { knowledge: this.options.ancestry, requestedAt: this.requestedAt });
    if (judgement.lookup.length > 0) {
      await this.options.ancestry.learn(judgement.lookup);
      judgement = judgeFluxObject(object, { knowledge: this.options.ancestry, requestedAt: this.requestedAt });
    }
    // The status without the judge's lookup list: what is reported and kept.
    const status: ObjectStatus & { lookup?: string[] } = { ...judgement };
    delete status.lookup;
    this.last = status;
    this.options.report(status);
    return status.state !== 'waiting';
  }

  /** The source first (as --with-source), so the object reconciles against the new commit. */
  private async requestReconcile(object: FluxObject): Promise<void> {
    const requestedAt = new Date().toISOString();
    const source = object.spec?.sourceRef ?? object.spec?.chartRef;
    if (source && (source.kind === 'GitRepository' || source.kind === 'OCIRepository')) {
      await this.client.requestReconcile({ kind: source.kind, name: source.name, namespace: source.namespace ?? this.ref.namespace }, requestedAt);
    }
    await this.client.requestReconcile(this.ref, requestedAt);
    this.requestedAt = requestedAt;
    core.info(`${this.ref.kind}/${this.ref.namespace}/${this.ref.name}: reconcile requested${source ? ` (with source ${source.kind}/${source.name})` : ''}.`);
  }
}
