/** Reading Octokit's RequestError without depending on its class (bundles may hold two copies). */

export interface RequestErrorLike {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, unknown> };
  request?: { method?: string; url?: string };
}

export function isRequestError(error: unknown): error is RequestErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

export function statusOf(error: unknown): number | undefined {
  return isRequestError(error) ? error.status : undefined;
}

/** GitHub's message plus the `errors` details of a 422, on one line. */
export function describeRequestError(error: unknown): string {
  if (!isRequestError(error)) return error instanceof Error ? error.message : String(error);
  const data = error.response?.data as { message?: string; errors?: Array<{ message?: string; code?: string; field?: string } | string> } | undefined;
  const details = (data?.errors ?? [])
    .map((item) => (typeof item === 'string' ? item : (item.message ?? [item.field, item.code].filter(Boolean).join(' '))))
    .filter(Boolean);
  const message = data?.message ?? error.message;
  return [message, ...details].join(': ').replace(/\s*\n\s*/g, ' ');
}

/**
 * How a failed GitHub read stands, for a caller that can wait and ask again
 * (wait's revision lookups): `passing` for a server error, no answer (Octokit
 * reports it as 500) or a rate limit, after the Octokit plugins' own retries;
 * `refused` for a token GitHub rejects (401) or that may not read (403);
 * undefined for any other answer, and for errors that are not GitHub's. A 404
 * is no failure to the commit graph: there it means a commit it does not have.
 */
export function readFailureKind(error: unknown): 'passing' | 'refused' | undefined {
  const status = statusOf(error);
  if (status === undefined) return undefined;
  if (status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(describeRequestError(error)))) return 'passing';
  if (status === 401 || status === 403) return 'refused';
  return undefined;
}
