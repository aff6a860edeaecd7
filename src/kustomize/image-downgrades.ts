import { splitImageReference } from './image-reference.js';
import { findRenamedInto, type EntryValues, type RenamedInto } from './renamed-into.js';
import type { RenderedImageMove } from './render-comparison.js';

import { isDowngrade } from '../policy/tag-policy.js';
import type { ImageEntryChange } from '../types.js';

/**
 * Downgrades, judged twice: on the kustomization file alone (cheap, and all
 * there is without the render check), and on what the overlay renders before
 * and after the edit (the image that actually runs).
 */

export interface EntryDowngrade {
  from: string;
  to: string;
  /** Set when the change adds an entry after one that renames into its name, and so overrides that one's tag. */
  over?: RenamedInto;
}

/**
 * Whether a change lowers a semver tag, judged on the file: against the
 * entry's own old tag, or, for an entry added after one that renames into its
 * name (`ghcr.io/acme/web:1.0.0` where `web` becomes `ghcr.io/acme/web:1.4.1`),
 * against that entry's tag, which the new one overrides.
 */
export function entryDowngrade(change: ImageEntryChange, entries: readonly EntryValues[]): EntryDowngrade | undefined {
  if (change.before) {
    return isDowngrade(change.before.newTag, change.after.newTag) ? { from: change.before.newTag, to: change.after.newTag } : undefined;
  }
  const over = findRenamedInto([change], entries).find((found) => found.kind === 'adds-after');
  if (over && isDowngrade(over.renamer.newTag, change.after.newTag)) return { from: over.renamer.newTag, to: change.after.newTag, over };
  return undefined;
}

export function describeEntryDowngrade(change: ImageEntryChange, downgrade: EntryDowngrade, where: string): string {
  const { from, to, over } = downgrade;
  if (!over) return `'${change.argument}' would downgrade ${change.name} in ${where} from ${from} to ${to}; set allow-downgrade: true to allow it.`;
  const renamer = over.renamer.name;
  return (
    `'${change.argument}' would downgrade ${change.name} in ${where} from ${from} to ${to}: entry '${renamer}' renames ${renamer} into ${change.name} ` +
    `with tag ${from}, and the argument adds an entry '${change.name}' after it that overrides it. ` +
    `To set the image through '${renamer}', write '${over.meant}'; set allow-downgrade: true to allow the downgrade.`
  );
}

/** The moves in a render that keep the repository and lower a semver tag. */
export function renderedDowngrades(moves: readonly RenderedImageMove[]): RenderedImageMove[] {
  return moves.filter((move) => {
    const from = splitImageReference(move.from);
    const to = splitImageReference(move.to);
    return from.name === to.name && isDowngrade(from.tag, to.tag);
  });
}

/**
 * One sentence per downgraded reference, naming the overlay, the image and the
 * resources it runs in; where an argument added an entry that overrides a
 * renaming one, the sentence names that entry and the argument meant.
 */
export function describeRenderedDowngrades(where: string, downgrades: readonly RenderedImageMove[], renamedInto: readonly RenamedInto[]): string {
  const byMove = new Map<string, RenderedImageMove[]>();
  for (const move of downgrades) {
    const key = `${move.from} ${move.to}`;
    byMove.set(key, [...(byMove.get(key) ?? []), move]);
  }
  return [...byMove.values()]
    .map((moves) => {
      const { from, to } = moves[0];
      const resources = [...new Set(moves.map((move) => move.resource))].join(', ');
      const name = splitImageReference(to).name;
      const over = renamedInto.find((found) => found.kind === 'adds-after' && found.change.name === name);
      const cause = over
        ? ` '${over.change.argument}' adds an entry '${name}' after entry '${over.renamer.name}', which renames ${over.renamer.name} into ${name}, ` +
          `and the new entry wins; to set the image through '${over.renamer.name}', write '${over.meant}'.`
        : '';
      return `${where} would run ${to} where ${from} runs now (${resources}): a semver downgrade.${cause} Set allow-downgrade: true to allow it.`;
    })
    .join(' ');
}
