import type { Pair, YAMLMap, YAMLSeq } from 'yaml';
import { UserError } from '../errors.js';
import { KEEP, parseImageArgument, type ImageArgument } from '../kustomize/image-argument.js';
import { IMAGE_FIELDS } from '../kustomize/kustomization-document.js';
import { applySplices, columnOf, detectLineEnding, formatScalar, lineEndAfter, trimLineBreak, type ScalarStyle, type Splice } from '../kustomize/yaml-text.js';
import type { ImageField, ImageFieldValues } from '../types.js';
import { readApplicationFile, type ApplicationSource, type ApplicationSourceRef, type KustomizeImageEntry } from './argocd-application-sources.js';
import { formatImageEntry, valuesOf } from './argocd-image-entry.js';
import type { Pin, PinChange, PinEditor, PinnedImage } from './pin-types.js';
import { contentEnd, indentStyleOf, keyStart, rangeOf, scalarStyleOf, type IndentStyle } from './yaml-nodes.js';

export { imageArgumentOfEntry } from './argocd-image-entry.js';
export { sourcesWithKustomizeImages, type ApplicationSourceImages, type ApplicationSourceRef } from './argocd-application-sources.js';

/**
 * The `argocd-application` pin: an Argo CD Application's
 * `spec.source.kustomize.images` and each `spec.sources[].kustomize.images`.
 * Argo CD runs `kustomize edit set image <entries…>` in the source's folder
 * before it builds, so an argument replaces the entries of its name with the
 * merged value (`*` keeps the entry's part, a part the argument leaves out
 * is cleared, as kustomize does), written back as the shortest argument in
 * the entry's quoting. Every entry of the name is changed: kustomize applies
 * them in order and the last wins.
 */

export interface ArgoCdKustomizeImagesOptions {
  /**
   * Whether an argument with no entry of its name in a source is added to
   * it. Unset: never. The caller adds only where the source renders the
   * image; a source Argo CD does not build with kustomize (a chart, Helm,
   * directory or plugin settings) is never asked.
   */
  addMissing?: (imageName: string, source: ApplicationSourceRef) => boolean;
}

export function argoCdKustomizeImagesEditor(options: ArgoCdKustomizeImagesOptions = {}): PinEditor {
  return {
    read: readKustomizeImages,
    edit: (pin, source, args) => editKustomizeImages(pin, source, args, options),
  };
}

/** The editor that changes entries and never adds one. */
export const argoCdKustomizeImages: PinEditor = argoCdKustomizeImagesEditor();

function mayChange(pin: Pin, name: string): boolean {
  return pin.only === undefined || pin.only.includes(name);
}

function readKustomizeImages(pin: Pin, source: string): PinnedImage[] {
  return readApplicationFile(source, pin.file)
    .sources.flatMap((each) => each.entries)
    .filter((entry) => mayChange(pin, entry.argument.name))
    .map((entry) => ({ name: entry.argument.name, values: valuesOf(entry.argument), location: entry.location, line: entry.line }));
}

interface Addition {
  argument: ImageArgument;
  values: ImageFieldValues;
  text: string;
}

function editKustomizeImages(
  pin: Pin,
  source: string,
  args: readonly ImageArgument[],
  options: ArgoCdKustomizeImagesOptions,
): { text: string; changes: PinChange[] } {
  const file = readApplicationFile(source, pin.file);
  const eol = detectLineEnding(source);
  const indent = indentStyleOf(file.stream);
  const wanted = args.filter((argument) => mayChange(pin, argument.name));
  const newStyle = entryStyle(file.sources.flatMap((each) => each.entries));
  const splices: Splice[] = [];
  const changes: PinChange[] = [];
  const added: Array<{ sourceIndex: number; entryIndex: number; addition: Addition }> = [];

  file.sources.forEach((each, sourceIndex) => {
    const additions: Addition[] = [];
    for (const argument of wanted) {
      const matches = each.entries.filter((entry) => entry.argument.name === argument.name);
      if (matches.length === 0) {
        if (!each.mayBuildWithKustomize || options.addMissing?.(argument.name, refOf(each)) !== true) continue;
        const values = mergedValues(argument, null);
        if (IMAGE_FIELDS.every((field) => values[field] === '')) continue;
        additions.push({ argument, values, text: entryText(pin.file, `${each.yamlPath}.kustomize.images`, argument, values) });
        continue;
      }
      for (const entry of matches) {
        const change = changeEntry(source, pin.file, entry, argument);
        if (!change) continue;
        splices.push(change.splice);
        changes.push(change.change);
      }
    }
    if (additions.length === 0) return;
    const style = entryStyle(each.entries) ?? newStyle ?? 'PLAIN';
    const texts = additions.map((addition) => formatScalar(addition.text, style));
    splices.push(...addEntries(source, each, texts, indent, eol));
    additions.forEach((addition, index) => added.push({ sourceIndex, entryIndex: each.entries.length + index, addition }));
  });

  const text = splices.length > 0 ? applySplices(source, splices) : source;
  if (added.length > 0) changes.push(...addedChanges(text, pin.file, added));
  return { text, changes };
}

/** What the caller is told of a source: no YAML nodes. */
function refOf(each: ApplicationSource): ApplicationSourceRef {
  const { application, index, repoURL, path, targetRevision, chart } = each;
  return { application, index, repoURL, path, targetRevision, chart };
}

function changeEntry(source: string, file: string, entry: KustomizeImageEntry, argument: ImageArgument): { splice: Splice; change: PinChange } | null {
  const before = valuesOf(entry.argument);
  const after = mergedValues(argument, before);
  if (IMAGE_FIELDS.every((field) => after[field] === before[field])) return null;
  if (entry.substituted) {
    throw new UserError(
      `${file}: ${entry.location} '${entry.text}' holds a variable Argo CD substitutes at build time; ` +
        `write the image out, or keep ${argument.name} out of this pin.`,
    );
  }
  const text = entryText(file, entry.location, argument, after);
  const [start, end] = rangeOf(entry.node);
  const style = scalarStyleOf(entry.node);
  // A block scalar (`|`) becomes a one-line scalar; its line break stays.
  const splice = { start, end: trimLineBreak(source, end), text: formatScalar(text, style === 'BLOCK' ? 'PLAIN' : style) };
  const dropped = IMAGE_FIELDS.filter((field: ImageField) => before[field] !== '' && after[field] === '');
  return { splice, change: { name: argument.name, argument: argument.source, before, after, dropped, location: entry.location, line: entry.line } };
}

/** `*` keeps the entry's value; any other part of the argument replaces it, '' clearing it. */
function mergedValues(argument: ImageArgument, before: ImageFieldValues | null): ImageFieldValues {
  const pick = (field: ImageField): string => (argument[field] === KEEP ? (before?.[field] ?? '') : argument[field]);
  return { newName: pick('newName'), newTag: pick('newTag'), digest: pick('digest') };
}

/** The entry as one argument string, checked to read back as the same values. */
function entryText(file: string, location: string, argument: ImageArgument, values: ImageFieldValues): string {
  if (IMAGE_FIELDS.every((field) => values[field] === '')) {
    throw new UserError(
      `${file}: ${location}: '${argument.source}' leaves ${argument.name} with no new name, tag or digest, ` +
        'which is no argument for kustomize; remove the entry instead.',
    );
  }
  const text = formatImageEntry(argument.name, values);
  let reread: ImageArgument | null = null;
  try {
    reread = parseImageArgument(text);
  } catch {
    // Falls through to the refusal below.
  }
  if (!reread || reread.name !== argument.name || IMAGE_FIELDS.some((field) => reread[field] !== values[field])) {
    throw new UserError(`${file}: ${location}: ${argument.name} with these values cannot be written as one image string ('${text}' reads otherwise).`);
  }
  return text;
}

function entryStyle(entries: readonly KustomizeImageEntry[]): ScalarStyle | undefined {
  const first = entries.at(0);
  if (!first) return undefined;
  const style = scalarStyleOf(first.node);
  return style === 'BLOCK' ? 'PLAIN' : style;
}

function addedChanges(text: string, file: string, added: ReadonlyArray<{ sourceIndex: number; entryIndex: number; addition: Addition }>): PinChange[] {
  const sources = readApplicationFile(text, file).sources;
  return added.map(({ sourceIndex, entryIndex, addition }) => {
    const entry = sources[sourceIndex].entries[entryIndex];
    return {
      name: addition.argument.name,
      argument: addition.argument.source,
      before: null,
      after: addition.values,
      dropped: [],
      location: entry.location,
      line: entry.line,
    };
  });
}

// --- adding entries ----------------------------------------------------------

/** New entries go after the source's last entry, creating `kustomize:` and `images:` where missing, in the file's indentation. */
function addEntries(source: string, each: ApplicationSource, texts: readonly string[], indent: IndentStyle, eol: string): Splice[] {
  const pad = (column: number): string => ' '.repeat(column);
  const listLines = (dashColumn: number, gap = 1): string[] => texts.map((text) => `${pad(dashColumn)}-${pad(gap)}${text}`);
  const { images, imagesPair, kustomize, kustomizePair, node } = each;

  if (images?.flow) return [appendToFlowList(source, images, texts)];
  if (images) {
    const first = rangeOf(images.items[0])[0];
    const dash = source.lastIndexOf('-', first);
    const gap = source.slice(dash + 1, first).includes('\n') ? 1 : first - dash - 1;
    return [insertLines(source, contentEnd(source, images), listLines(columnOf(source, dash), gap), eol)];
  }
  if (imagesPair) {
    const column = columnOf(source, keyStart(imagesPair)) + indent.sequence;
    return [...dropNullValue(source, imagesPair), insertLines(source, rangeOf(imagesPair.key)[1], listLines(column), eol)];
  }
  if (kustomize?.flow) return [appendToFlowMap(source, kustomize, `images: [${texts.join(', ')}]`)];
  if (kustomize) {
    const column = columnOf(source, keyStart(kustomize.items[0]));
    return [insertLines(source, contentEnd(source, kustomize), [`${pad(column)}images:`, ...listLines(column + indent.sequence)], eol)];
  }
  if (kustomizePair) {
    const column = columnOf(source, keyStart(kustomizePair)) + indent.map;
    const lines = [`${pad(column)}images:`, ...listLines(column + indent.sequence)];
    return [...dropNullValue(source, kustomizePair), insertLines(source, rangeOf(kustomizePair.key)[1], lines, eol)];
  }
  if (node.flow) return [appendToFlowMap(source, node, `kustomize: {images: [${texts.join(', ')}]}`)];
  const column = columnOf(source, keyStart(node.items[0]));
  const lines = [`${pad(column)}kustomize:`, `${pad(column + indent.map)}images:`, ...listLines(column + indent.map + indent.sequence)];
  return [insertLines(source, contentEnd(source, node), lines, eol)];
}

/** Lines after the line that holds `after`; a file without a final line break keeps it that way. */
function insertLines(source: string, after: number, lines: readonly string[], eol: string): Splice {
  const at = lineEndAfter(source, after);
  const atEndWithoutBreak = at === source.length && !source.endsWith('\n');
  return { start: at, end: at, text: atEndWithoutBreak ? eol + lines.join(eol) : lines.join(eol) + eol };
}

/** `key: ~` or `key: null` would read as a broken mapping with lines under it: the null goes. */
function dropNullValue(source: string, pair: Pair): Splice[] {
  const value = pair.value as { range?: [number, number, number] } | null;
  if (!value?.range || value.range[1] <= value.range[0]) return [];
  const colon = source.indexOf(':', rangeOf(pair.key)[1]);
  return [{ start: colon + 1, end: value.range[1], text: '' }];
}

function appendToFlowList(source: string, list: YAMLSeq, texts: readonly string[]): Splice {
  const last = list.items.at(-1);
  // After the last item, not before `]`: a list written over several lines may end with a comma.
  if (last) return { start: rangeOf(last)[1], end: rangeOf(last)[1], text: `, ${texts.join(', ')}` };
  const close = source.lastIndexOf(']', rangeOf(list)[1]);
  return { start: close, end: close, text: texts.join(', ') };
}

function appendToFlowMap(source: string, map: YAMLMap, text: string): Splice {
  const last = map.items.at(-1);
  if (last) {
    const end = contentEnd(source, last);
    return { start: end, end, text: `, ${text}` };
  }
  const close = source.lastIndexOf('}', rangeOf(map)[1]);
  return { start: close, end: close, text };
}
