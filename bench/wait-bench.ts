/**
 * wait: how soon the step returns once Argo CD reaches the target state
 * (stream vs polling), and how many requests a minute of waiting costs.
 * Nothing competes with it here, so the figures are absolute (latency per
 * run, requests per minute). Prints figures; asserts nothing.
 */
import { startArgoCdSimulator, type ArgoCdSimulator } from '../test-infra/simulators/argocd/index.js';
import type { BenchContext, BenchPart } from './bench-part.js';
import { runBuiltAction } from './built-action.js';
import { printHeading, printTable } from './figures.js';

const RUNS = Number(process.env.BENCH_WAIT_RUNS ?? 8);
const IDLE_SECONDS = Number(process.env.BENCH_WAIT_IDLE_SECONDS ?? 20);

const sha = (i: number): string => i.toString(16).padStart(40, '0');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The first moment the app is Synced and Healthy at `revision`, watched every 2 ms from inside the simulator's process. */
function whenTargetReached(sim: ArgoCdSimulator, revision: string): Promise<number> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const app = sim.getApplication('web-dev');
      if (app?.status.sync?.revision === revision && app.status.sync.status === 'Synced' && app.status.health?.status === 'Healthy') {
        clearInterval(timer);
        resolve(Date.now());
      }
    }, 2);
  });
}

async function latency(context: BenchContext, mode: 'stream' | 'poll'): Promise<number[]> {
  const sim = await startArgoCdSimulator({ scenario: { applications: [{ name: 'web-dev' }] }, stepMs: 200 });
  const results: number[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      const revision = sha(i);
      const reached = whenTargetReached(sim, revision);
      const run = runBuiltAction(context.action, {
        inputs: {
          command: 'wait',
          'argocd-server': sim.url,
          'argocd-token': sim.token,
          'argocd-app': 'web-dev',
          revision,
          'argocd-watch': mode,
          timeout: '60s',
        },
      });
      // Let the step start and see the old state first, as in a pipeline where the push precedes the controller's reaction.
      setTimeout(() => sim.setRevision('web-dev', revision), 600);
      const [reachedAt, outcome] = await Promise.all([reached, run]);
      results.push(outcome.exitedAt - reachedAt);
    }
  } finally {
    await sim.close();
  }
  return results;
}

/** Requests a minute while an app never gets there (the whole timeout spent waiting). */
async function idleRequestsPerMinute(context: BenchContext, mode: 'stream' | 'poll'): Promise<{ perMinute: number; streams: number }> {
  const sim = await startArgoCdSimulator({ scenario: { applications: [{ name: 'web-dev' }] }, stepMs: 200 });
  try {
    const run = await runBuiltAction(context.action, {
      expectExit: 1,
      inputs: {
        command: 'wait',
        'argocd-server': sim.url,
        'argocd-token': sim.token,
        'argocd-app': 'web-dev',
        revision: sha(999),
        'argocd-watch': mode,
        timeout: `${IDLE_SECONDS}s`,
      },
    });
    const minutes = run.ms / 60_000;
    return { perMinute: sim.requests.length / minutes, streams: sim.requests.filter((r) => r.path === '/api/v1/stream/applications').length };
  } finally {
    await sim.close();
  }
}

export const runWaitBench: BenchPart = async (context) => {
  const rows: string[][] = [['mode', 'latency median', 'p95', 'min', 'max', 'requests per minute of waiting', 'stream connections']];
  for (const mode of ['stream', 'poll'] as const) {
    const values = await latency(context, mode);
    const { perMinute, streams } = await idleRequestsPerMinute(context, mode);
    rows.push([
      mode,
      `${percentile(values, 50)} ms`,
      `${percentile(values, 95)} ms`,
      `${Math.min(...values)} ms`,
      `${Math.max(...values)} ms`,
      `${perMinute.toFixed(1)} (${IDLE_SECONDS} s run)`,
      String(streams),
    ]);
  }
  printHeading(`wait (Argo CD simulator, ${RUNS} runs per mode; latency = target state reached → step exited), ${context.action.describe}`);
  printTable(rows);
  return [];
};
