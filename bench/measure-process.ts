import { spawn, type SpawnOptions } from 'node:child_process';
import { sampleTreeMemory, type TreeMemory } from './process-tree-memory.js';

export interface MeasuredProcess {
  /** Wall time from spawn to exit, as seen from this process (process start and exit included). */
  ms: number;
  /** Date.now() when it exited, to compare with moments seen elsewhere. */
  exitedAt: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Present when asked for (memoryEveryMs). */
  memory?: TreeMemory;
}

export interface MeasureOptions extends Omit<SpawnOptions, 'stdio'> {
  /** Sample the process tree's memory this often; no sampling when absent (it costs a little CPU). */
  memoryEveryMs?: number;
}

/** Runs a process to its end, timing it and, when asked, sampling its process tree's memory. */
export function runMeasuredProcess(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<MeasuredProcess> {
  const { memoryEveryMs, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    let ms = 0;
    let exitedAt = 0;
    const sampler = memoryEveryMs && child.pid ? sampleTreeMemory(child.pid) : undefined;
    const timer = sampler ? setInterval(() => sampler.sample(), memoryEveryMs) : undefined;
    sampler?.sample();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('exit', () => {
      ms = performance.now() - started;
      exitedAt = Date.now();
      clearInterval(timer);
    });
    child.on('close', (code) => {
      resolve({
        ms,
        exitedAt,
        exitCode: code ?? 1,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
        ...(sampler ? { memory: sampler.result() } : {}),
      });
    });
  });
}
