// Faults injected on demand: outages, rate limits, reviewer refusals, a branch head that moves under an update,
// and slow answers. Each fault matches by operationId and/or method and fires a given number of times.

export type FaultKind = 'server-error' | 'primary-rate-limit' | 'secondary-rate-limit' | 'team-reviewers-422' | 'moved-head' | 'delay';

export interface FaultSpec {
  kind: FaultKind;
  /** e.g. `pulls/create`; `graphql` matches the GraphQL endpoint. Omitted: any operation. */
  operationId?: string;
  /** e.g. `POST`. Omitted: any method. */
  method?: string;
  /** How many matching requests the fault affects. Default 1. */
  count?: number;
  /** server-error: 500, 502 or 503 (default 502). secondary-rate-limit: 403 or 429 (default 403). */
  status?: number;
  /** delay: milliseconds before the request is handled normally. */
  delayMs?: number;
  /** secondary-rate-limit: `retry-after` seconds (default 1). primary-rate-limit: seconds until `x-ratelimit-reset` (default 1). */
  retryAfterSeconds?: number;
}

export interface ActiveFault extends Required<Pick<FaultSpec, 'kind' | 'count'>> {
  id: number;
  operationId?: string;
  method?: string;
  status?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
  remaining: number;
  fired: number;
}

/** Faults the server applies before a handler runs; the others are applied by the handler they concern. */
export const FRONT_FAULTS: FaultKind[] = ['server-error', 'primary-rate-limit', 'secondary-rate-limit', 'delay'];

const KINDS: FaultKind[] = ['server-error', 'primary-rate-limit', 'secondary-rate-limit', 'team-reviewers-422', 'moved-head', 'delay'];

export class FaultController {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  inject(spec: FaultSpec): ActiveFault {
    if (!KINDS.includes(spec.kind)) throw new Error(`Unknown fault kind '${String(spec.kind)}'. Expected one of ${KINDS.join(', ')}.`);
    if (spec.kind === 'server-error' && spec.status !== undefined && ![500, 502, 503].includes(spec.status))
      throw new Error(`server-error status must be 500, 502 or 503, not ${spec.status}.`);
    if (spec.kind === 'secondary-rate-limit' && spec.status !== undefined && ![403, 429].includes(spec.status))
      throw new Error(`secondary-rate-limit status must be 403 or 429, not ${spec.status}.`);
    const count = spec.count ?? 1;
    const fault: ActiveFault = { ...spec, method: spec.method?.toUpperCase(), count, id: this.nextId++, remaining: count, fired: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consumes one firing of the first matching fault of the given kinds, if any. */
  take(kinds: FaultKind[], operationId: string, method: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (f) => f.remaining > 0 && kinds.includes(f.kind) && (!f.operationId || f.operationId === operationId) && (!f.method || f.method === method),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.fired += 1;
    return { ...fault };
  }
}

/** Status, headers and GitHub's message for a front fault that answers instead of the handler. */
export function faultResponse(fault: ActiveFault, userId: number): { status: number; headers: Record<string, string>; body: Record<string, unknown> } {
  const nowSeconds = Math.floor(Date.now() / 1000);
  if (fault.kind === 'primary-rate-limit') {
    return {
      status: 403,
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-resource': 'core',
        'x-ratelimit-reset': String(nowSeconds + (fault.retryAfterSeconds ?? 1)),
      },
      body: {
        message: `API rate limit exceeded for user ID ${userId}.`,
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      },
    };
  }
  if (fault.kind === 'secondary-rate-limit') {
    return {
      status: fault.status ?? 403,
      headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
          'If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
        documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    };
  }
  const status = fault.status ?? 502;
  const message = status === 500 ? 'Server Error' : status === 503 ? 'Service Unavailable' : 'Server Error';
  return { status, headers: {}, body: { message } };
}
