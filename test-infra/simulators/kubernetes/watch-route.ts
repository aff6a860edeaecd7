/**
 * `?watch=true`: chunked newline-delimited watch events, as kube-apiserver streams them. A too-old
 * resourceVersion is reported the way the watch cache does: HTTP 200, then one ERROR event whose
 * object is a Status with code 410 and reason Expired, then the stream ends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf } from './flux-resources.js';
import type { KubeContext } from './kube-context.js';
import { expired } from './kube-status.js';
import type { KubeObject, StoredEvent } from './object-store.js';
import { authorize, matchesSelectors, type ResourcePath } from './resource-routes.js';

type User = ReturnType<KubeContext['auth']['authenticate']>;

/** kube-apiserver's --min-request-timeout: watches without timeoutSeconds end after 1800 s. */
const DEFAULT_TIMEOUT_SECONDS = 1800;

export function handleWatch(ctx: KubeContext, user: User, req: IncomingMessage, res: ServerResponse, url: URL, p: ResourcePath): void {
  const r = p.resource;
  authorize(user, 'watch', r, p.namespace ?? '');
  const q = url.searchParams;
  const matches = (o: KubeObject): boolean =>
    o.kind === r.kind && (p.namespace === undefined || o.metadata.namespace === p.namespace) && matchesSelectors(o, url);
  // Selectors are parsed (and a bad one refused with 400) before the stream starts.
  ctx.store.list(r.kind, p.namespace).forEach((o) => matchesSelectors(o, url));
  const breakFault = ctx.faults.take('stream-break', 'GET', url.pathname);
  const goneFault = ctx.faults.take('gone', 'GET', url.pathname);
  const where = `WATCH ${url.pathname}`;
  let written = 0;
  let closed = false;

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();

  const write = (event: { type: string; object: unknown }): void => {
    if (closed) return;
    ctx.contract.checkWatchEvent(r, event, where);
    written++;
    const breakNow = breakFault !== undefined && written >= breakFault.afterEvents;
    res.write(`${JSON.stringify(event)}\n`, () => breakNow && res.socket?.destroy());
    if (breakNow) finish(false);
  };
  const finish = (graceful: boolean): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearTimeout(timeout);
    if (bookmarks) clearInterval(bookmarks);
    if (graceful) res.end();
  };
  const expire = (requested: number): void => {
    write({ type: 'ERROR', object: expired(requested, ctx.store.oldestResumable).status });
    finish(true);
  };

  const live: StoredEvent[] = [];
  let replaying = true;
  const unsubscribe = ctx.store.subscribe((e) => {
    if (!matches(e.object)) return;
    if (replaying) live.push(e);
    else write({ type: e.type, object: e.object });
  });
  const timeoutSeconds = Number(q.get('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS);
  const timeout = setTimeout(() => finish(true), timeoutSeconds * 1000);
  timeout.unref();
  const bookmarks =
    q.get('allowWatchBookmarks') === 'true'
      ? setInterval(
          () =>
            write({
              type: 'BOOKMARK',
              object: { kind: r.kind, apiVersion: apiVersionOf(r), metadata: { resourceVersion: String(ctx.store.resourceVersion) } },
            }),
          ctx.bookmarkIntervalMs,
        )
      : undefined;
  bookmarks?.unref();
  req.once('close', () => finish(false));

  const rvParam = q.get('resourceVersion');
  if (goneFault) return expire(Number(rvParam ?? ctx.store.resourceVersion));
  if (!rvParam || rvParam === '0') {
    // No resourceVersion: the current state as synthetic ADDED events, then changes.
    for (const o of ctx.store.list(r.kind, p.namespace).filter(matches)) write({ type: 'ADDED', object: o });
  } else {
    const since = ctx.store.eventsSince(Number(rvParam));
    if (since === undefined) return expire(Number(rvParam));
    for (const e of since.filter((ev) => matches(ev.object))) write({ type: e.type, object: e.object });
  }
  // Changes that happened while the backlog was written follow it, in order.
  replaying = false;
  for (const e of live) write({ type: e.type, object: e.object });
}
