import * as core from '@actions/core';
import { checkEdits, type EditChecks } from '../checks/check-edits.js';
import { resolveEnvironmentOverlays } from '../repo/environment-overlays.js';
import { environmentNamed, type ConfigFile } from '../config/load-config.js';
import { findEnvironment, type Environment } from '../config/promotion-config.js';
import { InputError } from '../errors.js';
import type { GitHubAccess } from '../github/github-connection.js';
import { settingsFor } from '../config/environment-settings.js';
import type { RunContext } from '../types.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import { planEdits, planFileEdit } from '../kustomize/plan-edits.js';
import { entryDowngrade } from '../kustomize/image-downgrades.js';
import type { Snapshot } from '../repo/config-repo.js';
import { landCommit } from '../repo/land-commit.js';
import { inConfigRepoToLand, type OpenedRepo } from '../repo/open-config-repo.js';
import { resolveOverlays } from '../repo/overlay-paths.js';
import { renderCommitMessage } from '../report/commit-message.js';
import { toOverlayChange } from '../report/overlay-changes.js';
import { showDiffs } from '../report/text-diff.js';
import type { FileEdit, Overlay, OverlayChange, Pin } from '../types.js';
import { environmentPins } from '../config/promotion-config.js';
import { discoverSetterPins, namesHeldByPins, planPinEdits } from '../pins/plan-pin-edits.js';
import { withPolicy } from '../validate/validation-settings.js';
import { overriddenHoldNote, refuseIfHeld } from '../holds/read-hold.js';
import { checkAllowedTags, refuseDowngrades, warnAboutEdits } from './set-image-guards.js';
import { closeSettledSetImagePullRequest, landSetImagePullRequest } from './set-image-pull-request.js';
import type { SetImageInputs, SetImageOutcome } from './set-image-types.js';

/** What set-image needs besides its inputs: GitHub (reached only when needed), the config file, the run. */
export interface SetImageContext {
  github: GitHubAccess;
  configFile: ConfigFile;
  run: RunContext;
}

/**
 * set-image from inputs to a landed commit, or a pull request when the
 * environment lands through them; writes nothing when any check fails. A
 * write GitHub refuses is explained with the set-up checks.
 */
export async function runSetImage(inputs: SetImageInputs, context: SetImageContext): Promise<SetImageOutcome> {
  checkAllowedTags(inputs.images, inputs.allowTags);
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: inputs.push,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => (config && inputs.environment ? findEnvironment(config, inputs.environment, 'environment').branch : undefined),
    },
    async (opened) => {
      return await setImageIn(inputs, context, opened);
    },
  );
}

/** The planned run, once the config repo is open. */
interface SetImageWork {
  inputs: SetImageInputs;
  context: SetImageContext;
  opened: OpenedRepo;
  environment: Environment | undefined;
  /** Overlay folders, relative to the repo root: planned afresh on a moved head. */
  overlayPaths: string[];
  /** The other places that pin the images (files relative to the repo root): read afresh on a moved head. */
  pins: Pin[];
  checks: EditChecks;
}

async function setImageIn(inputs: SetImageInputs, context: SetImageContext, opened: OpenedRepo): Promise<SetImageOutcome> {
  const { snapshot, branch, config } = opened;
  const environment = environmentNamed(config, inputs.environment);
  const settings = settingsFor(inputs.settings, environment);
  // Set exactly when the change lands through a pull request, which goes into an environment of the config.
  const pullRequestEnvironment = settings.landing === 'pull-request' ? requirePullRequestEnvironment(environment) : undefined;
  if (pullRequestEnvironment && !inputs.push && !inputs.dryRun) {
    throw new InputError(
      'push',
      `false cannot open a pull request: environment '${pullRequestEnvironment.name}' lands through one; set landing: commit to commit locally.`,
    );
  }
  if (!branch && inputs.push && !inputs.dryRun) throw new InputError('branch', 'the checkout is on a detached HEAD; name the branch to push to.');
  const held = environment && (await refuseIfHeld(snapshot.root, environment.name, inputs.overrideHold, 'set-image'));
  const note = held ? overriddenHoldNote(held) : undefined;
  // Overlays or pins the workflow names narrow the run; else the environment's own (it comes from the config, so both are set together).
  const fromEnvironment = inputs.overlays.length === 0 && inputs.pins.length === 0 && environment && config ? environment : undefined;
  const overlays =
    inputs.overlays.length > 0 || (!fromEnvironment && inputs.pins.length === 0)
      ? resolveOverlays(snapshot.root, inputs.overlays)
      : fromEnvironment && config
        ? resolveEnvironmentOverlays(snapshot.root, config, fromEnvironment).flatMap((app) => app.overlays)
        : [];
  const named = fromEnvironment && config ? environmentPins(config, fromEnvironment.name) : inputs.pins;
  const pins = [...named, ...(await discoverSetterPins(snapshot.root, overlays, named))];
  if (overlays.length === 0 && pins.length === 0) {
    throw new InputError('environment', `'${inputs.environment}' has no overlays and no pins in the promotion config; give overlays or pins there.`);
  }
  const work: SetImageWork = {
    inputs,
    context,
    opened,
    environment,
    overlayPaths: overlays.map((overlay) => overlay.path),
    pins,
    checks: {
      verifyRender: inputs.verifyRender,
      renderGuard: { allowDowngrade: inputs.allowDowngrade },
      validation: inputs.validation && withPolicy(inputs.validation, settings.policy),
      workspace: context.run.workspace,
    },
  };

  // Which overlay files hold uncommitted changes: asked once for every overlay, awaited only once the edits are known.
  const uncommitted = inputs.dryRun ? Promise.resolve([]) : opened.repo.uncommittedChanges(overlays.map((overlay) => overlay.absoluteFile));
  uncommitted.catch(() => undefined); // awaited below; a refusal before then must not be an unhandled rejection
  const edits = await planSetImage(work, snapshot.root, inputs.images, overlays);
  refuseDowngrades(edits, inputs.allowDowngrade);
  warnAboutEdits(edits);
  const changed = edits.filter((edit) => edit.changes.length > 0);
  const outcome: SetImageOutcome = {
    changes: overlayChanges(changed),
    commitSha: '',
    branch,
    pushed: false,
    dryRun: inputs.dryRun,
    superseded: [],
    ...(note ? { overriddenHold: note } : {}),
  };
  if (changed.length === 0) {
    core.info(`Every ${work.pins.length > 0 ? (overlays.length > 0 ? 'overlay and pin' : 'pin') : 'overlay'} already has these images; nothing to change.`);
    if (pullRequestEnvironment && !inputs.dryRun) {
      outcome.closed = await closeSettledSetImagePullRequest(await context.github.connect(), pullRequestEnvironment.name, (images) =>
        planSetImage(work, snapshot.root, images, overlays),
      );
    }
    return outcome;
  }
  if (inputs.dryRun) {
    await showDiffs(changed);
    return outcome;
  }
  const changedFiles = new Set(changed.map((edit) => edit.overlay.file));
  const pinFiles = changed.filter((edit) => edit.pins).map((edit) => edit.overlay.absoluteFile);
  const [overlaysDirty, pinsDirty] = await Promise.all([uncommitted, opened.repo.uncommittedChanges(pinFiles)]);
  const dirty = [...overlaysDirty.filter((file) => changedFiles.has(file)), ...pinsDirty];
  if (dirty.length > 0) throw new InputError('path', `${dirty.join(', ')} has uncommitted changes; commit or discard them first.`);

  if (pullRequestEnvironment) {
    // This run's own edit is checked before GitHub is reached, so a bad image fails without a request.
    await checkEdits(snapshot.root, changed, work.checks);
    const landed = await landSetImagePullRequest({
      repo: opened.repo,
      github: await context.github.connect(),
      snapshot,
      base: branch,
      environment: pullRequestEnvironment,
      pullRequest: settings.pullRequest,
      images: inputs.images,
      plan: (images) => planSetImage(work, snapshot.root, images, overlays),
      check: (edited) => checkEdits(snapshot.root, edited, work.checks),
      message: (current) => renderCommitMessage(inputs.commitMessage, current, context.run),
      runUrl: context.run.runUrl,
      author: inputs.author,
      note,
    });
    return { ...outcome, ...landed };
  }

  const landed = await landCommit({
    repo: opened.repo,
    snapshot,
    target: { branch, mode: 'fast-forward' },
    author: inputs.author,
    apply: (current, attempt) => applyEdits(work, current, attempt === 1 ? changed : undefined),
    message: (current) => renderCommitMessage(inputs.commitMessage, current, context.run),
  });
  // The snapshot the edit landed on stays behind: the outcome says what changed and where it went.
  const { changes, superseded, commitSha, pushed } = landed;
  return { ...outcome, changes, superseded, commitSha, pushed };
}

/** The environment a pull request lands into: landing: pull-request needs one, for its branch and PR. */
function requirePullRequestEnvironment(environment: Environment | undefined): Environment {
  if (environment) return environment;
  throw new InputError(
    'landing',
    'set-image lands through a pull request only into an environment of the promotion config (its branch and PR are per environment); set the ' +
      'environment input.',
  );
}

/**
 * The edits to commit on `snapshot`, checked (planned afresh on a moved head).
 * On a re-apply, an entry a concurrent run already moved to a higher version
 * is left alone: the race is over and the higher version won.
 */
async function applyEdits(work: SetImageWork, snapshot: Snapshot, firstPlan: FileEdit[] | undefined) {
  const { inputs } = work;
  let edits = firstPlan ?? (await planSetImage(work, snapshot.root, inputs.images, resolveOverlays(snapshot.root, work.overlayPaths)));
  const superseded: OverlayChange[] = [];
  if (!firstPlan && !inputs.allowDowngrade) {
    edits = await Promise.all(
      edits.map(async (edit) => {
        const lower = edit.changes.filter((change) => entryDowngrade(change, edit.entries));
        if (lower.length === 0) return edit;
        superseded.push(...overlayChanges([{ ...edit, changes: lower }]));
        const skip = new Set(lower.map((change) => change.name));
        const rest = inputs.images.filter((argument) => !skip.has(argument.name));
        if (!edit.pins) return planFileEdit(edit.overlay, edit.original, rest);
        const [replanned] = await planPinEdits(
          snapshot.root,
          edit.pins.map(({ pin }) => pin),
          rest,
        );
        return replanned;
      }),
    );
  }
  const changed = edits.filter((edit) => edit.changes.length > 0);
  await checkEdits(snapshot.root, changed, work.checks);
  return { files: changed.map((edit) => ({ path: edit.overlay.file, content: edit.text })), changes: overlayChanges(changed), superseded };
}

/**
 * The edit of every overlay and pin; with the render check on, new entries go
 * only where the overlay uses the image. Every argument must land somewhere:
 * an overlay that renders it, or a pin that holds it.
 */
async function planSetImage(work: SetImageWork, root: string, images: ImageArgument[], overlays: Overlay[]): Promise<FileEdit[]> {
  const pinEdits = await planPinEdits(root, work.pins, images);
  const held = namesHeldByPins(pinEdits, images);
  const edits = planEdits(overlays, images);
  if (overlays.length === 0) refuseUnheld(images, held, pinEdits);
  // Only the render check renders, so only it loads the renderer (and the YAML reader of rendered output).
  const overlayEdits =
    work.inputs.verifyRender && overlays.length > 0
      ? await (await import('../kustomize/unused-entries.js')).keepOnlyUsedNewEntries(edits, images, held)
      : edits;
  return [...overlayEdits, ...pinEdits];
}

/** With pins alone, an argument no pin holds would change nothing: refused, naming what the pins hold. */
function refuseUnheld(images: readonly ImageArgument[], held: ReadonlySet<string>, pinEdits: readonly FileEdit[]): void {
  const nowhere = images.filter((image) => !held.has(image.name));
  if (nowhere.length === 0) return;
  const where = pinEdits.map((edit) => edit.overlay.path).join('; ');
  throw new InputError(
    'images',
    `${nowhere.map((image) => `'${image.source}'`).join(', ')} matches no image of the pins (${where}); name the image as the app's images list it, ` +
      `or the repository the file holds.`,
  );
}

function overlayChanges(edits: readonly FileEdit[]): OverlayChange[] {
  return edits.flatMap((edit) => edit.changes.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
}
