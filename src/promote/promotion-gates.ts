import type { Pin } from '../types.js';
import type { PromotionConfig } from '../config/promotion-config.js';
import type { GitHubAccess } from '../github/github-connection.js';
import { evaluateGates } from '../gates/evaluate-gates.js';
import type { GateVerdict } from '../gates/gate-types.js';
import type { CommitGraph } from '../repo/commit-graph.js';
import type { ConfigRepo, Snapshot } from '../repo/config-repo.js';
import { Git } from '../repo/git.js';
import { GitCommitGraph } from '../repo/git-commit-graph.js';
import { GitHubCommitGraph } from '../repo/github-commit-graph.js';
import type { AppPromotion } from './promotion-plan.js';
import type { PromotionRoute } from './promotion-route.js';
import type { PromoteInputs } from './promotion-types.js';

export interface PromotionGateContext {
  inputs: PromoteInputs;
  config: PromotionConfig;
  route: PromotionRoute;
  repo: ConfigRepo;
  github: GitHubAccess;
  now: number;
}

/** The target environment's gates for the apps this promotion moves, judged on the snapshot it reads; undefined when the target has none. */
export async function promotionGates(context: PromotionGateContext, apps: readonly AppPromotion[], snapshot: Snapshot): Promise<GateVerdict | undefined> {
  const { gates } = context.route.target;
  if (!gates) return undefined;
  const pinsOf = (app: string): Pin[] => context.config.apps.find((candidate) => candidate.name === app)?.environments[context.route.source.name]?.pins ?? [];
  const promoted = apps
    .filter((app) => app.edits.some((edit) => edit.changes.length > 0))
    .map((app) => ({ app: app.app, files: [...app.sourceOverlays.map((overlay) => overlay.file), ...pinsOf(app.app).map((pin) => pin.file)] }));
  return evaluateGates(promoted, {
    gates,
    source: context.route.source,
    target: context.route.target,
    apps: context.config.apps,
    settings: context.inputs.settings,
    connections: context.inputs.connections,
    graph: await historyOf(context, snapshot),
    sourceCommit: snapshot.commit,
    sourceRoot: snapshot.root,
    sourcePins: promoted.flatMap((app) => pinsOf(app.app)),
    now: context.now,
  });
}

/** The checkout's git (fetching once for a commit a controller reports that it lacks), or the repository through the API. */
async function historyOf(context: PromotionGateContext, snapshot: Snapshot): Promise<CommitGraph> {
  if (context.repo.kind === 'checkout') return new GitCommitGraph(new Git(snapshot.root), { fetchMissing: true });
  const github = await context.github.connect();
  return new GitHubCommitGraph(github.client, github.owner, github.repo);
}
