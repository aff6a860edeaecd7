/**
 * A local Kubernetes API server for Flux objects, for tests and demos, held to the Flux CRD schemas.
 * Serves what @kubernetes/client-node needs: discovery, GET/LIST/WATCH and PATCH. See README.md.
 */
import type { SimulatorBaseOptions } from '../scenario/simulator-basics.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Fault, FaultInjector } from '../scenario/faults.js';
import { listen, sendJson, sleep } from '../scenario/http-server.js';
import { type LoggedRequest, RequestLog } from '../scenario/request-log.js';
import type { ContractViolation } from '../scenario/schema-contract.js';
import { StepClock } from '../scenario/step-clock.js';
import { generateCertificates, generateClientCertificate } from '../scenario/tls.js';
import { buildFluxObject } from './flux-objects.js';
import { FluxController } from './flux-controller.js';
import { resourceByKind, resourceByPath } from './flux-resources.js';
import { KubeAuth } from './kube-auth.js';
import { KubeContract } from './kube-contract.js';
import { type KubeContext, replyStatus } from './kube-context.js';
import { KubeError, methodNotAllowed, pathNotFound, serverError } from './kube-status.js';
import { buildKubeconfig } from './kubeconfig.js';
import { type KubeObject, ObjectStore } from './object-store.js';
import { handleDiscovery, handleGet, handlePatch, parseResourcePath } from './resource-routes.js';
import { type KubeScenario, parseKubeScenario } from './scenario.js';
import { handleWatch } from './watch-route.js';

export type { KubeScenario, FluxObjectScenario, FluxOutcome, KubeUser } from './scenario.js';
export type { KubeObject } from './object-store.js';
export { parseKubeScenario } from './scenario.js';
export { KubeContract } from './kube-contract.js';

export interface KubernetesSimulatorOptions extends SimulatorBaseOptions {
  scenario: KubeScenario;
  /**
   * HTTPS with a CA made by `openssl` at start (default true, like every real API server; needed for
   * client certificates). With false, kubeconfigs say `insecure-skip-tls-verify: true`, because
   * client-node v2 refuses a plain-HTTP server otherwise.
   */
  tls?: boolean;
  /** Interval of BOOKMARK events on watches with allowWatchBookmarks=true (kube-apiserver: about a minute). */
  bookmarkIntervalMs?: number;
  /** Watch events kept for resuming; older resourceVersions get 410 Expired. */
  historyLimit?: number;
}

export interface KubeconfigRequest {
  /** `token` (default) or `client-certificate` (needs tls). */
  auth?: 'token' | 'client-certificate';
  /** User to authenticate as (default the first user). */
  user?: string;
  /** Skip TLS verification instead of embedding the CA. */
  insecure?: boolean;
  namespace?: string;
}

export interface KubernetesSimulator {
  url: string;
  caPem?: string;
  /** Bearer token of the first user. */
  token: string;
  kubeconfig(request?: KubeconfigRequest): string;
  requests: LoggedRequest[];
  requestLog: RequestLog;
  contractViolations: ContractViolation[];
  contract: KubeContract;
  /** The source's remote now has `revision` (Git: commit SHA; OCI: tag). Its dependents' timelines follow. */
  setRevision(source: string | { kind?: 'GitRepository' | 'OCIRepository'; name: string; namespace?: string }, revision: string): void;
  getObject(kind: string, name: string, namespace?: string): KubeObject | undefined;
  advance(steps?: number): void;
  /** Resolves once the controllers have taken `steps` more steps (see StepClock.afterSteps). */
  afterSteps(steps: number): Promise<void>;
  injectFault(fault: Fault): void;
  /** Drop the watch event history (etcd compaction): resuming from any older resourceVersion answers 410. */
  compact(): void;
  readonly resourceVersion: number;
  close(): Promise<void>;
}

export async function startKubernetesSimulator(options: KubernetesSimulatorOptions): Promise<KubernetesSimulator> {
  const scenario = parseKubeScenario(options.scenario);
  const clock = new StepClock({
    stepMs: options.stepMs ?? scenario.stepMs ?? 25,
    simulatedSecondsPerStep: options.simulatedSecondsPerStep ?? scenario.simulatedSecondsPerStep,
    manual: options.manualSteps,
    startTime: options.startTime,
  });
  const store = new ObjectStore(options.historyLimit);
  const format = scenario.revisionFormat ?? 'sha1';
  const controller = new FluxController(store, clock, format);
  let address = '';
  const ctx: KubeContext = {
    store,
    controller,
    clock,
    auth: new KubeAuth(scenario.users),
    contract: new KubeContract(options.contractsDir),
    faults: new FaultInjector(),
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    address: () => address,
  };
  // Sources first, so appliers can settle at their source's revision.
  const ordered = [...scenario.objects].sort((a, b) => Number(!a.kind.endsWith('Repository')) - Number(!b.kind.endsWith('Repository')));
  for (const s of ordered) {
    const obj = store.create(buildFluxObject(s, format, clock.timestamp()));
    controller.register(s, obj);
  }
  controller.settleAppliers();
  for (const fault of scenario.faults ?? []) ctx.faults.inject(fault);
  const log = new RequestLog();
  const certs = options.tls === false ? undefined : generateCertificates('kube-apiserver');
  const server = await listen({ port: options.port, host: options.host, tls: certs, requestClientCertificate: Boolean(certs), log }, (req, res, url) =>
    handle(ctx, req, res, url),
  );
  address = server.url.replace(/^https?:\/\//, '');

  const firstUser = ctx.auth.users[0];
  return {
    url: server.url,
    caPem: certs?.caPem,
    token: firstUser.token,
    kubeconfig: (request = {}) => {
      const user = ctx.auth.users.find((u) => u.name === (request.user ?? firstUser.name));
      if (!user) throw new Error(`kubeconfig: no user "${request.user}" in the scenario`);
      if (request.auth === 'client-certificate') {
        if (!certs) throw new Error('kubeconfig: client-certificate auth needs TLS; do not start the simulator with tls: false');
        const client = generateClientCertificate(certs, user.name, user.groups);
        return buildKubeconfig({
          server: server.url,
          caPem: certs.caPem,
          insecure: request.insecure,
          clientCertPem: client.certPem,
          clientKeyPem: client.keyPem,
          namespace: request.namespace,
        });
      }
      return buildKubeconfig({
        server: server.url,
        caPem: certs?.caPem,
        insecure: request.insecure ?? !certs,
        token: user.token,
        namespace: request.namespace,
      });
    },
    requests: log.entries,
    requestLog: log,
    contractViolations: ctx.contract.violations,
    contract: ctx.contract,
    setRevision: (source, revision) => {
      const ref = typeof source === 'string' ? { name: source } : source;
      const candidates = scenario.objects.filter(
        (o) =>
          (o.kind === 'GitRepository' || o.kind === 'OCIRepository') &&
          o.name === ref.name &&
          (!ref.kind || o.kind === ref.kind) &&
          (!ref.namespace || (o.namespace ?? 'flux-system') === ref.namespace),
      );
      if (candidates.length !== 1)
        throw new Error(`setRevision: ${candidates.length === 0 ? 'no' : 'more than one'} source named "${ref.name}"; pass { kind, name, namespace }`);
      const s = candidates[0];
      controller.setRevision(s.kind as 'GitRepository' | 'OCIRepository', s.namespace ?? 'flux-system', s.name, revision);
    },
    getObject: (kind, name, namespace = 'flux-system') => store.get(resourceByKind(kind).kind, namespace, name),
    advance: (steps = 1) => clock.advance(steps),
    afterSteps: (steps) => clock.afterSteps(steps),
    injectFault: (fault) => ctx.faults.inject(fault),
    compact: () => store.compact(),
    get resourceVersion() {
      return store.resourceVersion;
    },
    close: async () => {
      clock.close();
      controller.close();
      await server.close();
    },
  };
}

async function handle(ctx: KubeContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const where = `${method} ${url.pathname}`;
  try {
    const delay = ctx.faults.take('delay', method, url.pathname);
    if (delay) await sleep(delay.ms);
    const fault = ctx.faults.take('status', method, url.pathname);
    if (fault) throw serverError(fault.status, fault.message);
    if (url.pathname === '/version') {
      return sendJson(res, 200, {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2024-12-11T17:59:15Z',
        goVersion: 'go1.23.3',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    }
    const user = ctx.auth.authenticate(req);
    if (method === 'GET' && handleDiscovery(ctx, res, url.pathname)) return;
    const p = parseResourcePath(url.pathname, resourceByPath);
    if (!p) throw pathNotFound();
    if (method === 'GET' && url.searchParams.get('watch') === 'true' && !p.name) return handleWatch(ctx, user, req, res, url, p);
    if (method === 'GET') return handleGet(ctx, user, res, url, p);
    if (method === 'PATCH') return await handlePatch(ctx, user, req, res, url, p);
    throw methodNotAllowed();
  } catch (err) {
    if (!(err instanceof KubeError)) throw err;
    replyStatus(ctx, res, err, where);
  }
}
