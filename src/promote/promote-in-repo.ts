import * as core from '@actions/core';
import { checkEdits, type EditChecks } from '../checks/check-edits.js';
import { requirePromotionConfig } from '../config/load-config.js';
import type { PromotionConfig } from '../config/promotion-config.js';
import { describeRefusal } from '../github/pull-requests.js';
import { settingsFor, type EnvironmentSettings } from '../config/environment-settings.js';
import type { ConfigRepo, Snapshot } from '../repo/config-repo.js';
import { landCommit } from '../repo/land-commit.js';
import type { OpenedRepo } from '../repo/open-config-repo.js';
import { renderCommitMessage } from '../report/commit-message.js';
import { toOverlayChange } from '../report/overlay-changes.js';
import { showDiffs } from '../report/text-diff.js';
import type { FileEdit, OverlayChange } from '../types.js';
import { withPolicy } from '../validate/validation-settings.js';
import { planPromotion } from './plan-promotion.js';
import { promotionBodyFor, promotionCommitMessage } from './promotion-body.js';
import { promotionBranchName, promotionMarker, promotionTitle, type PromotionKey } from './promotion-names.js';
import type { AppPromotion } from './promotion-plan.js';
import { closeEmptyPromotion, landPromotionPullRequest } from './promotion-pull-request.js';
import { resolvePromotionRoute, type PromotionRoute } from './promotion-route.js';
import type { PromoteInputs, PromoteOutcome, PromotedChange } from './promotion-types.js';
import type { PromoteContext } from './run-promotion.js';
import { renderedDiff } from './rendered-diff.js';
import { RenderCache } from '../kustomize/render-cache.js';
import { promotionGates } from './promotion-gates.js';
import { setGateStatus } from '../gates/gate-status.js';
import { statusDescription } from '../gates/gate-report.js';
import type { GateVerdict } from '../gates/gate-types.js';
import { UserError } from '../errors.js';
import { overriddenHoldNote, refuseIfHeld } from '../holds/read-hold.js';

/**
 * promote's work in the opened config repo (runPromotion opens it): the route and the target's
 * settings, the plan, the gates, and the commit or the promotion PR; writes nothing when a check fails.
 */
export async function promoteInRepo(inputs: PromoteInputs, context: PromoteContext, opened: OpenedRepo): Promise<PromoteOutcome> {
  const config = requirePromotionConfig(opened.config, 'config', 'promote (to know the environments)');
  const route = resolvePromotionRoute(config, inputs.from, inputs.to);
  const settings = settingsFor(inputs.settings, route.target);
  const checks: EditChecks = {
    verifyRender: inputs.verifyRender,
    validation: inputs.validation && withPolicy(inputs.validation, settings.policy),
    workspace: context.run.workspace,
  };
  const work: PromotionWork = { inputs, context, config, route, settings, checks, repo: opened.repo, branch: opened.branch };
  const outcome = await promoteIn(work, opened.snapshot);
  return { ...outcome, requests: context.github.opened?.counter };
}

interface PromotionWork {
  inputs: PromoteInputs;
  context: PromoteContext;
  config: PromotionConfig;
  route: PromotionRoute;
  /** The target environment's settings, with the workflow's inputs applied. */
  settings: EnvironmentSettings;
  /** The render check, and validation with the target's policy. */
  checks: EditChecks;
  repo: ConfigRepo;
  branch: string;
}

async function promoteIn(work: PromotionWork, snapshot: Snapshot): Promise<PromoteOutcome> {
  const { inputs, route, context } = work;
  const { landing } = work.settings;
  const held = await refuseIfHeld(snapshot.root, route.target.name, inputs.overrideHold, 'promote');
  const note = held ? overriddenHoldNote(held) : undefined;
  // Planning renders a target that gets a new entry as it is; the PR body's rendered diff reuses that for its 'before'.
  const beforeEdit = new RenderCache();
  const apps = await plan(work, snapshot, beforeEdit);
  const changes = promotedChanges(apps);
  const key: PromotionKey = { from: route.source.name, to: route.target.name, apps: inputs.apps };
  const outcome: PromoteOutcome = {
    from: key.from,
    to: key.to,
    landing,
    changes,
    commitSha: '',
    refusals: [],
    dryRun: inputs.dryRun,
    ...(note ? { overriddenHold: note } : {}),
  };
  if (changes.length === 0) {
    core.info(`${key.to} already runs what ${key.from} runs; nothing to promote.`);
    if (landing === 'pull-request' && !inputs.dryRun) {
      const reason =
        `Nothing left to promote: ${key.to} already runs what ${key.from} runs (as of ${snapshot.commit.slice(0, 7)} on ${work.branch}). ` +
        `Closing this pull request.`;
      outcome.closed = await closeEmptyPromotion(await context.github.connect(), promotionBranchName(key), promotionMarker(key), reason);
    }
    return outcome;
  }
  const edits = changedEdits(apps);
  const gates = await judgeGates(work, apps, snapshot);
  if (gates) outcome.gates = gates;
  if (inputs.dryRun) {
    await showDiffs(edits);
    return outcome;
  }
  if (landing === 'commit') {
    // A gate not met means no commit: the outcome says why, and report() fails the step or leaves a notice.
    if (gates && gates.state !== 'passed') return { ...outcome, held: true };
    const landed = await landCommit({
      repo: work.repo,
      snapshot,
      target: { branch: work.branch, mode: 'fast-forward' },
      author: inputs.author,
      apply: async (current, attempt) => {
        const planned = attempt === 1 ? apps : await plan(work, current);
        // The branch moved: what the gates passed may no longer be what is promoted.
        const regated = attempt === 1 ? gates : await judgeGates(work, planned, current);
        if (regated && regated.state !== 'passed') {
          throw new UserError(
            `The branch moved while landing, and the promotion gates of ${key.to} no longer pass: ${statusDescription(regated)}. Nothing was committed.`,
          );
        }
        const changed = changedEdits(planned);
        await checkEdits(current.root, changed, work.checks, 'Validating the promoted overlays');
        return { files: changed.map((edit) => ({ path: edit.overlay.file, content: edit.text })), changes: promotedChanges(planned), superseded: [] };
      },
      message: (current) => commitMessage(work, key, current),
    });
    return { ...outcome, changes: landed.changes as PromotedChange[], commitSha: landed.commitSha };
  }

  const github = await context.github.connect();
  // The checks render each edited overlay once; the rendered diff of the PR body reuses those renders for its 'after'.
  const afterEdit = new RenderCache();
  const verified = await checkEdits(snapshot.root, edits, work.checks, 'Validating the promoted overlays', afterEdit);
  // Its 'before' is the diff's own render of each target as it is (the plan's, where it made one): the body's price, not the checks'.
  const diff = await renderedDiff(edits, afterEdit, beforeEdit);
  const promotedApps = apps.filter((app) => app.edits.some((edit) => edit.changes.length > 0)).map((app) => app.app);
  const title = promotionTitle(route.target.pullRequest.titleTemplate, {
    from: key.from,
    to: key.to,
    apps: promotedApps,
    images: [...new Set(changes.map((change) => change.new))],
  });
  const built = promotionBodyFor({
    apps,
    key,
    snapshot,
    branch: work.branch,
    github,
    target: route.target,
    verified,
    renderedDiff: diff,
    sourceRepositories: inputs.sourceRepositories,
    run: context.run,
    gates,
  });
  const body = note ? `${note}\n\n${built}` : built;
  const landed = await landPromotionPullRequest(
    work.repo,
    github,
    snapshot,
    {
      branch: promotionBranchName(key),
      base: work.branch,
      marker: promotionMarker(key),
      title,
      body,
      files: edits.map((edit) => ({ path: edit.overlay.file, content: edit.text })),
      message: commitMessage(work, key, changes, title),
      author: inputs.author,
    },
    work.settings.pullRequest,
  );
  for (const refusal of landed.refusals) core.warning(`The pull request was made, but ${describeRefusal(refusal)}`);
  if (gates) outcome.gateStatus = await setGateStatus(github, landed.commitSha, gates, context.run.runUrl);
  return {
    ...outcome,
    commitSha: landed.commitSha,
    pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved },
    refusals: landed.refusals,
  };
}

function judgeGates(work: PromotionWork, apps: readonly AppPromotion[], snapshot: Snapshot): Promise<GateVerdict | undefined> {
  const { inputs, config, route, repo, context } = work;
  return promotionGates({ inputs, config, route, repo, github: context.github, now: context.run.now() }, apps, snapshot);
}

/** The promotion planned on `snapshot`; `renders`, when given, keeps the renders of its files as they are. */
function plan(work: PromotionWork, snapshot: Snapshot, renders?: RenderCache): Promise<AppPromotion[]> {
  return planPromotion(snapshot.root, work.config, work.route, { apps: work.inputs.apps, renderCheck: work.inputs.verifyRender, renders });
}

function commitMessage(work: PromotionWork, key: PromotionKey, changes: readonly OverlayChange[], title?: string): string {
  if (work.inputs.commitMessage) return renderCommitMessage(work.inputs.commitMessage, changes, work.context.run);
  return promotionCommitMessage(title ?? `Promote from ${key.from} to ${key.to}`, changes, work.context.run.runUrl);
}

function changedEdits(apps: readonly AppPromotion[]): FileEdit[] {
  return apps.flatMap((app) => app.edits.filter((edit) => edit.changes.length > 0));
}

function promotedChanges(apps: readonly AppPromotion[]): PromotedChange[] {
  return apps.flatMap((app) =>
    app.edits.flatMap((edit) => edit.changes.map((change) => ({ app: app.app, ...toOverlayChange(edit.overlay.path, edit.overlay.file, change) }))),
  );
}
