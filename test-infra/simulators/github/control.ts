// /_simulator/* endpoints for standalone use: inject and clear faults, read back state, the request log and
// contract violations. They are the simulator's own, so they carry no GitHub contract and need no token.
import type { IncomingMessage } from 'node:http';
import type { FaultSpec } from './faults.js';
import { readBody } from './http-util.js';
import type { ServerDeps } from './server.js';
import type { SimulatorState } from './state.js';

export async function handleControl(deps: ServerDeps, req: IncomingMessage, url: URL): Promise<{ status: number; body?: unknown }> {
  const raw = await readBody(req);
  const key = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  switch (key) {
    case 'POST /_simulator/faults':
      try {
        return { status: 201, body: deps.faults.inject(JSON.parse(raw.toString('utf8') || '{}') as FaultSpec) };
      } catch (e) {
        return { status: 400, body: { message: (e as Error).message } };
      }
    case 'GET /_simulator/faults':
      return { status: 200, body: deps.faults.list() };
    case 'DELETE /_simulator/faults':
      deps.faults.clear();
      return { status: 204 };
    case 'GET /_simulator/state':
      return { status: 200, body: stateSnapshot(deps.sim) };
    case 'GET /_simulator/requests':
      return { status: 200, body: deps.requests };
    case 'GET /_simulator/violations':
      return { status: 200, body: deps.violations };
    default:
      return { status: 404, body: { message: `Unknown simulator endpoint ${key}` } };
  }
}

/** A plain readout of what the API created, per repository (for humans and tests). */
export function stateSnapshot(sim: SimulatorState): Record<string, unknown> {
  const repos: Record<string, unknown> = {};
  for (const repo of sim.repos.values()) {
    const issues = [...repo.issues.values()];
    repos[repo.fullName] = {
      pullRequests: issues
        .filter((i) => i.pull)
        .map((i) => ({ number: i.number, title: i.title, body: i.body, state: i.state, user: i.user, labels: i.labels, assignees: i.assignees, ...i.pull })),
      issues: issues
        .filter((i) => !i.pull)
        .map((i) => {
          const issue = { ...i };
          delete issue.pull;
          return issue;
        }),
      labels: [...repo.labels.values()],
      comments: repo.comments,
      deployments: repo.deployments,
      statuses: repo.statuses,
      settings: { ...repo.options, path: undefined },
    };
  }
  return { repos };
}
