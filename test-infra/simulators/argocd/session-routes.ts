/** POST /api/v1/session (login) and DELETE /api/v1/session (logout). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../scenario/http-server.js';
import { SimulatorError } from './app-controller.js';
import { AUTH_COOKIE } from './argocd-auth.js';
import { type ArgoContext, reply, replyError } from './argocd-context.js';

export const SESSION_ROUTE = '/api/v1/session';

export async function handleLogin(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    let body: { username?: unknown; password?: unknown; token?: unknown };
    try {
      body = JSON.parse((await readBody(req)) || '{}') as typeof body;
    } catch (err) {
      throw new SimulatorError(3, `invalid character in request body: ${(err as Error).message}`);
    }
    const errors = ctx.contract.requestErrors('sessionSessionCreateRequest', body);
    if (errors.length > 0) ctx.contract.recordRequestViolation(`POST ${SESSION_ROUTE} request body`, 'sessionSessionCreateRequest', errors);
    if (typeof body.username !== 'string' || typeof body.password !== 'string' || body.username === '') {
      throw new SimulatorError(16, 'Invalid username or password');
    }
    const token = ctx.auth.login(body.username, body.password);
    reply(ctx, res, SESSION_ROUTE, 'POST', { token }, { 'Set-Cookie': cookie(ctx, token, false) });
  } catch (err) {
    replyError(ctx, res, SESSION_ROUTE, 'POST', err);
  }
}

export function handleLogout(ctx: ArgoContext, req: IncomingMessage, res: ServerResponse): void {
  try {
    ctx.auth.authenticate(req);
    const token = ctx.auth.tokenOf(req);
    if (token) ctx.auth.revoke(token);
    // Go's omitempty drops the empty token, so the answer is `{}`.
    reply(ctx, res, SESSION_ROUTE, 'DELETE', {}, { 'Set-Cookie': cookie(ctx, '', true) });
  } catch (err) {
    replyError(ctx, res, SESSION_ROUTE, 'DELETE', err);
  }
}

function cookie(ctx: ArgoContext, value: string, expire: boolean): string {
  const parts = [`${AUTH_COOKIE}=${value}`, 'path=/', 'SameSite=lax', 'httpOnly'];
  if (ctx.secureCookies) parts.push('Secure');
  if (expire) parts.push('Max-Age=0');
  return parts.join('; ');
}
