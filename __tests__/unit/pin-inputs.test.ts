import { describe, expect, test } from '@jest/globals';
import { nameInputPins, parsePinInput } from '../../src/inputs/pin-inputs.js';
import type { Pin, PinKind } from '../../src/types.js';

const DEFAULT = { repository: 'image.repository', tag: 'image.tag', digest: 'image.digest' };

describe('pins named by inputs', () => {
  test.each<[PinKind, string, Pin]>([
    [
      'helm-values',
      'environments/production/values.yaml',
      { kind: 'helm-values', file: 'environments/production/values.yaml', images: [{ name: '', paths: DEFAULT }], digestInTag: false },
    ],
    [
      'helm-values',
      './values.yaml#image.tag',
      { kind: 'helm-values', file: 'values.yaml', images: [{ name: '', paths: { tag: 'image.tag' } }], digestInTag: false },
    ],
    [
      'helm-values',
      'web=values.yaml#images.web',
      {
        kind: 'helm-values',
        file: 'values.yaml',
        images: [{ name: 'web', paths: { repository: 'images.web.repository', tag: 'images.web.tag', digest: 'images.web.digest' } }],
        digestInTag: false,
      },
    ],
    [
      'helm-release',
      'r.yaml#tag=app.version, repository=app.image',
      {
        kind: 'helm-release',
        file: 'r.yaml',
        images: [{ name: '', paths: { tag: 'app.version', repository: 'app.image' } }],
        digestInTag: false,
      },
    ],
    ['argocd-application', 'argocd/web.yaml', { kind: 'argocd-application', file: 'argocd/web.yaml', images: [], digestInTag: false }],
  ])('%s %s', (kind, text, pin) => {
    expect(parsePinInput(kind, text)).toEqual({ ...pin, origin: `Input '${kind}'` });
  });

  test.each<[PinKind, string, string]>([
    ['helm-values', '#image.tag', "Input 'helm-values': '#image.tag' names no file"],
    ['helm-values', 'v.yaml#version=x', "Input 'helm-values': 'v.yaml#version=x': 'version=x' is not one of repository=<path>, tag=<path>"],
    ['image-setters', 'web=c.yaml', "Input 'image-setters': 'web=c.yaml': image-setters says in its file which images it holds; give the file alone."],
  ])('refuses %s %s in one line', (kind, text, message) => {
    expect(() => parsePinInput(kind, text)).toThrow(message);
  });

  test('a pin that says no image holds the one argument, or is matched by its repository, or must say which', () => {
    const tagOnly = parsePinInput('helm-values', 'v.yaml#image.tag');
    const withRepository = parsePinInput('helm-values', 'v.yaml');
    // Named after the argument, not by the user: the editor then requires the file to hold that image.
    expect(nameInputPins([tagOnly], ['web'])[0].images[0]).toEqual({ name: 'web', paths: { tag: 'image.tag' }, nameFromArgument: true });
    expect(nameInputPins([parsePinInput('helm-values', 'web=v.yaml')], ['api'])[0].images[0]).toEqual({ name: 'web', paths: DEFAULT });
    expect(nameInputPins([withRepository], ['web', 'api'])[0].images[0].name).toBe('');
    expect(() => nameInputPins([tagOnly], ['web', 'api'])).toThrow(
      "Input 'helm-values': v.yaml names no repository path, and images sets 2; say which it holds",
    );
  });
});
