import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from './action-runner.js';
import { sparseLineDiff } from './sparse-line-diff.js';
import type { ImageFieldValues, Pin, PinKind, PinnedImagePaths } from '../../src/types.js';

/**
 * Real-world Helm values, HelmReleases and Argo CD Applications
 * (`__tests__/fixtures/pins/helm/`, listed in images.json with the paths of
 * every image they hold), and the checks each edit of them must pass. What a
 * file holds after an edit is read here on its own terms (plain YAML, and
 * Argo CD's rule that parameters override valuesObject, which replaces
 * values), not through the editor's routines.
 */

export const FIXTURES = join(PROJECT_ROOT, '__tests__', 'fixtures', 'pins', 'helm');

export interface FixtureEntry {
  kind: PinKind;
  images: PinnedImagePaths[];
  digestInTag?: boolean;
  /** Set when the editor must refuse the file: a part of its one-line reason. */
  refused?: string;
}

export const FIXTURE_INDEX = JSON.parse(readFileSync(join(FIXTURES, 'images.json'), 'utf8')) as Record<string, FixtureEntry>;

export function fixturesOf(kinds: readonly PinKind[]): Array<[string, FixtureEntry]> {
  return Object.entries(FIXTURE_INDEX).filter(([, entry]) => kinds.includes(entry.kind));
}

export function fixtureText(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

export function pinOf(file: string, entry: FixtureEntry, images: PinnedImagePaths[] = entry.images): Pin {
  return { kind: entry.kind, file, images, digestInTag: entry.digestInTag ?? false };
}

export const DEFAULT_PATHS = { repository: 'image.repository', tag: 'image.tag', digest: 'image.digest' };

export function pathsOf(image: PinnedImagePaths): { repository?: string; tag?: string; digest?: string } {
  const { repository, tag, digest } = image.paths;
  return repository || tag || digest ? { repository, tag, digest } : DEFAULT_PATHS;
}

function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

type Json = Record<string, unknown>;

/** An Argo CD source's value for a Helm path, as Argo CD computes it. */
function argoValue(source: Json, path: string): unknown {
  const helm = (source.helm ?? {}) as Json;
  const parameters = (helm.parameters ?? []) as Array<{ name: string; value: unknown }>;
  const parameter = parameters.filter((candidate) => candidate.name === path).at(-1);
  if (parameter) return parameter.value;
  if (helm.valuesObject) return getPath(helm.valuesObject, path);
  if (typeof helm.values === 'string') return getPath(parse(helm.values), path);
  return undefined;
}

/**
 * What the file holds at a values path ('' for nothing or null): a values
 * file's, a HelmRelease's `spec.values`, or the Argo CD source that has Helm settings.
 */
export function valueAt(kind: PinKind, text: string, path: string): unknown {
  return heldAt(kind, text, path) ?? '';
}

function heldAt(kind: PinKind, text: string, path: string): unknown {
  if (kind === 'helm-values') return getPath(parse(text), path);
  const documents = parseAllDocuments(text).map((document) => document.toJS() as Json);
  if (kind === 'helm-release') return getPath(documents.find((document) => document.kind === 'HelmRelease')?.spec, `values.${path}`);
  const app = documents.find((document) => document.kind === 'Application' || document.kind === 'ApplicationSet') as Json;
  const spec = (app.kind === 'ApplicationSet' ? ((app.spec as Json).template as Json).spec : app.spec) as Json;
  const sources = Array.isArray(spec.sources) && spec.sources.length > 0 ? (spec.sources as Json[]) : [spec.source as Json];
  const withHelm = sources.filter((source) => source.helm !== undefined);
  return argoValue((withHelm.length > 0 ? withHelm : sources)[0], path);
}

/** The argument variants tried on every image, and what its fields hold after each. */
export interface Variant {
  label: string;
  argument: (name: string) => string;
  after: (before: ImageFieldValues) => ImageFieldValues;
  /** Whether the variant applies to an image with these paths. */
  applies: (image: PinnedImagePaths, digestInTag: boolean) => boolean;
}

export const SHA = `sha256:${'c'.repeat(64)}`;

export const VARIANTS: Variant[] = [
  {
    label: 'new tag',
    argument: (name) => `${name}:9.9.9-promo`,
    after: (before) => ({ newName: before.newName, newTag: '9.9.9-promo', digest: '' }),
    applies: () => true,
  },
  {
    label: 'new repository and tag',
    argument: (name) => `${name}=registry.example.com/promo/app:9.9.10`,
    after: () => ({ newName: 'registry.example.com/promo/app', newTag: '9.9.10', digest: '' }),
    applies: (image) => pathsOf(image).repository !== undefined,
  },
  {
    label: 'tag and digest',
    argument: (name) => `${name}=*:9.9.11@${SHA}`,
    after: (before) => ({ newName: before.newName, newTag: '9.9.11', digest: SHA }),
    applies: (image, digestInTag) => pathsOf(image).digest !== undefined || digestInTag,
  },
];

/** The text each field's path should hold after the edit: the digest in the tag when the pin writes it there. */
export function expectedAt(image: PinnedImagePaths, after: ImageFieldValues, digestInTag: boolean): Array<[string, string | undefined]> {
  const paths = pathsOf(image);
  const inTag = digestInTag && !paths.digest;
  const expected: Array<[string, string | undefined]> = [];
  if (paths.repository) expected.push([paths.repository, after.newName]);
  if (paths.tag) expected.push([paths.tag, inTag && after.digest ? `${after.newTag}@${after.digest}` : after.newTag]);
  if (paths.digest && !inTag && after.digest) expected.push([paths.digest, after.digest]);
  return expected;
}

/**
 * An edit touches only the lines of the values it changed: each line it
 * removed comes back with the same key and a new value, and any other line it
 * wrote is a new key (or a new Argo CD parameter's line).
 */
export function expectOnlyValueLines(before: string, after: string, changedFields: number): void {
  const { removed, added } = sparseLineDiff(before, after);
  expect(removed.length).toBeLessThanOrEqual(changedFields);
  const keyOf = (line: string): string => line.replace(/:.*$/, '');
  const unmatched = [...added];
  for (const line of removed) {
    const index = unmatched.findIndex((candidate) => keyOf(candidate) === keyOf(line));
    expect(index).toBeGreaterThanOrEqual(0);
    unmatched.splice(index, 1);
  }
  for (const line of unmatched) expect(line).toMatch(/^\s*(- )?[\w.\-/"\\]+:( .*)?$/);
}
