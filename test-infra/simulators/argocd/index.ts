/**
 * A local Argo CD API server for tests and demos, held to Argo CD's swagger.json and Application CRD.
 * See README.md in this folder for the scenario format, control routes and faults.
 */
import type { SimulatorBaseOptions } from '../scenario/simulator-basics.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Fault, FaultInjector } from '../scenario/faults.js';
import { listen, sleep } from '../scenario/http-server.js';
import { type LoggedRequest, RequestLog } from '../scenario/request-log.js';
import type { ContractViolation } from '../scenario/schema-contract.js';
import { StepClock } from '../scenario/step-clock.js';
import { generateCertificates } from '../scenario/tls.js';
import { type Application } from './application-types.js';
import { DEFAULT_INITIAL_REVISION, buildApplication } from './application-factory.js';
import { ArgoController, type SetRevisionOptions } from './app-controller.js';
import { AppStore } from './app-store.js';
import { ArgoAuth } from './argocd-auth.js';
import { ArgoContract } from './argocd-contract.js';
import { type ArgoContext, replyError } from './argocd-context.js';
import { grpcCodeForHttp, sendProxyError } from './argocd-errors.js';
import { SimulatorError } from './app-controller.js';
import { handleGet, handleList, handleSync } from './application-routes.js';
import { handleControl } from './control-routes.js';
import { DEFAULT_ACCOUNT, type ArgoScenario, parseArgoScenario } from './scenario.js';
import { handleLogin, handleLogout } from './session-routes.js';
import { handleWatch } from './stream-route.js';

export type { ArgoScenario, ArgoAppScenario, ArgoOutcome, ArgoAccount } from './scenario.js';
export type { Application } from './application-types.js';
export type { SetRevisionOptions } from './app-controller.js';
export { parseArgoScenario } from './scenario.js';
export { ArgoContract } from './argocd-contract.js';

export interface ArgoCdSimulatorOptions extends SimulatorBaseOptions {
  scenario: ArgoScenario;
  /** Serve HTTPS with a certificate made by `openssl` at start; the CA is `caPem`. contractsDir holds swagger.json and application-crd.yaml. */
  tls?: boolean;
  /** SSE keep-alive comment interval (Argo CD: 15 s). */
  sseKeepAliveMs?: number;
}

export interface ArgoCdSimulator {
  url: string;
  /** CA certificate (PEM) when started with `tls: true`. */
  caPem?: string;
  /** A token of the `admin` account (sees every app, so unknown apps answer 404). */
  token: string;
  /** Every request: method, path, query, status, timing. */
  requests: LoggedRequest[];
  requestLog: RequestLog;
  /** Every response (or request) that broke swagger.json or the Application CRD. Tests assert it stays empty. */
  contractViolations: ContractViolation[];
  contract: ArgoContract;
  /** The test says `sha` is now the head of the app's branch; the app's timeline plays out with it. */
  setRevision(name: string, sha: string, options?: SetRevisionOptions): void;
  /** Run controller steps now (with `manualSteps`, the only way time moves). */
  advance(steps?: number): void;
  /** Snapshot of an app as the API would return it. */
  getApplication(name: string, appNamespace?: string): Application | undefined;
  issueToken(username?: string, expiresInSeconds?: number): string;
  injectFault(fault: Fault): void;
  /** Every injected fault that fired, in order. */
  readonly firedFaults: ReadonlyArray<{ kind: Fault['kind']; method: string; path: string }>;
  /** Steps the controller has taken. */
  readonly step: number;
  /** Resolves once the controller has taken `steps` more steps (see StepClock.afterSteps). */
  afterSteps(steps: number): Promise<void>;
  close(): Promise<void>;
}

export async function startArgoCdSimulator(options: ArgoCdSimulatorOptions): Promise<ArgoCdSimulator> {
  const scenario = parseArgoScenario(options.scenario);
  const clock = new StepClock({
    stepMs: options.stepMs ?? scenario.stepMs ?? 25,
    simulatedSecondsPerStep: options.simulatedSecondsPerStep ?? scenario.simulatedSecondsPerStep,
    manual: options.manualSteps,
    startTime: options.startTime,
  });
  const store = new AppStore();
  const controller = new ArgoController(store, clock);
  const accounts = scenario.accounts ?? [DEFAULT_ACCOUNT];
  const ctx: ArgoContext = {
    store,
    controller,
    clock,
    auth: new ArgoAuth(accounts),
    contract: new ArgoContract(options.contractsDir),
    faults: new FaultInjector(),
    secureCookies: Boolean(options.tls),
    sseKeepAliveMs: options.sseKeepAliveMs ?? 15_000,
    serverNamespace: 'argocd',
  };
  for (const app of scenario.applications) {
    controller.register(app, app.initialRevision ?? DEFAULT_INITIAL_REVISION);
    store.add(buildApplication(app, clock.timestamp()));
  }
  for (const fault of scenario.faults ?? []) injectFault(fault);
  const log = new RequestLog();
  const certs = options.tls ? generateCertificates('argocd-server') : undefined;

  function injectFault(fault: Fault): void {
    // Expiry is a state change, not a per-request event: tokens issued before now stop working.
    if (fault.kind === 'expire-tokens') return ctx.auth.expireAllTokens();
    ctx.faults.inject(fault);
  }

  const server = await listen({ port: options.port, host: options.host, tls: certs, log }, async (req, res, url) => {
    if (url.pathname.startsWith('/_simulator/')) return handleControl(ctx, log, req, res, url);
    if (await applyFaults(ctx, req, res, url)) return;
    return route(ctx, req, res, url);
  });

  const adminUser = accounts.find((a) => (a.apps ?? ['*']).includes('*'))?.username ?? accounts[0].username;
  return {
    url: server.url,
    caPem: certs?.caPem,
    token: ctx.auth.issueToken(adminUser),
    requests: log.entries,
    requestLog: log,
    contractViolations: ctx.contract.violations,
    contract: ctx.contract,
    setRevision: (name, sha, opts) => controller.setRevision(name, sha, opts),
    advance: (steps = 1) => clock.advance(steps),
    afterSteps: (steps) => clock.afterSteps(steps),
    getApplication: (name, ns) => store.get(ns ?? controller.namespaceOf(name), name),
    issueToken: (username = adminUser, expiresInSeconds) => ctx.auth.issueToken(username, expiresInSeconds),
    injectFault,
    firedFaults: ctx.faults.fired,
    get step() {
      return clock.currentStep;
    },
    close: async () => {
      clock.close();
      await server.close();
    },
  };
}

/** Injected delays and error statuses, applied before the request reaches Argo CD's handlers. */
async function applyFaults(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const method = req.method ?? 'GET';
  const delay = ctx.faults.take('delay', method, url.pathname);
  if (delay) await sleep(delay.ms);
  const status = ctx.faults.take('status', method, url.pathname);
  if (!status) return false;
  const code = grpcCodeForHttp(status.status);
  // Statuses grpc-gateway can produce get its runtimeError body; others (502) come from a proxy in front.
  if (code === undefined) sendProxyError(res, status.status);
  else replyError(ctx, res, templateFor(url.pathname), method, new SimulatorError(code, status.message ?? `injected fault: HTTP ${status.status}`));
  return true;
}

function templateFor(path: string): string {
  if (path.startsWith('/api/v1/stream/applications')) return '/api/v1/stream/applications';
  if (path === '/api/v1/session') return '/api/v1/session';
  if (/^\/api\/v1\/applications\/[^/]+\/sync$/.test(path)) return '/api/v1/applications/{name}/sync';
  if (/^\/api\/v1\/applications\/[^/]+$/.test(path)) return '/api/v1/applications/{name}';
  return '/api/v1/applications';
}

async function route(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const appMatch = /^\/api\/v1\/applications\/([^/]+)(\/sync)?$/.exec(path);
  if (path === '/api/v1/session' && method === 'POST') return handleLogin(ctx, req, res);
  if (path === '/api/v1/session' && method === 'DELETE') return handleLogout(ctx, req, res);
  if (path === '/api/v1/applications' && method === 'GET') return handleList(ctx, req, res, url);
  if (path === '/api/v1/stream/applications' && method === 'GET') return handleWatch(ctx, req, res, url);
  if (appMatch && !appMatch[2] && method === 'GET') return handleGet(ctx, req, res, url, decodeURIComponent(appMatch[1]));
  if (appMatch && appMatch[2] && method === 'POST') return handleSync(ctx, req, res, url, decodeURIComponent(appMatch[1]));
  // grpc-gateway v1 answers unmatched routes with plain-text status text.
  const known = path === '/api/v1/session' || path === '/api/v1/applications' || path === '/api/v1/stream/applications' || appMatch;
  const status = known ? 405 : 404;
  const text = known ? 'Method Not Allowed\n' : 'Not Found\n';
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
