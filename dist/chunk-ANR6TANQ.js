const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/github/request-errors.ts
function isRequestError(error) {
  return typeof error === "object" && error !== null && typeof error.status === "number";
}
function statusOf(error) {
  return isRequestError(error) ? error.status : void 0;
}
function describeRequestError(error) {
  if (!isRequestError(error)) return error instanceof Error ? error.message : String(error);
  const data = error.response?.data;
  const details = (data?.errors ?? []).map((item) => typeof item === "string" ? item : item.message ?? [item.field, item.code].filter(Boolean).join(" ")).filter(Boolean);
  const message = data?.message ?? error.message;
  return [message, ...details].join(": ").replace(/\s*\n\s*/g, " ");
}
function readFailureKind(error) {
  const status = statusOf(error);
  if (status === void 0) return void 0;
  if (status >= 500 || status === 429 || status === 403 && /rate limit/i.test(describeRequestError(error))) return "passing";
  if (status === 401 || status === 403) return "refused";
  return void 0;
}

export {
  isRequestError,
  statusOf,
  describeRequestError,
  readFailureKind
};
