import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { ACTION_ENTRY, actionNode, runAction, type ActionRun } from '../helpers/action-runner.js';
import { createConfigRepo, type ConfigRepo } from '../helpers/git-fixtures.js';

/**
 * The command line as a person meets it: `node dist/index.js <command> --flag …`
 * outside GitHub Actions (no GITHUB_ACTIONS, no GITHUB_OUTPUT or summary file).
 */

let repo: ConfigRepo;
beforeEach(() => {
  repo = createConfigRepo();
});
afterEach(() => repo.cleanup());

/** A run from a terminal: none of the files a runner provides. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  return runAction({ inputs: {}, env: { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '', ...env }, args });
}

const SET_TWO_IMAGES = ['set-image', '--environment', 'dev', '--images', 'web=*:1.4.2', '--images', 'ghcr.io/acme/api:2.9.0', '--validate'];

describe('the CLI on a terminal', () => {
  test('prints what a person reads: plain lines, a heading per group, the outputs by name; no workflow command, no JSON', async () => {
    const run = await cli([...SET_TWO_IMAGES, '--path', repo.work]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(/^::/m);
    expect(run.stdout).not.toContain('GITOPS_PROMOTE_COMMIT_SHA');
    expect(run.stdout).toContain('▸ Validating the edited overlays');
    expect(run.stdout).toMatch(/\nOutputs:\n {2}changed: true\n {2}commit-sha: [0-9a-f]{40}\n {2}images: 2 entries \(--json prints them\)\n$/);
    expect(run.stdout).not.toContain('"overlay"');
    expect(run.stdout).not.toContain('pull-request-number');
    expect(run.stderr).toBe('');
  });

  test('--json: stdout is one JSON object of every output, the JSON ones as values; the log goes to stderr', async () => {
    const run = await cli([...SET_TWO_IMAGES, '--path', repo.work, '--json']);
    expect(run.exitCode).toBe(0);
    const outputs = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(outputs).toMatchObject({ changed: 'true', 'commit-sha': repo.remoteHead(), 'pull-request-number': '' });
    expect(outputs.images).toEqual([
      expect.objectContaining({ overlay: 'apps/web/overlays/dev', new: 'ghcr.io/acme/web:1.4.2' }),
      expect.objectContaining({ overlay: 'apps/api/overlays/dev', new: 'ghcr.io/acme/api:2.9.0' }),
    ]);
    expect(run.stderr).toContain(`Landed ${repo.remoteHead()} on main.`);
    expect(run.stderr).not.toMatch(/^::/m);
  });

  test('a GITHUB_OUTPUT file the caller names still receives the outputs', async () => {
    const run = await runAction({
      inputs: {},
      env: { GITHUB_STEP_SUMMARY: '' },
      args: ['validate', '--path', repo.work, '--overlays', 'apps/web/overlays/dev'],
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.valid).toBe('true');
    expect(JSON.parse(run.outputs.report)).toHaveLength(1);
    expect(run.stdout).toContain('  valid: true\n  report: 1 entry (--json prints them)\n');
  });

  test('inside GitHub Actions the workflow commands stay, for the runner to read', async () => {
    const run = await runAction({
      inputs: {},
      env: { GITHUB_ACTIONS: 'true' },
      args: ['validate', '--path', repo.work, '--overlays', 'apps/web/overlays/dev'],
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('::group::Validating 1 overlay\n');
    expect(run.stdout).toContain('::endgroup::\n');
    expect(run.stdout).not.toContain('Outputs:');
    expect(run.outputs.valid).toBe('true');
  });

  test('a closed pipe (| head -1) ends nothing in a stack trace: the run finishes quietly with its own exit code', async () => {
    const entry = `'${actionNode()}' '${ACTION_ENTRY}'`;
    const pipeline = await shell(`set -o pipefail; ${entry} validate --path '${repo.work}' | head -1`, { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' });
    expect(pipeline.stderr).toBe('');
    expect(pipeline.stdout).toBe('▸ Validating 6 overlays\n');
    expect(pipeline.exitCode).toBe(0);
  });
});

describe('help', () => {
  test('validate --help shows validate’s inputs only, grouped, with defaults', async () => {
    const run = await cli(['validate', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^gitops-promote validate: /);
    expect(run.stdout).toContain('\nWhat to validate:\n  --path ');
    expect(run.stdout).toMatch(/\n {2}--strict +Reject fields a schema does not know/);
    expect(run.stdout).toMatch(/Default: true\./);
    for (const other of ['--images', '--argocd-server', '--flux-name', '--from ', '--issue ']) expect(run.stdout).not.toContain(other);
    expect(run.stdout.split('\n').length).toBeLessThan(60);
    expect(run.stderr).toBe('');
  });

  test('--help lists the commands, one line each, and how to see one command’s inputs', async () => {
    const run = await cli(['--help']);
    expect(run.exitCode).toBe(0);
    for (const command of ['set-image', 'promote', 'validate', 'wait', 'drift-check', 'check-setup'])
      expect(run.stdout).toMatch(new RegExp(`^ {2}${command} +[A-Z]`, 'm'));
    expect(run.stdout).toContain('gitops-promote <command> --help');
    expect(run.stdout).not.toContain('--kubernetes-version');
  });

  test('an unknown command with --help is one clear line', async () => {
    const run = await cli(['deploy', '--help']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "error: unknown command 'deploy'; expected one of set-image, promote, rollback, release, validate, wait, drift-check, merge-reports, check-setup.\n",
    );
  });
});

function shell(script: string, env: NodeJS.ProcessEnv): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}
