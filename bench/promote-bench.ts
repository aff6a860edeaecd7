/**
 * promote at scale through the GitHub API (the simulator, in this process): requests and wall time to promote
 * 1 to 1,000 images across 1 and 20 overlays (apps), a first run (branch + PR) and an idempotent re-run (which
 * must write nothing). Nothing competes with it here, so the figures are absolute, with their cost per image.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBareRepo } from '../test-infra/simulators/github/fixtures.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';
import type { BenchContext, BenchPart } from './bench-part.js';
import { runBuiltAction } from './built-action.js';
import { printHeading, printTable } from './figures.js';

export const PROMOTE_TOKEN = 'ghp_benchPromoteToken00000000000000000000';

/** `apps` apps, each a base with `images` containers and dev/staging overlays that differ in every tag. */
export function generatePromoteFiles(apps: number, images: number): Record<string, string> {
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

async function measure(context: BenchContext, apps: number, totalImages: number, warnings: string[]): Promise<string[][]> {
  const imagesPerApp = Math.max(1, Math.round(totalImages / apps));
  const images = apps * imagesPerApp;
  const scratch = join(context.scratch, 'promote', `${apps}-${images}`);
  mkdirSync(scratch, { recursive: true });
  const repo = createBareRepo(generatePromoteFiles(apps, imagesPerApp), { root: scratch });
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: repo.bare }],
    tokens: [{ token: PROMOTE_TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  const rows: string[][] = [];
  try {
    for (const label of ['first run', 're-run']) {
      sim.resetLog();
      const run = await runBuiltAction(context.action, {
        inputs: { command: 'promote', to: 'staging', token: PROMOTE_TOKEN, repository: 'acme/config' },
        env: { GITHUB_API_URL: sim.apiUrl, GITHUB_GRAPHQL_URL: sim.graphqlUrl, GITHUB_SERVER_URL: sim.serverUrl },
      });
      const rest = sim.requests.filter((entry) => entry.kind === 'rest' || entry.kind === 'graphql');
      const writes = rest.filter((entry) => entry.write).length;
      if (label === 're-run' && writes > 0) warnings.push(`the re-run of ${images} images wrote ${writes} times; an idempotent re-run writes nothing`);
      rows.push([
        String(images),
        String(apps),
        label,
        String(rest.length),
        String(writes),
        `${(run.ms / 1000).toFixed(2)} s`,
        `${(rest.length / images).toFixed(2)}`,
        `${(run.ms / images).toFixed(1)} ms`,
      ]);
    }
  } finally {
    await sim.close();
  }
  return rows;
}

export const runPromoteBench: BenchPart = async (context) => {
  const warnings: string[] = [];
  const rows: string[][] = [['images', 'overlays', 'run', 'API requests', 'writes', 'wall time', 'requests per image', 'time per image']];
  for (const [apps, images] of [
    [1, 1],
    [1, 10],
    [1, 50],
    [20, 20],
    [20, 200],
    [20, 1000],
  ] as const) {
    rows.push(...(await measure(context, apps, images, warnings)));
  }
  printHeading(`promote dev → staging through the GitHub API (simulator), ${context.action.describe}`);
  printTable(rows);
  for (const warning of warnings) process.stdout.write(`  WARNING: ${warning}\n`);
  return [];
};
