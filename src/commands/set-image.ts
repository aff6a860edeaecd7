import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { KEEP, parseImageArguments, type ImageArgument } from '../kustomize/image-argument.js';
import { planEdits, planFileEdit, type FileEdit } from '../kustomize/plan-edits.js';
import type { ImageEntryChange } from '../kustomize/set-image-edit.js';
import { verifyRenderedImages } from '../kustomize/verify-render.js';
import { renamedIntoWarnings } from '../kustomize/renamed-into.js';
import { keepOnlyUsedNewEntries } from '../kustomize/unused-entries.js';
import { describeEntryDowngrade, entryDowngrade } from '../policy/image-downgrades.js';
import { readBoolean, readList, readRegExp, readString } from '../inputs/read-inputs.js';
import type { Identity } from '../repo/git.js';
import { resolveOverlays, type Overlay } from '../repo/overlay-paths.js';
import { findEnvironment, type Environment, type PromotionConfig } from '../config/promotion-config.js';
import { DEFAULT_CONFIG_FILE } from '../config/promotion-config.js';
import { resolveEnvironmentOverlays } from '../config/environment-overlays.js';
import type { Snapshot } from '../repo/config-repo.js';
import { LocalCheckout } from '../repo/local-checkout.js';
import { openConfigRepo, readRepoLocation, type RepoLocation } from '../repo/open-config-repo.js';
import { validateOverlays } from '../validate/validate-overlays.js';
import { annotate, validationFailure, writeValidationSummary } from '../validate/validation-output.js';
import { readSchemaSettings, withPolicy, type SchemaSettings, type ValidationSettings } from '../validate/validation-settings.js';
import { readWorkflowSettings, settingsFor, type WorkflowSettings } from '../inputs/environment-settings.js';
import { landCommit } from '../repo/land-commit.js';
import { commitContextFromEnv, DEFAULT_COMMIT_MESSAGE, renderCommitMessage } from '../report/commit-message.js';
import { showDiffs } from '../report/text-diff.js';
import { connectToGitHub, type GitHubConnection } from '../github/github-connection.js';
import { statusOf } from '../github/request-errors.js';
import { explainRefusedWrite } from '../github/setup-checks.js';
import type { Verified } from '../promote/promotion-body.js';
import { closeSettledSetImagePullRequest, landSetImagePullRequest } from '../promote/set-image-pull-request.js';
import { setImageOutputs, toOverlayChange, writeSetImageSummary, type OverlayChange, type SetImageOutcome } from '../report/set-image-report.js';

export interface SetImageInputs {
  location: RepoLocation;
  /** Overlay patterns; empty means the environment's overlays. */
  overlays: string[];
  /** An environment of the promotion config (the `environment` input), or ''. */
  environment: string;
  images: ImageArgument[];
  push: boolean;
  branch: string;
  commitMessage: string;
  author: Identity;
  allowDowngrade: boolean;
  allowTags: RegExp | undefined;
  verifyRender: boolean;
  /** How to validate the edited overlays before committing; undefined when the `validate` input is false. */
  validation: SchemaSettings | undefined;
  dryRun: boolean;
  /** `landing`, the pull-request settings and the image policy as the workflow set them; the rest comes from the environment's config. */
  settings: WorkflowSettings;
}

export function readSetImageInputs(): SetImageInputs {
  return {
    location: readRepoLocation(),
    overlays: readList('overlays'),
    environment: readString('environment'),
    images: parseImageArguments(readList('images')),
    push: readBoolean('push', true),
    branch: readString('branch'),
    commitMessage: readString('commit-message', DEFAULT_COMMIT_MESSAGE),
    author: {
      name: readString('author-name', 'github-actions[bot]'),
      email: readString('author-email', '41898282+github-actions[bot]@users.noreply.github.com'),
    },
    allowDowngrade: readBoolean('allow-downgrade', false),
    allowTags: readRegExp('allow-tags'),
    verifyRender: readBoolean('verify-render', true),
    validation: readBoolean('validate', false) ? readSchemaSettings() : undefined,
    dryRun: readBoolean('dry-run', false),
    settings: readWorkflowSettings(),
  };
}

export async function runSetImage(): Promise<void> {
  const outcome = await setImage(readSetImageInputs());
  setImageOutputs(outcome);
  // A later `wait` step in the same job picks the pushed commit up from here.
  if (outcome.commitSha && outcome.pushed) core.exportVariable('GITOPS_PROMOTE_COMMIT_SHA', outcome.commitSha);
  await writeSetImageSummary(outcome);
}

/** What set-image works on once the config repo is open. */
interface SetImagePlan {
  inputs: SetImageInputs;
  /** Overlay folders, relative to the repo root. */
  overlayPaths: string[];
  validation: ValidationSettings | undefined;
}

/**
 * set-image from inputs to a landed commit, or a pull request when the
 * environment lands through them; writes nothing when any check fails. A
 * write GitHub refuses is explained with the set-up checks.
 */
export async function setImage(inputs: SetImageInputs): Promise<SetImageOutcome> {
  checkAllowedTags(inputs.images, inputs.allowTags);
  let github: GitHubConnection | undefined;
  const connect = (): GitHubConnection => (github ??= connectToGitHub('to land set-image through the GitHub API or a pull request'));
  try {
    const opened = await openConfigRepo(inputs.location, {
      branch: inputs.branch,
      push: inputs.push,
      connection: connect,
      environmentBranch: (config) => (config && inputs.environment ? findEnvironment(config, inputs.environment, 'environment').branch : undefined),
    });
    try {
      return await setImageIn(inputs, opened, connect);
    } finally {
      await opened.repo.dispose();
    }
  } catch (error) {
    if (github && [401, 403, 404].includes(statusOf(error) ?? 0)) throw await explainRefusedWrite(github, error);
    throw error;
  }
}

async function setImageIn(inputs: SetImageInputs, opened: Awaited<ReturnType<typeof openConfigRepo>>, connect: () => GitHubConnection): Promise<SetImageOutcome> {
  const { repo, snapshot, branch } = opened;
  const environment = inputs.environment ? requireEnvironment(opened.config, inputs.environment) : undefined;
  const settings = settingsFor(inputs.settings, environment);
  const { landing } = settings;
  if (landing === 'pull-request' && !environment) {
    throw new InputError('landing', 'set-image lands through a pull request only into an environment of the promotion config (its branch and PR are per environment); set the environment input.');
  }
  if (landing === 'pull-request' && !inputs.push && !inputs.dryRun) {
    throw new InputError('push', `false cannot open a pull request: environment '${environment!.name}' lands through one; set landing: commit to commit locally.`);
  }
  const overlays =
    inputs.overlays.length > 0 || !environment
      ? resolveOverlays(snapshot.root, inputs.overlays)
      : resolveEnvironmentOverlays(snapshot.root, opened.config!, environment).flatMap((app) => app.overlays);
  const plan: SetImagePlan = {
    inputs,
    overlayPaths: overlays.map((overlay) => overlay.path),
    validation: inputs.validation && withPolicy(inputs.validation, settings.policy),
  };
  if (!branch && inputs.push && !inputs.dryRun) {
    throw new InputError('branch', 'the checkout is on a detached HEAD; name the branch to push to.');
  }

  const edits = await planSetImage(inputs, overlays);
  refuseDowngrades(edits, inputs.allowDowngrade);
  for (const warning of renamedIntoWarnings(edits)) core.warning(warning);
  warnAboutDroppedValues(edits);
  const changes = overlayChanges(edits);
  const outcome: SetImageOutcome = { changes, commitSha: '', branch, pushed: false, dryRun: inputs.dryRun, superseded: [] };
  if (changes.length === 0) {
    core.info('Every overlay already has these images; nothing to change.');
    if (landing === 'pull-request' && !inputs.dryRun) {
      outcome.closed = await closeSettledSetImagePullRequest(connect(), environment!.name, (images) => planSetImage({ ...inputs, images }, overlays));
    }
    return outcome;
  }
  if (inputs.dryRun) {
    await showDiffs(edits.filter((edit) => edit.changes.length > 0));
    return outcome;
  }
  if (repo instanceof LocalCheckout) {
    const dirty = await repo.git.changedPaths(edits.map((edit) => edit.overlay.absoluteFile));
    if (dirty.length > 0) throw new InputError('path', `${dirty.join(', ')} has uncommitted changes; commit or discard them first.`);
  }

  if (landing === 'pull-request') {
    // This run's own edit is checked before GitHub is reached, so a bad image fails without a request.
    await checkInPlace(plan, snapshot, edits.filter((edit) => edit.changes.length > 0));
    const landedPull = await landSetImagePullRequest({
      repo,
      github: connect(),
      snapshot,
      base: branch,
      environment: environment!,
      pullRequest: settings.pullRequest,
      images: inputs.images,
      plan: (images) => planSetImage({ ...inputs, images }, overlays),
      check: (changed) => checkInPlace(plan, snapshot, changed),
      message: (current) => renderCommitMessage(inputs.commitMessage, current, commitContextFromEnv()),
      author: inputs.author,
    });
    return { ...outcome, ...landedPull };
  }

  const landed = await landCommit({
    repo,
    snapshot,
    target: { branch, mode: 'fast-forward' },
    author: inputs.author,
    apply: (current, attempt) => applyEdits(plan, current, attempt === 1 ? edits : undefined),
    message: (current) => renderCommitMessage(inputs.commitMessage, current, commitContextFromEnv()),
  });
  const { snapshot: _landedOn, ...result } = landed;
  return { ...outcome, ...result };
}

function requireEnvironment(config: PromotionConfig | undefined, name: string): Environment {
  if (!config) {
    throw new InputError('environment', `'${name}' needs the promotion config (${DEFAULT_CONFIG_FILE} at the config repo root, or the config input).`);
  }
  return findEnvironment(config, name, 'environment');
}

/**
 * Writes the edits into the snapshot (planned afresh on a moved head) and
 * verifies the render. On a re-apply, an entry a concurrent run already moved
 * to a higher version is left alone: the race is over and the higher version won.
 */
async function applyEdits(plan: SetImagePlan, snapshot: Snapshot, firstPlan: FileEdit[] | undefined) {
  const { inputs } = plan;
  let edits = firstPlan ?? (await planSetImage(inputs, resolveOverlays(snapshot.root, plan.overlayPaths)));
  const superseded: OverlayChange[] = [];
  if (!firstPlan && !inputs.allowDowngrade) {
    edits = edits.map((edit) => {
      const lower = edit.changes.filter((change) => entryDowngrade(change, edit.entries));
      if (lower.length === 0) return edit;
      superseded.push(...lower.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
      const skip = new Set(lower.map((change) => change.name));
      return planFileEdit(edit.overlay, edit.original, inputs.images.filter((argument) => !skip.has(argument.name)));
    });
  }
  const changed = edits.filter((edit) => edit.changes.length > 0);
  await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    if (inputs.verifyRender) await verifyRenderedImages(changed, { allowDowngrade: inputs.allowDowngrade });
    if (plan.validation) await validateBeforeCommit(snapshot.root, changed, plan.validation);
  } catch (error) {
    await Promise.all(changed.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
    throw error;
  }
  return {
    files: changed.map((edit) => ({ path: edit.overlay.file, content: edit.text })),
    changes: overlayChanges(changed),
    superseded,
  };
}

/** The render check and validation on the edits written into the snapshot, which is put back afterwards. */
async function checkInPlace(plan: SetImagePlan, snapshot: Snapshot, edits: FileEdit[]): Promise<Verified> {
  await Promise.all(edits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    if (plan.inputs.verifyRender) await verifyRenderedImages(edits, { allowDowngrade: plan.inputs.allowDowngrade });
    if (plan.validation) await validateBeforeCommit(snapshot.root, edits, plan.validation);
  } finally {
    await Promise.all(edits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
  return { render: plan.inputs.verifyRender, validation: plan.validation !== undefined };
}

/** The edit of every overlay; with the render check on, new entries go only where the overlay uses the image. */
async function planSetImage(inputs: SetImageInputs, overlays: Overlay[]): Promise<FileEdit[]> {
  const edits = await planEdits(overlays, inputs.images);
  return inputs.verifyRender ? keepOnlyUsedNewEntries(edits, inputs.images) : edits;
}

/** Fails, with the findings annotated and summarised, when an edited overlay does not validate. */
async function validateBeforeCommit(root: string, edits: readonly FileEdit[], settings: ValidationSettings): Promise<void> {
  const report = await core.group('Validating the edited overlays', () =>
    validateOverlays(
      edits.map((edit) => edit.overlay),
      { ...settings, repoRoot: root, policyFor: () => settings.policy },
    ),
  );
  annotate(report, root);
  const failure = validationFailure(report);
  if (failure) {
    await writeValidationSummary(report);
    throw failure;
  }
}

function overlayChanges(edits: readonly FileEdit[]): OverlayChange[] {
  return edits.flatMap((edit) => edit.changes.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
}

function checkAllowedTags(images: readonly ImageArgument[], allowTags: RegExp | undefined): void {
  if (!allowTags) return;
  for (const image of images) {
    if (image.newTag && image.newTag !== KEEP && !allowTags.test(image.newTag)) {
      throw new InputError('images', `tag '${image.newTag}' of '${image.source}' does not match allow-tags /${allowTags.source}/.`);
    }
  }
}

function refuseDowngrades(edits: readonly FileEdit[], allowDowngrade: boolean): void {
  if (allowDowngrade) return;
  for (const edit of edits) {
    for (const change of edit.changes) {
      const downgrade = entryDowngrade(change, edit.entries);
      if (downgrade) throw new InputError('images', describeEntryDowngrade(change, downgrade, edit.overlay.path));
    }
  }
}

function warnAboutDroppedValues(edits: readonly FileEdit[]): void {
  for (const edit of edits) {
    for (const change of edit.changes) {
      if (change.dropped.length === 0 || !change.before) continue;
      const keep = keepForm(change);
      const lost = change.dropped.map((field) => `${field} '${change.before![field]}'`).join(' and ');
      core.warning(
        `'${change.argument}' removes ${lost} from image ${change.name} in ${edit.overlay.file}, as kustomize edit set image does. To keep it, write '${keep}'.`,
      );
    }
  }
}

/** The argument with `*` in each position it cleared, so those values are kept. */
function keepForm(change: ImageEntryChange): string {
  const { after, dropped } = change;
  const tag = after.newTag ? `:${after.newTag}` : dropped.includes('newTag') ? `:${KEEP}` : '';
  const digest = after.digest ? `@${after.digest}` : dropped.includes('digest') ? `@${KEEP}` : '';
  return `${change.name}=${after.newName || KEEP}${tag}${digest}`;
}
