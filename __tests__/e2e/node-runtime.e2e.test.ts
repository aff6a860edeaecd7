import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ACTION_ENTRY, PROJECT_ROOT } from '../helpers/action-runner.js';

/** A Node older than 24 on this machine (PATH, then the usual places), if there is one. */
function olderNode(): { path: string; version: string } | undefined {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')), '/usr/local/bin/node', '/usr/bin/node'];
  for (const path of new Set(candidates)) {
    try {
      accessSync(path, constants.X_OK);
    } catch {
      continue;
    }
    const version = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    if (Number(version.split('.')[0]) < 24) return { path, version };
  }
  return undefined;
}

const older = olderNode();
if (!older) console.warn('Skipping "an older Node": no Node.js older than 24 on this machine.');

(older ? describe : describe.skip)('an older Node', () => {
  const { path: node, version } = older ?? { path: '', version: '' };
  const refusal = `error: gitops-promote needs Node.js 24 or later (the runtime the action runs on); this is Node.js ${version}.\n`;

  test.each([
    ['the CLI (bin/gitops-promote.js)', [join(PROJECT_ROOT, 'bin', 'gitops-promote.js'), 'wait', '--controller', 'flux', '--kubeconfig', '/nonexistent'], {}],
    ['node dist/index.js <command>', [ACTION_ENTRY, 'drift-check', '--help'], {}],
    ['the action (INPUT_* variables, no arguments)', [ACTION_ENTRY], { INPUT_COMMAND: 'wait', INPUT_CONTROLLER: 'flux' }],
  ])('%s is refused in one line before anything runs', (_title, args, env) => {
    const run = spawnSync(node, args, { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 1, stdout: '', stderr: refusal });
  });
});
