import { closeSync, constants, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `content` over a file from its start and then cuts the file to its length, making the file (and its folder)
 * when new; an existing file keeps its mode. Not truncated to nothing first, as writeFileSync's 'w' does: ext4, the
 * runners' file system, flushes a file that was truncated to zero and written again when it is closed (its
 * auto_da_alloc safeguard for editors), which made writing 300 small files ten times slower.
 */
export function writeOver(path: string, content: string): void {
  const bytes = Buffer.from(content);
  const fd = openCreating(path);
  try {
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written, written);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

function openCreating(path: string): number {
  const flags = constants.O_WRONLY | constants.O_CREAT;
  try {
    return openSync(path, flags, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, flags, 0o666);
  }
}
