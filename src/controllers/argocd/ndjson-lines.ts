import type { Readable } from 'node:stream';

/**
 * The messages of a newline-delimited JSON stream (grpc-gateway's default for
 * Argo CD's watch), as they arrive. Also reads Server-Sent Events framing
 * (`data: {...}`), which a proxy may impose, and skips keep-alive comments.
 * A stream that ends mid-line drops the partial message: the sender died.
 */
export async function* readJsonLines(stream: Readable): AsyncGenerator {
  let buffer = '';
  for await (const chunk of stream) {
    buffer += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const message = parseLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      if (message !== undefined) yield message;
      newline = buffer.indexOf('\n');
    }
  }
}

export function parseLine(line: string): unknown {
  const text = line.trim().replace(/^data:\s*/, '');
  if (text === '' || text.startsWith(':')) return undefined;
  return JSON.parse(text) as unknown;
}
