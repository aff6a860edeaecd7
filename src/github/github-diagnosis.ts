import type { UserError } from '../errors.js';
import type { GitHubAccess } from './github-connection.js';

/**
 * How a command uses GitHub, for explaining a refusal: a writing command's
 * 401/403/404 is explained with the set-up checks (what the token may do); a
 * reading command's names the input to fix and the permissions it needs.
 */
export type GitHubUse = { mode: 'write' } | { mode: 'read'; permissions: string };

/** Runs `work`; a refusal GitHub answered on the way becomes one line that says what to fix. */
export async function withGitHubDiagnosis<T>(github: GitHubAccess, use: GitHubUse, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw (await diagnose(github, use, error)) ?? error;
  }
}

async function diagnose(github: GitHubAccess, use: GitHubUse, error: unknown): Promise<UserError | undefined> {
  const connection = github.opened;
  if (!connection) return undefined;
  // What explains a refusal (for a write, the set-up checks and the pull request calls they know) loads only when there is an error to explain.
  if (use.mode === 'read') return (await import('./refused-read.js')).explainRefusedRead(connection.repository, error, use.permissions);
  const { statusOf } = await import('./request-errors.js');
  if (![401, 403, 404].includes(statusOf(error) ?? 0)) return undefined;
  return (await import('./setup-checks.js')).explainRefusedWrite(connection, error);
}
