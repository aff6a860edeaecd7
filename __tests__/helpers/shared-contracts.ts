import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from '@jest/globals';

/**
 * `../shared` (beside the project root) holds other projects' contracts and
 * real-world data. A clone outside this workplace has none: suites that read it
 * are skipped with a one-line notice, except under CI=true, where a missing
 * `../shared` fails the suite instead of passing it silently.
 */

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHARED_DIR = resolve(projectRoot, '..', 'shared');
export const CONTRACTS_DIR = join(SHARED_DIR, 'contracts');

export const sharedAvailable = existsSync(CONTRACTS_DIR);

/** The path of a file under `../shared/contracts`. */
export function contractPath(...parts: string[]): string {
  return join(CONTRACTS_DIR, ...parts);
}

/** `describe` when `../shared` is present; otherwise a skip with a notice, or a failure under CI. */
export function describeWithShared(name: string, body: () => void): void {
  if (sharedAvailable) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(`${name}: ${SHARED_DIR} is missing, and CI=true requires it (the shared contracts must be checked out beside the project).`);
  }
  console.warn(`Skipping "${name}": ${SHARED_DIR} is absent (outside this workplace the shared contracts are not available).`);
  describe.skip(name, body);
}
