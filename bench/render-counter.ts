/**
 * Counts the renders a run of the action makes: a script named `kubectl` (and `kustomize`, when there is one)
 * first on PATH appends a line per call to a log, then execs the real program, so the action runs as it would.
 * A render is `kubectl kustomize DIR` or `kustomize build DIR`; each is put down to the overlay it rendered: the
 * folder itself, or the overlay a throw-away wrapper kustomization in it lists first (validate renders through
 * one, to learn each resource's origin). The script also logs a checksum of the folder's kustomization.yaml as it
 * was at the call, so that a render of an overlay as it was before an edit tells itself apart from one of the edit.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import which from 'which';

export interface RenderCounter {
  /** PATH (the counting scripts first) and the log's name, for the run's environment. */
  env: NodeJS.ProcessEnv;
  /** The renders logged since the last call (the log is emptied). */
  takeRenders(): RenderCall[];
}

export interface RenderCall {
  /** The rendered folder as the program was given it. */
  directory: string;
  /** The first list entry of its kustomization.yaml (a wrapper's overlay), or ''. */
  firstEntry: string;
  /** `cksum` of its kustomization.yaml at the call (kustomizationChecksum), or ''. */
  checksum: string;
}

const PROGRAMS: Record<string, string> = { kubectl: 'kustomize', kustomize: 'build' };

export function installRenderCounter(scratch: string): RenderCounter {
  const bin = join(scratch, 'counting-bin');
  const log = join(scratch, 'renders.log');
  mkdirSync(bin, { recursive: true });
  writeFileSync(log, '');
  const searchPath = process.env.PATH ?? '';
  let wrapped = 0;
  for (const program of Object.keys(PROGRAMS)) {
    const real = findOnPath(program, searchPath);
    if (!real) continue;
    const script = join(bin, program);
    writeFileSync(script, wrapperScript(program, real));
    chmodSync(script, 0o755);
    wrapped++;
  }
  if (wrapped === 0) throw new Error('counting renders needs kubectl or kustomize on PATH');
  return {
    env: { PATH: `${bin}${delimiter}${searchPath}`, BENCH_RENDER_LOG: log },
    takeRenders(): RenderCall[] {
      const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      writeFileSync(log, '');
      return lines.flatMap((line) => {
        const [program, args, directory, firstEntry, checksum = ''] = line.split('\t');
        return PROGRAMS[program] === args.split(' ')[0] ? [{ directory, firstEntry, checksum }] : [];
      });
    },
  };
}

/** One line per call: program, its arguments, its last argument, that folder's first list entry and its kustomization's checksum. */
function wrapperScript(program: string, real: string): string {
  return `#!/bin/sh
# Written by bench/render-counter.ts: log this call, then run the real ${program}.
last=''
for argument in "$@"; do last="$argument"; done
first=''
sum=''
if [ -n "$last" ] && [ -f "$last/kustomization.yaml" ]; then
  first=$(sed -n 's/^- *//p' "$last/kustomization.yaml" | head -n 1)
  sum=$(cksum < "$last/kustomization.yaml")
fi
printf '%s\\t%s\\t%s\\t%s\\t%s\\n' '${program}' "$*" "$last" "$first" "$sum" >> "$BENCH_RENDER_LOG"
exec '${real}' "$@"
`;
}

/** The first executable of that name on the search path (the bench's own PATH by default), as the shell finds it. */
export function findOnPath(program: string, searchPath = process.env.PATH ?? ''): string | undefined {
  return which.sync(program, { path: searchPath, nothrow: true }) ?? undefined;
}

/** The checksum the counting script logs for a kustomization with this text (the same `cksum`, of the same bytes). */
export function kustomizationChecksum(text: string): string {
  return execFileSync('cksum', { input: text, encoding: 'utf8' }).trim();
}

export interface RenderTally {
  /** Renders of each overlay, by its path relative to the config repo. */
  perOverlay: Map<string, number>;
  /** Of those, the renders of the overlay as it was before the edit (its kustomization held the original text). */
  asItWas: Map<string, number>;
  /** Renders that were of none of the overlays. */
  other: number;
}

/**
 * Puts each render down to one of `overlays` (paths relative to the repo root, matched as a path's end), and
 * counts apart those made while the overlay's kustomization held its text before the edit (`original`: overlay →
 * kustomizationChecksum of that text).
 */
export function tallyRenders(calls: readonly RenderCall[], overlays: readonly string[], original: ReadonlyMap<string, string> = new Map()): RenderTally {
  const perOverlay = new Map(overlays.map((overlay) => [overlay, 0]));
  const asItWas = new Map(overlays.map((overlay) => [overlay, 0]));
  let other = 0;
  const overlayOf = (directory: string): string | undefined =>
    overlays.find((overlay) => directory.replace(/\/+$/, '').endsWith(`/${overlay}`) || directory === overlay);
  for (const call of calls) {
    const entry = call.firstEntry.replace(/^["']|["']$/g, '');
    const overlay = overlayOf(resolve(call.directory)) ?? (entry ? overlayOf(resolve(call.directory, entry)) : undefined);
    if (!overlay) {
      other++;
      continue;
    }
    perOverlay.set(overlay, (perOverlay.get(overlay) ?? 0) + 1);
    if (original.has(overlay) && call.checksum === original.get(overlay)) asItWas.set(overlay, (asItWas.get(overlay) ?? 0) + 1);
  }
  return { perOverlay, asItWas, other };
}
