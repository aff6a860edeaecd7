import { InputError, UserError } from '../errors.js';
import { describeRequestError, isRequestError, statusOf } from './request-errors.js';

/**
 * A failed GitHub read as one line: naming the input to fix for a wrong token
 * (401), a repository the token cannot see (404) or missing permissions (403);
 * saying so for an exhausted rate limit or a server error. Undefined for
 * errors that are not GitHub's answers. `doing` names the request for a 403
 * (`a read of`, `a comment on`): wait's pull request comment words its
 * warnings with this too.
 */
export function explainRefusedRead(repository: string, error: unknown, permissions: string, doing = 'a read of'): UserError | undefined {
  // Only Octokit's errors: an Argo CD or Kubernetes answer can carry a status too.
  if (!isRequestError(error) || error.request === undefined) return undefined;
  const status = statusOf(error);
  const detail = describeRequestError(error);
  if (status === 401) return new InputError('token', `GitHub refused it (401 ${detail}): it is wrong or expired.`);
  if (status === 404) {
    return new InputError(
      'repository',
      `${repository} was not found with this token (404). A workflow's GITHUB_TOKEN reaches only its own repository; for another one use a GitHub App ` +
        `token or a fine-grained personal access token with access to it.`,
    );
  }
  if ((status === 403 || status === 429) && /rate limit/i.test(detail)) {
    return new UserError(
      `GitHub's rate limit for this token is used up (${status} ${detail}); run again after it resets, or use a GitHub App token, whose limit is higher.`,
    );
  }
  if (status === 403) return new InputError('token', `GitHub refused ${doing} ${repository} (403 ${detail}); the token needs ${permissions}.`);
  return new UserError(`Reading ${repository} through the GitHub API failed (${status} ${detail}).`);
}
