import { InputError } from '../errors.js';

import { maskSecret } from '../log/mask-secret.js';
import { readString } from './read-inputs.js';
import { parseOwnerName } from '../github/repository-name.js';
import type { GitHubTarget, Identity, RunContext } from '../types.js';

/** The `repository` and `token` inputs, with the run's fallbacks; the token is masked at once. */
export function readGitHubTarget(context: RunContext): GitHubTarget {
  const repository = readString('repository', context.workflowRepository).trim();
  if (repository !== '') parseOwnerName('repository', repository);
  const token = readString('token', context.environmentToken).trim();
  if (token !== '') maskSecret(token);
  return { repository, token };
}

/** The identity GitHub Actions' own commits carry: verified on github.com when an App token makes them through the API. */
export const ACTIONS_BOT: Identity = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

/** The author of the commits the action makes (author-name, author-email). */
export function readCommitIdentity(): Identity {
  return { name: readString('author-name', ACTIONS_BOT.name).trim(), email: readString('author-email', ACTIONS_BOT.email).trim() };
}

/** `source-repository`: `acme/web` for every app, or `web=acme/web` lines per app ('*' stands for every app). */
export function parseSourceRepositories(items: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of items) {
    const [app, repository] = item.includes('=') ? (item.split('=', 2) as [string, string]) : ['*', item];
    try {
      parseOwnerName('source-repository', repository);
    } catch {
      throw new InputError('source-repository', `'${item}' is not owner/name (or app=owner/name).`);
    }
    map.set(app.trim(), repository.trim());
  }
  return map;
}
