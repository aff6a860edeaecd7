import { describe, expect, test } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { resolveSlots } from '../../src/pins/helm-image.js';
import type { ImagePaths, Pin } from '../../src/types.js';

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
      `gitops-promote.yaml: app 'web' > environments > dev > pins[0]: environments/dev/values.yaml: image 'web': the path 'image[x].repository' has '[x]', which is not a list index; ${HINT}`,
    ],
    [
      'no origin: the pin',
      pin({ tag: 'image..tag' }),
      `helm-values: environments/dev/values.yaml: image 'web': the path 'image..tag' has an empty key at character 7; ${HINT}`,
    ],
    [
      'a reference path beside a tag path',
      pin({ reference: 'image', tag: 'image.tag' }, "Input 'helm-values'"),
      "Input 'helm-values': environments/dev/values.yaml: image 'web': a reference path holds the whole image; give either it or repository, tag and digest paths.",
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
