/**
 * set-image at scale: one run of the built action sets one image in every overlay of a generated config repo
 * (BENCH_OVERLAYS, default 300) and lands it as one commit pushed to the checkout's remote, as a workflow's run
 * after actions/checkout does (push: true, the default; the remote is a local bare repository, so no network is
 * counted). Without the render check the goal is ≤ 1 ms per overlay, process start included (BENCH_REPEAT runs);
 * with it (the default), the competitor is the renderer alone over the same overlays (one run of each).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchPart } from './bench-part.js';
import { REPEAT, overlayCount } from './bench-settings.js';
import { runBuiltAction, type ActionRun } from './built-action.js';
import { median, printHeading, printTable, spread } from './figures.js';
import { RENDERS_AT_ONCE, renderAlone } from './kustomize-alone.js';
import { runMeasuredProcess } from './measure-process.js';

export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd, encoding: 'utf8' });

/** A base and `overlays` tenant overlays (tenants/tenant-NNNN), each with one images: entry for web; returns the overlays' paths. */
export function generateTenantRepo(root: string, overlays: number): string[] {
  mkdirSync(join(root, 'base'), { recursive: true });
  writeFileSync(
    join(root, 'base', 'deployment.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n' +
      '      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: web:0.0.0\n',
  );
  writeFileSync(join(root, 'base', 'kustomization.yaml'), 'resources:\n- deployment.yaml\n');
  const paths: string[] = [];
  for (let i = 0; i < overlays; i++) {
    const overlay = join('tenants', `tenant-${String(i).padStart(4, '0')}`);
    mkdirSync(join(root, overlay), { recursive: true });
    writeFileSync(
      join(root, overlay, 'kustomization.yaml'),
      `# tenant ${i}\nnamespace: tenant-${i}\nresources:\n- ../../base\nimages:\n- name: web # the app\n  newName: ghcr.io/acme/web\n  newTag: 1.0.0\n`,
    );
    paths.push(overlay);
  }
  return paths;
}

/** The generated repo committed and pushed to a bare remote, and a clone of it: the checkout the action works in. */
export function tenantCheckout(scratch: string, overlays: number): { work: string; overlays: string[] } {
  let paths: string[] = [];
  const work = checkoutOf(scratch, (seed) => (paths = generateTenantRepo(seed, overlays)));
  return { work, overlays: paths };
}

/** What `generate` writes into an empty folder, committed and pushed to a bare remote, and the path of a clone of it. */
export function checkoutOf(scratch: string, generate: (seed: string) => void): string {
  const seed = join(scratch, 'seed');
  mkdirSync(seed, { recursive: true });
  generate(seed);
  const remote = join(scratch, 'remote.git');
  git(scratch, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(seed, 'init', '--quiet', '--initial-branch=main');
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'seed');
  git(seed, 'push', '--quiet', remote, 'main');
  const work = join(scratch, 'work');
  git(scratch, 'clone', '--quiet', remote, work);
  return work;
}

/** Every run sets a newer tag than the one before, so each changes every overlay (and is no downgrade). */
let nextMinor = 1;

/** One run; memory is sampled only when asked, since sampling takes CPU from a run of a few hundred milliseconds. */
async function setImage(context: BenchContext, work: string, overlays: number, verifyRender: boolean, memoryEveryMs?: number): Promise<ActionRun> {
  const run = await runBuiltAction(context.action, {
    inputs: { command: 'set-image', path: work, overlays: 'tenants/*', images: `web=*:1.${nextMinor++}.0`, 'verify-render': String(verifyRender) },
    memoryEveryMs,
  });
  const changed = (JSON.parse(run.outputs.images ?? '[]') as unknown[]).length;
  if (run.outputs.changed !== 'true' || changed !== overlays) throw new Error(`set-image changed ${changed} entries, expected ${overlays}`);
  if (!run.outputs['commit-sha']) throw new Error('set-image reported no commit-sha');
  return run;
}

export const runSetImageBench: BenchPart = async (context) => {
  const scratch = join(context.scratch, 'set-image');
  mkdirSync(scratch, { recursive: true });
  const count = overlayCount(300);
  const { work, overlays } = tenantCheckout(scratch, count);
  const directories = overlays.map((overlay) => join(work, overlay));

  const bare: number[] = [];
  const plain: ActionRun[] = [];
  for (let index = 0; index < REPEAT; index++) {
    bare.push((await runMeasuredProcess(context.action.node, ['-e', '0'])).ms);
    plain.push(await setImage(context, work, count, false));
  }
  const plainMemory = (await setImage(context, work, count, false, 20)).memory;
  // One pair only: the render check takes about a minute at 300 overlays here, and its figure has no goal.
  const alone = [(await renderAlone(context.renderer, directories)).ms];
  const checked = [await setImage(context, work, count, true, 50)];
  const plainMs = plain.map((run) => run.ms);
  const checkedMs = checked.map((run) => run.ms);
  const perOverlay = median(plainMs) / count;
  printHeading(`set-image: ${count} overlays, one image, one commit pushed to a local bare remote, ${context.action.describe}`);
  printTable([
    ['run', 'wall time (process start included)', 'per overlay', 'peak RSS, node + children'],
    ['bare node -e 0', spread(bare, 'ms'), '', ''],
    ['set-image, verify-render false', spread(plainMs, 'ms'), `${perOverlay.toFixed(2)} ms`, `${(plainMemory?.treePeakMiB ?? 0).toFixed(0)} MiB (1 more run)`],
    [
      'set-image, verify-render true (default)',
      spread(checkedMs.map(seconds), 's'),
      `${(median(checkedMs) / count).toFixed(2)} ms`,
      spread(checked.map(treePeak), 'MiB'),
    ],
    [`${context.renderer.describe} alone, ${RENDERS_AT_ONCE} at once`, spread(alone.map(seconds), 's'), `${(median(alone) / count).toFixed(2)} ms`, ''],
  ]);
  return [
    { name: `set-image without render check, ${count} overlays`, measured: { value: perOverlay, unit: 'ms/overlay' }, goal: { atMost: 1 } },
    {
      name: `set-image with render check, ${count} overlays`,
      measured: { value: median(checkedMs.map(seconds)), unit: 's' },
      competitor: { name: `${context.renderer.describe} alone`, value: median(alone.map(seconds)) },
    },
  ];
};

const seconds = (ms: number): number => ms / 1000;
const treePeak = (run: ActionRun): number => run.memory?.treePeakMiB ?? 0;
