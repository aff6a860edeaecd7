import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { parseKustomization } from '../../src/kustomize/kustomization-document.js';
import { findOverridingEntry, findRenamedInto, meantArgument, renamedIntoWarnings, type RenamedIntoKind } from '../../src/kustomize/renamed-into.js';
import { compareRenders } from '../../src/kustomize/render-comparison.js';
import { collectImageSites, collectRenderedImages, findRenderer, renderOverlay } from '../../src/kustomize/render.js';
import { setImagesInKustomization } from '../../src/kustomize/set-image-edit.js';
import { describeEntryDowngrade, describeRenderedDowngrades, entryDowngrade, renderedDowngrades } from '../../src/kustomize/image-downgrades.js';
import type { ImageEntryChange } from '../../src/types.js';

const FILE = 'overlays/prod/kustomization.yaml';
const SHA = `sha256:${'a'.repeat(64)}`;
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** The overlay of the issue: `web` renamed into the full image name, with a tag. */
const RENAMED = lines('images:', '- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1');
/** The same after `ghcr.io/acme/web:1.0.0`: kustomize's editor appended a second entry. */
const SHADOWED = lines('images:', '- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1', '- name: ghcr.io/acme/web', '  newTag: 1.0.0');
/** The second entry first: it applies while the image is still named `web`. */
const UNREACHED = lines('images:', '- name: ghcr.io/acme/web', '  newTag: 1.0.0', '- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1');

/** set-image's edit of a file: its changes, the entries it had, and the entries it ends with. */
function plan(source: string, args: string[]) {
  const { text, changes } = setImagesInKustomization(source, parseImageArguments(args), FILE);
  return { text, changes, entries: parseKustomization(source, FILE).entries, editedEntries: parseKustomization(text, FILE).entries };
}

function only(changes: ImageEntryChange[]): ImageEntryChange {
  expect(changes).toHaveLength(1);
  return changes[0];
}

describe('findRenamedInto: an argument named after the image another entry renames into', () => {
  // [title, file, argument, kind (null: not such an argument), the argument meant]
  test.each<[string, string, string, RenamedIntoKind | null, string]>([
    ['full name, new entry', RENAMED, 'ghcr.io/acme/web:1.0.0', 'adds-after', 'web=*:1.0.0'],
    ['full name with a digest', RENAMED, `ghcr.io/acme/web:1.5.0@${SHA}`, 'adds-after', `web=*:1.5.0@${SHA}`],
    ['a digest alone drops the tag, in the render and in the argument meant', RENAMED, `ghcr.io/acme/web@${SHA}`, 'adds-after', `web=*@${SHA}`],
    ['a new name alone keeps the tag the renaming entry sets', RENAMED, 'ghcr.io/acme/web=ghcr.io/other/web', 'adds-after', 'web=ghcr.io/other/web:*'],
    ['an entry an earlier run added after the renaming one', SHADOWED, 'ghcr.io/acme/web:1.5.0', 'edits-overriding', 'web=*:1.5.0'],
    ['an entry before the renaming one, which it never reaches', UNREACHED, 'ghcr.io/acme/web:2.0.0', 'edits-unreached', 'web=*:2.0.0'],
    ['the short name is the renaming entry itself', RENAMED, 'web=*:1.5.0', null, ''],
    ['an unrelated image', RENAMED, 'ghcr.io/acme/api:2.0.0', null, ''],
  ])('%s', (_title, source, argument, kind, meant) => {
    const { changes, entries } = plan(source, [argument]);
    const found = findRenamedInto(changes, entries);
    if (kind === null) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map((item) => [item.kind, item.renamer.name, item.meant])).toEqual([[kind, 'web', meant]]);
    expect(meantArgument(found[0].change, found[0].renamer, kind)).toBe(meant);
  });

  test('a renaming entry that keeps the name is not a rename', () => {
    const { changes, entries } = plan(lines('images:', '- name: ghcr.io/acme/web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1'), [
      'ghcr.io/acme/web:1.5.0',
    ]);
    expect(findRenamedInto(changes, entries)).toEqual([]);
  });

  test('one warning per argument, naming every overlay it goes around the renaming entry in', () => {
    const edit = (path: string) => ({ overlay: { path }, ...plan(RENAMED, ['ghcr.io/acme/web:1.5.0']) });
    expect(renamedIntoWarnings([edit('overlays/dev'), edit('overlays/staging')])).toEqual([
      "'ghcr.io/acme/web:1.5.0' is named after ghcr.io/acme/web, which entry 'web' renames web into in overlays/dev, overlays/staging, " +
        "so it adds a second entry, 'ghcr.io/acme/web', after 'web' (as kustomize edit set image does): it overrides 'web', " +
        "and a later 'web=…' changes nothing there. You probably meant 'web=*:1.5.0'.",
    ]);
  });
});

describe('entryDowngrade: the downgrade guard on the file alone', () => {
  // [title, file, argument, expected from → to, or null]
  test.each<[string, string, string, string | null]>([
    ['the entry’s own tag goes down', RENAMED, 'web=*:1.3.9', '1.4.1 → 1.3.9'],
    ['the entry’s own tag goes up', RENAMED, 'web=*:1.5.0', null],
    ['a new entry overriding the renaming one goes down', RENAMED, 'ghcr.io/acme/web:1.0.0', '1.4.1 → 1.0.0'],
    ['a new entry overriding the renaming one goes up', RENAMED, 'ghcr.io/acme/web:1.5.0', null],
    ['the overriding entry an earlier run added goes down', SHADOWED, 'ghcr.io/acme/web:0.9.0', '1.0.0 → 0.9.0'],
    [
      'the overriding entry an earlier run added goes up from its own tag (what renders), though below the renaming entry’s',
      SHADOWED,
      'ghcr.io/acme/web:1.2.0',
      null,
    ],
    ['a new entry for an image no entry renames into: the file cannot tell', RENAMED, 'ghcr.io/acme/api:0.1.0', null],
    ['not semver: never a downgrade', RENAMED, 'ghcr.io/acme/web:latest', null],
  ])('%s', (_title, source, argument, expected) => {
    const { changes, entries } = plan(source, [argument]);
    const downgrade = entryDowngrade(only(changes), entries);
    expect(downgrade ? `${downgrade.from} → ${downgrade.to}` : null).toBe(expected);
  });

  test('the refusal names the entry the argument would override and the argument meant', () => {
    const { changes, entries } = plan(RENAMED, ['ghcr.io/acme/web:1.0.0']);
    const change = only(changes);
    expect(describeEntryDowngrade(change, entryDowngrade(change, entries)!, 'overlays/prod')).toBe(
      "'ghcr.io/acme/web:1.0.0' would downgrade ghcr.io/acme/web in overlays/prod from 1.4.1 to 1.0.0: entry 'web' renames web into ghcr.io/acme/web " +
        "with tag 1.4.1, and the argument adds an entry 'ghcr.io/acme/web' after it that overrides it. " +
        "To set the image through 'web', write 'web=*:1.0.0'; set allow-downgrade: true to allow the downgrade.",
    );
  });
});

describe('the render before and after an edit', () => {
  const site = (resource: string, field: string, reference: string) => ({ resource, field, reference });
  const CONTAINER = 'spec.template.spec.containers[0].image';
  const SIDECAR = 'spec.template.spec.containers[1].image';

  // [title, before, after, moves as "from → to", downgrades]
  test.each<[string, ReturnType<typeof site>[], ReturnType<typeof site>[], string[], string[]]>([
    [
      'a tag goes down',
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.4.1')],
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.0.0')],
      ['ghcr.io/acme/web:1.4.1 → ghcr.io/acme/web:1.0.0'],
      ['ghcr.io/acme/web:1.4.1 → ghcr.io/acme/web:1.0.0'],
    ],
    [
      'a tag goes up',
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.4.1')],
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.5.0')],
      ['ghcr.io/acme/web:1.4.1 → ghcr.io/acme/web:1.5.0'],
      [],
    ],
    [
      'a tag goes down with a digest pinned',
      [site('Deployment/web', CONTAINER, `ghcr.io/acme/web:v2.0.0@${SHA}`)],
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:v1.9.0')],
      [`ghcr.io/acme/web:v2.0.0@${SHA} → ghcr.io/acme/web:v1.9.0`],
      [`ghcr.io/acme/web:v2.0.0@${SHA} → ghcr.io/acme/web:v1.9.0`],
    ],
    [
      'another repository is another image, not a downgrade',
      [site('Deployment/web', CONTAINER, 'web:2.0.0')],
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.0.0')],
      ['web:2.0.0 → ghcr.io/acme/web:1.0.0'],
      [],
    ],
    [
      'a tag that is not semver',
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.4.1')],
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:latest')],
      ['ghcr.io/acme/web:1.4.1 → ghcr.io/acme/web:latest'],
      [],
    ],
    [
      'one of two containers of the same image goes down: paired by field, not by set',
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.4.1'), site('Deployment/web', SIDECAR, 'ghcr.io/acme/web:1.4.1')],
      [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.4.1'), site('Deployment/web', SIDECAR, 'ghcr.io/acme/web:1.0.0')],
      ['ghcr.io/acme/web:1.4.1 → ghcr.io/acme/web:1.0.0'],
      ['ghcr.io/acme/web:1.4.1 → ghcr.io/acme/web:1.0.0'],
    ],
    ['nothing moves', [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.4.1')], [site('Deployment/web', CONTAINER, 'ghcr.io/acme/web:1.4.1')], [], []],
  ])('%s', (_title, before, after, moves, downgrades) => {
    const compared = compareRenders(before, after);
    const show = (list: typeof compared) => list.map((move) => `${move.from} → ${move.to}`);
    expect(show(compared)).toEqual(moves);
    expect(show(renderedDowngrades(compared))).toEqual(downgrades);
  });

  test('collectImageSites names each resource and field; collectRenderedImages keeps the distinct references', () => {
    const yaml = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: web-dev}',
      'spec:',
      '  template:',
      '    spec:',
      '      initContainers: [{name: migrate, image: "ghcr.io/acme/web:1.4.1"}]',
      '      containers: [{name: web, image: "ghcr.io/acme/web:1.4.1"}]',
      '      volumes: [{name: data, image: {reference: "ghcr.io/acme/data:1"}}]',
      '---',
      'apiVersion: example.com/v1',
      'kind: Job',
      'metadata: {name: once}',
      'spec: {image: "busybox:1.36"}',
    );
    expect(collectImageSites(yaml)).toEqual([
      { resource: 'Deployment/web-dev/web', field: 'spec.template.spec.initContainers[0].image', reference: 'ghcr.io/acme/web:1.4.1' },
      { resource: 'Deployment/web-dev/web', field: 'spec.template.spec.containers[0].image', reference: 'ghcr.io/acme/web:1.4.1' },
      { resource: 'Deployment/web-dev/web', field: 'spec.template.spec.volumes[0].image.reference', reference: 'ghcr.io/acme/data:1' },
      { resource: 'Job/once', field: 'spec.image', reference: 'busybox:1.36' },
    ]);
    expect(collectRenderedImages(yaml)).toEqual(['busybox:1.36', 'ghcr.io/acme/data:1', 'ghcr.io/acme/web:1.4.1']);
  });

  test('a downgrade caused by an entry added around a renaming one names that entry', () => {
    const { changes, entries } = plan(lines('images:', '- name: web', '  newName: ghcr.io/acme/web'), ['ghcr.io/acme/web:1.0.0']);
    const moves = [{ resource: 'Deployment/web', field: CONTAINER, from: 'ghcr.io/acme/web:1.4.1', to: 'ghcr.io/acme/web:1.0.0' }];
    expect(describeRenderedDowngrades('overlays/prod', moves, findRenamedInto(changes, entries))).toBe(
      'overlays/prod would run ghcr.io/acme/web:1.0.0 where ghcr.io/acme/web:1.4.1 runs now (Deployment/web): a semver downgrade. ' +
        "'ghcr.io/acme/web:1.0.0' adds an entry 'ghcr.io/acme/web' after entry 'web', which renames web into ghcr.io/acme/web, and the new entry wins; " +
        "to set the image through 'web', write 'web=*:1.0.0'. Set allow-downgrade: true to allow it.",
    );
  });
});

describe('findOverridingEntry: why an edited entry matched nothing', () => {
  // [title, file, argument, the overriding entry and what it renders, or null]
  test.each<[string, string, string, string | null]>([
    ['the entry an earlier run added under the full name wins', SHADOWED, 'web=ghcr.io/acme/web:1.5.0', 'ghcr.io/acme/web → ghcr.io/acme/web:1.0.0'],
    ['the same when the argument keeps the new name', SHADOWED, 'web=*:1.5.0', 'ghcr.io/acme/web → ghcr.io/acme/web:1.0.0'],
    [
      'an entry that sets the same again changes nothing, so it is not the cause',
      lines('images:', '- name: web', '  newName: ghcr.io/acme/web', '  newTag: 1.4.1', '- name: ghcr.io/acme/web', '  newTag: 1.5.0'),
      'web=*:1.5.0',
      null,
    ],
    ['an entry before the edited one applies first and cannot override it', UNREACHED, 'web=*:1.5.0', null],
    ['no other entry', RENAMED, 'web=*:1.5.0', null],
  ])('%s', (_title, source, argument, expected) => {
    const { changes, editedEntries } = plan(source, [argument]);
    const found = findOverridingEntry(only(changes), editedEntries);
    expect(found ? `${found.entry.name} → ${found.renders}` : null).toBe(expected);
  });
});

/**
 * The semantics the module is built on, held against the real kustomize:
 * entries apply in file order, each to the images as the earlier ones left them.
 */
describe('kustomize applies images: entries in order (kubectl kustomize)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitops-promote-renamed-into-'));
    await mkdir(join(dir, 'base'));
    await writeFile(join(dir, 'base', 'kustomization.yaml'), lines('resources: [deployment.yaml]'));
    await writeFile(
      join(dir, 'base', 'deployment.yaml'),
      lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers: [{name: web, image: "web:0.1.0"}]',
      ),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test.each([
    ['the entry added after the renaming one wins', SHADOWED, 'ghcr.io/acme/web:1.0.0'],
    ['an entry before the renaming one matches nothing', UNREACHED, 'ghcr.io/acme/web:1.4.1'],
    ['after an edit of the renaming entry, the later entry still wins', plan(SHADOWED, ['web=*:1.5.0']).text, 'ghcr.io/acme/web:1.0.0'],
  ])('%s', async (title, images, expected) => {
    const renderer = await findRenderer();
    if (!renderer) throw new Error('these tests need kustomize or kubectl on PATH');
    const overlay = join(dir, title.replace(/\W+/g, '-'));
    await mkdir(overlay, { recursive: true });
    await writeFile(join(overlay, 'kustomization.yaml'), `resources: [../base]\n${images}`);
    const render = await renderOverlay(renderer, overlay);
    expect(render.ok && collectRenderedImages(render.yaml)).toEqual([expected]);
  });
});
