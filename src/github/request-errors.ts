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
    .map((item) => (typeof item === 'string' ? item : item.message ?? [item.field, item.code].filter(Boolean).join(' ')))
    .filter(Boolean);
  const message = data?.message ?? error.message;
  return [message, ...details].join(': ').replace(/\s*\n\s*/g, ' ');
}
