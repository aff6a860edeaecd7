import * as core from '@actions/core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import { InputError, messageOf } from '../../errors.js';
import { maskKubeconfig } from '../../log/mask-secret.js';
import type { FluxConnection } from '../controller-settings.js';
import { FLUX_RESOURCES, RECONCILE_ANNOTATION, type FluxKind, type FluxObject } from './flux-types.js';
import { shortenAtWord } from '../../text/shorten-at-word.js';

/** A failure worth retrying within the deadline: 5xx, 429, a reset or refused connection. */
export class FluxTransientError extends Error {}

export interface FluxObjectRef {
  kind: FluxKind;
  name: string;
  namespace: string;
}

export interface WatchHandlers {
  onEvent(type: string, object: FluxObject): void;
  onEnd(error: unknown): void;
}

/**
 * The Kubernetes API as far as Flux objects go, through @kubernetes/client-node
 * (which brings kubeconfig auth: tokens, client certificates, exec plugins).
 * Loaded only on the Flux path: client-node needs Node 22 or later.
 */
export class FluxClient {
  requestCount = 0;

  private constructor(
    private readonly lib: typeof k8s,
    private readonly config: k8s.KubeConfig,
    private readonly api: k8s.CustomObjectsApi,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async open(inputs: FluxConnection): Promise<FluxClient> {
    const lib = await import('@kubernetes/client-node');
    const config = new lib.KubeConfig();
    let cleanup = (): Promise<void> => Promise.resolve();
    if (inputs.kubeconfig) {
      maskKubeconfig(inputs.kubeconfig);
      // A file, not a string: exec plugins and relative certificate paths are resolved against its folder.
      const folder = await mkdtemp(join(inputs.tempDir, 'gitops-promote-kube-'));
      const file = join(folder, 'kubeconfig');
      cleanup = () => rm(folder, { recursive: true, force: true });
      await writeFile(file, inputs.kubeconfig, { mode: 0o600 });
      try {
        config.loadFromFile(file);
      } catch (error) {
        await cleanup();
        throw new InputError('kubeconfig', `is not a valid kubeconfig (${(error as Error).message.split('\n')[0]}).`);
      }
    } else {
      config.loadFromDefault();
    }
    if (inputs.context) {
      if (!config.getContextObject(inputs.context)) {
        await cleanup();
        throw new InputError('kube-context', `'${inputs.context}' is not a context of the kubeconfig.`);
      }
      config.setCurrentContext(inputs.context);
    }
    if (!config.getCurrentCluster()) {
      await cleanup();
      throw new InputError('kubeconfig', 'no cluster to talk to: pass kubeconfig (a secret) or set KUBECONFIG on the runner.');
    }
    allowPlainHttpServers(config);
    return new FluxClient(lib, config, config.makeApiClient(lib.CustomObjectsApi), cleanup);
  }

  get server(): string {
    return this.config.getCurrentCluster()?.server ?? 'the cluster';
  }

  async get(ref: FluxObjectRef): Promise<FluxObject> {
    const { group, version, plural } = FLUX_RESOURCES[ref.kind];
    return (await this.call(ref, 'get', () =>
      this.api.getNamespacedCustomObject({ group, version, plural, namespace: ref.namespace, name: ref.name }),
    )) as FluxObject;
  }

  /** Sets `reconcile.fluxcd.io/requestedAt`, as `flux reconcile` does. */
  async requestReconcile(ref: FluxObjectRef, requestedAt: string): Promise<void> {
    const { group, version, plural } = FLUX_RESOURCES[ref.kind];
    const body = { metadata: { annotations: { [RECONCILE_ANNOTATION]: requestedAt } } };
    const mergePatch = this.lib.setHeaderOptions('Content-Type', this.lib.PatchStrategy.MergePatch);
    await this.call(ref, 'patch', () =>
      this.api.patchNamespacedCustomObject({ group, version, plural, namespace: ref.namespace, name: ref.name, body }, mergePatch),
    );
  }

  /** Watches one object from `resourceVersion`; returns a stop function. */
  async watch(ref: FluxObjectRef, resourceVersion: string | undefined, handlers: WatchHandlers): Promise<() => void> {
    const { group, version, plural } = FLUX_RESOURCES[ref.kind];
    const path = `/apis/${group}/${version}/namespaces/${ref.namespace}/${plural}`;
    const query = { fieldSelector: `metadata.name=${ref.name}`, allowWatchBookmarks: true, ...(resourceVersion ? { resourceVersion } : {}) };
    this.requestCount++;
    const controller = await new this.lib.Watch(this.config).watch(
      path,
      query,
      (type, object) => {
        handlers.onEvent(type, object as FluxObject);
      },
      (error) => {
        handlers.onEnd(error);
      },
    );
    return () => {
      controller.abort();
    };
  }

  close(): Promise<void> {
    return this.cleanup();
  }

  private async call<T>(ref: FluxObjectRef, verb: 'get' | 'patch', request: () => Promise<T>): Promise<T> {
    this.requestCount++;
    try {
      return await request();
    } catch (error) {
      throw this.describe(error, ref, verb);
    }
  }

  private describe(error: unknown, ref: FluxObjectRef, verb: 'get' | 'patch'): Error {
    const status = (error as { code?: unknown }).code;
    const label = `${ref.kind} ${ref.namespace}/${ref.name}`;
    if (typeof status !== 'number') {
      const message = withCauses(error);
      if (/certificate|self[- ]signed|CERT_|TLS|SSL/i.test(message))
        return new InputError('kubeconfig', `TLS error talking to ${this.server}: ${message.split('\n')[0]}`);
      core.debug(`${label}: ${message}`);
      return new FluxTransientError(`no answer from ${this.server} (${message.split('\n')[0]})`);
    }
    const serverMessage = statusMessage((error as { body?: unknown }).body);
    if (status === 401) return new InputError('kubeconfig', `${this.server} refused the credentials (401 ${serverMessage || 'Unauthorized'}).`);
    if (status === 403) {
      const input = verb === 'patch' ? 'flux-reconcile' : 'flux-name';
      return new InputError(
        input,
        `forbidden: ${serverMessage || `may not ${verb} ${label}`} (the kubeconfig's user needs get, list, ` +
          `watch${verb === 'patch' ? ' and patch' : ''} on ${FLUX_RESOURCES[ref.kind].plural}.${FLUX_RESOURCES[ref.kind].group}).`,
      );
    }
    if (status === 404)
      return new InputError(
        ref.kind === 'GitRepository' || ref.kind === 'OCIRepository' ? 'flux-reconcile' : 'flux-name',
        `${label} does not exist (404 ${serverMessage}).`,
      );
    if (status >= 500 || status === 429) return new FluxTransientError(`${this.server} answered ${status} ${serverMessage}`);
    return new InputError('flux-name', `${label}: the API server answered ${status} ${serverMessage}.`);
  }
}

/**
 * kubectl talks plain HTTP to an `http://` server (as `kubectl proxy` serves); client-node refuses one
 * unless the cluster has skipTLSVerify, which means nothing without TLS. So it is set on those clusters
 * only: an `https://` server keeps its certificate verification.
 */
export function allowPlainHttpServers(config: Pick<k8s.KubeConfig, 'clusters' | 'contexts' | 'users' | 'getCurrentContext' | 'loadFromOptions'>): void {
  if (!config.clusters.some(isPlainHttp)) return;
  const clusters = config.clusters.map((cluster) => (isPlainHttp(cluster) ? { ...cluster, skipTLSVerify: true } : cluster));
  config.loadFromOptions({ clusters, contexts: config.contexts, users: config.users, currentContext: config.getCurrentContext() });
}

// The scheme test client-node itself makes before it refuses.
const isPlainHttp = (cluster: k8s.Cluster): boolean => cluster.server.startsWith('http:');

/** fetch says only "fetch failed"; why (a refused connection, an untrusted certificate) is in its causes. */
export function withCauses(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current !== undefined && current !== null && parts.length < 4; current = (current as { cause?: unknown }).cause) {
    const message = messageOf(current);
    if (message && !parts.includes(message)) parts.push(message);
    if (!(current instanceof Error)) break;
  }
  return parts.join(': ') || String(error);
}

function statusMessage(body: unknown): string {
  try {
    const parsed = typeof body === 'string' ? (JSON.parse(body) as { message?: string }) : (body as { message?: string } | undefined);
    return parsed?.message ?? '';
  } catch {
    return shortenAtWord(String(body), 120);
  }
}
