import { createHash } from 'node:crypto';

/** The id git gives a file's content (a blob), so content can be compared with what GitHub reports. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
