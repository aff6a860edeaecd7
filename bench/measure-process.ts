import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** User + system CPU time of the process and every child it waited for; present when asked for (cpuTime) and /usr/bin/time exists. */
  cpuMs?: number;
}

export interface MeasureOptions extends Omit<SpawnOptions, 'stdio'> {
  /** Sample the process tree's memory this often; no sampling when absent (it costs a little CPU). */
  memoryEveryMs?: number;
  /**
   * Also measure CPU time, by running the process under /usr/bin/time (whose rusage of a child includes the
   * children it reaped, so it is the whole tree's CPU time); adds one small process to the run.
   */
  cpuTime?: boolean;
  /** Written to the process's stdin. */
  input?: string;
}

const TIME = '/usr/bin/time';

/** Whether CPU time can be measured here (GNU time at /usr/bin/time). */
export const CPU_TIME_AVAILABLE = existsSync(TIME);

/** Runs a process to its end, timing it and, when asked, sampling its process tree's memory and taking its CPU time. */
export async function runMeasuredProcess(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<MeasuredProcess> {
  const { memoryEveryMs, cpuTime, input, ...spawnOptions } = options;
  if (!cpuTime || !CPU_TIME_AVAILABLE) return spawnMeasured(command, args, spawnOptions, { memoryEveryMs, input, wrapped: false });
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-bench-time-'));
  try {
    const timeFile = join(scratch, 'time');
    const run = await spawnMeasured(TIME, ['-f', '%U %S', '-o', timeFile, command, ...args], spawnOptions, { memoryEveryMs, input, wrapped: true });
    const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { ...run, cpuMs: (user + system) * 1000 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function spawnMeasured(
  command: string,
  args: readonly string[],
  spawnOptions: Omit<SpawnOptions, 'stdio'>,
  how: { memoryEveryMs?: number; input?: string; wrapped: boolean },
): Promise<MeasuredProcess> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...spawnOptions, stdio: [how.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let ms = 0;
    let exitedAt = 0;
    const sampler = how.memoryEveryMs && child.pid ? sampleTreeMemory(child.pid, { wrapped: how.wrapped }) : undefined;
    const timer = sampler ? setInterval(() => sampler.sample(), how.memoryEveryMs) : undefined;
    sampler?.sample();
    if (how.input !== undefined) child.stdin?.end(how.input);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
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
