/**
 * The competitor of validate and of the render check: the renderer the action uses (`kustomize build` when
 * kustomize is on PATH, else `kubectl kustomize`, as src/kustomize/render.ts chooses), run on its own over the
 * same overlays, as many at once as validate renders (the CPU count), its output read and dropped.
 */
import { availableParallelism } from 'node:os';
import { runMeasuredProcess, type MeasuredProcess } from './measure-process.js';
import { findOnPath } from './render-counter.js';

export interface Renderer {
  command: readonly [string, ...string[]];
  describe: string;
}

export function rendererOnPath(): Renderer {
  if (findOnPath('kustomize')) return { command: ['kustomize', 'build'], describe: 'kustomize build' };
  if (findOnPath('kubectl')) return { command: ['kubectl', 'kustomize'], describe: 'kubectl kustomize' };
  throw new Error('the bench needs kustomize or kubectl on PATH');
}

/** As many renders at once as validate runs (its default concurrency is the CPU count). */
export const RENDERS_AT_ONCE = availableParallelism();

export interface AloneRun {
  ms: number;
  /** Per overlay, in the order given (memory only when asked for). */
  renders: MeasuredProcess[];
}

/** Renders every overlay, RENDERS_AT_ONCE at a time; wall time from the first start to the last exit. */
export async function renderAlone(renderer: Renderer, overlays: readonly string[], memoryEveryMs?: number): Promise<AloneRun> {
  const [program, ...args] = renderer.command;
  const renders: MeasuredProcess[] = new Array<MeasuredProcess>(overlays.length);
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < overlays.length) {
      const index = next++;
      const run = await runMeasuredProcess(program, [...args, overlays[index]], { memoryEveryMs });
      if (run.exitCode !== 0) throw new Error(`${renderer.describe} ${overlays[index]}: exit ${run.exitCode}: ${run.stderr.trim().slice(0, 300)}`);
      renders[index] = run;
    }
  };
  await Promise.all(Array.from({ length: Math.min(RENDERS_AT_ONCE, overlays.length) }, worker));
  return { ms: performance.now() - started, renders };
}
