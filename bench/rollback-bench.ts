/**
 * rollback through the GitHub API: the REST requests (reads and writes) and
 * wall time one rollback to the previous images costs, for 1 and 20 apps and
 * a short or long history of each overlay, landing by pull request. The
 * history is read only as far as `to` needs: `previous` reads the newest two
 * versions of each overlay file, however long its history.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBareRepo } from '../test-infra/simulators/github/fixtures.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';
import type { BenchContext, BenchPart } from './bench-part.js';
import { runBuiltAction } from './built-action.js';
import { printHeading, printTable } from './figures.js';

const TOKEN = 'ghp_benchRollbackToken000000000000000000';

function generateFiles(apps: number): Record<string, string> {
  const files: Record<string, string> = {
    'gitops-promote.yaml': 'environments:\n  - name: production\n    overlays: apps/{app}/production\n    landing: pull-request\n',
  };
  for (let a = 0; a < apps; a++) {
    const app = `app-${String(a).padStart(2, '0')}`;
    files[`apps/${app}/base/deployment.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n` +
      `    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n      - name: main\n        image: img:0.0.0\n`;
    files[`apps/${app}/base/kustomization.yaml`] = 'resources:\n- deployment.yaml\n';
    files[`apps/${app}/production/kustomization.yaml`] = `resources:\n- ../base\nimages:\n- name: img\n  newName: ghcr.io/acme/${app}\n  newTag: 1.0.0\n`;
  }
  return files;
}

/** `versions` commits, each moving every app's tag one patch up (the last one is what the rollback undoes). */
function growHistory(bare: string, scratch: string, apps: number, versions: number): void {
  const work = join(scratch, 'work');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], { cwd: work, encoding: 'utf8' });
  execFileSync('git', ['clone', '--quiet', bare, work]);
  for (let v = 1; v <= versions; v++) {
    for (let a = 0; a < apps; a++) {
      const file = join(work, 'apps', `app-${String(a).padStart(2, '0')}`, 'production', 'kustomization.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/newTag: .*/, `newTag: 1.0.${v}`));
    }
    git('commit', '--quiet', '-am', `version ${v}`);
  }
  git('push', '--quiet', 'origin', 'HEAD:main');
}

async function measure(context: BenchContext, apps: number, versions: number): Promise<string[]> {
  const scratch = join(context.scratch, 'rollback', `${apps}-${versions}`);
  mkdirSync(scratch, { recursive: true });
  const repo = createBareRepo(generateFiles(apps), { root: scratch });
  growHistory(repo.bare, scratch, apps, versions);
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: repo.bare }],
    tokens: [{ token: TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  try {
    const run = await runBuiltAction(context.action, {
      inputs: { command: 'rollback', environment: 'production', token: TOKEN, repository: 'acme/config', reason: 'bench' },
      env: { GITHUB_API_URL: sim.apiUrl, GITHUB_GRAPHQL_URL: sim.graphqlUrl, GITHUB_SERVER_URL: sim.serverUrl, GITHUB_ACTOR: 'bench' },
    });
    if (run.exitCode !== 0)
      throw new Error(
        `rollback failed: ${run.stdout
          .split('\n')
          .filter((line) => line.startsWith('::error'))
          .join(' ')}`,
      );
    const rest = sim.requests.filter((entry) => entry.kind === 'rest' || entry.kind === 'graphql');
    const writes = rest.filter((entry) => entry.write).length;
    const history = rest.filter((entry) => /list-commits|get-content/.test(entry.operationId ?? '')).length;
    return [String(apps), String(versions + 1), String(rest.length - writes), String(history), String(writes), `${(run.ms / 1000).toFixed(2)} s`];
  } finally {
    await sim.close();
  }
}

export const runRollbackBench: BenchPart = async (context) => {
  const rows: string[][] = [['apps', 'versions per overlay', 'reads', 'of which history', 'writes', 'wall time']];
  for (const [apps, versions] of [
    [1, 2],
    [1, 50],
    [20, 2],
    [20, 50],
  ] as const) {
    rows.push(await measure(context, apps, versions));
  }
  printHeading(`rollback production to previous through the GitHub API (simulator), landing by pull request, ${context.action.describe}`);
  printTable(rows);
  return [];
};
