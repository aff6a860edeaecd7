import { InputError, UserError } from '../../errors.js';
import { ArgoHttpError, ArgoNetworkError, argoJson, openArgoRequest, type ArgoConnection, type ArgoRequest } from './argocd-http.js';
import { readJsonLines } from './ndjson-lines.js';
import { argoAppLabel, type ArgoAppRef, type ArgoApplication } from './argocd-types.js';

export type ArgoCredentials = { token: string } | { username: string; password: string };

export interface ArgoWatchEvent {
  type: string;
  application: ArgoApplication;
}

/** A failure worth retrying within the deadline (5xx, a reset, a refused connection). */
export class ArgoTransientError extends Error {}

/**
 * Argo CD's REST API, as much as the wait needs: session login, get (with
 * refresh), sync and the application watch stream. Every failure comes out as
 * a UserError naming the input at fault, or an ArgoTransientError to retry.
 */
export class ArgoCdClient {
  /** Requests sent, for the benchmark and the debug log. */
  requestCount = 0;
  private sessionToken: string | undefined;

  constructor(
    private readonly connection: ArgoConnection,
    private readonly credentials: ArgoCredentials,
  ) {
    if ('token' in credentials) this.sessionToken = credentials.token;
  }

  private get authInput(): string {
    return 'token' in this.credentials ? 'argocd-token' : 'argocd-username';
  }

  /** Username and password become a session token (POST /api/v1/session). */
  async login(signal?: AbortSignal): Promise<void> {
    if ('token' in this.credentials) return;
    const { username, password } = this.credentials;
    const answer = await this.send<{ token?: string }>({ method: 'POST', path: '/api/v1/session', body: { username, password }, signal }, undefined, false);
    if (!answer.token) throw new InputError('argocd-server', 'the session endpoint answered without a token.');
    this.sessionToken = answer.token;
  }

  /** Ends a session this client opened; a failure here does not matter to the step. */
  async logout(): Promise<void> {
    if ('token' in this.credentials || !this.sessionToken) return;
    await this.send({ method: 'DELETE', path: '/api/v1/session', timeoutMs: 5000 }).catch(() => undefined);
  }

  getApplication(ref: ArgoAppRef, options: { refresh?: 'normal' | 'hard'; signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ArgoApplication> {
    const query = appQuery(ref, options.refresh ? { refresh: options.refresh } : {});
    return this.send(
      { method: 'GET', path: `/api/v1/applications/${encodeURIComponent(ref.name)}?${query}`, signal: options.signal, timeoutMs: options.timeoutMs },
      ref,
    );
  }

  /** Starts a sync to the head of the app's target revision; false when an operation already runs. */
  async syncApplication(ref: ArgoAppRef, signal?: AbortSignal): Promise<boolean> {
    const body = { name: ref.name, ...(ref.namespace ? { appNamespace: ref.namespace } : {}) };
    try {
      await this.send({ method: 'POST', path: `/api/v1/applications/${encodeURIComponent(ref.name)}/sync`, body, signal, timeoutMs: 30_000 }, ref);
      return true;
    } catch (error) {
      if (error instanceof UserError && /another operation is already in progress/.test(error.message)) return false;
      throw error;
    }
  }

  /** The app's events from /api/v1/stream/applications, the current state first; ends when the stream does. */
  async *watchApplication(ref: ArgoAppRef, signal: AbortSignal): AsyncGenerator<ArgoWatchEvent> {
    const path = `/api/v1/stream/applications?${appQuery(ref, { name: ref.name })}`;
    const response = await this.call(() => openArgoRequest(this.connection, { method: 'GET', path, token: this.sessionToken, signal }), ref);
    try {
      for await (const message of readJsonLines(response)) {
        const { result, error } = message as { result?: ArgoWatchEvent; error?: { message?: string } };
        if (error) throw new ArgoTransientError(`the watch stream reported: ${error.message ?? 'an error'}`);
        if (result?.application) yield result;
      }
    } catch (error) {
      if (signal.aborted || error instanceof ArgoTransientError) throw error;
      throw new ArgoTransientError(`the watch stream broke (${(error as Error).message})`);
    } finally {
      response.destroy();
    }
  }

  private send<T>(request: ArgoRequest, ref?: ArgoAppRef, withToken = true): Promise<T> {
    return this.call(() => argoJson<T>(this.connection, { timeoutMs: 60_000, ...request, token: withToken ? this.sessionToken : undefined }), ref, withToken);
  }

  /** One attempt, plus one more after a fresh login when a password session expired. */
  private async call<T>(attempt: () => Promise<T>, ref?: ArgoAppRef, mayRelogin = true): Promise<T> {
    this.requestCount++;
    try {
      return await attempt();
    } catch (error) {
      if (mayRelogin && error instanceof ArgoHttpError && error.status === 401 && !('token' in this.credentials)) {
        await this.login();
        this.requestCount++;
        return await attempt().catch((again: unknown) => Promise.reject(this.describe(again, ref)));
      }
      throw this.describe(error, ref);
    }
  }

  /** Turns a raw failure into a one-line error naming the input, or a transient error. */
  private describe(error: unknown, ref?: ArgoAppRef): Error {
    const server = this.connection.server.origin;
    if (error instanceof ArgoNetworkError) {
      if (error.isTls) {
        const input = this.connection.ca ? 'argocd-ca' : 'argocd-server';
        const hint = this.connection.ca
          ? 'the server certificate does not verify against argocd-ca'
          : 'pass the CA in argocd-ca (or set argocd-insecure: true)';
        return new InputError(input, `TLS error talking to ${server} (${error.code}: ${error.message}); ${hint}.`);
      }
      return new ArgoTransientError(`no answer from ${server} (${error.code}: ${error.message})`);
    }
    if (!(error instanceof ArgoHttpError)) return error instanceof Error ? error : new Error(String(error));
    const app = ref ? `'${argoAppLabel(ref)}'` : 'the app';
    switch (error.status) {
      case 401:
        return new InputError(this.authInput, `Argo CD at ${server} refused the credentials (401 ${error.serverMessage || 'Unauthorized'}).`);
      case 403:
        return new InputError(
          'argocd-app',
          `Argo CD answered 403 (${error.serverMessage || 'permission denied'}) for ${app}: the account may not get it, or it does not exist (Argo CD ` +
            `does not tell them apart).`,
        );
      case 404:
        if (!ref) return new InputError('argocd-server', `${server} has no Argo CD API here (404 ${error.serverMessage}); check the URL.`);
        return new InputError(
          'argocd-app',
          `Argo CD has no application ${app}${ref.namespace ? '' : ' in its own namespace (write namespace/name for apps in other namespaces)'} (404).`,
        );
      default:
        if (error.status >= 500 || error.status === 429 || error.status === 0) return new ArgoTransientError(`${server} answered ${error.message}`);
        return new UserError(`Argo CD refused the request for ${app}: ${error.message}.`);
    }
  }
}

function appQuery(ref: ArgoAppRef, extra: Record<string, string>): string {
  const query = new URLSearchParams(extra);
  if (ref.namespace) query.set('appNamespace', ref.namespace);
  return query.toString();
}
