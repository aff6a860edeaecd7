import * as core from '@actions/core';
import { writeSummary } from './job-summary.js';
import { formatImageReference } from '../kustomize/image-reference.js';
import type { ImageEntryChange } from '../kustomize/set-image-edit.js';
import type { ImageFieldValues } from '../kustomize/kustomization-document.js';
import { describeRefusal } from '../github/pull-requests.js';

/** One row of the `images` output and of the job summary. */
export interface OverlayChange {
  overlay: string;
  file: string;
  image: string;
  /** The reference the entry produced before (`''` for a new entry). */
  old: string;
  new: string;
  before: ImageFieldValues | null;
  after: ImageFieldValues;
}

export function describeEntry(name: string, values: ImageFieldValues): string {
  return formatImageReference({ name: values.newName || name, tag: values.newTag, digest: values.digest });
}

export function toOverlayChange(overlay: string, file: string, change: ImageEntryChange): OverlayChange {
  return {
    overlay,
    file,
    image: change.name,
    old: change.before ? describeEntry(change.name, change.before) : '',
    new: describeEntry(change.name, change.after),
    before: change.before,
    after: change.after,
  };
}

export interface SetImageOutcome {
  changes: OverlayChange[];
  commitSha: string;
  branch: string;
  pushed: boolean;
  dryRun: boolean;
  /** Changes skipped because a concurrent run had already landed a higher version. */
  superseded: OverlayChange[];
  /** The environment's set-image pull request, when it lands through one. */
  pullRequest?: { number: number; url: string; created: boolean; moved: boolean };
  /** The environment's set-image pull request closed because it had nothing left to merge. */
  closed?: number;
  /** Parts of the pull request GitHub refused (labels, reviewers, auto-merge), with the fix. */
  refusals?: Array<{ what: string; why: string; fix: string }>;
}

/**
 * The `changed` output, one definition for every writing command: true when
 * this run moves an image (a commit, or a pull request opened or its branch
 * moved); in a dry run, when it would. A re-run that finds its commit or its
 * pull request already in place changes nothing.
 */
export function changedBy(outcome: { dryRun: boolean; changes: readonly unknown[]; commitSha: string; pullRequest?: { moved: boolean } }): boolean {
  if (outcome.dryRun) return outcome.changes.length > 0;
  if (outcome.pullRequest) return outcome.pullRequest.moved;
  return outcome.commitSha !== '';
}

export function setImageOutputs(outcome: SetImageOutcome): void {
  core.setOutput('changed', String(changedBy(outcome)));
  core.setOutput('commit-sha', outcome.commitSha);
  core.setOutput('pull-request-number', outcome.pullRequest ? String(outcome.pullRequest.number) : '');
  core.setOutput('pull-request-url', outcome.pullRequest?.url ?? '');
  core.setOutput(
    'images',
    JSON.stringify(outcome.changes.map(({ overlay, file, image, old, new: next }) => ({ overlay, file, image, old, new: next }))),
  );
}

/** Inline code for the summary; HTML, because GitHub does not render markdown inside the table's HTML. */
function code(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text ? `<code>${escaped}</code>` : '<em>(new entry)</em>';
}

export async function writeSetImageSummary(outcome: SetImageOutcome): Promise<void> {
  const summary = core.summary.addHeading(outcome.dryRun ? 'gitops-promote set-image (dry run)' : 'gitops-promote set-image', 2);
  if (outcome.changes.length === 0) {
    summary.addRaw('Every overlay already has these images; nothing was changed.', true);
  } else {
    summary.addTable([
      [
        { data: 'Overlay', header: true },
        { data: 'Image', header: true },
        { data: 'Old → new', header: true },
      ],
      ...outcome.changes.map((change) => [code(change.overlay), code(change.image), `${code(change.old)} → ${code(change.new)}`]),
    ]);
    if (outcome.dryRun) summary.addRaw('Dry run: nothing was written.', true);
    else if (outcome.pullRequest) {
      const { number, url, created } = outcome.pullRequest;
      summary.addRaw(`Pull request <a href="${url}">#${number}</a> ${created ? 'opened' : outcome.pullRequest.moved ? 'updated' : 'already carries these images'} (commit ${code(outcome.commitSha)}), into ${code(outcome.branch)}.`, true);
    } else if (outcome.commitSha) {
      summary.addRaw(`Commit ${code(outcome.commitSha)} on ${code(outcome.branch)}${outcome.pushed ? ', pushed.' : ', not pushed (push: false).'}`, true);
    }
  }
  if (outcome.superseded.length > 0) {
    summary.addRaw(
      `Skipped, a concurrent run had already set a higher version: ${outcome.superseded.map((change) => `${code(change.overlay)} ${code(change.image)}`).join(', ')}.`,
      true,
    );
  }
  if (outcome.closed) summary.addRaw(`Closed pull request #${outcome.closed}: everything it set is already in the environment.`, true);
  for (const refusal of outcome.refusals ?? []) summary.addRaw(`⚠️ ${describeRefusal(refusal)}`, true);
  await writeSummary();
}
