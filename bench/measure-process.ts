import { spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface MeasuredProcess {
  ms: number;
  /** The process's own peak resident memory (VmHWM), children not included. */
  peakRssMiB: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a process to its end, sampling its peak resident memory from /proc every 20 ms. */
export function runMeasuredProcess(command: string, args: readonly string[], options: SpawnOptions): Promise<MeasuredProcess> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakKiB = 0;
    let stdout = '';
    let stderr = '';
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
      } catch {
        // The process has exited.
      }
    };
    const timer = setInterval(sample, 20);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peakRssMiB: peakKiB / 1024, exitCode: code ?? 1, stdout, stderr });
    });
  });
}
