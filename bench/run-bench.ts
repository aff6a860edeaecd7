/**
 * `npm run bench`: speed and memory of the built action, each figure beside what it competes with (the renderer
 * alone, bare node) measured in the same run, and judged against its goal. One table per part, then one summary.
 * Asserts nothing (a missed goal is a "no"; tests never assert timings), but a run that errors fails the bench.
 * `npm run bench -- validate` (or any part names) runs those parts only. Sizes: bench/bench-settings.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchPart } from './bench-part.js';
import { COLD_REPEAT, LARGE_RESOURCES, REPEAT, pinCount } from './bench-settings.js';
import { snapshotBuiltAction } from './built-action.js';
import { runColdStartBench } from './cold-start-bench.js';
import { runDriftCheckBench } from './drift-check-bench.js';
import { runGatesBench } from './gates-bench.js';
import { SUMMARY_HEADER, goalMet, printHeading, printTable, summaryRow, type Figure } from './figures.js';
import { rendererOnPath } from './kustomize-alone.js';
import { runPinsBench } from './pins-bench.js';
import { runPromoteBench } from './promote-bench.js';
import { runRendersBench } from './renders-bench.js';
import { runSetImageBench } from './set-image-bench.js';
import { runValidateBench, runValidateLargeBench } from './validate-bench.js';
import { runWaitBench } from './wait-bench.js';
import { runRollbackBench } from './rollback-bench.js';

const PARTS: Record<string, BenchPart> = {
  'cold-start': runColdStartBench,
  'set-image': runSetImageBench,
  pins: runPinsBench,
  renders: runRendersBench,
  validate: runValidateBench,
  'validate-large': runValidateLargeBench,
  promote: runPromoteBench,
  wait: runWaitBench,
  'drift-check': runDriftCheckBench,
  gates: runGatesBench,
  rollback: runRollbackBench,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !PARTS[name]);
if (unknown.length > 0) {
  process.stderr.write(`unknown bench part '${unknown.join("', '")}'; choose from ${Object.keys(PARTS).join(', ')}\n`);
  process.exit(1);
}
const parts = Object.entries(PARTS).filter(([name]) => requested.length === 0 || requested.includes(name));

const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-bench-'));
const figures: Figure[] = [];
let failed: Error | undefined;
const benchStarted = performance.now();
try {
  const action = snapshotBuiltAction(scratch);
  const renderer = rendererOnPath();
  const rendererVersion = execFileSync(renderer.command[0], ['version', ...(renderer.command[0] === 'kubectl' ? ['--client'] : [])], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .join(', ');
  process.stdout.write(
    `gitops-promote bench: ${action.describe}; ${renderer.describe} (${rendererVersion}); ${availableParallelism()} CPUs, ` +
      `load ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}\n` +
      `sizes: BENCH_OVERLAYS=${process.env.BENCH_OVERLAYS ?? 'default (set-image 300, validate 600)'} ` +
      `BENCH_PINS=${pinCount(1000)} BENCH_LARGE_RESOURCES=${LARGE_RESOURCES} BENCH_REPEAT=${REPEAT} BENCH_COLD_REPEAT=${COLD_REPEAT}\n`,
  );
  for (const [name, part] of parts) {
    const started = performance.now();
    try {
      figures.push(...(await part({ action, renderer, scratch })));
    } catch (error) {
      throw new Error(`part '${name}' failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    process.stdout.write(`  (${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  printSummary(figures);
} catch (error) {
  failed = error instanceof Error ? error : new Error(String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed) {
  process.stderr.write(`\nbench FAILED: ${failed.message}\n`);
  if (failed.cause instanceof Error && failed.cause.stack) process.stderr.write(`${failed.cause.stack}\n`);
}
// A part that failed may leave a simulator's timer behind; the bench is over either way.
process.exit(failed ? 1 : 0);

function printSummary(all: readonly Figure[]): void {
  const judged = all.filter((figure) => figure.goal || figure.competitor);
  const paired = judged.some((figure) => figure.pairedRatio !== undefined)
    ? "; 'paired': the median of the ratios of runs made in pairs, one right after the other"
    : '';
  printHeading(`summary (${((performance.now() - benchStarted) / 1000 / 60).toFixed(1)} min; ratio = measured / competitor, measured in this run${paired})`);
  if (judged.length === 0) {
    process.stdout.write('  (no figure of these parts has a competitor or a goal; see the tables above)\n');
    return;
  }
  printTable([SUMMARY_HEADER, ...judged.map(summaryRow)]);
  const withGoal = judged.filter((figure) => goalMet(figure) !== '–');
  const met = withGoal.filter((figure) => goalMet(figure) === 'yes').length;
  process.stdout.write(`  goals met: ${met} of ${withGoal.length}. promote, wait and drift-check have no competitor here: see their tables.\n`);
}
