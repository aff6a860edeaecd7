/**
 * Renders per overlay: how many times a run of the action renders each overlay it edits (or validates), counted
 * by a `kubectl` first on PATH that logs each call and execs the real one (render-counter.ts). The goal for
 * `set-image --validate` and `promote --validate` is one render per edited overlay: the render check and the
 * validation could share it. Small repos (RENDER_OVERLAYS overlays): the count does not depend on the size.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBareRepo } from '../test-infra/simulators/github/fixtures.js';
import { startGitHubSimulator } from '../test-infra/simulators/github/index.js';
import type { BenchContext, BenchPart } from './bench-part.js';
import { runBuiltAction, type ActionRun } from './built-action.js';
import { printHeading, printTable, type Figure } from './figures.js';
import { PROMOTE_TOKEN, generatePromoteFiles } from './promote-bench.js';
import { installRenderCounter, tallyRenders, type RenderCounter, type RenderTally } from './render-counter.js';
import { tenantCheckout } from './set-image-bench.js';
import { writeManySmallOverlays } from './validate-repos.js';

const RENDER_OVERLAYS = 6;

interface Counted {
  name: string;
  /** The overlays the run edited (or validated). */
  overlays: string[];
  /** Whether the one-render goal applies to this run. */
  goal: boolean;
  tally: RenderTally;
}

export const runRendersBench: BenchPart = async (context) => {
  const scratch = join(context.scratch, 'renders');
  mkdirSync(scratch, { recursive: true });
  const counter = installRenderCounter(scratch);
  const counted: Counted[] = [];
  const count = async (name: string, goal: boolean, run: () => Promise<string[]>) => {
    counter.takeRenders();
    const overlays = await run();
    counted.push({ name, overlays, goal, tally: tallyRenders(counter.takeRenders(), overlays) });
  };

  const { work } = tenantCheckout(join(scratch, 'set-image'), RENDER_OVERLAYS);
  let minor = 1;
  const setImage = (extra: Record<string, string>) => async () =>
    editedOverlays(
      await runBuiltAction(context.action, {
        inputs: { command: 'set-image', path: work, overlays: 'tenants/*', images: `web=*:2.${minor++}.0`, ...extra },
        env: counter.env,
      }),
    );
  await count('set-image --validate', true, setImage({ validate: 'true' }));
  await count('set-image (render check only, the default)', false, setImage({}));
  await count('promote --validate (through the GitHub API)', true, () => promote(context, scratch, counter, { validate: 'true' }));
  await count('promote (render check only, the default)', false, () => promote(context, scratch, counter, {}));
  await count('validate', true, () => validate(context, scratch, counter));

  printHeading(`renders per overlay, counted by a kubectl wrapper first on PATH, ${context.action.describe}`);
  const rows = counted.map(({ name, overlays, tally }) => {
    const counts = overlays.map((overlay) => tally.perOverlay.get(overlay) ?? 0);
    const low = Math.min(...counts);
    const high = Math.max(...counts);
    return [name, String(overlays.length), String(sum(counts)), low === high ? String(low) : `${low}–${high}`, String(tally.other)];
  });
  printTable([['run', 'overlays edited (validate: validated)', 'their renders', 'renders of each', 'renders of other folders'], ...rows]);
  for (const run of counted) {
    process.stdout.write(`  ${run.name}: renders per ${noun(run)} overlay: ${formatCount(rendersPerOverlay(run))}${run.goal ? ' (goal 1)' : ''}\n`);
  }
  return counted
    .filter(({ goal }) => goal)
    .map((run): Figure => ({
      name: `renders per ${noun(run)} overlay, ${run.name}`,
      measured: { value: rendersPerOverlay(run), unit: 'renders' },
      goal: { exactly: 1 },
    }));
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const rendersPerOverlay = ({ overlays, tally }: Counted): number => sum(overlays.map((overlay) => tally.perOverlay.get(overlay) ?? 0)) / overlays.length;
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
async function promote(context: BenchContext, scratch: string, counter: RenderCounter, extra: Record<string, string>): Promise<string[]> {
  const root = join(scratch, `promote-${Object.keys(extra).join('-') || 'default'}`);
  mkdirSync(root, { recursive: true });
  const repo = createBareRepo(generatePromoteFiles(RENDER_OVERLAYS, 1), { root });
  const sim = await startGitHubSimulator({
    repos: [{ owner: 'acme', name: 'config', path: repo.bare }],
    tokens: [{ token: PROMOTE_TOKEN, login: 'promote-bot', permission: 'admin' }],
  });
  try {
    const run = await runBuiltAction(context.action, {
      inputs: { command: 'promote', to: 'staging', token: PROMOTE_TOKEN, repository: 'acme/config', ...extra },
      env: { ...counter.env, GITHUB_API_URL: sim.apiUrl, GITHUB_GRAPHQL_URL: sim.graphqlUrl, GITHUB_SERVER_URL: sim.serverUrl },
    });
    return editedOverlays(run);
  } finally {
    await sim.close();
  }
}

async function validate(context: BenchContext, scratch: string, counter: RenderCounter): Promise<string[]> {
  const root = join(scratch, 'validate');
  const overlays = writeManySmallOverlays(root, RENDER_OVERLAYS);
  const run = await runBuiltAction(context.action, { inputs: { command: 'validate', path: root, overlays: 'apps/*/overlays/*' }, env: counter.env });
  if (run.outputs.valid !== 'true') throw new Error('validate found the generated repo invalid');
  return overlays;
}
