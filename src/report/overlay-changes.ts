import { formatImageReference } from '../kustomize/image-reference.js';
import { codeCell, markdownTable } from '../text/markdown-table.js';
import type { ImageEntryChange, ImageFieldValues, OverlayChange } from '../types.js';

/** The reference an entry makes of image `name` (`newName` replaces the name). */
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

/** The `images` output: one row per change. */
export function imagesOutput<T extends OverlayChange>(changes: readonly T[], extra: (change: T) => Record<string, string> = () => ({})): string {
  return JSON.stringify(
    changes.map((change) => ({ ...extra(change), overlay: change.overlay, file: change.file, image: change.image, old: change.old, new: change.new })),
  );
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

/** A reference for a summary table; an empty old value is a new entry. */
export function referenceCell(reference: string): string {
  return reference ? codeCell(reference) : '<em>(new entry)</em>';
}

/** The table of changes in a summary: overlay, image, and `old → new` under the given heading. */
export function changesTable(changes: readonly OverlayChange[], heading: string): string {
  return markdownTable(
    ['Overlay', 'Image', heading],
    changes.map((change) => [codeCell(change.overlay), codeCell(change.image), `${referenceCell(change.old)} → ${referenceCell(change.new)}`]),
  );
}
