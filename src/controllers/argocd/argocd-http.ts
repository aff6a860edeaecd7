import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { shortenAtWord } from '../../text/shorten-at-word.js';

/** How to reach the Argo CD API server. */
export interface ArgoConnection {
  server: URL;
  /** PEM of a CA to trust (argocd-ca). */
  ca?: string;
  /** Skip certificate verification (argocd-insecure). */
  insecure: boolean;
}

/** An answer with an error status, with Argo CD's `runtimeError.message` when it sent one. */
export class ArgoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly serverMessage: string,
  ) {
    super(`HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}`);
  }
}

/** No answer at all: refused, unreachable, reset, timed out, or a TLS failure. */
export class ArgoNetworkError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  get isTls(): boolean {
    return /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i.test(this.code);
  }
}

export interface ArgoRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Give up on a request that has not answered in this time. */
  timeoutMs?: number;
}

/**
 * One HTTP(S) request to the API server over node:http(s): a custom CA or
 * skipped verification is a per-request TLS option there, with no dependency.
 * Resolves with the response stream once headers arrive; an error status rejects.
 */
export function openArgoRequest(connection: ArgoConnection, options: ArgoRequest): Promise<IncomingMessage> {
  const url = new URL(options.path, connection.server);
  const secure = url.protocol === 'https:';
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'gitops-promote' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: options.method,
      headers,
      signal: options.signal,
      ...(secure ? { ca: connection.ca, rejectUnauthorized: !connection.insecure } : {}),
    });
    if (options.timeoutMs) {
      req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    }
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') reject(error);
      else reject(new ArgoNetworkError(error.code ?? 'ERR', error.message));
    });
    req.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status < 400) {
        resolve(response);
        return;
      }
      readBody(response).then((text) => {
        reject(new ArgoHttpError(status, errorMessage(text)));
      }, reject);
    });
    req.end(payload);
  });
}

/** A request whose JSON answer is read whole. */
export async function argoJson<T>(connection: ArgoConnection, options: ArgoRequest): Promise<T> {
  const response = await openArgoRequest(connection, options);
  const text = await readBody(response);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ArgoHttpError(response.statusCode ?? 0, `not JSON (${shortenAtWord(text, 60)})`);
  }
}

export async function readBody(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) text += (chunk as Buffer).toString('utf8');
  return text;
}

/** `runtimeError.message`, or a hint that a proxy answered instead (an HTML page). */
function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown };
    const reason = body.message ?? body.error ?? '';
    // Argo CD sends strings; anything else is shown as the JSON it was, not as [object Object].
    return typeof reason === 'string' ? reason : JSON.stringify(reason);
  } catch {
    return /<html/i.test(text) ? 'an HTML page (a proxy or the web UI answered, not the API)' : shortenAtWord(text, 120);
  }
}
