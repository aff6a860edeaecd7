/**
 * Errors as Argo CD's grpc-gateway (v1) writes them: HTTP status from the gRPC code, body
 * `runtimeError` = {error, code, message, details}; for streams, `{"error": runtimeStreamError}`.
 */
import type { ServerResponse } from 'node:http';

/** grpc-gateway runtime.HTTPStatusFromCode. */
const HTTP_STATUS: Record<number, number> = {
  0: 200,
  1: 499,
  2: 500,
  3: 400,
  4: 504,
  5: 404,
  6: 409,
  7: 403,
  8: 429,
  9: 400,
  10: 409,
  11: 400,
  12: 501,
  13: 500,
  14: 503,
  15: 500,
  16: 401,
};

export function httpStatusForGrpc(code: number): number {
  return HTTP_STATUS[code] ?? 500;
}

/** The gRPC code grpc-gateway would have mapped to this HTTP status, if any (for injected 5xx faults). */
export function grpcCodeForHttp(status: number): number | undefined {
  const preferred: Record<number, number> = { 500: 13, 501: 12, 503: 14, 504: 4, 400: 3, 401: 16, 403: 7, 404: 5, 409: 10, 429: 8 };
  return preferred[status];
}

export function runtimeError(code: number, message: string): { error: string; code: number; message: string; details: unknown[] } {
  return { error: message, code, message, details: [] };
}

export function runtimeStreamError(code: number, message: string): { error: Record<string, unknown> } {
  const httpCode = httpStatusForGrpc(code);
  return { error: { grpc_code: code, http_code: httpCode, message, http_status: HTTP_STATUS_TEXT[httpCode] ?? 'Internal Server Error', details: [] } };
}

const HTTP_STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** What an ingress in front of Argo CD answers for statuses the gateway itself never produces (e.g. 502). */
export function sendProxyError(res: ServerResponse, status: number): void {
  const title = `${status} ${PROXY_STATUS_TEXT[status] ?? 'Error'}`;
  const text =
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n` +
    `</html>\r\n`;
  res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const PROXY_STATUS_TEXT: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
  500: 'Internal Server Error',
};
