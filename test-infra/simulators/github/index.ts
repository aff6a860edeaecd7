// Public entry: start a local GitHub stand-in over real bare repositories.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractChecker, type ContractViolation } from './contract.js';
import { FaultController, type ActiveFault, type FaultSpec } from './faults.js';
import { SimulatorServer, type RequestLogEntry } from './server.js';
import { stateSnapshot } from './control.js';
import { SimulatorState, type SimulatorRepoOptions, type SimulatorTeamOptions, type SimulatorTokenOptions, type SimulatorUserOptions } from './state.js';

export type {
  ContractViolation,
  ActiveFault,
  FaultSpec,
  RequestLogEntry,
  SimulatorRepoOptions,
  SimulatorTeamOptions,
  SimulatorTokenOptions,
  SimulatorUserOptions,
};
export { IMPLEMENTED_OPERATIONS } from './server.js';

/** Token used when no tokens are configured: user `promote-bot` with admin permission everywhere. */
export const DEFAULT_TOKEN = 'ghp_simulatorDefaultToken000000000000000';

export interface GitHubSimulatorOptions {
  repos: SimulatorRepoOptions[];
  users?: SimulatorUserOptions[];
  teams?: SimulatorTeamOptions[];
  tokens?: SimulatorTokenOptions[];
  host?: string;
  port?: number;
  /** Validate every REST response against the spec (default true). */
  validateResponses?: boolean;
  /** Test-only: rewrite a REST answer before validation, to prove the contract checker catches malformed ones. */
  mutateResponse?: (
    operationId: string,
    reply: { status: number; body?: unknown; headers?: Record<string, string> },
  ) => { status: number; body?: unknown; headers?: Record<string, string> };
}

export interface GitHubSimulator {
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** The first configured token. */
  token: string;
  /** `http://x-access-token:<token>@host/owner/repo.git` */
  cloneUrl(owner: string, repo: string, token?: string): string;
  /** Live request log (REST, GraphQL, git, downloads; control calls excluded). */
  requests: RequestLogEntry[];
  /** Live list of contract violations. */
  contractViolations: ContractViolation[];
  /** Throws, listing them, if any contract violation was recorded. */
  assertContractClean(): void;
  injectFault(spec: FaultSpec): ActiveFault;
  clearFaults(): void;
  /** Empties the request log and the violations (e.g. between test phases). */
  resetLog(): void;
  state: SimulatorState;
  snapshot(): Record<string, unknown>;
  /** Milliseconds the OpenAPI description took to read, parse and index (once per process, shared by all simulators). */
  specLoadMs: number;
  close(): Promise<void>;
}

export async function startGitHubSimulator(options: GitHubSimulatorOptions): Promise<GitHubSimulator> {
  const checker = new ContractChecker();
  const tokens = options.tokens?.length ? options.tokens : [{ token: DEFAULT_TOKEN, login: 'promote-bot', permission: 'admin' as const }];
  const sim = new SimulatorState({ repos: options.repos, users: options.users, teams: options.teams, tokens });
  const faults = new FaultController();
  const requests: RequestLogEntry[] = [];
  const violations: ContractViolation[] = [];
  let serverUrl = '';
  const server = new SimulatorServer({
    sim,
    urls: () => ({ api: `${serverUrl}/api/v3`, html: serverUrl }),
    checker,
    faults,
    requests,
    violations,
    validateResponses: options.validateResponses ?? true,
    mutateResponse: options.mutateResponse,
  });
  const http = createServer((req, res) => void server.handle(req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  serverUrl = `http://${host}:${(http.address() as AddressInfo).port}`;
  return {
    serverUrl,
    apiUrl: `${serverUrl}/api/v3`,
    graphqlUrl: `${serverUrl}/api/graphql`,
    token: tokens[0].token,
    cloneUrl: (owner, repo, token = tokens[0].token) => `${serverUrl.replace('://', `://x-access-token:${encodeURIComponent(token)}@`)}/${owner}/${repo}.git`,
    requests,
    contractViolations: violations,
    assertContractClean() {
      if (violations.length) {
        const list = violations.map((v) => `- ${v.kind} ${v.method} ${v.path} ${v.operationId ?? ''} ${v.status ?? ''}: ${v.errors.join('; ')}`);
        throw new Error(`GitHub contract violations:\n${list.join('\n')}`);
      }
    },
    injectFault: (spec) => faults.inject(spec),
    clearFaults: () => faults.clear(),
    resetLog() {
      requests.length = 0;
      violations.length = 0;
    },
    state: sim,
    snapshot: () => stateSnapshot(sim),
    specLoadMs: checker.loadMs,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
