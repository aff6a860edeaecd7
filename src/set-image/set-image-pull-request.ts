import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import type { Environment, PullRequestSettings } from '../config/promotion-config.js';
import type { GitHubConnection } from '../github/github-connection.js';
import { describeRefusal, findOpenPullRequest, type Refusal } from '../github/pull-requests.js';
import { parseImageArguments, type ImageArgument } from '../kustomize/image-argument.js';

import { entryDowngrade } from '../kustomize/image-downgrades.js';
import type { ConfigRepo, Snapshot } from '../repo/config-repo.js';

import { toOverlayChange } from '../report/overlay-changes.js';
import { buildSetImageBody, carriedArguments } from './set-image-pull-request-body.js';
import { checklist } from '../promote/promotion-body.js';
import type { Verified } from '../checks/check-edits.js';
import { MAX_BRANCH_LENGTH, refPart } from '../promote/promotion-names.js';
import { closeEmptyPromotion, landPromotionPullRequest } from '../promote/promotion-pull-request.js';
import type { FileEdit, Identity, OverlayChange } from '../types.js';

/**
 * set-image into an environment that lands through pull requests: one stable
 * branch and one open PR per environment. The PR carries the set-image
 * arguments it applies, so a later run re-applies them with its own on the
 * current base head (one commit on top of it): an earlier image is never
 * dropped by a later run, and a re-run with nothing new writes nothing.
 */

/** `gitops-promote/set-image/production`. */
export function setImageBranchName(environment: string): string {
  const name = `gitops-promote/set-image/${refPart(environment)}`;
  if (name.length <= MAX_BRANCH_LENGTH) return name;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 12);
  return `${name.slice(0, MAX_BRANCH_LENGTH - 13).replace(/[./+-]+$/, '')}-${digest}`;
}

export function setImageMarker(environment: string): string {
  return `<!-- gitops-promote:set-image environment=${environment} -->`;
}

export interface SetImagePullRequestWork {
  repo: ConfigRepo;
  github: GitHubConnection;
  snapshot: Snapshot;
  /** The branch the PR merges into. */
  base: string;
  environment: Environment;
  /** The environment's pull-request settings, with the workflow's inputs applied. */
  pullRequest: PullRequestSettings;
  /** This run's arguments. */
  images: ImageArgument[];
  /** The edits of the overlays for these arguments, on the snapshot. */
  plan: (images: ImageArgument[]) => Promise<FileEdit[]>;
  /** The render check and validation of the edits (files restored afterwards). */
  check: (edits: FileEdit[]) => Promise<Verified>;
  message: (changes: OverlayChange[]) => string;
  /** The run's page, linked from the body. */
  runUrl: string;
  author: Identity;
  /** A note the body opens with (a hold this run overrides). */
  note?: string;
}

export interface SetImagePullRequestOutcome {
  changes: OverlayChange[];
  commitSha: string;
  pullRequest: { number: number; url: string; created: boolean; moved: boolean };
  refusals: Refusal[];
}

export async function landSetImagePullRequest(work: SetImagePullRequestWork): Promise<SetImagePullRequestOutcome> {
  const { github, environment } = work;
  const branch = setImageBranchName(environment.name);
  const marker = setImageMarker(environment.name);
  const existing = await findOpenPullRequest(github, branch, marker);
  const images = [...(await stillWanted(work, existing?.body)), ...work.images];
  const edits = (await work.plan(images)).filter((edit) => edit.changes.length > 0);
  const changes = edits.flatMap((edit) => edit.changes.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
  const verified = await work.check(edits);
  const title = setImageTitle(environment.name, changes);
  const built = buildSetImageBody({
    marker,
    environment: environment.name,
    baseBranch: work.base,
    arguments: images.map((image) => image.source),
    rows: changes.map((change) => ({ overlay: change.overlay, image: change.image, current: change.old, next: change.new })),
    runUrl: work.runUrl,
    checklist: checklist(environment, verified),
  });
  const body = work.note ? `${work.note}\n\n${built}` : built;
  const landed = await landPromotionPullRequest(
    work.repo,
    github,
    work.snapshot,
    {
      branch,
      base: work.base,
      marker,
      title,
      body,
      files: edits.map((edit) => ({ path: edit.overlay.file, content: edit.text })),
      message: work.message(changes),
      author: work.author,
    },
    work.pullRequest,
    { existing },
  );
  for (const refusal of landed.refusals) core.warning(`The pull request was made, but ${describeRefusal(refusal)}`);
  return {
    changes,
    commitSha: landed.commitSha,
    pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved },
    refusals: landed.refusals,
  };
}

/**
 * This run has nothing to change. When the environment's open set-image PR
 * carries nothing the base still lacks (it got there another way, or a higher
 * version did), the PR is closed with a comment and its branch deleted, as an
 * emptied promotion is. Returns the number of the PR it closed.
 */
export async function closeSettledSetImagePullRequest(
  github: GitHubConnection,
  environment: string,
  plan: (images: ImageArgument[]) => Promise<FileEdit[]>,
): Promise<number | undefined> {
  const branch = setImageBranchName(environment);
  const marker = setImageMarker(environment);
  const existing = await findOpenPullRequest(github, branch, marker);
  if (!existing) return undefined;
  const carried = parseCarried(existing.body);
  const stillNeeded = carried.length > 0 && (await plan(carried)).some((edit) => edit.changes.some((change) => !entryDowngrade(change, edit.entries)));
  if (stillNeeded) return undefined;
  const reason = `Every image this pull request sets is already in ${environment}'s overlays (or a higher version is), so nothing is left to merge.`;
  return closeEmptyPromotion(github, branch, marker, reason);
}

/**
 * The open PR's arguments for images this run does not set, minus those the
 * base already holds at a higher version (merged elsewhere since): they would
 * be downgrades now.
 */
async function stillWanted(work: SetImagePullRequestWork, body: string | undefined): Promise<ImageArgument[]> {
  const names = new Set(work.images.map((image) => image.name));
  const carried = parseCarried(body).filter((image) => !names.has(image.name));
  if (carried.length === 0) return [];
  const lower = new Set(
    (await work.plan(carried)).flatMap((edit) => edit.changes.filter((change) => entryDowngrade(change, edit.entries)).map((change) => change.name)),
  );
  for (const name of lower) core.info(`The base already runs a higher version of ${name} than the open pull request set; dropping it from the PR.`);
  return carried.filter((image) => !lower.has(image.name));
}

function parseCarried(body: string | undefined): ImageArgument[] {
  const carried = carriedArguments(body);
  // No open pull request, or one that carries nothing: nothing to read, nothing to warn about.
  if (carried.length === 0) return [];
  try {
    return parseImageArguments(carried);
  } catch {
    core.warning('The open set-image pull request carries arguments this version cannot read; only this run’s images are kept.');
    return [];
  }
}

function setImageTitle(environment: string, changes: readonly OverlayChange[]): string {
  const images = [...new Set(changes.map((change) => change.new))];
  const list = images.length <= 3 ? images.join(', ') : `${images.length} images`;
  const title = `Set ${list} in ${environment}`;
  return title.length <= 250 ? title : `${title.slice(0, 249)}…`;
}
