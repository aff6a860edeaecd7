/**
 * Every measured run of the bench goes through the built action, `node dist/index.js`, on the action's runtime
 * (Node 24), as GitHub runs it: every input of action.yml set (its default where the scenario sets none), and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY pointing at temporary files. The bench knows the action only from the
 * outside (inputs, outputs, exit status), so it measures any build of any commit alike.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT, WORKFLOW_TOKEN, actionNode } from '../__tests__/helpers/action-runner.js';
import { readOutputFile } from '../src/cli/output-file.js';
import { runMeasuredProcess, type MeasuredProcess } from './measure-process.js';

export interface BuiltAction {
  /** dist/index.js of the copy under measurement. */
  entry: string;
  /** The node binary that runs it. */
  node: string;
  /** "dist/index.js (copied at start) on Node v24.x" */
  describe: string;
  /** Every input of the copy's action.yml with the value GitHub passes when a workflow sets none. */
  defaults: Record<string, string>;
}

/**
 * A copy of dist/ and action.yml taken once at the start, so that a rebuild meanwhile (by another session on the
 * same checkout) cannot change the build under measurement. BENCH_ACTION_DIR names another folder holding
 * dist/index.js and action.yml (a build of another commit, say), used in place.
 */
export function snapshotBuiltAction(scratch: string): BuiltAction {
  const given = process.env.BENCH_ACTION_DIR;
  const from = given ?? PROJECT_ROOT;
  if (!existsSync(join(from, 'dist', 'index.js'))) throw new Error(`${join(from, 'dist', 'index.js')} does not exist: build the action first (npm run build)`);
  let root = from;
  if (!given) {
    // Beside action.yml, as in a checkout of the action (the CLI reads it from there).
    root = join(scratch, 'action');
    cpSync(join(from, 'dist'), join(root, 'dist'), { recursive: true });
    cpSync(join(from, 'action.yml'), join(root, 'action.yml'));
  }
  const node = actionNode();
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const files = readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.js')).length;
  return {
    entry: join(root, 'dist', 'index.js'),
    node,
    describe: `${given ? join(from, 'dist', 'index.js') : 'dist/index.js (copied at start)'}, ${files} .js files, on Node ${version}`,
    defaults: actionDefaults(join(root, 'action.yml')),
  };
}

/** As __tests__/helpers/action-runner.ts reads them, from the action.yml beside the build under measurement. */
function actionDefaults(actionYml: string): Record<string, string> {
  const metadata = parse(readFileSync(actionYml, 'utf8')) as { inputs: Record<string, { default?: string | number | boolean }> };
  return Object.fromEntries(
    Object.entries(metadata.inputs).map(([name, input]) => {
      const value = input.default === undefined ? '' : String(input.default);
      return [name, value.replace(/\$\{\{\s*github\.token\s*\}\}/g, WORKFLOW_TOKEN)];
    }),
  );
}

export interface ActionRunOptions {
  /** The inputs the scenario sets; every other input of action.yml gets its default. */
  inputs: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Command-line arguments (CLI mode): then no INPUT_* variables are set, as on a terminal. */
  args?: string[];
  memoryEveryMs?: number;
  /** Also take the CPU time of the action's process tree (see measure-process.ts). */
  cpuTime?: boolean;
  /** What the scenario expects; any other exit status fails the bench loudly. */
  expectExit?: 0 | 1;
}

export interface ActionRun extends MeasuredProcess {
  outputs: Record<string, string>;
  summary: string;
}

export async function runBuiltAction(action: BuiltAction, options: ActionRunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-bench-run-'));
  try {
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
    const inputs = options.args ? options.inputs : { ...action.defaults, ...options.inputs };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = await runMeasuredProcess(action.node, [action.entry, ...(options.args ?? [])], {
      cwd: options.cwd ?? scratch,
      env,
      memoryEveryMs: options.memoryEveryMs,
      cpuTime: options.cpuTime,
    });
    const expected = options.expectExit ?? 0;
    if (run.exitCode !== expected) {
      const what = options.args ? options.args.join(' ') : (inputs.command ?? '');
      throw new Error(`node dist/index.js ${what}: exit ${run.exitCode}, expected ${expected}: ${failureLines(run).join(' / ')}`);
    }
    return { ...run, outputs: readOutputFile(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The `::error` annotations a run printed, else the end of its stderr: what to show when it fails. */
export function failureLines(run: { stdout: string; stderr: string }): string[] {
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
  return errors.length > 0 ? errors : run.stderr.trim().split('\n').slice(-5);
}
