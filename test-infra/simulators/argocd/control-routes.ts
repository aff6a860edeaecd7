/**
 * `/_simulator/...`: the test-and-demo control surface, for driving a standalone simulator over HTTP
 * (no auth; not part of Argo CD's API and never contract-checked).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFault } from '../scenario/faults.js';
import { readBody, sendJson } from '../scenario/http-server.js';
import type { RequestLog } from '../scenario/request-log.js';
import type { ArgoContext } from './argocd-context.js';

export async function handleControl(ctx: ArgoContext, log: RequestLog, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    const route = `${req.method} ${url.pathname}`;
    const body = req.method === 'POST' ? (JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>) : {};
    switch (route) {
      case 'POST /_simulator/revision': {
        // {"application": "guestbook", "revision": "<40 hex>", "appNamespace"?, "chartVersion"?, "images"?, "touchesPaths"?}
        if (typeof body.application !== 'string' || typeof body.revision !== 'string') {
          return sendJson(res, 400, { message: 'body needs "application" and "revision" (a 40-character commit SHA)' });
        }
        ctx.controller.setRevision(body.application, body.revision, {
          appNamespace: body.appNamespace as string | undefined,
          chartVersion: body.chartVersion as string | undefined,
          images: body.images as string[] | undefined,
          touchesPaths: body.touchesPaths as boolean | undefined,
        });
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /_simulator/faults':
        ctx.faults.inject(parseFault(body));
        if (body.kind === 'expire-tokens') ctx.auth.expireAllTokens();
        return sendJson(res, 200, { ok: true });
      case 'POST /_simulator/advance':
        ctx.clock.advance(Number(body.steps ?? 1));
        return sendJson(res, 200, { step: ctx.clock.currentStep });
      case 'POST /_simulator/token':
        return sendJson(res, 200, {
          token: ctx.auth.issueToken(String((body.username as string | undefined) ?? 'admin'), body.expiresInSeconds as number | undefined),
        });
      case 'GET /_simulator/requests':
        return sendJson(res, 200, { requests: log.entries });
      case 'GET /_simulator/violations':
        return sendJson(res, 200, { violations: ctx.contract.violations });
      default:
        return sendJson(res, 404, { message: `unknown control route ${route}; see test-infra/simulators/argocd/README.md` });
    }
  } catch (err) {
    sendJson(res, 400, { message: err instanceof Error ? err.message : String(err) });
  }
}
