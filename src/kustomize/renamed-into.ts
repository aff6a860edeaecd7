import { KEEP } from './image-argument.js';
import { applyImageOverride, formatImageReference, isImageMatched } from './image-reference.js';
import type { ImageEntryChange, ImageFieldValues } from '../types.js';

/**
 * An argument named after the image another entry renames into. kustomize
 * applies `images:` entries one after another, each to the images as the
 * earlier ones left them (checked with kubectl 1.32 / kustomize 5.5: with
 * `web → ghcr.io/acme/web:1.4.1` first and `ghcr.io/acme/web:1.0.0` second,
 * 1.0.0 renders; in the other order, 1.4.1). So `ghcr.io/acme/web:1.0.0` on an
 * overlay whose entry `web` renames into `ghcr.io/acme/web` does not set that
 * entry: kustomize's editor adds a second one, after it, that wins.
 */

/** An entry's name and image fields, as the file has them. */
export type EntryValues = ImageFieldValues & { name: string };

/**
 * - `adds-after`: the argument adds an entry; it goes after the renaming one and overrides it.
 * - `edits-overriding`: it sets an existing entry after the renaming one, which overrides it already.
 * - `edits-unreached`: it sets an existing entry before the renaming one: when that entry
 *   applies, the image does not carry the name yet, so it changes nothing.
 */
export type RenamedIntoKind = 'adds-after' | 'edits-overriding' | 'edits-unreached';

export interface RenamedInto {
  change: ImageEntryChange;
  kind: RenamedIntoKind;
  /** The entry whose newName is the argument's name. */
  renamer: EntryValues;
  /** The argument that sets the image through the renaming entry, with the same render. */
  meant: string;
}

/** The changes of one file whose name another entry of it (`entries`, in file order) renames into. */
export function findRenamedInto(changes: readonly ImageEntryChange[], entries: readonly EntryValues[]): RenamedInto[] {
  const found: RenamedInto[] = [];
  for (const change of changes) {
    const renamerIndex = entries.findIndex((entry) => entry.newName === change.name && entry.name !== change.name);
    if (renamerIndex < 0) continue;
    const renamer = entries[renamerIndex];
    const ownIndex = entries.findIndex((entry) => entry.name === change.name);
    const kind: RenamedIntoKind = change.before === null ? 'adds-after' : ownIndex > renamerIndex ? 'edits-overriding' : 'edits-unreached';
    found.push({ change, kind, renamer, meant: meantArgument(change, renamer, kind) });
  }
  return found;
}

/**
 * The argument for the renaming entry that renders what the change meant. An
 * added entry leaves the fields it does not set as the renaming entry made
 * them, so those become `*`; a new tag alone still drops the digest, and a new
 * digest alone the tag, in the render and in the argument alike.
 */
export function meantArgument(change: ImageEntryChange, renamer: EntryValues, kind: RenamedIntoKind): string {
  const { newName, newTag, digest } = change.after;
  const keepRest = kind === 'adds-after' && !newTag && !digest;
  const tag = newTag || (keepRest && renamer.newTag ? KEEP : '');
  const pin = digest || (keepRest && renamer.digest ? KEEP : '');
  return `${renamer.name}=${formatImageReference({ name: newName || KEEP, tag, digest: pin })}`;
}

/** The one-line warning for a change that goes around the entry that renames into its name. */
export function describeRenamedInto(found: RenamedInto, where: string): string {
  const { change, renamer, meant } = found;
  const renamerClause = `entry '${renamer.name}' (which renames ${renamer.name} into ${change.name})`;
  switch (found.kind) {
    case 'adds-after':
      return (
        `'${change.argument}' is named after ${change.name}, which entry '${renamer.name}' renames ${renamer.name} into in ${where}, so it adds a ` +
        `second entry, '${change.name}', after '${renamer.name}' ` +
        `(as kustomize edit set image does): it overrides '${renamer.name}', and a later '${renamer.name}=…' changes nothing there. ` +
        `You probably meant '${meant}'.`
      );
    case 'edits-overriding':
      return (
        `'${change.argument}' sets entry '${change.name}' in ${where}, which comes after ${renamerClause} and overrides it, ` +
        `so what '${renamer.name}' sets there has no effect; remove one of the two entries so that one entry sets this image.`
      );
    case 'edits-unreached':
      return (
        `'${change.argument}' sets entry '${change.name}' in ${where}, which comes before ${renamerClause}: when it applies the image is still named ` +
        `${renamer.name}, so it changes nothing. You probably meant '${meant}'.`
      );
  }
}

/**
 * Whether the render check refuses the change when it moves nothing in the
 * render: it goes around the renaming entry (an entry set by an earlier run
 * that already overrides it is the one that works, and is left alone).
 */
export function refusedWhenNoOp(found: RenamedInto): boolean {
  return found.kind !== 'edits-overriding';
}

/** Why an argument that changes nothing in the render is refused (the render check found it). */
export function describeRenamedIntoNoOp(found: RenamedInto, where: string, renders: readonly string[]): string {
  const { change, renamer, meant } = found;
  const effect =
    found.kind === 'edits-unreached'
      ? `it sets entry '${change.name}', which applies before entry '${renamer.name}' renames ${renamer.name} into ${change.name}`
      : `entry '${renamer.name}' renames ${renamer.name} into ${change.name} and sets it already; the argument would only add an entry ` +
        `'${change.name}' that overrides '${renamer.name}'`;
  const running = renders.length > 0 ? ` (it runs ${renders.join(', ')})` : '';
  return `'${change.argument}' changes nothing that ${where} renders${running}: ${effect}. Write '${meant}' instead.`;
}

/**
 * For an edited entry whose reference does not render: the first later entry
 * of the edited file that matches the image the edit produces and changes it
 * again (an entry an earlier run added under the full image name, say), so it
 * wins. `entries` are the edited file's, in order.
 */
export function findOverridingEntry(change: ImageEntryChange, entries: readonly EntryValues[]): { entry: EntryValues; renders: string } | undefined {
  const own = entries.findLastIndex((entry) => entry.name === change.name);
  if (own < 0) return undefined;
  const produced = formatImageReference({ name: change.after.newName || change.name, tag: change.after.newTag, digest: change.after.digest });
  for (const entry of entries.slice(own + 1)) {
    if (!isImageMatched(produced, entry.name)) continue;
    const renders = applyImageOverride(produced, entry);
    if (renders !== produced) return { entry, renders };
  }
  return undefined;
}

/** The sentence the "matched nothing" error gives when a later entry overrides the edited one. */
export function describeOverridingEntry(change: ImageEntryChange, overriding: { entry: EntryValues; renders: string }): string {
  const { entry, renders } = overriding;
  const { newTag, digest } = change.after;
  const through = newTag || digest ? `, or set the image through it with '${entry.name}=${formatImageReference({ name: KEEP, tag: newTag, digest })}'` : '';
  return (
    `Entry '${entry.name}', later in images:, matches what '${change.name}' renders and sets it to ${renders}, so it wins ` +
    `(an earlier set-image given the full image name adds such an entry). Remove that entry${through}.`
  );
}

/**
 * One warning per argument and kind across the overlays it goes around a
 * renaming entry in (each edit's changes against its file's entries as they were).
 */
export function renamedIntoWarnings(
  edits: ReadonlyArray<{ overlay: { path: string }; changes: readonly ImageEntryChange[]; entries: readonly EntryValues[] }>,
): string[] {
  const groups = new Map<string, { found: RenamedInto; overlays: string[] }>();
  for (const edit of edits) {
    for (const found of findRenamedInto(edit.changes, edit.entries)) {
      const key = [found.kind, found.change.argument, found.renamer.name, found.meant].join('\u0000');
      const group = groups.get(key) ?? { found, overlays: [] };
      group.overlays.push(edit.overlay.path);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ found, overlays }) => describeRenamedInto(found, overlays.join(', ')));
}
