// Smart HTTP git (clone, fetch, push) served by the real `git http-backend`, spawned as a CGI program.
// Authentication follows GitHub: HTTP basic with any user name and the token as password.
import { spawn, execFileSync } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { tokenFromAuthorization } from './http-util.js';
import { canReach, canWrite, type RepoState, type SimulatorState } from './state.js';

let backendPath: string | undefined;

function httpBackend(): string {
  backendPath ??= join(execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(), 'git-http-backend');
  return backendPath;
}

/** `/{owner}/{repo}.git/<service path>` (the `.git` suffix is optional, as on GitHub). */
export const GIT_PATH = /^\/([^/]+)\/([^/]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.+))$/;

export function isPush(url: URL, servicePath: string): boolean {
  return servicePath === '/git-receive-pack' || url.searchParams.get('service') === 'git-receive-pack';
}

function deny(res: ServerResponse, status: number, message: string, challenge = false): number {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(challenge ? { 'www-authenticate': 'Basic realm="GitHub"' } : {}) });
  res.end(`${message}\n`);
  return status;
}

/** Checks the token, then pipes the request through http-backend; returns the HTTP status sent. */
export async function serveGit(sim: SimulatorState, req: IncomingMessage, res: ServerResponse, url: URL, match: RegExpExecArray): Promise<number> {
  const [, owner, name, servicePath] = match;
  const repo = sim.repo(owner, name);
  const token = sim.tokens.get(tokenFromAuthorization(req.headers.authorization) ?? '');
  // git only sends credentials after a 401 challenge.
  if (!token)
    return deny(
      res,
      401,
      req.headers.authorization ? 'Invalid username or token. Password authentication is not supported for Git operations.' : 'Authentication required',
      true,
    );
  if (!repo || (!canReach(token, repo) && repo.options.private)) return deny(res, 404, 'Repository not found.');
  const push = isPush(url, servicePath);
  if (push && (!canReach(token, repo) || !canWrite(token.permission))) return deny(res, 403, `Permission to ${repo.fullName}.git denied to ${token.login}.`);
  return runBackend(repo, req, res, url, servicePath, token.login);
}

function runBackend(repo: RepoState, req: IncomingMessage, res: ServerResponse, url: URL, servicePath: string, user: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const gitDir = repo.git.gitDir.replace(/\/+$/, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GIT_PROJECT_ROOT: dirname(gitDir),
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: `/${basename(gitDir)}${servicePath}`,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      REMOTE_USER: user,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      // Receive-pack is off by default for anonymous CGI; the token check above stands in for GitHub's.
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.receivepack',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_CONFIG_KEY_1: 'safe.directory',
      GIT_CONFIG_VALUE_1: '*',
    };
    if (req.headers['content-length']) env.CONTENT_LENGTH = String(req.headers['content-length']);
    const child = spawn(httpBackend(), [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let headerBuffer = Buffer.alloc(0);
    let headersDone = false;
    let status = 200;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      headerBuffer = Buffer.concat([headerBuffer, chunk]);
      const end = headerBuffer.indexOf('\r\n\r\n');
      const sep = end !== -1 ? 4 : 2;
      const at = end !== -1 ? end : headerBuffer.indexOf('\n\n');
      if (at === -1) return;
      headersDone = true;
      const headers: Record<string, string> = {};
      for (const line of headerBuffer.subarray(0, at).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon === -1) continue;
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (key === 'status') status = Number(value.split(' ')[0]);
        else headers[key] = value;
      }
      res.writeHead(status, headers);
      res.write(headerBuffer.subarray(at + sep));
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (!headersDone) {
        status = 500;
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.write(`git http-backend failed (${code}): ${Buffer.concat(stderr).toString()}`);
      }
      res.end();
      resolve(status);
    });
    req.pipe(child.stdin);
    child.stdin.on('error', () => undefined);
  });
}
