// Size limits GitHub enforces on titles and bodies of issues, pull requests and comments.
import { validationFailed } from './http-util.js';

export const MAX_TITLE = 256;
export const MAX_BODY = 65536;

/** 422 like GitHub's `title is too long (maximum is 256 characters)` / `body is too long (maximum is 65536 characters)`. */
export function checkTextLimits(resource: 'Issue' | 'PullRequest' | 'IssueComment', fields: { title?: unknown; body?: unknown }): void {
  if (typeof fields.title === 'string' && [...fields.title].length > MAX_TITLE)
    throw validationFailed({ resource, code: 'custom', field: 'title', message: `title is too long (maximum is ${MAX_TITLE} characters)` });
  if (typeof fields.body === 'string' && [...fields.body].length > MAX_BODY)
    throw validationFailed({ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` });
}
