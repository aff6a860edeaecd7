// Routing: REST under /api/v3 (held to the OpenAPI contract), GraphQL at /api/graphql, smart HTTP git at
// /{owner}/{repo}.git, served downloads, and the /_simulator control endpoints. Every request is logged.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountHandlers } from './accounts.js';
import { commitPullHandlers } from './commit-pulls.js';
import type { ContractChecker, ContractViolation } from './contract.js';
import { deploymentHandlers } from './deployments.js';
import { FRONT_FAULTS, faultResponse, type FaultController } from './faults.js';
import { gitDataHandlers } from './git-data.js';
import { GIT_PATH, isPush, serveGit } from './git-http.js';
import { createTree } from './git-trees.js';
import { runGraphql } from './graphql.js';
import { ApiError, forbidden, readBody, tokenFromAuthorization, type Handler, type Reply, type RequestContext } from './http-util.js';
import { issueHandlers } from './issues.js';
import { labelHandlers } from './labels.js';
import { mergeHandlers } from './merge.js';
import { pullHandlers } from './pulls.js';
import type { Urls } from './render.js';
import { repoHandlers } from './repos.js';
import { statusHandlers } from './statuses.js';
import { reviewerHandlers } from './reviewers.js';
import { canReach, canWrite, type SimulatorState, type TokenRecord, type UserRecord } from './state.js';
import type { RouteMatch } from './openapi.js';
import { handleControl } from './control.js';

export interface RequestLogEntry {
  method: string;
  /** Path without the query string, e.g. `/api/v3/repos/acme/config/pulls`. */
  path: string;
  query: string;
  kind: 'rest' | 'graphql' | 'git' | 'download' | 'control' | 'other';
  /** The REST operation (`pulls/create`), `graphql`, or `git-upload-pack` / `git-receive-pack`. */
  operationId?: string;
  status: number;
  /** True for anything that can change state: non-GET REST calls, GraphQL mutations, pushes. */
  write: boolean;
  durationMs: number;
}

const HANDLERS: Record<string, Handler> = {
  ...gitDataHandlers,
  'git/create-tree': createTree,
  ...repoHandlers,
  ...pullHandlers,
  ...commitPullHandlers,
  ...mergeHandlers,
  ...reviewerHandlers,
  ...issueHandlers,
  ...labelHandlers,
  ...deploymentHandlers,
  ...statusHandlers,
  ...accountHandlers,
};

export const IMPLEMENTED_OPERATIONS = Object.keys(HANDLERS).sort();

const BAD_CREDENTIALS = { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' };
const REQUIRES_AUTH = {
  message: 'Requires authentication',
  documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#authentication',
};

export interface ServerDeps {
  sim: SimulatorState;
  urls: () => Urls;
  checker: ContractChecker;
  faults: FaultController;
  requests: RequestLogEntry[];
  violations: ContractViolation[];
  validateResponses: boolean;
  /** Test hook: rewrites a REST answer before it is validated and sent (to prove the checker catches bad ones). */
  mutateResponse?: (operationId: string, reply: Reply) => Reply;
}

export class SimulatorServer {
  private readonly downloads = new Map<string, { content: Buffer; type: string }>();
  private remaining = 5000;

  constructor(private readonly deps: ServerDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      kind: 'other',
      status: 0,
      write: false,
      durationMs: 0,
    };
    try {
      entry.status = await this.route(req, res, url, entry);
    } catch (error) {
      entry.status = 500;
      if (!res.headersSent) this.sendJson(res, 500, { message: `Simulator error: ${(error as Error).stack ?? String(error)}` });
      else res.end();
    }
    entry.durationMs = Math.round(performance.now() - started);
    if (entry.kind !== 'control') this.deps.requests.push(entry);
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<number> {
    const path = url.pathname;
    if (path.startsWith('/_simulator/')) {
      entry.kind = 'control';
      const reply = await handleControl(this.deps, req, url);
      return this.sendJson(res, reply.status, reply.body);
    }
    if (path.startsWith('/_codeload/')) {
      entry.kind = 'download';
      const file = this.downloads.get(path.split('/')[2] ?? '');
      if (!file) return this.sendJson(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.content.length) });
      res.end(file.content);
      return 200;
    }
    if (path === '/api/graphql') {
      entry.kind = 'graphql';
      entry.operationId = 'graphql';
      return this.handleGraphql(req, res, entry);
    }
    if (path === '/api/v3' || path.startsWith('/api/v3/')) {
      entry.kind = 'rest';
      return this.handleRest(req, res, url, entry);
    }
    const git = GIT_PATH.exec(path);
    if (git) {
      entry.kind = 'git';
      entry.write = isPush(url, git[3]);
      entry.operationId = entry.write ? 'git-receive-pack' : 'git-upload-pack';
      return serveGit(this.deps.sim, req, res, url, git);
    }
    return this.sendJson(res, 404, { message: 'Not Found' });
  }

  private authenticate(req: IncomingMessage): { token: TokenRecord; user: UserRecord } | ApiError {
    const header = req.headers.authorization;
    if (!header) return new ApiError(401, REQUIRES_AUTH);
    const token = this.deps.sim.tokens.get(tokenFromAuthorization(header) ?? '');
    if (!token) return new ApiError(401, BAD_CREDENTIALS);
    return { token, user: this.deps.sim.user(token.login) as UserRecord };
  }

  private async handleRest(req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<number> {
    const method = entry.method;
    entry.write = method !== 'GET' && method !== 'HEAD';
    const rawPath = url.pathname.slice('/api/v3'.length) || '/';
    const match = this.deps.checker.match(method, rawPath);
    const raw = await readBody(req);
    if (!match) {
      this.violation({ kind: 'undocumented-route', method, path: rawPath, errors: [`no operation in the OpenAPI description for ${method} ${rawPath}`] });
      return this.sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    entry.operationId = match.route.operationId;
    let reply = await this.runOperation(req, url, match, raw);
    if (this.deps.mutateResponse) reply = this.deps.mutateResponse(match.route.operationId, reply);
    if (reply.body && typeof reply.body === 'object' && !Array.isArray(reply.body) && reply.status >= 400 && !('documentation_url' in reply.body))
      (reply.body as Record<string, unknown>).documentation_url = this.deps.checker.docsUrl(match.route);
    if (this.deps.validateResponses) {
      const errors = this.deps.checker.validateResponse(match.route, reply.status, reply.body, reply.body !== undefined);
      if (errors.length)
        this.violation({ kind: 'invalid-response', method, path: rawPath, operationId: match.route.operationId, status: reply.status, errors });
    }
    return this.sendJson(res, reply.status, reply.body, { ...this.rateHeaders(), ...reply.headers });
  }

  /** Auth, faults, repository access, request contract, then the handler; errors become GitHub's answers. */
  private async runOperation(req: IncomingMessage, url: URL, match: RouteMatch, raw: Buffer): Promise<Reply> {
    const { route, pathParams } = match;
    const method = route.method;
    try {
      const auth = this.authenticate(req);
      if (auth instanceof ApiError) throw auth;
      const fault = this.deps.faults.take(FRONT_FAULTS, route.operationId, method);
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
      else if (fault) {
        const answer = faultResponse(fault, auth.user.id);
        throw new ApiError(answer.status, answer.body, answer.headers);
      }
      let body: unknown;
      if (raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new ApiError(400, { message: 'Problems parsing JSON' });
        }
      }
      const repo = pathParams.owner && pathParams.repo ? this.deps.sim.repo(pathParams.owner, pathParams.repo) : undefined;
      if (pathParams.owner && pathParams.repo) {
        const reachable = repo && canReach(auth.token, repo);
        if (!repo || (!reachable && repo.options.private)) throw new ApiError(404, { message: 'Not Found' });
        if (method !== 'GET' && (!reachable || !canWrite(auth.token.permission))) throw forbidden();
      }
      const problems = this.deps.checker.validateRequest(match, url.searchParams, body);
      if (problems.length) {
        this.violation({ kind: 'invalid-request', method, path: url.pathname, operationId: route.operationId, errors: problems });
        throw new ApiError(422, { message: `Invalid request.\n\n${problems.join('\n')}` });
      }
      const handler = HANDLERS[route.operationId];
      if (!handler) {
        this.violation({
          kind: 'unimplemented-operation',
          method,
          path: url.pathname,
          operationId: route.operationId,
          errors: [`${route.operationId} is documented but not simulated`],
        });
        throw new ApiError(404, { message: 'Not Found' });
      }
      const ctx: RequestContext = {
        sim: this.deps.sim,
        urls: this.deps.urls(),
        repo,
        token: auth.token,
        user: auth.user,
        params: pathParams,
        query: url.searchParams,
        body,
        operationId: route.operationId,
        url: this.absolute(url),
        faults: this.deps.faults,
        publish: (c, t, n) => this.publish(c, t, n),
      };
      return await handler(ctx);
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: { ...error.body }, headers: error.headers };
      throw error;
    }
  }

  private async handleGraphql(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): Promise<number> {
    const raw = await readBody(req);
    if (entry.method !== 'POST') return this.sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/graphql' });
    const auth = this.authenticate(req);
    if (auth instanceof ApiError) return this.sendJson(res, 401, { message: auth.body.message, documentation_url: 'https://docs.github.com/graphql' });
    const fault = this.deps.faults.take(FRONT_FAULTS, 'graphql', 'POST');
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
    else if (fault) {
      const answer = faultResponse(fault, auth.user.id);
      return this.sendJson(res, answer.status, answer.body, answer.headers);
    }
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(raw.toString('utf8')) as typeof body;
    } catch {
      return this.sendJson(res, 400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' });
    }
    entry.write = typeof body.query === 'string' && /^\s*mutation\b/.test(body.query.replace(/#[^\n]*/g, ''));
    const result = await runGraphql(body, { sim: this.deps.sim, urls: this.deps.urls(), token: auth.token, user: auth.user });
    return this.sendJson(res, 200, result);
  }

  private publish(content: Buffer, type: string, fileName: string): string {
    const id = randomBytes(12).toString('hex');
    this.downloads.set(id, { content, type });
    return `${this.deps.urls().html}/_codeload/${id}/${encodeURIComponent(fileName)}`;
  }

  private absolute(url: URL): URL {
    return new URL(url.pathname + url.search, this.deps.urls().html);
  }

  private rateHeaders(): Record<string, string> {
    this.remaining = Math.max(this.remaining - 1, 0);
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-used': String(5000 - this.remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-media-type': 'github.v3; format=json',
    };
  }

  private violation(v: ContractViolation): void {
    this.deps.violations.push(v);
  }

  private sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
    const payload = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      ...headers,
    });
    res.end(payload);
    return status;
  }
}
