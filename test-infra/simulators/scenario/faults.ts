/**
 * Fault injection shared by the simulators: a queue of faults, each matched against a request
 * and consumed a given number of times, so a test can say "the next 2 GETs of this app fail".
 */

export interface FaultMatch {
  /** HTTP method, upper case; any when absent. */
  method?: string;
  /** Substring of, or pattern for, the request path (without query). */
  path?: string | RegExp;
}

export type Fault =
  /** Answer with this HTTP status (5xx for server errors) instead of serving the request. */
  | { kind: 'status'; status: number; message?: string; times?: number; match?: FaultMatch }
  /** Hold the answer for `ms` real milliseconds before serving it. */
  | { kind: 'delay'; ms: number; times?: number; match?: FaultMatch }
  /** Close a stream/watch connection after `afterEvents` events have been written. */
  | { kind: 'stream-break'; afterEvents: number; times?: number; match?: FaultMatch }
  /** Argo CD: every token issued so far is treated as expired (401) from now on. */
  | { kind: 'expire-tokens'; times?: number; match?: FaultMatch }
  /** Kubernetes: the next watch answers with an ERROR event carrying 410 Expired. */
  | { kind: 'gone'; times?: number; match?: FaultMatch };

export type FaultKind = Fault['kind'];

interface ArmedFault {
  fault: Fault;
  remaining: number;
}

export class FaultInjector {
  private armed: ArmedFault[] = [];
  /** Every fault that fired, in order, for assertions about what a client went through. */
  readonly fired: Array<{ kind: FaultKind; method: string; path: string }> = [];

  inject(fault: Fault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Consume and return the first armed fault of `kind` that matches the request, if any. */
  take<K extends FaultKind>(kind: K, method: string, path: string): Extract<Fault, { kind: K }> | undefined {
    const found = this.armed.find((a) => a.fault.kind === kind && matches(a.fault.match, method, path));
    if (!found) return undefined;
    found.remaining--;
    if (found.remaining <= 0) this.armed = this.armed.filter((a) => a !== found);
    this.fired.push({ kind, method, path });
    return found.fault as Extract<Fault, { kind: K }>;
  }
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path);
}

/** Parse a fault from loosely typed input (HTTP control endpoint, scenario file). */
export function parseFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null) throw new Error('a fault must be an object with a "kind"');
  const raw = input as Record<string, unknown>;
  const match = raw.match as FaultMatch | undefined;
  const times = raw.times === undefined ? undefined : Number(raw.times);
  switch (raw.kind) {
    case 'status':
      return { kind: 'status', status: Number(raw.status ?? 503), message: raw.message as string | undefined, times, match };
    case 'delay':
      return { kind: 'delay', ms: Number(raw.ms ?? 1000), times, match };
    case 'stream-break':
      return { kind: 'stream-break', afterEvents: Number(raw.afterEvents ?? 1), times, match };
    case 'expire-tokens':
      return { kind: 'expire-tokens', times, match };
    case 'gone':
      return { kind: 'gone', times, match };
    default:
      throw new Error(`unknown fault kind ${JSON.stringify(raw.kind)}; expected status, delay, stream-break, expire-tokens or gone`);
  }
}
