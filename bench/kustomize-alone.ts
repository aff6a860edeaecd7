/**
 * The competitor of validate and of the render check: the renderer the action uses (`kustomize build` when
 * kustomize is on PATH, else `kubectl kustomize`, as src/kustomize/render.ts chooses), run on its own over the
 * same overlays, as many at once as validate renders (the CPU count), as a shell user would with
 * `xargs -P`: one process tree, like the action's, measured the same way. Its output is read and dropped.
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

export interface AloneOptions {
  memoryEveryMs?: number;
  cpuTime?: boolean;
}

/** Renders every overlay, RENDERS_AT_ONCE at a time (one overlay: the renderer itself, with no xargs around it). */
export async function renderAlone(renderer: Renderer, overlays: readonly string[], options: AloneOptions = {}): Promise<MeasuredProcess> {
  const [program, ...args] = renderer.command;
  const run =
    overlays.length === 1
      ? await runMeasuredProcess(program, [...args, overlays[0]], options)
      : await runMeasuredProcess('xargs', ['-P', String(RENDERS_AT_ONCE), '-n', '1', '-d', '\n', program, ...args], {
          ...options,
          input: overlays.join('\n'),
        });
  if (run.exitCode !== 0)
    throw new Error(`${renderer.describe} alone over ${overlays.length} overlays: exit ${run.exitCode}: ${run.stderr.trim().slice(0, 300)}`);
  return run;
}
