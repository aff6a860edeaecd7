import { describe, expect, test } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { parseImageArgument } from '../../src/kustomize/image-argument.js';
import { namesRepository, resolveSlots } from '../../src/pins/helm-image.js';
import { editorFor } from '../../src/pins/pin-editors.js';
import { DEFAULT_IMAGE_PATHS, type ImagePaths, type Pin } from '../../src/types.js';

function pin(paths: ImagePaths, origin?: string): Pin {
  return { kind: 'helm-values', file: 'environments/dev/values.yaml', images: [{ name: 'web', paths }], digestInTag: false, ...(origin ? { origin } : {}) };
}

function refusal(thePin: Pin): string {
  try {
    resolveSlots(thePin, thePin.images[0]);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('resolveSlots did not refuse the paths');
}

const HINT = 'write keys separated by dots, list indexes as [0], and a key with a dot in it as ["a.b"].';

describe('a Helm pin’s paths that do not parse are refused, naming where the pin was given', () => {
  test.each<[string, Pin, string]>([
    [
      'an input',
      pin({ tag: 'image..tag' }, "Input 'helm-values'"),
      `Input 'helm-values': environments/dev/values.yaml: image 'web': the path 'image..tag' has an empty key at character 7; ${HINT}`,
    ],
    [
      'the config’s entry',
      pin({ repository: 'image[x].repository' }, "gitops-promote.yaml: app 'web' > environments > dev > pins[0]"),
      "gitops-promote.yaml: app 'web' > environments > dev > pins[0]: environments/dev/values.yaml: image 'web': " +
        `the path 'image[x].repository' has '[x]', which is not a list index; ${HINT}`,
    ],
    [
      'no origin: the pin',
      pin({ tag: 'image..tag' }),
      `helm-values: environments/dev/values.yaml: image 'web': the path 'image..tag' has an empty key at character 7; ${HINT}`,
    ],
    [
      'a reference path beside a tag path',
      pin({ reference: 'image', tag: 'image.tag' }, "Input 'helm-values'"),
      "Input 'helm-values': environments/dev/values.yaml: image 'web': " +
        'a reference path holds the whole image; give either it or repository, tag and digest paths.',
    ],
  ])('%s', (_name, thePin, message) => {
    expect(refusal(thePin)).toBe(message);
  });

  test('paths that parse are resolved', () => {
    expect(resolveSlots(pin({ tag: 'images.web.tag' }), { name: 'web', paths: { tag: 'images.web.tag' } }).paths.tag).toEqual([
      { key: 'images' },
      { key: 'web' },
      { key: 'tag' },
    ]);
  });
});

describe('a pin an input named without its image holds the one argument’s image only when its file does', () => {
  const VALUES = 'image:\n  repository: ghcr.io/acme/worker\n  tag: "0.9.0"\n';
  const named = (name: string, nameFromArgument: boolean, paths: ImagePaths = DEFAULT_IMAGE_PATHS): Pin => ({
    kind: 'helm-values',
    file: 'clusters/dev/values.yaml',
    images: [{ name, paths, ...(nameFromArgument ? { nameFromArgument } : {}) }],
    digestInTag: false,
    origin: "Input 'helm-values'",
  });
  const tagOf = (thePin: Pin, argument: string): string =>
    /tag: "?([^"\n]+)"?/.exec(editorFor('helm-values').edit(thePin, VALUES, [parseImageArgument(argument)]).text)?.[1] ?? '';

  test.each<[string, Pin, string, string]>([
    ['the full repository', named('ghcr.io/acme/worker', true), 'ghcr.io/acme/worker=*:1.0.0', '1.0.0'],
    ['its last part, as an app’s images list it', named('worker', true), 'worker=*:1.0.0', '1.0.0'],
    ['a file that holds no repository at the pin’s paths (the tag alone)', named('api', true, { tag: 'image.tag' }), 'api=*:1.0.0', '1.0.0'],
    ['the user said which image the file holds (api=file)', named('api', false), 'api=*:1.0.0', '1.0.0'],
  ])('%s: set', (_name, thePin, argument, tag) => {
    expect(tagOf(thePin, argument)).toBe(tag);
  });

  test.each([
    [
      'api=*:2.9.0',
      "Input 'helm-values': clusters/dev/values.yaml holds ghcr.io/acme/worker, which 'api=*:2.9.0' does not name; " +
        'if the file runs api, say so: api=clusters/dev/values.yaml.',
    ],
    [
      'ghcr.io/acme/api:2.9.0',
      "Input 'helm-values': clusters/dev/values.yaml holds ghcr.io/acme/worker, which 'ghcr.io/acme/api:2.9.0' does not name; " +
        'if the file runs ghcr.io/acme/api, say so: ghcr.io/acme/api=clusters/dev/values.yaml.',
    ],
  ])('another image (%s): refused, not given that image’s tag', (argument, message) => {
    const thePin = named(parseImageArgument(argument).name, true);
    expect(() => tagOf(thePin, argument)).toThrow(message);
  });
});

describe('an argument’s name names a repository a file holds', () => {
  test.each([
    ['ghcr.io/acme/web', 'ghcr.io/acme/web', true],
    ['ghcr.io/acme/web', 'web', true],
    ['ghcr.io/acme/web', 'acme/web', true],
    ['ghcr.io/acme/web', 'eb', false],
    ['ghcr.io/acme/web', 'ghcr.io/acme/api', false],
    ['ghcr.io/acme/web-cron', 'web', false],
    ['', 'web', false],
  ])('%s by %s: %s', (repository, name, names) => {
    expect(namesRepository(repository, name)).toBe(names);
  });

  test('a pin that names no image takes, of several arguments, the one naming its repository by its last part', () => {
    const pin: Pin = { kind: 'helm-release', file: 'release.yaml', images: [{ name: '', paths: DEFAULT_IMAGE_PATHS }], digestInTag: false };
    const release = [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata:',
      '  name: worker',
      'spec:',
      '  values:',
      '    image:',
      '      repository: ghcr.io/acme/worker',
      '      tag: "0.9.0"',
      '',
    ].join('\n');
    const { text, changes } = editorFor('helm-release').edit(pin, release, [parseImageArgument('api=*:2.9.0'), parseImageArgument('worker=*:1.0.0')]);
    expect(text).toBe(release.replace('"0.9.0"', '"1.0.0"'));
    expect(changes.map((change) => change.name)).toEqual(['worker']);
  });
});
