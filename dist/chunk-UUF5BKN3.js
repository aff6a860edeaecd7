const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  describeRequestError,
  isRequestError,
  statusOf
} from "./chunk-ANR6TANQ.js";
import {
  InputError,
  UserError
} from "./chunk-KBKTDO2V.js";

// src/github/refused-read.ts
function explainRefusedRead(repository, error, permissions, doing = "a read of") {
  if (!isRequestError(error) || error.request === void 0) return void 0;
  const status = statusOf(error);
  const detail = describeRequestError(error);
  if (status === 401) return new InputError("token", `GitHub refused it (401 ${detail}): it is wrong or expired.`);
  if (status === 404) {
    return new InputError(
      "repository",
      `${repository} was not found with this token (404). A workflow's GITHUB_TOKEN reaches only its own repository; for another one use a GitHub App token or a fine-grained personal access token with access to it.`
    );
  }
  if ((status === 403 || status === 429) && /rate limit/i.test(detail)) {
    return new UserError(
      `GitHub's rate limit for this token is used up (${status} ${detail}); run again after it resets, or use a GitHub App token, whose limit is higher.`
    );
  }
  if (status === 403) return new InputError("token", `GitHub refused ${doing} ${repository} (403 ${detail}); the token needs ${permissions}.`);
  return new UserError(`Reading ${repository} through the GitHub API failed (${status} ${detail}).`);
}

export {
  explainRefusedRead
};
