import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import type { FileEdit, Overlay, Pin } from '../types.js';
import { editorFor } from './pin-editors.js';
import { namesRepository } from './helm-image.js';
import { findImageSetters, mayHoldImageSetters } from './image-setters.js';
import { pinLabel } from './pin-types.js';

/**
 * The edits of the files that pin images besides overlays: each file read
 * once, its pins applied in order (an Application may hold both kustomize
 * images and Helm parameters), one FileEdit per file so that landing writes
 * each file once.
 */
export async function planPinEdits(root: string, pins: readonly Pin[], args: readonly ImageArgument[]): Promise<FileEdit[]> {
  const byFile = new Map<string, Pin[]>();
  for (const pin of pins) byFile.set(pin.file, [...(byFile.get(pin.file) ?? []), pin]);
  return Promise.all(
    [...byFile].map(async ([file, filePins]) => {
      const original = await readPinFile(root, filePins[0]);
      let text = original;
      const edited = filePins.map((pin) => {
        const result = editorFor(pin.kind).edit(pin, text, args);
        text = result.text;
        return { pin, changes: result.changes };
      });
      return pinFileEdit(root, file, original, text, edited);
    }),
  );
}

function pinFileEdit(root: string, file: string, original: string, text: string, pins: NonNullable<FileEdit['pins']>): FileEdit {
  const overlay: Overlay = {
    path: pins.map(({ pin }) => pinLabel(pin)).join(', '),
    file,
    absolutePath: dirname(join(root, file)),
    absoluteFile: join(root, file),
  };
  return { overlay, original, text, changes: pins.flatMap((pin) => pin.changes), entries: [], isComponent: false, pins };
}

/** A pin's file; one that is missing or is a folder is named with where the pin was given. */
export async function readPinFile(root: string, pin: Pin): Promise<string> {
  if (pin.file.split('/').includes('..') || pin.file.startsWith('/')) {
    throw new UserError(`${pin.origin ?? pinLabel(pin)}: ${pin.file} leaves the config repo; give a path relative to its root.`);
  }
  try {
    return await readFile(join(root, pin.file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})`;
    throw new UserError(`${pin.origin ?? pinLabel(pin)}: ${pin.file} ${why} in the config repo.`);
  }
}

/**
 * Setter comments in the edited overlays' other YAML files (a patch that sets
 * `image: … # {"$imagepolicy": …}`), found without being named. The
 * kustomization itself is left to the overlay edit, which follows kustomize.
 */
export async function discoverSetterPins(root: string, overlays: readonly Overlay[], named: readonly Pin[]): Promise<Pin[]> {
  const known = new Set(named.map((pin) => pin.file));
  const found = await Promise.all(
    overlays.map(async (overlay) => {
      const names = await readdir(overlay.absolutePath).catch(() => [] as string[]);
      const candidates = names
        .filter((name) => /\.ya?ml$/i.test(name) && !/^kustomization\.ya?ml$/i.test(name))
        .map((name) => (overlay.path === '.' ? name : `${overlay.path}/${name}`))
        .filter((file) => !known.has(file));
      const withSetters = await Promise.all(
        candidates.map(async (file) => {
          const text = await readFile(join(root, file), 'utf8').catch(() => '');
          return holdsSetters(text, file) ? file : undefined;
        }),
      );
      return withSetters.filter((file): file is string => file !== undefined);
    }),
  );
  return [...new Set(found.flat())].map((file) => ({ kind: 'image-setters', file, images: [], digestInTag: false, origin: `setter comments in ${file}` }));
}

/**
 * The names of the arguments some pin holds, edited or not (a re-run that
 * finds a Helm value already set still "matches"): for the check that every
 * argument lands somewhere.
 */
export function namesHeldByPins(edits: readonly FileEdit[], args: readonly ImageArgument[]): Set<string> {
  const held = new Set<string>();
  for (const edit of edits) {
    for (const { pin, changes } of edit.pins ?? []) {
      for (const change of changes) held.add(change.name);
      // Once every argument is held, no other pin can add one: a thousand edited values files need not be parsed again.
      if (args.every((argument) => held.has(argument.name))) return held;
      for (const image of editorFor(pin.kind).read(pin, edit.text)) {
        for (const argument of args) if (image.name === argument.name || namesRepository(image.values.newName, argument.name)) held.add(argument.name);
      }
    }
  }
  return held;
}

/** Whether a file holds setter markers; one that does not parse is left to the render, which names it. */
function holdsSetters(text: string, file: string): boolean {
  if (!mayHoldImageSetters(text)) return false;
  try {
    return findImageSetters(text, file).length > 0;
  } catch {
    return false;
  }
}
