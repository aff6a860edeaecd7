/**
 * validate beside its competitor, the renderer alone (`kubectl kustomize` here) on the same overlays, runs of
 * the two interleaved: on many small overlays (BENCH_OVERLAYS, default 600: 200 apps × 3 environments) and on one
 * large overlay (BENCH_LARGE_RESOURCES resources, default 2500). Wall time, the checks' own speed (from validate's
 * report), and, for the large overlay, the peak memory of validate's process tree against kubectl's.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchPart } from './bench-part.js';
import { LARGE_RESOURCES, REPEAT, overlayCount } from './bench-settings.js';
import { runBuiltAction } from './built-action.js';
import { format, median, medianPairedRatio, printHeading, printTable, spread, type Figure } from './figures.js';
import { RENDERS_AT_ONCE, renderAlone } from './kustomize-alone.js';
import type { TreeMemory } from './process-tree-memory.js';
import { readValidateReport, type ValidateTotals } from './validate-report.js';
import { writeLargeOverlay, writeManySmallOverlays } from './validate-repos.js';

const VALIDATE_GOAL = { ratioAtMost: 1.05 };
const CHECKS_GOAL = { atLeast: 10_000 };
const MEMORY_EVERY_MS = 25;

export const runValidateBench: BenchPart = async (context) => {
  const root = join(context.scratch, 'validate-many');
  mkdirSync(root, { recursive: true });
  const overlays = writeManySmallOverlays(root, overlayCount(600));
  const runs = await interleaved(context, root, 'apps/*/overlays/*', overlays);
  const label = `${overlays.length} small overlays`;
  printHeading(`validate: ${label} (${runs[0].totals.resources} resources), ${REPEAT} interleaved runs each, ${context.action.describe}`);
  const figures = timeFigures(context, label, runs);
  printTable([['measurement', 'value'], ...timeRows(context, runs)]);
  return figures;
};

export const runValidateLargeBench: BenchPart = async (context) => {
  const root = join(context.scratch, 'validate-large');
  mkdirSync(root, { recursive: true });
  const overlay = writeLargeOverlay(root, LARGE_RESOURCES);
  const runs = await interleaved(context, root, overlay, [overlay], MEMORY_EVERY_MS);
  const label = `one overlay of ${runs[0].totals.resources} resources`;
  printHeading(`validate: ${label}, ${REPEAT} interleaved runs each, memory sampled every ${MEMORY_EVERY_MS} ms, ${context.action.describe}`);
  const sampled = (side: 'aloneMemory' | 'validateMemory', value: (memory: TreeMemory) => number): number[] =>
    runs.map((run) => {
      const memory = run[side];
      if (!memory) throw new Error('a run of the large overlay has no memory samples');
      return value(memory);
    });
  const aloneTree = sampled('aloneMemory', (memory) => memory.treePeakMiB);
  const aloneOwn = sampled('aloneMemory', (memory) => memory.rootPeakMiB);
  const validateTree = sampled('validateMemory', (memory) => memory.treePeakMiB);
  const validateNode = sampled('validateMemory', (memory) => memory.rootPeakMiB);
  const validateChild = sampled('validateMemory', (memory) => memory.childPeakMiB);
  const children = median(sampled('validateMemory', (memory) => memory.children));
  printTable([
    ['measurement', 'value'],
    ...timeRows(context, runs),
    [`${context.renderer.describe} alone: peak RSS (sampled sum)`, `${spread(aloneTree, 'MiB')}; its own VmHWM ${spread(aloneOwn, 'MiB')}`],
    [`validate: peak RSS of node + its children at once (${children} seen)`, spread(validateTree, 'MiB')],
    ['  node process alone (VmHWM)', spread(validateNode, 'MiB')],
    [`  largest child (${context.renderer.describe}, VmHWM)`, spread(validateChild, 'MiB')],
  ]);
  process.stdout.write("  peak RSS: the largest sum of VmRSS over the process tree at one sample (/proc, every 25 ms); VmHWM: a process's own peak.\n");
  return [
    ...timeFigures(context, label, runs),
    // The goal is validate's own peak against kustomize's own: validate runs the same kustomize, whose memory it cannot
    // lower, so the tree's sum (node + that kustomize) is shown beside it and can never be at or below kustomize alone.
    {
      name: `validate's node process alone (VmHWM), ${label}`,
      measured: { value: median(validateNode), unit: 'MiB' },
      competitor: { name: `${context.renderer.describe} alone (VmHWM)`, value: median(aloneOwn) },
      goal: { ratioAtMost: 1 },
    },
    {
      name: `validate peak memory (node + children), ${label}`,
      measured: { value: median(validateTree), unit: 'MiB' },
      competitor: { name: `${context.renderer.describe} alone`, value: median(aloneTree) },
    },
  ];
};

interface PairedRun {
  aloneMs: number;
  validateMs: number;
  /** CPU time of each process tree, when /usr/bin/time is there. */
  aloneCpuMs?: number;
  validateCpuMs?: number;
  totals: ValidateTotals;
  aloneMemory?: TreeMemory;
  validateMemory?: TreeMemory;
}

/** REPEAT runs of each, alternating which goes first, so a change in the machine's load falls on both alike. */
async function interleaved(context: BenchContext, root: string, overlaysInput: string, overlays: string[], memoryEveryMs?: number): Promise<PairedRun[]> {
  const directories = overlays.map((overlay) => join(root, overlay));
  const reportFile = 'report-file' in context.action.defaults ? join(root, '..', 'validate-report.json') : undefined;
  const validate = async () => {
    const run = await runBuiltAction(context.action, {
      inputs: { command: 'validate', path: root, overlays: overlaysInput, ...(reportFile ? { 'report-file': reportFile } : {}) },
      memoryEveryMs,
      cpuTime: true,
    });
    const totals = readValidateReport(run.outputs, reportFile);
    if (run.outputs.valid !== 'true' || totals.findings > 0)
      throw new Error(`validate found ${totals.findings} findings in the generated repo, which is valid`);
    if (totals.overlays !== overlays.length) throw new Error(`validate reported ${totals.overlays} overlays, expected ${overlays.length}`);
    return { ms: run.ms, cpuMs: run.cpuMs, totals, memory: run.memory };
  };
  const alone = () => renderAlone(context.renderer, directories, { memoryEveryMs, cpuTime: true });
  const runs: PairedRun[] = [];
  for (let index = 0; index < REPEAT; index++) {
    let rendered: Awaited<ReturnType<typeof alone>>;
    let checked: Awaited<ReturnType<typeof validate>>;
    if (index % 2 === 0) {
      rendered = await alone();
      checked = await validate();
    } else {
      checked = await validate();
      rendered = await alone();
    }
    runs.push({
      aloneMs: rendered.ms,
      validateMs: checked.ms,
      aloneCpuMs: rendered.cpuMs,
      validateCpuMs: checked.cpuMs,
      totals: checked.totals,
      aloneMemory: rendered.memory,
      validateMemory: checked.memory,
    });
  }
  return runs;
}

const perSecond = (resources: number, ms: number): number => (ms > 0 ? resources / (ms / 1000) : Infinity);
/** The checks' own speed: resources per second of the CPU time of the thread that checked them. */
const checksPerCpuSecond = (totals: ValidateTotals): number => perSecond(totals.resources, totals.checksCpuMs);
/** Resources per second of the checks' wall time, which on many overlays also holds the renders they share the cores with. */
const checksPerWallSecond = (totals: ValidateTotals): number => perSecond(totals.resources, totals.validateMs);

function timeRows(context: BenchContext, runs: PairedRun[]): string[][] {
  const aloneMs = runs.map((run) => run.aloneMs);
  const validateMs = runs.map((run) => run.validateMs);
  const resources = runs[0].totals.resources;
  const checksMs = runs.map((run) => run.totals.validateMs);
  const checksCpuMs = runs.map((run) => run.totals.checksCpuMs);
  return [
    [`${context.renderer.describe} alone${runs[0].totals.overlays > 1 ? `, ${RENDERS_AT_ONCE} at once` : ''}`, spread(aloneMs.map(seconds), 's')],
    ['validate (node dist/index.js, process start included)', `${spread(validateMs.map(seconds), 's')}: ${ratios(validateMs, aloneMs)}`],
    ...cpuRows(runs),
    [
      '  renders inside validate, summed over overlays',
      spread(
        runs.map((run) => seconds(run.totals.renderMs)),
        's',
      ),
    ],
    [
      '  schema + policy checks, summed over overlays: CPU time of the checking thread',
      `${spread(checksCpuMs.map(seconds), 's')}: ${((median(checksCpuMs) / resources) * 1000).toFixed(0)} µs per resource, ` +
        `${format({ value: median(runs.map((run) => checksPerCpuSecond(run.totals))), unit: 'resources/s' })}`,
    ],
    [
      '  schema + policy checks, summed over overlays: wall time (beside the renders of other overlays)',
      `${spread(checksMs.map(seconds), 's')}: ${((median(checksMs) / resources) * 1000).toFixed(0)} µs per resource, ` +
        `${format({ value: median(runs.map((run) => checksPerWallSecond(run.totals))), unit: 'resources/s' })}`,
    ],
  ];
}

/** CPU time (user + system, the whole process tree): less moved by other work on a shared machine than wall time. */
function cpuRows(runs: PairedRun[]): string[][] {
  const alone = cpuTimes(runs, (run) => run.aloneCpuMs);
  const validate = cpuTimes(runs, (run) => run.validateCpuMs);
  if (!alone || !validate) return [['CPU time', 'not measured (no /usr/bin/time)']];
  return [
    ['CPU time, rendering alone (user + system, whole tree)', spread(alone, 's')],
    ['CPU time, validate (user + system, node + children)', `${spread(validate, 's')}: ${ratios(validate, alone)}`],
  ];
}

/** "1.03× rendering alone (median of the 3 pairs' ratios; ratio of the medians 1.05×)" */
function ratios(validate: readonly number[], alone: readonly number[]): string {
  const paired = medianPairedRatio(validate, alone);
  return `${paired.toFixed(2)}× rendering alone (median of the ${validate.length} pairs' ratios; ratio of the medians ${(median(validate) / median(alone)).toFixed(2)}×)`;
}

function cpuTimes(runs: PairedRun[], pick: (run: PairedRun) => number | undefined): number[] | undefined {
  const values = runs.map(pick);
  return values.every((value) => value !== undefined) ? values.map(seconds) : undefined;
}

function timeFigures(context: BenchContext, label: string, runs: PairedRun[]): Figure[] {
  return [
    {
      name: `validate wall time, ${label}`,
      measured: { value: median(runs.map((run) => seconds(run.validateMs))), unit: 's' },
      competitor: { name: `${context.renderer.describe} alone`, value: median(runs.map((run) => seconds(run.aloneMs))) },
      pairedRatio: medianPairedRatio(
        runs.map((run) => run.validateMs),
        runs.map((run) => run.aloneMs),
      ),
      goal: VALIDATE_GOAL,
    },
    ...cpuFigure(context, label, runs),
    // The goal is the checks' own speed. Their wall time is shown too: with many overlays, the checks run on node's one
    // thread while the renders of the next overlays (2 at once on 2 cores) run beside them, and share the cores.
    {
      name: `schema + policy checks (CPU time), ${label}`,
      measured: { value: median(runs.map((run) => checksPerCpuSecond(run.totals))), unit: 'resources/s' },
      goal: CHECKS_GOAL,
    },
    {
      name: `schema + policy checks (wall time), ${label}`,
      measured: { value: median(runs.map((run) => checksPerWallSecond(run.totals))), unit: 'resources/s' },
    },
  ];
}

function cpuFigure(context: BenchContext, label: string, runs: PairedRun[]): Figure[] {
  const alone = cpuTimes(runs, (run) => run.aloneCpuMs);
  const validate = cpuTimes(runs, (run) => run.validateCpuMs);
  if (!alone || !validate) return [];
  return [
    {
      name: `validate CPU time, ${label}`,
      measured: { value: median(validate), unit: 's' },
      competitor: { name: `${context.renderer.describe} alone`, value: median(alone) },
      pairedRatio: medianPairedRatio(validate, alone),
      goal: VALIDATE_GOAL,
    },
  ];
}

const seconds = (ms: number): number => ms / 1000;
