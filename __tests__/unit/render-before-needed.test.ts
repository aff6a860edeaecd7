import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { entryDowngrade, renderedDowngrades } from '../../src/kustomize/image-downgrades.js';
import { formatImageReference, isImageMatched, mayMatchSameImage } from '../../src/kustomize/image-reference.js';
import { parseKustomization } from '../../src/kustomize/kustomization-document.js';
import { whyRenderBefore, type RenderBeforeReason } from '../../src/kustomize/render-before-needed.js';
import { compareRenders } from '../../src/kustomize/render-comparison.js';
import { collectImageSites, findRenderer, renderOverlay, type Renderer } from '../../src/kustomize/render.js';
import { setImagesInKustomization } from '../../src/kustomize/set-image-edit.js';
import type { ImageEntryChange, ImageFieldValues } from '../../src/types.js';

const FILE = 'overlays/prod/kustomization.yaml';
const SHA = `sha256:${'a'.repeat(64)}`;
const SHA2 = `sha256:${'b'.repeat(64)}`;
const lines = (...text: string[]): string => `${text.join('\n')}\n`;
const images = (...entries: string[]): string => lines('resources: [../base]', 'images:', ...entries);

/** `web` renamed into the full image name, with a tag (the usual overlay). */
const RENAMED = images('- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1');
/** The same after `ghcr.io/acme/web:1.0.0`: kustomize's editor appended a second entry, which wins. */
const SHADOWED = images('- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1', '- name: ghcr.io/acme/web', '  newTag: 1.0.0');
/** The second entry first: it applies while the image is still named `web`. */
const UNREACHED = images('- name: ghcr.io/acme/web', '  newTag: 1.0.0', '- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1');

/** The base every overlay here renders: one Deployment, three containers. */
const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '      - {name: web, image: "web:0.1.0"}',
  '      - {name: api, image: "api:2.0.0"}',
  '      - {name: pinned, image: "ghcr.io/acme/web:5.0.0"}',
);

function plan(source: string, args: string[]) {
  const { text, changes } = setImagesInKustomization(source, parseImageArguments(args), FILE);
  return { text, changes, entries: parseKustomization(source, FILE).entries };
}

/** What an entry with these values renders an image named `name` as, when it sets a tag or a digest. */
const referenceOf = (name: string, values: ImageFieldValues): string =>
  formatImageReference({ name: values.newName || name, tag: values.newTag, digest: values.digest });

const predictedMoves = (changes: readonly ImageEntryChange[]): string[] =>
  changes
    .map((change) => `${referenceOf(change.name, change.before!)} → ${referenceOf(change.name, change.after)}`)
    .filter((move) => !/^(.*) → \1$/.test(move));

describe('whyRenderBefore: when the edit alone says what the overlay rendered before', () => {
  // [title, kustomization, arguments, why it must be rendered before the edit (null: it need not)]
  const CASES: Array<[string, string, string[], RenderBeforeReason | null]> = [
    ['the usual edit: a renaming entry with a tag gets a newer tag', RENAMED, ['web=*:1.5.0'], null],
    ['the same with a lower tag: the entry judges it, as the render would', RENAMED, ['web=*:1.3.0'], null],
    ['a tag replaced by a digest', RENAMED, [`web=*@${SHA}`], null],
    ['a digest replaced by another', images('- name: web', '  newName: ghcr.io/acme/web', `  digest: ${SHA}`), [`web=*@${SHA2}`], null],
    ['a new name and a tag', RENAMED, ['web=registry.example.com/acme/web:1.5.0'], null],
    [
      'two unrelated entries, both edited',
      images('- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1', '- name: api', '  newTag: 2.1.0'),
      ['web=*:1.5.0', 'api=*:2.2.0'],
      null,
    ],
    [
      'full names that differ where neither has a "."',
      images('- name: ghcr.io/acme/web', '  newTag: 5.1.0', '- name: ghcr.io/acme/api', '  newTag: 3.0.0'),
      ['ghcr.io/acme/web:6.0.0'],
      null,
    ],
    [
      'a patch and a namespace: they apply before images:',
      lines(
        'resources: [../base]',
        'namespace: prod',
        'patches:',
        '- target: {kind: Deployment}',
        '  patch: |-',
        '    - {op: replace, path: /spec/template/spec/containers/0/image, value: "web:9.9.9"}',
        'images:',
        '- name: web',
        '  newName: ghcr.io/acme/web',
        '  newTag: 1.4.1',
      ),
      ['web=*:1.5.0'],
      null,
    ],

    ['a new entry over the resource’s own tag', lines('resources: [../base]'), ['web=*:0.0.1'], 'adds an entry'],
    ['a full name after the entry that renames into it', RENAMED, ['ghcr.io/acme/web:1.0.0'], 'adds an entry'],
    [
      'an entry without a tag: the resource’s own tag ran',
      images('- name: web', '  newName: ghcr.io/acme/web'),
      ['web=*:0.0.1'],
      'sets neither a tag nor a digest',
    ],
    ['an argument that clears the tag: the resource’s own tag will run', RENAMED, ['web=ghcr.io/acme/web'], 'sets neither a tag nor a digest'],
    ['an argument named as what another entry renames into, that entry after it', SHADOWED, ['ghcr.io/acme/web:1.5.0'], 'another entry renames into its name'],
    [
      'an argument named as what another entry renames into, that entry before it',
      UNREACHED,
      ['ghcr.io/acme/web:2.0.0'],
      'another entry renames into its name',
    ],
    ['a later entry named as what this one renames into', SHADOWED, ['web=*:1.5.0'], 'another entry applies to its image'],
    ['the same name twice', images('- name: web', '  newTag: 1.0.0', '- name: web', '  newTag: 1.1.0'), ['web=*:1.2.0'], 'another entry applies to its image'],
    [
      'a "." in another entry’s name matches this one’s name',
      images('- name: ghcr.io/acme/web', '  newTag: 5.1.0', '- name: ghcr-io/acme/web', '  newTag: 1.0.0'),
      ['ghcr-io/acme/web:1.1.0'],
      'another entry applies to its image',
    ],
    [
      'another entry’s name kustomize reads as a pattern that may match anything',
      images('- name: web', '  newTag: 1.0.0', '- name: ap[i]', '  newTag: 2.1.0'),
      ['web=*:1.1.0'],
      'another entry applies to its image',
    ],
    [
      'a "." after the last "/" may stand for the ":" before a tag (web.1 matches web:1)',
      images('- name: web', '  newTag: 1.0.0', '- name: web.1', '  newTag: 2.1.0'),
      ['web=*:1.1.0'],
      'another entry applies to its image',
    ],
    ['a tagSuffix on the entry', images('- name: web', '  newTag: 1.0.0', '  tagSuffix: -debug'), ['web=*:1.1.0'], 'has a field the edit does not model'],
    [
      'a tag inside the newName: the render reads it as part of the tag',
      images('- name: web', '  newName: ghcr.io/acme/web:base', '  newTag: 1.0.0'),
      ['web=*:1.1.0'],
      'has a value that does not split back',
    ],
    [
      'replacements, which run after images:',
      lines(
        RENAMED.trimEnd(),
        'replacements:',
        '- source: {kind: ConfigMap, name: tags, fieldPath: data.web}',
        '  targets:',
        '  - select: {kind: Deployment}',
        '    fieldPaths: [spec.template.spec.containers.0.image]',
      ),
      ['web=*:1.5.0'],
      'replacements or transformers run after images',
    ],
    [
      'transformers, which run after images:',
      lines(RENAMED.trimEnd(), 'transformers: [images.yaml]'),
      ['web=*:1.5.0'],
      'replacements or transformers run after images',
    ],
  ];

  test.each(CASES)('%s', (_title, source, args, reason) => {
    const { changes } = plan(source, args);
    expect(changes.length).toBeGreaterThan(0);
    expect(whyRenderBefore(source, FILE, changes) ?? null).toBe(reason);
  });

  describe('held against the real kustomize (kubectl kustomize)', () => {
    let dir = '';
    let renderer: Renderer;
    beforeAll(async () => {
      const found = await findRenderer();
      if (!found) throw new Error('these tests need kustomize or kubectl on PATH');
      renderer = found;
      dir = await mkdtemp(join(tmpdir(), 'gitops-promote-render-before-'));
      await mkdir(join(dir, 'base'));
      await writeFile(join(dir, 'base', 'kustomization.yaml'), lines('resources: [deployment.yaml]'));
      await writeFile(join(dir, 'base', 'deployment.yaml'), DEPLOYMENT);
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    /** The image moves between the overlay's render with `before` and with `after` as its kustomization. */
    async function renderedMoves(title: string, before: string, after: string) {
      const overlay = join(dir, title.replace(/\W+/g, '-'));
      await mkdir(overlay, { recursive: true });
      const sites = async (text: string) => {
        await writeFile(join(overlay, 'kustomization.yaml'), text);
        const render = await renderOverlay(renderer, overlay);
        if (!render.ok) throw new Error(render.error);
        return collectImageSites(render.yaml);
      };
      return compareRenders(await sites(before), await sites(after));
    }

    test.each(CASES.filter(([, , , reason]) => reason === null))(
      '%s: the render moves exactly what the entries say, and judges as they do',
      async (title, source, args) => {
        const { text, changes, entries } = plan(source, args);
        const moves = await renderedMoves(title, source, text);
        expect([...new Set(moves.map((move) => `${move.from} → ${move.to}`))]).toEqual(predictedMoves(changes));
        expect(renderedDowngrades(moves).length > 0).toBe(changes.some((change) => entryDowngrade(change, entries) !== undefined));
      },
    );

    // Where the file alone would let a downgrade of what runs through: each has a reason to render.
    test.each<[string, string, string[]]>([
      ['a new entry over the resource’s own higher tag', lines('resources: [../base]'), ['web=*:0.0.1']],
      ['an entry without a tag, given a lower one than the resource’s', images('- name: web', '  newName: ghcr.io/acme/web'), ['web=*:0.0.1']],
      ['an argument that clears the tag, so the resource’s lower one runs', RENAMED, ['web=ghcr.io/acme/web']],
      ['a full name added after a renaming entry without a tag', images('- name: web', '  newName: ghcr.io/acme/web'), ['ghcr.io/acme/web:0.0.1']],
    ])('%s: the render shows a downgrade the entries do not', async (title, source, args) => {
      const { text, changes, entries } = plan(source, args);
      const moves = await renderedMoves(`misjudged ${title}`, source, text);
      expect(renderedDowngrades(moves)).not.toEqual([]);
      expect(changes.map((change) => entryDowngrade(change, entries))).toEqual(changes.map(() => undefined));
      expect(whyRenderBefore(source, FILE, changes)).toBeDefined();
    });
  });
});

describe('mayMatchSameImage: whether one image could carry both names, as kustomize matches them', () => {
  // [first, second, may match]
  test.each<[string, string, boolean]>([
    ['web', 'web', true],
    ['web', 'api', false],
    ['web', 'web-canary', false],
    ['web', 'ghcr.io/acme/web', false],
    ['ghcr.io/acme/web', 'ghcr.io/acme/api', false],
    ['ghcr.io/acme/web', 'ghcr-io/acme/web', true],
    ['localhost:5000/web', 'localhost:5000/web', true],
    ['localhost:5000/web', 'localhost:5001/web', false],
    // not plain: kustomize may read them as patterns that match more
    ['web.1', 'web', true],
    ['ghcr.io/acme/web.api', 'ghcr.io/acme/web', true],
    ['ap[i]', 'web', true],
    ['web|api', 'api', true],
    ['web:1', 'web', true],
  ])('%s and %s: %s', (first, second, expected) => {
    expect(mayMatchSameImage(first, second)).toBe(expected);
    expect(mayMatchSameImage(second, first)).toBe(expected);
  });

  // A name that matches a reference carrying the other name, by kustomize's own rule, always counts.
  test.each<[string, string]>([
    ['web.1', 'web:1'],
    ['ghcr.io/acme/web', 'ghcr-io/acme/web:1.0.0'],
    ['web', 'web@sha256:abc'],
  ])('%s matches %s, so it may match the same image', (name, reference) => {
    expect(isImageMatched(reference, name)).toBe(true);
    expect(mayMatchSameImage(name, reference.replace(/[:@].*$/, ''))).toBe(true);
  });
});
