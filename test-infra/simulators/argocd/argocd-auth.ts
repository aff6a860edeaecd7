/**
 * Authentication and RBAC as Argo CD's API server does it: HS256 JWTs issued by POST /api/v1/session,
 * read from `Authorization: Bearer` (only when the value parses as a JWT) or the `argocd.token` cookie.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SimulatorError } from './app-controller.js';
import type { ArgoAccount } from './scenario.js';

export const AUTH_COOKIE = 'argocd.token';

interface Claims {
  iss: string;
  sub: string;
  iat: number;
  nbf: number;
  exp?: number;
  jti: string;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export class ArgoAuth {
  private readonly secret = randomBytes(32);
  /** Tokens issued at or before this second count as expired (the `expire-tokens` fault). */
  private expiredBefore = 0;
  private readonly revoked = new Set<string>();

  constructor(readonly accounts: ArgoAccount[]) {}

  issueToken(username: string, expiresInSeconds?: number): string {
    const nowSec = Math.floor(Date.now() / 1000);
    const claims: Claims = {
      iss: 'argocd',
      sub: username,
      iat: nowSec,
      nbf: nowSec,
      jti: randomUUID(),
      ...(expiresInSeconds ? { exp: nowSec + expiresInSeconds } : {}),
    };
    const unsigned = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
    return `${unsigned}.${b64url(createHmac('sha256', this.secret).update(unsigned).digest())}`;
  }

  /** Username/password login; Argo CD answers Unauthenticated with this exact text on a mismatch. */
  login(username: string, password: string): string {
    const account = this.accounts.find((a) => a.username === username);
    if (!account || account.password !== password) throw new SimulatorError(16, 'Invalid username or password');
    return this.issueToken(username);
  }

  /** Every token issued so far fails as expired from now on; tokens issued later work. */
  expireAllTokens(): void {
    this.expiredBefore = Math.floor(Date.now() / 1000);
  }

  revoke(token: string): void {
    const claims = this.decode(token);
    if (claims) this.revoked.add(claims.jti);
  }

  /** The account behind the request, or a SimulatorError with Argo CD's Unauthenticated message. */
  authenticate(req: IncomingMessage): ArgoAccount {
    const token = tokenFromRequest(req);
    if (!token) throw new SimulatorError(16, 'no session information');
    const claims = this.verify(token);
    const account = this.accounts.find((a) => a.username === claims.sub);
    if (!account) throw new SimulatorError(16, `invalid session: account ${claims.sub} does not exist`);
    return account;
  }

  /** Tokens a client presents, for session deletion. */
  tokenOf(req: IncomingMessage): string | undefined {
    return tokenFromRequest(req);
  }

  mayGet(account: ArgoAccount, project: string, name: string): boolean {
    return (account.apps ?? ['*']).some((pattern) => globToRegExp(pattern).test(`${project}/${name}`));
  }

  /** Whether RBAC lets the account get any app at all under that name, i.e. whether "not found" may be said. */
  mayKnowAbsence(account: ArgoAccount): boolean {
    return (account.apps ?? ['*']).includes('*') || (account.apps ?? []).includes('*/*');
  }

  private verify(token: string): Claims {
    const [header, payload, signature] = token.split('.');
    const expected = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature ?? '', 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new SimulatorError(16, 'invalid session: token signature is invalid: signature is invalid');
    }
    const claims = this.decode(token)!;
    const nowSec = Math.floor(Date.now() / 1000);
    if ((claims.exp !== undefined && claims.exp <= nowSec) || claims.iat <= this.expiredBefore) {
      throw new SimulatorError(16, 'invalid session: token has invalid claims: token is expired');
    }
    if (this.revoked.has(claims.jti)) throw new SimulatorError(16, 'invalid session: token is revoked, please re-login');
    return claims;
  }

  private decode(token: string): Claims | undefined {
    try {
      return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Claims;
    } catch {
      return undefined;
    }
  }
}

function looksLikeJwt(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 3) return false;
  try {
    JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** server.go getToken: a Bearer value counts only if it parses as a JWT; otherwise the cookie is used. */
function tokenFromRequest(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const value = header.slice('Bearer '.length).trim();
    if (looksLikeJwt(value)) return value;
  }
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === AUTH_COOKIE && rest.length > 0) return rest.join('=');
  }
  return undefined;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  // A bare `*` (or an app-only pattern) matches any project.
  return new RegExp(glob.includes('/') ? `^${escaped}$` : `^[^/]*/${escaped}$|^${escaped}$`);
}
