import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { DEFAULT_CONFIG_FILE, type PromotionConfig } from '../config/promotion-config.js';
import { connectToGitHub, type GitHubConnection } from '../github/github-connection.js';
import { explainRefusedWrite } from '../github/setup-checks.js';
import { statusOf } from '../github/request-errors.js';
import type { FileEdit } from '../kustomize/plan-edits.js';
import { verifyRenderedImages } from '../kustomize/verify-render.js';
import { landCommit } from '../repo/land-commit.js';
import type { ConfigRepo, Snapshot } from '../repo/config-repo.js';
import { openConfigRepo } from '../repo/open-config-repo.js';
import { commitContextFromEnv, renderCommitMessage } from '../report/commit-message.js';
import { toOverlayChange } from '../report/set-image-report.js';
import { showDiffs } from '../report/text-diff.js';
import { validateOverlays } from '../validate/validate-overlays.js';
import { annotate, validationFailure, writeValidationSummary } from '../validate/validation-output.js';
import { withPolicy, type ValidationSettings } from '../validate/validation-settings.js';
import { settingsFor, type EnvironmentSettings } from '../inputs/environment-settings.js';
import { promotionBodyFor, promotionCommitMessage, type Verified } from './promotion-body.js';
import { promotionBranchName, promotionMarker, promotionTitle, type PromotionKey } from './promotion-names.js';
import type { AppPromotion } from './promotion-plan.js';
import { closeEmptyPromotion, landPromotionPullRequest } from './promotion-pull-request.js';
import { planPromotion } from './plan-promotion.js';
import { resolvePromotionRoute, type PromotionRoute } from './promotion-route.js';
import type { PromoteInputs, PromoteOutcome, PromotedChange } from './promotion-types.js';
import { renderedDiff } from './rendered-diff.js';
import { describeRefusal } from '../github/pull-requests.js';

/** promote, from inputs to a promotion PR (or a commit); writes nothing when a check fails. */
export async function promote(inputs: PromoteInputs): Promise<PromoteOutcome> {
  let github: GitHubConnection | undefined;
  const connect = (): GitHubConnection => (github ??= connectToGitHub('to open promotion pull requests'));
  try {
    const opened = await openConfigRepo(inputs.location, {
      branch: inputs.branch,
      push: true,
      connection: connect,
      environmentBranch: (config) => (config ? resolvePromotionRoute(config, inputs.from, inputs.to).target.branch : undefined),
    });
    try {
      const config = requireConfig(opened.config);
      const route = resolvePromotionRoute(config, inputs.from, inputs.to);
      const settings = settingsFor(inputs.settings, route.target);
      const validation = inputs.validation && withPolicy(inputs.validation, settings.policy);
      const work: PromotionWork = { inputs, config, route, settings, validation, repo: opened.repo, branch: opened.branch, connect };
      const outcome = await promoteIn(work, opened.snapshot);
      return { ...outcome, requests: github?.counter };
    } finally {
      await opened.repo.dispose();
    }
  } catch (error) {
    if (github && [401, 403, 404].includes(statusOf(error) ?? 0)) throw await explainRefusedWrite(github, error);
    throw error;
  }
}

interface PromotionWork {
  inputs: PromoteInputs;
  config: PromotionConfig;
  route: PromotionRoute;
  /** The target environment's settings, with the workflow's inputs applied. */
  settings: EnvironmentSettings;
  /** Validation of the promoted overlays, with the target's policy; undefined when not asked for. */
  validation: ValidationSettings | undefined;
  repo: ConfigRepo;
  branch: string;
  connect: () => GitHubConnection;
}

async function promoteIn(work: PromotionWork, snapshot: Snapshot): Promise<PromoteOutcome> {
  const { inputs, route } = work;
  const { landing } = work.settings;
  const apps = await plan(work, snapshot);
  const changes = promotedChanges(apps);
  const key: PromotionKey = { from: route.source.name, to: route.target.name, apps: inputs.apps };
  const outcome: PromoteOutcome = { from: key.from, to: key.to, landing, changes, commitSha: '', refusals: [], dryRun: inputs.dryRun };
  if (changes.length === 0) {
    core.info(`${key.to} already runs what ${key.from} runs; nothing to promote.`);
    if (landing === 'pull-request' && !inputs.dryRun) {
      const reason = `Nothing left to promote: ${key.to} already runs what ${key.from} runs (as of ${snapshot.commit.slice(0, 7)} on ${work.branch}). Closing this pull request.`;
      outcome.closed = await closeEmptyPromotion(work.connect(), promotionBranchName(key), promotionMarker(key), reason);
    }
    return outcome;
  }
  const edits = changedEdits(apps);
  if (inputs.dryRun) {
    await showDiffs(edits);
    return outcome;
  }
  if (landing === 'commit') {
    const landed = await landCommit({
      repo: work.repo,
      snapshot,
      target: { branch: work.branch, mode: 'fast-forward' },
      author: inputs.author,
      apply: async (current, attempt) => {
        const planned = attempt === 1 ? apps : await plan(work, current);
        const changed = changedEdits(planned);
        await checkEdits(work, current, changed);
        return { files: changed.map((edit) => ({ path: edit.overlay.file, content: edit.text })), changes: promotedChanges(planned), superseded: [] };
      },
      message: (current) => commitMessage(work, key, current),
    });
    return { ...outcome, changes: landed.changes as PromotedChange[], commitSha: landed.commitSha };
  }

  const github = work.connect();
  const diff = await renderedDiff(edits);
  const verified = await checkEdits(work, snapshot, edits);
  const title = promotionTitle(route.target.pullRequest.titleTemplate, { from: key.from, to: key.to, apps: apps.filter((app) => app.edits.some((edit) => edit.changes.length > 0)).map((app) => app.app), images: [...new Set(changes.map((change) => change.new))] });
  const landed = await landPromotionPullRequest(work.repo, github, snapshot, {
    branch: promotionBranchName(key),
    base: work.branch,
    marker: promotionMarker(key),
    title,
    body: promotionBodyFor({ apps, key, snapshot, branch: work.branch, github, target: route.target, verified, renderedDiff: diff, sourceRepositories: inputs.sourceRepositories }),
    files: edits.map((edit) => ({ path: edit.overlay.file, content: edit.text })),
    message: commitMessage(work, key, changes, title),
    author: inputs.author,
  }, work.settings.pullRequest);
  for (const refusal of landed.refusals) {
    core.warning(`The pull request was made, but ${describeRefusal(refusal)}`);
  }
  return { ...outcome, commitSha: landed.commitSha, pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved }, refusals: landed.refusals };
}

function plan(work: PromotionWork, snapshot: Snapshot): Promise<AppPromotion[]> {
  return planPromotion(snapshot.root, work.config, work.route, { apps: work.inputs.apps, renderCheck: work.inputs.verifyRender });
}

/**
 * The render check and, when asked, validation, on the edited files written
 * into the snapshot; the files are put back afterwards, whatever happens.
 */
async function checkEdits(work: PromotionWork, snapshot: Snapshot, edits: readonly FileEdit[]): Promise<Verified> {
  const verified: Verified = { render: false, validation: false };
  await Promise.all(edits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    if (work.inputs.verifyRender) {
      await verifyRenderedImages(edits);
      verified.render = true;
    }
    const settings = work.validation;
    if (settings) {
      const report = await core.group('Validating the promoted overlays', () =>
        validateOverlays(edits.map((edit) => edit.overlay), { ...settings, repoRoot: snapshot.root, policyFor: () => settings.policy }),
      );
      annotate(report, snapshot.root);
      const failure = validationFailure(report);
      if (failure) {
        await writeValidationSummary(report);
        throw failure;
      }
      verified.validation = true;
    }
  } finally {
    await Promise.all(edits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
  return verified;
}

function commitMessage(work: PromotionWork, key: PromotionKey, changes: readonly PromotedChange[] | readonly import('../report/set-image-report.js').OverlayChange[], title?: string): string {
  if (work.inputs.commitMessage) return renderCommitMessage(work.inputs.commitMessage, changes, commitContextFromEnv());
  return promotionCommitMessage(title ?? `Promote from ${key.from} to ${key.to}`, changes);
}

function changedEdits(apps: readonly AppPromotion[]): FileEdit[] {
  return apps.flatMap((app) => app.edits.filter((edit) => edit.changes.length > 0));
}

function promotedChanges(apps: readonly AppPromotion[]): PromotedChange[] {
  return apps.flatMap((app) => app.edits.flatMap((edit) => edit.changes.map((change) => ({ app: app.app, ...toOverlayChange(edit.overlay.path, edit.overlay.file, change) }))));
}

function requireConfig(config: PromotionConfig | undefined): PromotionConfig {
  if (!config) throw new InputError('config', `promote needs the promotion config (${DEFAULT_CONFIG_FILE} at the config repo root, or the config input) to know the environments.`);
  return config;
}
