import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { checkEdits, type EditChecks } from '../checks/check-edits.js';
import { settingsFor, type EnvironmentSettings } from '../config/environment-settings.js';
import { requirePromotionConfig, type ConfigFile } from '../config/load-config.js';
import { findEnvironment, type AppConfig, type Environment, type PromotionConfig } from '../config/promotion-config.js';
import { InputError } from '../errors.js';
import type { GitHubAccess } from '../github/github-connection.js';
import { describeRefusal } from '../github/pull-requests.js';
import { formatHold, holdFilePath, holdUntilDate, parseHold, type Hold } from '../holds/hold-file.js';
import { landPromotionPullRequest } from '../promote/promotion-pull-request.js';
import type { CommitGraph } from '../repo/commit-graph.js';
import type { ChangedFile, Snapshot } from '../repo/config-repo.js';
import { resolveEnvironmentOverlays, type AppOverlays } from '../repo/environment-overlays.js';
import { GitCommitGraph } from '../repo/git-commit-graph.js';
import { GitHubCommitGraph } from '../repo/github-commit-graph.js';
import { landCommit } from '../repo/land-commit.js';
import { LocalCheckout } from '../repo/local-checkout.js';
import { inConfigRepoToLand, type OpenedRepo } from '../repo/open-config-repo.js';
import { toOverlayChange } from '../report/overlay-changes.js';
import { showDiffs } from '../report/text-diff.js';
import type { FileEdit, RunContext } from '../types.js';
import { withPolicy } from '../validate/validation-settings.js';
import { readControllerStates } from './controller-states.js';
import { pickFromHistory } from './pick-from-history.js';
import type { RollbackPick } from './pick-rollback.js';
import { planRestore } from './plan-restore.js';
import { rollbackBodyMarkdown, rollbackBranch, rollbackCommitMessage, rollbackMarker, rollbackTitle } from './rollback-report.js';
import { describeTarget } from './rollback-target.js';
import type { RolledBackChange, RollbackInputs, RollbackOutcome } from './rollback-types.js';

/** What rollback needs besides its inputs: GitHub (reached only when needed), the config file, the run. */
export interface RollbackContext {
  github: GitHubAccess;
  configFile: ConfigFile;
  run: RunContext;
}

/**
 * rollback, from inputs to a commit or a rollback PR that writes the
 * environment's earlier images back and puts a hold on it; writes nothing
 * when `to` names nothing in history or a check fails.
 */
export async function runRollback(inputs: RollbackInputs, context: RollbackContext): Promise<RollbackOutcome> {
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: true,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => (config ? findEnvironment(config, inputs.environment, 'environment').branch : undefined),
    },
    async (opened) => {
      const outcome = await rollbackIn(inputs, context, opened);
      return { ...outcome, requests: context.github.opened?.counter };
    },
  );
}

interface RollbackWork {
  inputs: RollbackInputs;
  context: RollbackContext;
  opened: OpenedRepo;
  config: PromotionConfig;
  env: Environment;
  settings: EnvironmentSettings;
  pick: RollbackPick;
  checks: EditChecks;
}

async function rollbackIn(inputs: RollbackInputs, context: RollbackContext, opened: OpenedRepo): Promise<RollbackOutcome> {
  const config = requirePromotionConfig(opened.config, 'config', 'rollback (to know the environments and their overlays)');
  const env = findEnvironment(config, inputs.environment, 'environment');
  const settings = settingsFor(inputs.settings, env);
  const { snapshot, branch } = opened;
  if (!branch && !inputs.dryRun) throw new InputError('branch', 'the checkout is on a detached HEAD; name the branch to push to.');
  const overlays = resolveEnvironmentOverlays(snapshot.root, config, env);
  const graph = await commitGraphOf(opened, context);
  const pick = await core.group(`Reading the history of ${env.name}'s overlays`, () => pickIn(graph, opened, overlays, inputs, env));
  const checks: EditChecks = {
    verifyRender: inputs.verifyRender,
    // Going back to a lower version is the point of a rollback.
    renderGuard: { allowDowngrade: true },
    validation: inputs.validation && withPolicy(inputs.validation, settings.policy),
    workspace: context.run.workspace,
  };
  const work: RollbackWork = { inputs, context, opened, config, env, settings, pick, checks };
  const planned = await planOn(work, snapshot);
  const holdFile = holdFilePath(env.name);
  const outcome: RollbackOutcome = {
    environment: env.name,
    landing: settings.landing,
    changes: changesOf(planned),
    restores: pick.restores,
    ...(pick.undoes ? { undoes: pick.undoes } : {}),
    holdFile,
    commitSha: '',
    dryRun: inputs.dryRun,
  };
  if (planned.length === 0) {
    core.info(`${env.name} already runs the images of ${pick.restores.slice(0, 7)}; nothing to roll back.`);
    return outcome;
  }
  if (inputs.dryRun) {
    await showDiffs(planned.map((edit) => edit.edit));
    return outcome;
  }
  const dirty = await opened.repo.uncommittedChanges(planned.map((edit) => edit.edit.overlay.absoluteFile));
  if (dirty.length > 0) throw new InputError('path', `${dirty.join(', ')} has uncommitted changes; commit or discard them first.`);

  const fresh: Hold = {
    environment: env.name,
    who: context.run.actor || inputs.author.name,
    when: new Date().toISOString(),
    why: inputs.reason,
    ...(inputs.holdUntil ? { until: holdUntilDate(inputs.holdUntil, Date.now()) } : {}),
    restores: pick.restores,
  };
  const hold =
    settings.landing === 'pull-request' ? await keptHold(graph, rollbackBranch(env.name), holdFile, fresh, inputs.holdUntil?.kind === 'after') : fresh;
  const holdEntry: ChangedFile = { path: holdFile, content: formatHold(hold) };
  const title = rollbackTitle(env.name, outcome.changes);
  const message = rollbackCommitMessage(title, outcome.changes, pick.restores, holdFile, context.run.runUrl);

  if (settings.landing === 'commit') {
    const landed = await landCommit({
      repo: opened.repo,
      snapshot,
      target: { branch, mode: 'fast-forward' },
      author: inputs.author,
      apply: async (current, attempt) => {
        const edits = attempt === 1 ? planned : await planOn(work, current);
        await checkEdits(
          current.root,
          edits.map((edit) => edit.edit),
          checks,
          'Validating the rolled-back overlays',
        );
        // Another run rolled these overlays back meanwhile: nothing left to write, not even a second hold.
        const files = edits.length === 0 ? [] : [...filesOf(edits), holdEntry];
        return { files, changes: changesOf(edits), superseded: [] };
      },
      message: () => message,
    });
    return { ...outcome, changes: landed.changes as RolledBackChange[], commitSha: landed.commitSha };
  }

  await checkEdits(
    snapshot.root,
    planned.map((edit) => edit.edit),
    checks,
    'Validating the rolled-back overlays',
  );
  const github = await context.github.connect();
  const controllers = await readControllerStates(appsOf(config, overlays), env, inputs.settings, inputs.connections);
  const body = rollbackBodyMarkdown({
    environment: env.name,
    changes: outcome.changes,
    restores: pick.restores,
    undoes: pick.undoes,
    target: describeTarget(inputs.to),
    hold,
    holdFile,
    controllers,
    repositoryUrl: `${context.run.serverUrl}/${github.repository}`,
    branch,
    runUrl: context.run.runUrl,
  });
  const landed = await landPromotionPullRequest(
    opened.repo,
    github,
    snapshot,
    {
      branch: rollbackBranch(env.name),
      base: branch,
      marker: rollbackMarker(env.name),
      title,
      body,
      files: [...filesOf(planned), holdEntry],
      message,
      author: inputs.author,
    },
    { ...settings.pullRequest, labels: [...new Set([...settings.pullRequest.labels.filter((label) => label !== 'promotion'), 'rollback'])] },
  );
  for (const refusal of landed.refusals) core.warning(`The pull request was made, but ${describeRefusal(refusal)}`);
  return {
    ...outcome,
    commitSha: landed.commitSha,
    pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved },
  };
}

async function pickIn(graph: CommitGraph, opened: OpenedRepo, overlays: readonly AppOverlays[], inputs: RollbackInputs, env: Environment) {
  try {
    return await pickFromHistory(graph, opened.snapshot.commit, overlays, inputs.to, env.name);
  } catch (error) {
    if (error instanceof InputError && opened.repo instanceof LocalCheckout && (await opened.repo.git.isShallow())) {
      throw new InputError(error.input, `${error.message.replace(/^Input '[^']+': /, '')} The checkout is shallow: check it out with fetch-depth: 0.`);
    }
    throw error;
  }
}

/**
 * The hold an open rollback PR's branch already carries, kept when it says the
 * same (who, why, which commit, the same end): its `when` is then
 * not moved to now, so a re-run with nothing new rewrites nothing.
 */
async function keptHold(graph: CommitGraph, branch: string, file: string, fresh: Hold, relativeUntil: boolean): Promise<Hold> {
  const head = await graph.resolve(branch);
  const text = head && (await graph.fileAt(head, file));
  if (!text) return fresh;
  try {
    const existing = parseHold(text, file, fresh.environment);
    const same = existing.who === fresh.who && existing.why === fresh.why && existing.restores === fresh.restores;
    // An end given as a duration moves with now on every run; one given as a date must be the same date.
    const sameEnd = relativeUntil ? existing.until !== undefined : existing.until === fresh.until;
    return same && sameEnd ? existing : fresh;
  } catch {
    return fresh;
  }
}

/** The history the overlays are read from: the checkout's git, or the repository through the API (as drift-check reads it). */
async function commitGraphOf(opened: OpenedRepo, context: RollbackContext): Promise<CommitGraph> {
  if (opened.repo instanceof LocalCheckout) return new GitCommitGraph(opened.repo.git);
  const connection = await context.github.connect();
  return new GitHubCommitGraph(connection.client, connection.owner, connection.repo);
}

interface PlannedRestore {
  app: string;
  edit: FileEdit;
}

/** The restoring edits on a snapshot's current text (planned afresh on a moved head), only those that change something. */
async function planOn(work: RollbackWork, snapshot: Snapshot): Promise<PlannedRestore[]> {
  const overlays = resolveEnvironmentOverlays(snapshot.root, work.config, work.env);
  const planned: PlannedRestore[] = [];
  for (const { app, overlays: own } of overlays) {
    for (const overlay of own) {
      const pick = work.pick.files.find((file) => file.file === overlay.file);
      if (!pick) continue;
      const edit = planRestore(overlay, await readFile(overlay.absoluteFile, 'utf8'), pick);
      if (edit.changes.length > 0) planned.push({ app, edit });
    }
  }
  return planned;
}

function filesOf(planned: readonly PlannedRestore[]): ChangedFile[] {
  return planned.map(({ edit }) => ({ path: edit.overlay.file, content: edit.text }));
}

function changesOf(planned: readonly PlannedRestore[]): RolledBackChange[] {
  return planned.flatMap(({ app, edit }) => edit.changes.map((change) => ({ app, ...toOverlayChange(edit.overlay.path, edit.overlay.file, change) })));
}

/** The apps of the environment as the config has them (or as their `{app}` overlays name them). */
function appsOf(config: PromotionConfig, overlays: readonly AppOverlays[]): AppConfig[] {
  return overlays
    .filter((entry) => entry.app !== '')
    .map((entry) => config.apps.find((app) => app.name === entry.app) ?? { name: entry.app, images: [], environments: {} });
}
