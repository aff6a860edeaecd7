// Shared pieces of request handling: the handler contract, GitHub's error bodies, pagination with Link headers.
import type { IncomingMessage } from 'node:http';
import type { FaultController } from './faults.js';
import type { Urls } from './render.js';
import type { RepoState, SimulatorState, TokenRecord, UserRecord } from './state.js';

export interface RequestContext {
  sim: SimulatorState;
  urls: Urls;
  /** Set for every operation whose path has {owner}/{repo}. */
  repo?: RepoState;
  token: TokenRecord;
  user: UserRecord;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Validated against the operation's schema before a handler sees it; each handler states the shape it reads. */
  body: unknown;
  operationId: string;
  url: URL;
  faults: FaultController;
  /** Registers bytes the server itself serves later (tarball downloads); returns their URL. */
  publish: (content: Buffer, contentType: string, fileName: string) => string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A handler that reads only the simulator's state answers at once; one that reads git awaits it. */
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** An error answered to the client as GitHub would; `documentation_url` is filled in by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

export interface FieldError {
  resource: string;
  code: string;
  field?: string;
  message?: string;
  value?: string | number | string[] | null;
}

export const notFound = (): ApiError => new ApiError(404, { message: 'Not Found' });
export const forbidden = (message = 'Resource not accessible by integration'): ApiError => new ApiError(403, { message });
export const validationFailed = (...errors: FieldError[]): ApiError => new ApiError(422, { message: 'Validation Failed', errors });
/** 422 with a message only, as GitHub answers several git and reviewer errors. */
export const unprocessable = (message: string): ApiError => new ApiError(422, { message });

export function requireRepo(ctx: RequestContext): RepoState {
  if (!ctx.repo) throw notFound();
  return ctx.repo;
}

export function intParam(ctx: RequestContext, name: string): number {
  return Number(ctx.params[name]);
}

/** Slices a list by `per_page` (default 30, at most 100) and `page`, adding GitHub's Link header. */
export function paginate<T>(ctx: RequestContext, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(ctx.query.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(ctx.query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string) => {
    const u = new URL(ctx.url.href);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { page: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a token from `Authorization: token X`, `Bearer X` or HTTP basic (password or username). */
export function tokenFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (/^(token|bearer)$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = colon === -1 ? '' : decoded.slice(colon + 1);
    return password || decoded.slice(0, colon === -1 ? undefined : colon);
  }
  return undefined;
}
