/**
 * The HTTP plumbing both simulators share: listening on 127.0.0.1 (optionally with TLS),
 * logging every request with its final status, reading bodies and writing JSON.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RequestLog } from './request-log.js';
import type { CertificateSet } from './tls.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface ListenOptions {
  port?: number;
  host?: string;
  /** Serve HTTPS with these certificates. */
  tls?: CertificateSet;
  /** Ask for (but do not require) a client certificate signed by the CA, as kube-apiserver does. */
  requestClientCertificate?: boolean;
  log: RequestLog;
  /** Called when a handler throws: the simulator's own bug, answered with 500. */
  onHandlerError?: (err: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function listen(options: ListenOptions, handler: Handler): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const scheme = options.tls ? 'https' : 'http';
  const wrapped = (req: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', `${scheme}://${host}`);
    // 'close' fires for finished and aborted responses alike, so streams are logged too.
    res.once('close', () => {
      options.log.record({
        at: started,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search.slice(1),
        status: res.statusCode,
        durationMs: Date.now() - started,
      });
    });
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((err: unknown) => {
        if (options.onHandlerError) options.onHandlerError(err, req, res);
        else if (!res.headersSent) sendJson(res, 500, { message: String(err) });
        else res.destroy();
      });
  };
  const server: Server = options.tls
    ? createHttpsServer(
        {
          key: options.tls.serverKeyPem,
          cert: options.tls.serverCertPem,
          ca: options.tls.caPem,
          requestCert: options.requestClientCertificate ?? false,
          rejectUnauthorized: false,
        },
        wrapped,
      )
    : createHttpServer(wrapped);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        // Streams and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: IncomingMessage, limitBytes = 4 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error(`request body larger than ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
