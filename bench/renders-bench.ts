/**
 * Renders per overlay: how many times a run of the action renders each overlay it edits (or validates), counted
 * by a `kubectl` first on PATH that logs each call and execs the real one (render-counter.ts), and of those, how
 * many rendered the overlay as it was before the edit (its kustomization then held the original text). The goal for
 * `set-image` (with and without `--validate`) is one render per edited overlay in all: the render check, the
 * downgrade guard and validation share it. For `promote --validate` the goal is one render of each edited overlay
 * for the checks (render check and validation; the PR's rendered diff reuses it for 'after'); the diff's 'before',
 * a render of the target as it is, is the price of the PR body, and is shown apart. Small repos (RENDER_OVERLAYS
 * overlays): the count does not depend on the size.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBareRepo } from '../test-infra/simulators/github/fixtures.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';
import type { BenchContext, BenchPart } from './bench-part.js';
import { runBuiltAction, type ActionRun } from './built-action.js';
import { printHeading, printTable, type Figure } from './figures.js';
import { PROMOTE_TOKEN, generatePromoteFiles } from './promote-bench.js';
import { installRenderCounter, kustomizationChecksum, tallyRenders, type RenderCounter, type RenderTally } from './render-counter.js';
import { tenantCheckout } from './set-image-bench.js';
import { writeManySmallOverlays } from './validate-repos.js';

const RENDER_OVERLAYS = 6;

/** Which renders the one-render goal counts: every render of an edited overlay, or those of the edit (the checks'). */
type Goal = 'every render' | 'renders of the edit';

interface Counted {
  name: string;
  /** The overlays the run edited (or validated). */
  overlays: string[];
  /** What a render of an overlay as it was before the edit is for ('' for validate, which edits nothing). */
  beforeIsFor: string;
  goal?: Goal;
  tally: RenderTally;
}

/** What a run hands back: the overlays it edited, and the checksum of each one's kustomization before the edit. */
interface Edited {
  overlays: string[];
  original: ReadonlyMap<string, string>;
}

export const runRendersBench: BenchPart = async (context) => {
  const scratch = join(context.scratch, 'renders');
  mkdirSync(scratch, { recursive: true });
  const counter = installRenderCounter(scratch);
  const counted: Counted[] = [];
  const count = async (name: string, beforeIsFor: string, goal: Goal | undefined, run: () => Promise<Edited>) => {
    counter.takeRenders();
    const { overlays, original } = await run();
    counted.push({ name, overlays, beforeIsFor, goal, tally: tallyRenders(counter.takeRenders(), overlays, original) });
  };

  const { work, overlays: tenants } = tenantCheckout(join(scratch, 'set-image'), RENDER_OVERLAYS);
  let minor = 1;
  const setImage = (extra: Record<string, string>) => async (): Promise<Edited> => {
    const original = new Map(tenants.map((overlay) => [overlay, kustomizationChecksum(readFileSync(join(work, overlay, 'kustomization.yaml'), 'utf8'))]));
    const run = await runBuiltAction(context.action, {
      inputs: { command: 'set-image', path: work, overlays: 'tenants/*', images: `web=*:2.${minor++}.0`, ...extra },
      env: counter.env,
    });
    return { overlays: editedOverlays(run), original };
  };
  const guard = 'the downgrade guard';
  const diff = "the PR's rendered diff, 'before'";
  await count('set-image --validate', guard, 'every render', setImage({ validate: 'true' }));
  await count('set-image (render check only, the default)', guard, 'every render', setImage({}));
  await count('promote --validate (through the GitHub API)', diff, 'renders of the edit', () => promote(context, scratch, counter, { validate: 'true' }));
  await count('promote (render check only, the default)', diff, undefined, () => promote(context, scratch, counter, {}));
  await count('validate', '', 'every render', () => validate(context, scratch, counter));

  printHeading(`renders per overlay, counted by a kubectl wrapper first on PATH, ${context.action.describe}`);
  const rows = counted.map((run) => {
    const { overlays, tally } = run;
    return [
      run.name,
      String(overlays.length),
      String(sum(overlays.map((overlay) => tally.perOverlay.get(overlay) ?? 0))),
      spread(overlays.map((overlay) => rendersOf(run, overlay, 'every render'))),
      spread(overlays.map((overlay) => rendersOf(run, overlay, 'renders of the edit'))),
      run.beforeIsFor ? spread(overlays.map((overlay) => tally.asItWas.get(overlay) ?? 0)) : '–',
      run.beforeIsFor || '–',
      String(tally.other),
    ];
  });
  printTable([
    [
      'run',
      'overlays edited (validate: validated)',
      'their renders',
      'renders of each',
      'of the edit (the checks)',
      'of the overlay as it was',
      'a render as it was is for',
      'renders of other folders',
    ],
    ...rows,
  ]);
  for (const run of counted) {
    const goal = run.goal === 'every render' ? '; goal 1 in all' : run.goal ? '; goal 1 of the edit, for the checks' : '';
    const parts = run.beforeIsFor
      ? ` (${formatCount(perOverlay(run, 'renders of the edit'))} of the edit, ${formatCount(perOverlay(run, 'as it was'))} of the overlay as it was, ` +
        `for ${run.beforeIsFor})`
      : '';
    process.stdout.write(`  ${run.name}: renders per ${noun(run)} overlay: ${formatCount(perOverlay(run, 'every render'))}${parts}${goal}\n`);
  }
  // The summary shows figures with a goal; promote's render as it was (the PR body's price) is in the table and lines above.
  return counted.flatMap((run): Figure[] => {
    if (!run.goal) return [];
    const what = run.goal === 'every render' ? '' : ' for the render check and validation';
    return [
      { name: `renders per ${noun(run)} overlay${what}, ${run.name}`, measured: { value: perOverlay(run, run.goal), unit: 'renders' }, goal: { exactly: 1 } },
    ];
  });
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
type Which = Goal | 'as it was';
const rendersOf = ({ tally }: Counted, overlay: string, which: Which): number => {
  const all = tally.perOverlay.get(overlay) ?? 0;
  const asItWas = tally.asItWas.get(overlay) ?? 0;
  return which === 'every render' ? all : which === 'as it was' ? asItWas : all - asItWas;
};
const perOverlay = (run: Counted, which: Which): number => sum(run.overlays.map((overlay) => rendersOf(run, overlay, which))) / run.overlays.length;
const spread = (counts: readonly number[]): string => {
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? String(low) : `${low}–${high}`;
};
const noun = ({ name }: Counted): string => (name === 'validate' ? 'validated' : 'edited');
const formatCount = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/** The overlays a set-image or promote run changed, from its `images` output. */
function editedOverlays(run: ActionRun): string[] {
  const changes = JSON.parse(run.outputs.images ?? '[]') as Array<{ overlay?: unknown }>;
  const overlays = [...new Set(changes.map((change) => String(change.overlay)))];
  if (overlays.length === 0) throw new Error(`the run changed nothing: ${run.stdout.slice(0, 300)}`);
  return overlays;
}

/** promote dev → staging of RENDER_OVERLAYS apps through the GitHub simulator (no clone), landing as a pull request. */
async function promote(context: BenchContext, scratch: string, counter: RenderCounter, extra: Record<string, string>): Promise<Edited> {
  const root = join(scratch, `promote-${Object.keys(extra).join('-') || 'default'}`);
  mkdirSync(root, { recursive: true });
  const files = generatePromoteFiles(RENDER_OVERLAYS, 1);
  const repo = createBareRepo(files, { root });
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: repo.bare }],
    tokens: [{ token: PROMOTE_TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  try {
    const run = await runBuiltAction(context.action, {
      inputs: { command: 'promote', to: 'staging', token: PROMOTE_TOKEN, repository: 'acme/config', ...extra },
      env: { ...counter.env, GITHUB_API_URL: sim.apiUrl, GITHUB_GRAPHQL_URL: sim.graphqlUrl, GITHUB_SERVER_URL: sim.serverUrl },
    });
    const overlays = editedOverlays(run);
    const originalText = (overlay: string): string => {
      const text = files[`${overlay}/kustomization.yaml`];
      if (text === undefined) throw new Error(`promote edited ${overlay}, which the generated repo does not have`);
      return text;
    };
    return { overlays, original: new Map(overlays.map((overlay) => [overlay, kustomizationChecksum(originalText(overlay))])) };
  } finally {
    await sim.close();
  }
}

async function validate(context: BenchContext, scratch: string, counter: RenderCounter): Promise<Edited> {
  const root = join(scratch, 'validate');
  const overlays = writeManySmallOverlays(root, RENDER_OVERLAYS);
  const run = await runBuiltAction(context.action, { inputs: { command: 'validate', path: root, overlays: 'apps/*/overlays/*' }, env: counter.env });
  if (run.outputs.valid !== 'true') throw new Error('validate found the generated repo invalid');
  return { overlays, original: new Map() };
}
