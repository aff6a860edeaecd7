/**
 * GET /api/v1/stream/applications: Argo CD's Watch through grpc-gateway. Newline-delimited JSON by
 * default, Server-Sent Events with `Accept: text/event-stream` (argoproj/pkg grpc/http forwarders).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppEvent } from './app-store.js';
import type { Application } from './application-types.js';
import { matchesListQuery } from './application-routes.js';
import { type ArgoContext, replyError } from './argocd-context.js';

export const WATCH_ROUTE = '/api/v1/stream/applications';

export function handleWatch(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  let account;
  try {
    // Auth fails before the stream starts, so grpc-gateway answers with a plain runtimeError.
    account = ctx.auth.authenticate(req);
  } catch (err) {
    return replyError(ctx, res, WATCH_ROUTE, 'GET', err);
  }
  const sse = (req.headers.accept ?? '').includes('text/event-stream');
  const breakFault = ctx.faults.take('stream-break', 'GET', url.pathname);
  const fields = parseFields(url.searchParams.get('fields'));
  const lastPayload = new Map<string, string>();
  let written = 0;
  let closed = false;

  res.writeHead(200, { 'Content-Type': sse ? 'text/event-stream' : 'application/json', 'Cache-Control': 'no-cache' });
  res.flushHeaders();

  const visible = (app: Application): boolean => matchesListQuery(app, url) && ctx.auth.mayGet(account, app.spec.project, app.metadata.name);
  const send = (event: AppEvent): void => {
    if (closed || !visible(event.app)) return;
    const message = { result: { type: event.type, application: event.app } };
    const shaped = fields ? applyFields(message, fields) : message;
    const payload = JSON.stringify(shaped);
    // The forwarder drops a payload identical to the previous one for the same app.
    if (lastPayload.get(event.app.metadata.name) === payload) return;
    lastPayload.set(event.app.metadata.name, payload);
    if (fields) ctx.contract.checkStreamMessage(shaped, `GET ${WATCH_ROUTE} message`, false);
    else ctx.contract.checkStreamMessage(shaped, `GET ${WATCH_ROUTE} message`);
    written++;
    const breakNow = breakFault !== undefined && written >= breakFault.afterEvents;
    // Injected fault: once the K-th event is flushed, the connection dies with no terminating chunk.
    res.write(sse ? `data: ${payload} \n\n` : `${payload}\n`, () => breakNow && res.socket?.destroy());
    if (breakNow) {
      closed = true;
      cleanup();
    }
  };

  const unsubscribe = ctx.store.subscribe(send);
  const keepAlive = sse ? setInterval(() => res.write(':\n'), ctx.sseKeepAliveMs) : undefined;
  keepAlive?.unref();
  const cleanup = (): void => {
    unsubscribe();
    if (keepAlive) clearInterval(keepAlive);
  };
  req.once('close', () => {
    closed = true;
    cleanup();
  });

  // Initial ADDED events unless the client resumes from a resourceVersion (a `name` always gets its ADDED).
  const name = url.searchParams.get('name');
  if (!url.searchParams.get('resourceVersion') || name) {
    for (const app of ctx.store.list()) send({ type: 'ADDED', app });
  }
  const refresh = url.searchParams.get('refresh');
  if (refresh && name) {
    const ns = url.searchParams.get('appNamespace') || ctx.serverNamespace;
    if (ctx.store.get(ns, name)) ctx.controller.requestRefresh(ns, name, refresh === 'hard' ? 'hard' : 'normal');
  }
}

interface FieldSelection {
  include: string[][];
  exclude: string[][];
}

/** `fields=a.b,c` keeps only those paths; `fields=-a.b` removes them. */
function parseFields(value: string | null): FieldSelection | undefined {
  if (!value) return undefined;
  const paths = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    include: paths.filter((p) => !p.startsWith('-')).map((p) => p.split('.')),
    exclude: paths.filter((p) => p.startsWith('-')).map((p) => p.slice(1).split('.')),
  };
}

function applyFields(message: Record<string, unknown>, fields: FieldSelection): Record<string, unknown> {
  let out: Record<string, unknown> = structuredClone(message);
  if (fields.include.length > 0) {
    const kept: Record<string, unknown> = {};
    for (const path of fields.include) copyPath(out, kept, path);
    out = kept;
  }
  for (const path of fields.exclude) deletePath(out, path);
  return out;
}

function copyPath(from: Record<string, unknown>, to: Record<string, unknown>, path: string[]): void {
  let src: unknown = from;
  let dst = to;
  for (let i = 0; i < path.length; i++) {
    if (typeof src !== 'object' || src === null) return;
    const value = (src as Record<string, unknown>)[path[i]];
    if (value === undefined) return;
    if (i === path.length - 1) dst[path[i]] = value;
    else {
      dst[path[i]] = dst[path[i]] ?? {};
      dst = dst[path[i]] as Record<string, unknown>;
      src = value;
    }
  }
}

function deletePath(obj: Record<string, unknown>, path: string[]): void {
  let node: unknown = obj;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node === 'object' && node !== null) delete (node as Record<string, unknown>)[path[path.length - 1]];
}
