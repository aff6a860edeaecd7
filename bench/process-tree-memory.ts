import { readFileSync, readdirSync } from 'node:fs';

/**
 * The memory of a process and of every process below it (the kubectl renders validate starts, say), read from
 * /proc by polling. Why polling: `process.resourceUsage().maxRSS` and `/usr/bin/time` give, for children, the
 * largest peak of any one child, never the sum of those alive together; and a child's VmHWM is gone once it is
 * reaped. What a sample cannot see: a peak that rises and falls between two samples, and the last interval of each
 * process's life (its VmHWM is read at the last sample before it exits). Both are small beside the seconds-long
 * runs this measures.
 */
export interface TreeMemory {
  /** The largest sum of VmRSS over the tree at one sample: what the machine had to hold at once. */
  treePeakMiB: number;
  /** The root process's own peak (VmHWM, last seen). */
  rootPeakMiB: number;
  /** The largest own peak (VmHWM) of any descendant; 0 when none was seen. */
  childPeakMiB: number;
  /** Descendants seen, over the whole run. */
  children: number;
  samples: number;
}

export interface TreeMemorySampler {
  sample(): void;
  result(): TreeMemory;
}

const KIB_PER_MIB = 1024;

/**
 * `wrapped`: the process spawned is a wrapper (/usr/bin/time) around the one to measure, its only child: the
 * wrapper's own memory is left out, and its child is the root.
 */
export function sampleTreeMemory(spawnedPid: number, options: { wrapped: boolean }): TreeMemorySampler {
  let treePeakKiB = 0;
  let rootPeakKiB = 0;
  let samples = 0;
  const childPeaksKiB = new Map<number, number>();
  let rootPid: number | undefined = options.wrapped ? undefined : spawnedPid;
  return {
    sample(): void {
      rootPid ??= childrenOf(spawnedPid)[0];
      if (rootPid === undefined) return; // The wrapper has not started its child yet.
      let treeKiB = 0;
      for (const pid of processTree(rootPid)) {
        const status = readStatus(pid);
        if (!status) continue;
        treeKiB += status.rssKiB;
        if (pid === rootPid) rootPeakKiB = Math.max(rootPeakKiB, status.hwmKiB);
        else childPeaksKiB.set(pid, Math.max(childPeaksKiB.get(pid) ?? 0, status.hwmKiB));
      }
      treePeakKiB = Math.max(treePeakKiB, treeKiB);
      samples++;
    },
    result: () => ({
      treePeakMiB: treePeakKiB / KIB_PER_MIB,
      rootPeakMiB: rootPeakKiB / KIB_PER_MIB,
      childPeakMiB: Math.max(0, ...childPeaksKiB.values()) / KIB_PER_MIB,
      children: childPeaksKiB.size,
      samples,
    }),
  };
}

/** The process and its descendants alive now, from each thread's `children` list (a child is listed under the thread that forked it). */
function processTree(rootPid: number): number[] {
  const found: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    found.push(pid);
    pending.push(...childrenOf(pid));
  }
  return found;
}

function childrenOf(pid: number): number[] {
  return readdirOrEmpty(`/proc/${pid}/task`).flatMap((thread) => {
    const children = readOrEmpty(`/proc/${pid}/task/${thread}/children`).trim();
    return children ? children.split(/\s+/).map(Number) : [];
  });
}

/** VmRSS and VmHWM in KiB; undefined once the process is gone (or a zombie, which has neither). */
function readStatus(pid: number): { rssKiB: number; hwmKiB: number } | undefined {
  const status = readOrEmpty(`/proc/${pid}/status`);
  const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
  return rss && hwm ? { rssKiB: Number(rss[1]), hwmKiB: Number(hwm[1]) } : undefined;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // The process (or thread) ended between listing and reading.
  }
}

function readdirOrEmpty(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
