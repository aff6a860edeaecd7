import * as core from '@actions/core';
import { InputError } from '../errors.js';
import { KEEP, type ImageArgument } from '../kustomize/image-argument.js';
import { renamedIntoWarnings } from '../kustomize/renamed-into.js';
import { describeEntryDowngrade, entryDowngrade } from '../kustomize/image-downgrades.js';
import type { FileEdit, ImageEntryChange } from '../types.js';

/**
 * What set-image refuses or warns about before it writes anything, on the
 * planned edits alone (the render check, later, judges what runs).
 */

/** Every new tag must match allow-tags. */
export function checkAllowedTags(images: readonly ImageArgument[], allowTags: RegExp | undefined): void {
  if (!allowTags) return;
  for (const image of images) {
    if (image.newTag && image.newTag !== KEEP && !allowTags.test(image.newTag)) {
      throw new InputError('images', `tag '${image.newTag}' of '${image.source}' does not match allow-tags /${allowTags.source}/.`);
    }
  }
}

/** Refuses a lower semver tag, judged on the file, unless allow-downgrade. */
export function refuseDowngrades(edits: readonly FileEdit[], allowDowngrade: boolean): void {
  if (allowDowngrade) return;
  for (const edit of edits) {
    for (const change of edit.changes) {
      const downgrade = entryDowngrade(change, edit.entries);
      if (downgrade) throw new InputError('images', describeEntryDowngrade(change, downgrade, edit.overlay.path));
    }
  }
}

/** Warns about arguments that go around an entry renaming into their name, and about values an argument drops. */
export function warnAboutEdits(edits: readonly FileEdit[]): void {
  for (const warning of renamedIntoWarnings(edits)) core.warning(warning);
  for (const edit of edits) {
    for (const change of edit.changes) {
      const { before } = change;
      if (change.dropped.length === 0 || !before) continue;
      const lost = change.dropped.map((field) => `${field} '${before[field]}'`).join(' and ');
      core.warning(
        `'${change.argument}' removes ${lost} from image ${change.name} in ${edit.overlay.file}, as kustomize edit set image does. To keep it, write ` +
          `'${keepForm(change)}'.`,
      );
    }
  }
}

/** The argument with `*` in each position it cleared, so those values are kept. */
export function keepForm(change: ImageEntryChange): string {
  const { after, dropped } = change;
  const tag = after.newTag ? `:${after.newTag}` : dropped.includes('newTag') ? `:${KEEP}` : '';
  const digest = after.digest ? `@${after.digest}` : dropped.includes('digest') ? `@${KEEP}` : '';
  return `${change.name}=${after.newName || KEEP}${tag}${digest}`;
}
