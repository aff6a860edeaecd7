/**
 * What one gated promotion costs: dev → staging through the GitHub API with
 * staging gated by source-healthy and soak, Argo CD (simulated) running dev's
 * apps at the head. GitHub requests (reads, writes) and Argo CD reads per app,
 * for a first run and an unchanged re-run, against the same promotion ungated.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startArgoCdSimulator } from '../test-infra/simulators/argocd/index.js';
import { createBareRepo, git } from '../test-infra/simulators/github/fixtures.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';
import type { BenchContext, BenchPart } from './bench-part.js';
import { runBuiltAction } from './built-action.js';
import { printHeading, printTable } from './figures.js';

const TOKEN = 'ghp_benchGatesToken000000000000000000000';
const HOUR = 3_600_000;

function files(apps: number, gated: boolean): Record<string, string> {
  const gates = gated ? '    gates:\n      source-healthy: true\n      soak: 2h\n' : '';
  const result: Record<string, string> = {
    'gitops-promote.yaml':
      'environments:\n  - name: dev\n    overlays: apps/{app}/dev\n    controller: argocd\n' +
      `  - name: staging\n    overlays: apps/{app}/staging\n    landing: pull-request\n${gates}`,
  };
  for (let a = 0; a < apps; a++) {
    const app = `app-${String(a).padStart(2, '0')}`;
    result[`apps/${app}/base/deployment.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n` +
      `    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n      - name: c\n        image: img:0.0.0\n`;
    result[`apps/${app}/base/kustomization.yaml`] = 'resources:\n- deployment.yaml\n';
    for (const [env, tag] of [
      ['dev', '1.1.0'],
      ['staging', '1.0.0'],
    ] as const)
      result[`apps/${app}/${env}/kustomization.yaml`] = `resources:\n- ../base\nimages:\n- name: img\n  newName: ghcr.io/acme/img\n  newTag: ${tag}\n`;
  }
  return result;
}

async function measure(context: BenchContext, apps: number, gated: boolean): Promise<string[][]> {
  const scratch = join(context.scratch, 'gates', `${apps}-${gated ? 'gated' : 'ungated'}`);
  mkdirSync(scratch, { recursive: true });
  const repo = createBareRepo(files(apps, gated), { root: scratch });
  const head = git(repo.bare, 'rev-parse', 'main').trim();
  const start = Math.floor(Date.now() / 1000) * 1000;
  const argo = await startArgoCdSimulator({
    scenario: { applications: Array.from({ length: apps }, (_, a) => ({ name: `app-${String(a).padStart(2, '0')}-dev`, initialRevision: head })) },
    manualSteps: true,
    startTime: new Date(start),
  });
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: repo.bare }],
    tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  const rows: string[][] = [];
  try {
    for (const label of ['first run', 're-run']) {
      sim.resetLog();
      argo.requestLog.clear();
      const run = await runBuiltAction(context.action, {
        inputs: { command: 'promote', to: 'staging', token: TOKEN, repository: 'acme/config', 'argocd-server': argo.url, 'argocd-token': argo.token },
        env: {
          GITHUB_API_URL: sim.apiUrl,
          GITHUB_GRAPHQL_URL: sim.graphqlUrl,
          GITHUB_SERVER_URL: sim.serverUrl,
          GITOPS_PROMOTE_NOW: new Date(start + 3 * HOUR).toISOString(),
        },
      });
      const ms = run.ms;
      if (run.exitCode !== 0 || (gated && run.outputs.gated !== 'passed')) throw new Error(`promote failed:\n${run.stdout}`);
      const rest = sim.requests.filter((entry) => entry.kind === 'rest' || entry.kind === 'graphql');
      const writes = rest.filter((entry) => entry.write).length;
      const statusOps = rest.filter((entry) => /status/.test(entry.operationId ?? '')).length;
      const argoReads = argo.requests.filter((entry) => entry.method === 'GET').length;
      rows.push([
        String(apps),
        gated ? 'gated' : 'ungated',
        label,
        String(rest.length - writes),
        String(writes),
        String(statusOps),
        `${argoReads} (${(argoReads / apps).toFixed(1)}/app)`,
        `${(ms / 1000).toFixed(2)} s`,
      ]);
    }
  } finally {
    await sim.close();
    await argo.close();
  }
  return rows;
}

export const runGatesBench: BenchPart = async (context) => {
  const rows: string[][] = [['apps', 'gates', 'run', 'GitHub reads', 'writes', 'of them statuses', 'Argo CD reads', 'wall time']];
  for (const apps of [1, 20]) for (const gated of [false, true]) rows.push(...(await measure(context, apps, gated)));
  printHeading(`promote dev → staging gated by source-healthy and soak (Argo CD in dev), through the GitHub API (simulators), ${context.action.describe}`);
  printTable(rows);
  return [];
};
