import { InputError, UserError } from '../errors.js';
import { describeRequestError, isRequestError, statusOf } from './request-errors.js';

/**
 * A read GitHub refused, as one line naming the input to fix: a wrong token
 * (401), a repository the token cannot see (404), or missing permissions or
 * an exhausted rate limit (403). Undefined for anything else.
 */
export function explainRefusedRead(repository: string, error: unknown, permissions: string): UserError | undefined {
  // Only Octokit's errors: an Argo CD or Kubernetes answer can carry a status too.
  if (!isRequestError(error) || error.request === undefined) return undefined;
  const status = statusOf(error);
  const detail = describeRequestError(error);
  if (status === 401) return new InputError('token', `GitHub refused it (401 ${detail}): it is wrong or expired.`);
  if (status === 404) {
    return new InputError(
      'repository',
      `${repository} was not found with this token (404). A workflow's GITHUB_TOKEN reaches only its own repository; for another one use a GitHub App token or a fine-grained personal access token with access to it.`,
    );
  }
  if (status === 403) return new InputError('token', `GitHub refused a read of ${repository} (403 ${detail}); the token needs ${permissions}.`);
  return undefined;
}
