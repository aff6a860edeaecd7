/**
 * Cold start: how long `node dist/index.js` takes to do the first thing, against bare `node -e 0` on the same
 * binary. Measured for `--help` (the CLI, no INPUT_* variables, as on a terminal), an input error (an unknown
 * command), and the start of every command: with every other input at its default, in an empty folder, each
 * command stops at its first check of its inputs, after its own modules are loaded. Runs are interleaved
 * (one of each scenario in turn, BENCH_COLD_REPEAT rounds); medians are compared.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchPart } from './bench-part.js';
import { COLD_REPEAT } from './bench-settings.js';
import { runBuiltAction, type ActionRunOptions } from './built-action.js';
import { median, printHeading, printTable, spread, type Figure } from './figures.js';
import { runMeasuredProcess } from './measure-process.js';

interface Scenario {
  name: string;
  options: ActionRunOptions;
  /** The input its one-line error names (none for --help). */
  failsOn?: string;
}

/** Each command with the input that, at its default, is the first thing it refuses in an empty folder. */
const COMMAND_STARTS: Array<[command: string, failsOn: string]> = [
  ['set-image', 'images'],
  ['promote', 'repository'],
  ['validate', 'path'],
  ['wait', 'argocd-app'],
  ['drift-check', 'config'],
  ['check-setup', 'repository'],
];

const GOAL = { ratioAtMost: 2 };

export const runColdStartBench: BenchPart = async (context) => {
  const cwd = join(context.scratch, 'cold-start');
  mkdirSync(cwd, { recursive: true });
  const scenarios: Scenario[] = [
    { name: '--help', options: { inputs: {}, args: ['--help'], cwd } },
    { name: 'input error (unknown command)', options: { inputs: { command: 'no-such-command' }, cwd, expectExit: 1 }, failsOn: 'command' },
    ...COMMAND_STARTS.map(([command, failsOn]) => ({
      name: `${command} start (fails on ${failsOn})`,
      options: { inputs: { command }, cwd, expectExit: 1 as const },
      failsOn,
    })),
  ];
  const bare: number[] = [];
  const times = new Map(scenarios.map((scenario) => [scenario.name, [] as number[]]));
  for (let round = 0; round < COLD_REPEAT; round++) {
    const run = await runMeasuredProcess(context.action.node, ['-e', '0'], { cwd });
    if (run.exitCode !== 0) throw new Error(`node -e 0: exit ${run.exitCode}`);
    bare.push(run.ms);
    for (const scenario of scenarios) {
      const result = await runBuiltAction(context.action, scenario.options);
      if (scenario.failsOn && !result.stdout.split('\n').some((line) => line.startsWith('::error') && line.includes(`'${scenario.failsOn}'`))) {
        throw new Error(`${scenario.name}: expected an error on input '${scenario.failsOn}', got: ${result.stdout.trim().slice(0, 300)}`);
      }
      times.get(scenario.name)!.push(result.ms);
    }
  }
  const bareMedian = median(bare);
  printHeading(`cold start: wall time from spawn to exit, ${COLD_REPEAT} interleaved runs each, ${context.action.describe}`);
  printTable([
    ['run', 'time', 'ratio to bare node'],
    ['node -e 0 (bare node)', spread(bare, 'ms'), '1.00×'],
    ...scenarios.map((scenario) => {
      const values = times.get(scenario.name)!;
      return [scenario.name, spread(values, 'ms'), `${(median(values) / bareMedian).toFixed(2)}×`];
    }),
  ]);
  return scenarios.map((scenario): Figure => ({
    name: `cold start: ${scenario.name}`,
    measured: { value: median(times.get(scenario.name)!), unit: 'ms' },
    competitor: { name: 'node -e 0', value: bareMedian },
    goal: GOAL,
  }));
};
