/**
 * promote at scale through the GitHub API: REST requests and wall time to
 * promote 1, 10 and 50 images across 1 and 20 overlays (apps), a first run
 * (branch + PR) and an idempotent re-run (which must write nothing).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../__tests__/helpers/action-runner.js';
import { createBareRepo } from '../test-infra/simulators/github/fixtures.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';
import { printTable } from './set-image-bench.js';

const TOKEN = 'ghp_benchPromoteToken00000000000000000000';

/** `apps` apps, each a base with `images` containers and dev/staging overlays that differ in every tag. */
function generateFiles(apps: number, images: number): Record<string, string> {
  const files: Record<string, string> = {
    'gitops-promote.yaml':
      'environments:\n  - name: dev\n    overlays: apps/{app}/dev\n  - name: staging\n    overlays: apps/{app}/staging\n' +
      '    landing: pull-request\n    pull-request:\n      labels: [promotion]\n',
  };
  const containers = Array.from({ length: images }, (_, i) => `      - name: c${i}\n        image: img-${i}:0.0.0\n`).join('');
  for (let a = 0; a < apps; a++) {
    const app = `app-${String(a).padStart(2, '0')}`;
    files[`apps/${app}/base/deployment.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n` +
      `    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n${containers}`;
    files[`apps/${app}/base/kustomization.yaml`] = 'resources:\n- deployment.yaml\n';
    for (const [env, tag] of [
      ['dev', '1.1.0'],
      ['staging', '1.0.0'],
    ] as const) {
      const entries = Array.from({ length: images }, (_, i) => `- name: img-${i}\n  newName: ghcr.io/acme/img-${i}\n  newTag: ${tag}\n`).join('');
      files[`apps/${app}/${env}/kustomization.yaml`] = `resources:\n- ../base\nimages:\n${entries}`;
    }
  }
  return files;
}

async function measure(apps: number, totalImages: number): Promise<string[][]> {
  const imagesPerApp = Math.max(1, Math.round(totalImages / apps));
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-bench-'));
  mkdirSync(scratch, { recursive: true });
  const repo = createBareRepo(generateFiles(apps, imagesPerApp), { root: scratch });
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: repo.bare }],
    tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  const rows: string[][] = [];
  try {
    for (const label of ['first run', 're-run']) {
      sim.resetLog();
      const started = performance.now();
      const run = await runAction({
        inputs: { command: 'promote', to: 'staging', token: TOKEN, repository: 'acme/config' },
        env: { GITHUB_API_URL: sim.apiUrl, GITHUB_GRAPHQL_URL: sim.graphqlUrl, GITHUB_SERVER_URL: sim.serverUrl },
      });
      const ms = performance.now() - started;
      if (run.exitCode !== 0)
        throw new Error(
          `promote failed: ${run.stdout
            .split('\n')
            .filter((line) => line.startsWith('::error'))
            .join(' ')}`,
        );
      const rest = sim.requests.filter((entry) => entry.kind === 'rest' || entry.kind === 'graphql');
      const writes = rest.filter((entry) => entry.write).length;
      rows.push([String(apps * imagesPerApp), String(apps), label, String(rest.length), String(writes), `${(ms / 1000).toFixed(2)} s`]);
    }
  } finally {
    await sim.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

export async function runPromoteBench(): Promise<void> {
  process.stdout.write('\npromote dev → staging through the GitHub API (simulator), built action on Node 24\n');
  const rows: string[][] = [['images', 'overlays', 'run', 'API requests', 'writes', 'wall time']];
  for (const [apps, images] of [
    [1, 1],
    [1, 10],
    [1, 50],
    [20, 20],
    [20, 200],
    [20, 1000],
  ] as const) {
    rows.push(...(await measure(apps, images)));
  }
  printTable(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await runPromoteBench();
