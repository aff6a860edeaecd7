/** GET /api/v1/applications, GET /api/v1/applications/{name}, POST /api/v1/applications/{name}/sync. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../scenario/http-server.js';
import { REFRESH_ANNOTATION, SimulatorError } from './app-controller.js';
import type { Application } from './application-types.js';
import { type ArgoContext, reply, replyError } from './argocd-context.js';
import type { ArgoAccount } from './scenario.js';

export const GET_ROUTE = '/api/v1/applications/{name}';
export const LIST_ROUTE = '/api/v1/applications';
export const SYNC_ROUTE = '/api/v1/applications/{name}/sync';

/** Look an app up the way application.go's getAppEnforceRBAC does: 403 unless RBAC would allow the get. */
export function findVisibleApp(ctx: ArgoContext, account: ArgoAccount, name: string, url: URL): Application {
  const ns = url.searchParams.get('appNamespace') || ctx.serverNamespace;
  const projects = [...url.searchParams.getAll('project'), ...url.searchParams.getAll('projects')];
  if (projects.length > 1) throw new SimulatorError(3, 'multiple projects specified - the get endpoint accepts either zero or one project');
  const app = ctx.store.get(ns, name);
  if (!app) {
    if (ctx.auth.mayKnowAbsence(account)) throw new SimulatorError(5, `applications.argoproj.io "${name}" not found`);
    throw new SimulatorError(7, 'permission denied');
  }
  if (!ctx.auth.mayGet(account, app.spec.project, name)) throw new SimulatorError(7, 'permission denied');
  // A project that does not match the app's is answered like an app the caller may not see.
  if (projects.length === 1 && projects[0] !== app.spec.project) throw new SimulatorError(7, 'permission denied');
  return app;
}

export async function handleGet(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse, url: URL, name: string): Promise<void> {
  try {
    const account = ctx.auth.authenticate(req);
    const app = findVisibleApp(ctx, account, name, url);
    const refresh = url.searchParams.get('refresh');
    if (!refresh) return reply(ctx, res, GET_ROUTE, 'GET', app);
    // Any non-empty value other than "hard" means a normal refresh (application.go).
    const annotated = ctx.controller.requestRefresh(app.metadata.namespace, name, refresh === 'hard' ? 'hard' : 'normal')!;
    const refreshed = await waitForRefresh(ctx, req, app.metadata.namespace, name, Number(annotated.metadata.resourceVersion));
    if (refreshed) reply(ctx, res, GET_ROUTE, 'GET', refreshed);
  } catch (err) {
    replyError(ctx, res, GET_ROUTE, 'GET', err);
  }
}

/** Block until the controller has handled the refresh (annotation gone, newer resourceVersion) or the client leaves. */
function waitForRefresh(ctx: ArgoContext, req: IncomingMessage, ns: string, name: string, afterVersion: number): Promise<Application | undefined> {
  return new Promise((resolve) => {
    const done = (app: Application | undefined): void => {
      unsubscribe();
      req.off('close', onClose);
      resolve(app);
    };
    const unsubscribe = ctx.store.subscribe((event) => {
      const a = event.app;
      if (a.metadata.namespace !== ns || a.metadata.name !== name) return;
      if (Number(a.metadata.resourceVersion) > afterVersion && !a.metadata.annotations?.[REFRESH_ANNOTATION]) done(a);
    });
    const onClose = (): void => done(undefined);
    req.once('close', onClose);
  });
}

export function handleList(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  try {
    const account = ctx.auth.authenticate(req);
    const items = ctx.store.list().filter((app) => matchesListQuery(app, url) && ctx.auth.mayGet(account, app.spec.project, app.metadata.name));
    reply(ctx, res, LIST_ROUTE, 'GET', { metadata: { resourceVersion: latestVersion(ctx) }, items });
  } catch (err) {
    replyError(ctx, res, LIST_ROUTE, 'GET', err);
  }
}

export function latestVersion(ctx: ArgoContext): string {
  return String(Math.max(0, ...ctx.store.list().map((a) => Number(a.metadata.resourceVersion))));
}

/** The List/Watch query filters: name, appNamespace, projects, repo, label selector (`k=v`, `k!=v`, `k`). */
export function matchesListQuery(app: Application, url: URL): boolean {
  const q = url.searchParams;
  if (q.get('name') && q.get('name') !== app.metadata.name) return false;
  if (q.get('appNamespace') && q.get('appNamespace') !== app.metadata.namespace) return false;
  const projects = [...q.getAll('project'), ...q.getAll('projects')];
  if (projects.length > 0 && !projects.includes(app.spec.project)) return false;
  const repo = q.get('repo');
  const repos = app.spec.sources?.map((s) => s.repoURL) ?? [app.spec.source?.repoURL];
  if (repo && !repos.includes(repo)) return false;
  const selector = q.get('selector');
  if (selector) {
    const labels = app.metadata.labels ?? {};
    for (const term of selector
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)) {
      const [key, value] = term.split(/!=|==|=/).map((s) => s.trim());
      if (term.includes('!=')) {
        if (labels[key] === value) return false;
      } else if (value === undefined) {
        if (!(key in labels)) return false;
      } else if (labels[key] !== value) return false;
    }
  }
  return true;
}

interface SyncRequestBody {
  name?: string;
  revision?: string;
  revisions?: string[];
  prune?: boolean;
  dryRun?: boolean;
  appNamespace?: string;
}

export async function handleSync(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse, url: URL, name: string): Promise<void> {
  try {
    const account = ctx.auth.authenticate(req);
    const text = await readBody(req);
    let body: SyncRequestBody;
    try {
      body = text.trim() === '' ? {} : (JSON.parse(text) as SyncRequestBody);
    } catch (err) {
      throw new SimulatorError(3, `invalid character in request body: ${(err as Error).message}`);
    }
    const errors = ctx.contract.requestErrors('applicationApplicationSyncRequest', body);
    if (errors.length > 0) {
      ctx.contract.recordRequestViolation(`POST ${SYNC_ROUTE} request body`, 'applicationApplicationSyncRequest', errors);
      // Go's JSON decoder ignores unknown fields but fails on wrong types, so only type errors are refused.
      const typeErrors = errors.filter((e) => !e.includes('additional properties'));
      if (typeErrors.length > 0) throw new SimulatorError(3, `json: cannot unmarshal request body: ${typeErrors.join('; ')}`);
    }
    const query = new URL(url);
    if (body.appNamespace && !query.searchParams.get('appNamespace')) query.searchParams.set('appNamespace', body.appNamespace);
    const app = findVisibleApp(ctx, account, name, query);
    const updated = ctx.controller.requestSync(app.metadata.namespace, name, body, account.username);
    reply(ctx, res, SYNC_ROUTE, 'POST', updated);
  } catch (err) {
    replyError(ctx, res, SYNC_ROUTE, 'POST', err);
  }
}
