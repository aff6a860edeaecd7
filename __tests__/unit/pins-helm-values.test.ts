import { describe, expect, test } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { helmReleaseEditor, helmValuesEditor } from '../../src/pins/helm-values-editor.js';
import { expectOnlyValueLines, expectedAt, fixtureText, fixturesOf, pinOf, valueAt, VARIANTS } from '../helpers/helm-pin-fixtures.js';
import type { PinChange, PinEditor } from '../../src/pins/pin-types.js';
import type { ImageFieldValues, Pin, PinKind, PinnedImagePaths } from '../../src/types.js';

const EDITORS: Partial<Record<PinKind, PinEditor>> = { 'helm-values': helmValuesEditor, 'helm-release': helmReleaseEditor };
const SHA = `sha256:${'a'.repeat(64)}`;
const OLD_SHA = `sha256:${'b'.repeat(64)}`;
const lines = (...text: string[]): string => text.join('\n');

function valuesPin(images: PinnedImagePaths[] = [], extra: Partial<Pin> = {}): Pin {
  return { kind: 'helm-values', file: 'envs/prod/values.yaml', images, digestInTag: false, ...extra };
}

const web = (paths: PinnedImagePaths['paths'] = {}): PinnedImagePaths => ({ name: 'web', paths });
const values = (newName: string, newTag: string, digest = ''): ImageFieldValues => ({ newName, newTag, digest });

function edit(source: string, args: string[], pin: Pin = valuesPin()) {
  return helmValuesEditor.edit(pin, source, parseImageArguments(args));
}

describe('helm-values: kustomize set-image semantics on Helm paths', () => {
  // [title, source, arguments, pin, expected text, changes (before, after, dropped)]
  type Case = [string, string, string[], Pin, string, Array<Pick<PinChange, 'before' | 'after' | 'dropped'>>];
  const image = lines('image:', '  repository: ghcr.io/acme/web', '  tag: 1.4.1', '');
  test.each<Case>([
    [
      'an unnamed image is matched by the repository it holds',
      image,
      ['ghcr.io/acme/web:1.4.2'],
      valuesPin(),
      lines('image:', '  repository: ghcr.io/acme/web', '  tag: 1.4.2', ''),
      [{ before: values('ghcr.io/acme/web', '1.4.1'), after: values('ghcr.io/acme/web', '1.4.2'), dropped: [] }],
    ],
    ['an argument for another repository changes nothing', image, ['ghcr.io/acme/api:1.4.2'], valuesPin(), image, []],
    [
      'a named image is matched by its name, and newName sets the repository',
      image,
      ['web=registry.example.com/web:2.0.0'],
      valuesPin([web()]),
      lines('image:', '  repository: registry.example.com/web', '  tag: 2.0.0', ''),
      [{ before: values('ghcr.io/acme/web', '1.4.1'), after: values('registry.example.com/web', '2.0.0'), dropped: [] }],
    ],
    [
      '* keeps the repository',
      image,
      ['web=*:2.0.0'],
      valuesPin([web()]),
      lines('image:', '  repository: ghcr.io/acme/web', '  tag: 2.0.0', ''),
      [{ before: values('ghcr.io/acme/web', '1.4.1'), after: values('ghcr.io/acme/web', '2.0.0'), dropped: [] }],
    ],
    ["only: another app's image is left alone", image, ['web:2.0.0'], valuesPin([web()], { only: ['api'] }), image, []],
    [
      'a new tag empties an existing digest, as kustomize drops it',
      lines('image:', '  repository: web', '  tag: 1.0.0', `  digest: ${OLD_SHA}`, ''),
      ['web:1.1.0'],
      valuesPin([web()]),
      lines('image:', '  repository: web', '  tag: 1.1.0', '  digest: ""', ''),
      [{ before: values('web', '1.0.0', OLD_SHA), after: values('web', '1.1.0'), dropped: ['digest'] }],
    ],
    [
      'a digest alone empties the tag',
      lines('image:', '  repository: web', '  tag: 1.0.0', '  digest: ""', ''),
      [`web@${SHA}`],
      valuesPin([web()]),
      lines('image:', '  repository: web', '  tag: ""', `  digest: "${SHA}"`, ''),
      [{ before: values('web', '1.0.0'), after: values('web', '', SHA), dropped: ['newTag'] }],
    ],
    [
      'the default digest path is added when a digest is given',
      image,
      [`ghcr.io/acme/web:1.4.2@${SHA}`],
      valuesPin(),
      lines('image:', '  repository: ghcr.io/acme/web', '  tag: 1.4.2', `  digest: ${SHA}`, ''),
      [{ before: values('ghcr.io/acme/web', '1.4.1'), after: values('ghcr.io/acme/web', '1.4.2', SHA), dropped: [] }],
    ],
    [
      'digest-in-tag: the digest is written into the tag',
      image,
      [`web=*:1.4.2@${SHA}`],
      valuesPin([web({ repository: 'image.repository', tag: 'image.tag' })], { digestInTag: true }),
      lines('image:', '  repository: ghcr.io/acme/web', `  tag: 1.4.2@${SHA}`, ''),
      [{ before: values('ghcr.io/acme/web', '1.4.1'), after: values('ghcr.io/acme/web', '1.4.2', SHA), dropped: [] }],
    ],
    [
      'digest-in-tag: a tag that carries a digest reads as tag and digest, and a new tag drops it',
      lines('image:', '  repository: web', `  tag: 1.0.0@${OLD_SHA}`, ''),
      ['web:1.1.0'],
      valuesPin([web({ repository: 'image.repository', tag: 'image.tag' })], { digestInTag: true }),
      lines('image:', '  repository: web', '  tag: 1.1.0', ''),
      [{ before: values('web', '1.0.0', OLD_SHA), after: values('web', '1.1.0'), dropped: ['digest'] }],
    ],
    [
      'a reference path is rewritten whole',
      lines('app:', '  image: ghcr.io/acme/web:1.0.0 # the app', ''),
      [`web=*:1.1.0@${SHA}`],
      valuesPin([web({ reference: 'app.image' })]),
      lines('app:', `  image: ghcr.io/acme/web:1.1.0@${SHA} # the app`, ''),
      [{ before: values('ghcr.io/acme/web', '1.0.0'), after: values('ghcr.io/acme/web', '1.1.0', SHA), dropped: [] }],
    ],
    [
      'an unnamed reference is matched by its name part',
      lines('app:', '  image: "ghcr.io/acme/web:1.0.0"', ''),
      ['ghcr.io/acme/web=ghcr.io/acme/web2:2'],
      valuesPin([{ name: '', paths: { reference: 'app.image' } }]),
      lines('app:', '  image: "ghcr.io/acme/web2:2"', ''),
      [{ before: values('ghcr.io/acme/web', '1.0.0'), after: values('ghcr.io/acme/web2', '2'), dropped: [] }],
    ],
    [
      'a pin without a repository path: a newName equal to the image name is no change of name',
      lines('web:', '  tag: v1', ''),
      ['web=web:v2'],
      valuesPin([web({ tag: 'web.tag' })]),
      lines('web:', '  tag: v2', ''),
      [{ before: values('', 'v1'), after: values('', 'v2'), dropped: [] }],
    ],
    [
      'two images of one pin, each its own argument',
      lines('web:', '  image: {repository: web, tag: v1}', 'api:', '  image: {repository: api, tag: v1}', ''),
      ['web:v2', 'api:v3'],
      valuesPin([
        { name: '', paths: { repository: 'web.image.repository', tag: 'web.image.tag' } },
        { name: '', paths: { repository: 'api.image.repository', tag: 'api.image.tag' } },
      ]),
      lines('web:', '  image: {repository: web, tag: v2}', 'api:', '  image: {repository: api, tag: v3}', ''),
      [
        { before: values('web', 'v1'), after: values('web', 'v2'), dropped: [] },
        { before: values('api', 'v1'), after: values('api', 'v3'), dropped: [] },
      ],
    ],
    [
      'a file that holds nothing of the image gets its keys',
      lines('replicaCount: 2', ''),
      ['web:1.0.0'],
      valuesPin([web()]),
      lines('replicaCount: 2', 'image:', '  tag: 1.0.0', ''),
      [{ before: null, after: values('', '1.0.0'), dropped: [] }],
    ],
  ])('%s', (_, source, args, pin, expected, changes) => {
    const result = edit(source, args, pin);
    expect(result.text).toBe(expected);
    expect(result.changes.map(({ before, after, dropped }) => ({ before, after, dropped }))).toEqual(changes);
    expect(edit(result.text, args, pin)).toEqual({ text: result.text, changes: [] });
  });

  test.each<[string, string, string[], Pin, string]>([
    [
      'a new name without a repository path',
      lines('web:', '  tag: v1', ''),
      ['web=ghcr.io/acme/other:v2'],
      valuesPin([web({ tag: 'web.tag' })]),
      "helm-values: envs/prod/values.yaml: image 'web' has no repository path, so it cannot change the image to 'ghcr.io/acme/other'; " +
        'add a repository path to the pin.',
    ],
    [
      'a digest without a digest path',
      image,
      [`web=*:1.0.0@${SHA}`],
      valuesPin([web({ repository: 'image.repository', tag: 'image.tag' })]),
      "helm-values: envs/prod/values.yaml: image 'web' has no digest path for sha256:aaaaaaaaaaaa…; " +
        'add a digest path to the pin, or set digest-in-tag to write it into the tag.',
    ],
    [
      'digest-in-tag with no tag beside the digest',
      image,
      [`web@${SHA}`],
      valuesPin([web({ repository: 'image.repository', tag: 'image.tag' })], { digestInTag: true }),
      "helm-values: envs/prod/values.yaml: image 'web' writes its digest into the tag, so it needs a tag beside the digest.",
    ],
    [
      'a tag without a tag path',
      image,
      ['web:2'],
      valuesPin([web({ repository: 'image.repository' })]),
      "helm-values: envs/prod/values.yaml: image 'web' has no tag path, so it cannot set the tag '2'; add a tag path to the pin.",
    ],
    [
      'a reference path beside field paths',
      image,
      ['web:2'],
      valuesPin([web({ reference: 'image', tag: 'image.tag' })]),
      "helm-values: envs/prod/values.yaml: image 'web': a reference path holds the whole image; give either it or repository, tag and digest paths.",
    ],
    [
      'a path that does not parse',
      image,
      ['web:2'],
      valuesPin([web({ tag: 'image..tag' })]),
      "helm-values: envs/prod/values.yaml: image 'web': the path 'image..tag' has an empty key at character 7; " +
        'write keys separated by dots, list indexes as [0], and a key with a dot in it as ["a.b"].',
    ],
    [
      'a mapping where the tag should be',
      lines('image:', '  tag:', '    name: v1', ''),
      ['web:2'],
      valuesPin([web()]),
      'envs/prod/values.yaml: image.tag is a mapping, not a scalar; name the scalar that holds the tag.',
    ],
    ['a file that does not parse', 'image: [\n', ['web:2'], valuesPin([web()]), /^envs\/prod\/values\.yaml is not valid YAML: .+\.$/.source],
    [
      'a top level that is not a mapping',
      '- a\n- b\n',
      ['web:2'],
      valuesPin([web()]),
      'envs/prod/values.yaml: the top level is not a mapping, so it is not a Helm values file.',
    ],
  ])('refused in one line: %s', (_, source, args, pin, message) => {
    const run = () => edit(source, args, pin);
    expect(run).toThrow(UserError);
    if (message.startsWith('^')) expect(run).toThrow(new RegExp(message));
    else expect(run).toThrow(new UserError(message));
  });

  test('read: what each image holds, where', () => {
    const source = lines('# prod', 'image:', '  repository: ghcr.io/acme/web', '  tag: "1.10"', 'sidecar:', '  image: ghcr.io/acme/proxy:2@' + SHA, '');
    const pin = valuesPin([
      { name: '', paths: {} },
      { name: 'proxy', paths: { reference: 'sidecar.image' } },
      { name: 'job', paths: { tag: 'job.tag' } },
    ]);
    expect(helmValuesEditor.read(pin, source)).toEqual([
      { name: 'ghcr.io/acme/web', values: values('ghcr.io/acme/web', '1.10'), location: 'image.tag', line: 4 },
      { name: 'proxy', values: values('ghcr.io/acme/proxy', '2', SHA), location: 'sidecar.image', line: 6 },
      // Held nowhere: the line of the mapping it would be added to.
      { name: 'job', values: values('', ''), location: 'job.tag', line: 2 },
    ]);
  });

  test('a pin that lists no images holds one at the common chart paths', () => {
    expect(helmValuesEditor.read(valuesPin([]), image)).toEqual([
      { name: 'ghcr.io/acme/web', values: values('ghcr.io/acme/web', '1.4.1'), location: 'image.tag', line: 3 },
    ]);
  });
});

describe("helm-release: the same paths under a Flux HelmRelease's spec.values", () => {
  const release = (name: string, values: string[]) =>
    lines('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', `  name: ${name}`, 'spec:', '  interval: 30m', ...values);
  const file = [
    release('web', ['  values:', '    image:', '      repository: ghcr.io/acme/web', '      tag: 1.0.0']),
    lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  image: ghcr.io/acme/web:0.0.1'),
    release('api', ['  values:', '    image:', '      repository: ghcr.io/acme/api', '      tag: 1.0.0']),
    '',
  ].join('\n---\n');
  const pin = (images: PinnedImagePaths[]): Pin => ({ kind: 'helm-release', file: 'apps/web/release.yaml', images, digestInTag: false });

  test('in a file of several documents, the HelmRelease whose repository matches', () => {
    const result = helmReleaseEditor.edit(pin([]), file, parseImageArguments(['ghcr.io/acme/api:2.0.0']));
    expect(result.text).toBe(file.replace('ghcr.io/acme/api\n      tag: 1.0.0', 'ghcr.io/acme/api\n      tag: 2.0.0'));
    expect(result.changes).toEqual([
      {
        name: 'ghcr.io/acme/api',
        argument: 'ghcr.io/acme/api:2.0.0',
        before: values('ghcr.io/acme/api', '1.0.0'),
        after: values('ghcr.io/acme/api', '2.0.0'),
        dropped: [],
        location: 'spec.values.image.tag',
        line: 28,
      },
    ]);
    expect(helmReleaseEditor.read(pin([]), result.text).map((held) => held.values)).toEqual([
      values('ghcr.io/acme/web', '1.0.0'),
      values('ghcr.io/acme/api', '2.0.0'),
    ]);
  });

  test('a HelmRelease without spec.values gets it', () => {
    const source = release('web', ['  chart:', '    spec:', '      chart: web', '']);
    const result = helmReleaseEditor.edit(pin([web()]), source, parseImageArguments(['web:1.2.3']));
    expect(result.text).toBe(source + lines('  values:', '    image:', '      tag: 1.2.3', ''));
  });

  test.each<[string, string, PinnedImagePaths[], string]>([
    [
      'no HelmRelease in the file',
      'apiVersion: v1\nkind: ConfigMap\n',
      [web()],
      'apps/web/release.yaml holds no Flux HelmRelease (apiVersion helm.toolkit.fluxcd.io/*, kind HelmRelease); a plain values file is a helm-values pin.',
    ],
    [
      'a named image that none of several HelmReleases holds',
      file,
      [{ name: 'worker', paths: { tag: 'worker.tag' } }],
      "helm-release: apps/web/release.yaml: none of 2 places (HelmRelease web, HelmRelease api) holds worker.tag for image 'worker'; " +
        'add it to the one that runs the image.',
    ],
  ])('refused in one line: %s', (_, source, images, message) => {
    const args = parseImageArguments([`${images[0].name}:1.0.0`]);
    expect(() => helmReleaseEditor.edit(pin(images), source, args)).toThrow(new UserError(message));
  });
});

describe('real-world values files and HelmReleases (__tests__/fixtures/pins/helm)', () => {
  const cases = fixturesOf(['helm-values', 'helm-release']).flatMap(([file, entry]) =>
    entry.images.flatMap((image, index) =>
      VARIANTS.filter((variant) => variant.applies(image, entry.digestInTag ?? false)).map((variant) => ({ file, entry, image, index, variant })),
    ),
  );

  test.each(cases.map((c) => [`${c.file} #${c.index} ${c.image.name || '(by repository)'}: ${c.variant.label}`, c] as const))('%s', (_, c) => {
    const { file, entry, image, index, variant } = c;
    const editor = EDITORS[entry.kind] as PinEditor;
    const source = fixtureText(file);
    const pin = pinOf(file, entry, [image]);
    const [held] = editor.read(pin, source);
    expect(held.name).not.toBe('');
    const edit = editor.edit(pin, source, parseImageArguments([variant.argument(held.name)]));
    const after = variant.after(held.values);
    for (const [path, value] of expectedAt(image, after, entry.digestInTag ?? false)) {
      expect({ path, value: valueAt(entry.kind, edit.text, path) }).toEqual({ path, value });
    }
    expect(edit.changes).toHaveLength(1);
    expect(edit.changes[0].after).toEqual(after);
    expectOnlyValueLines(source, edit.text, 3);
    // Re-applying changes nothing; the other images of the file still read as before.
    const again = editor.edit(pin, edit.text, parseImageArguments([variant.argument(held.name)]));
    expect(again).toEqual({ text: edit.text, changes: [] });
    const everyImage = pinOf(file, entry);
    const others = (images: ReturnType<PinEditor['read']>) => images.filter((_, i) => i !== index).map((image) => image.values);
    expect(others(editor.read(everyImage, edit.text))).toEqual(others(editor.read(everyImage, source)));
  });
});
