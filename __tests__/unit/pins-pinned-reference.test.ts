import { describe, expect, test } from '@jest/globals';
import { splitImageReference } from '../../src/kustomize/image-reference.js';
import { expectedOfChange, holdsExpected, rendersPinnedExpected, type PinnedExpected } from '../../src/pins/pinned-reference.js';
import type { PinChange } from '../../src/pins/pin-types.js';

function change(after: { newName: string; newTag: string; digest?: string }): PinChange {
  return { name: 'web', argument: 'web=…', before: null, after: { digest: '', ...after }, dropped: [], location: 'image.tag', line: 1 };
}

describe('the reference a Helm pin’s change should make', () => {
  test.each<[string, PinChange, string | undefined, PinnedExpected]>([
    [
      'a new name is expected as given',
      change({ newName: 'ghcr.io/acme/web', newTag: '1.5.0' }),
      'ghcr.io/acme/old:1.4.0',
      { name: 'ghcr.io/acme/web', tag: '1.5.0', digest: '', anyName: false },
    ],
    [
      'no new name: the repository the values hold',
      change({ newName: '', newTag: '1.5.0' }),
      'ghcr.io/acme/web:1.5.0',
      { name: 'ghcr.io/acme/web', tag: '1.5.0', digest: '', anyName: false },
    ],
    // A pin of the tag alone (#image.tag): the values hold no repository at its paths, so the name is not known.
    [
      'no new name and no repository held: any name',
      change({ newName: '', newTag: '1.5.0' }),
      ':1.5.0',
      { name: 'web', tag: '1.5.0', digest: '', anyName: true },
    ],
    ['nothing held at all: the change’s name', change({ newName: '', newTag: '1.5.0' }), undefined, { name: 'web', tag: '1.5.0', digest: '', anyName: false }],
  ])('%s', (_name, theChange, held, expected) => {
    expect(expectedOfChange(theChange, held === undefined ? undefined : splitImageReference(held))).toEqual(expected);
  });
});

describe('whether values or a render carry it', () => {
  const named: PinnedExpected = { name: 'ghcr.io/acme/web', tag: '1.5.0', digest: '', anyName: false };
  const anyName: PinnedExpected = { name: 'web', tag: '1.5.0', digest: `sha256:${'a'.repeat(64)}`, anyName: true };
  test.each<[string, string[], PinnedExpected, boolean]>([
    ['the same name and tag', ['ghcr.io/acme/web:1.5.0'], named, true],
    ['another name', ['ghcr.io/acme/api:1.5.0'], named, false],
    ['any name: the tag and digest decide', [`ghcr.io/acme/web:1.5.0@sha256:${'a'.repeat(64)}`], anyName, true],
    ['any name: another tag', [`ghcr.io/acme/web:1.4.0@sha256:${'a'.repeat(64)}`], anyName, false],
    ['any name: another digest', [`ghcr.io/acme/web:1.5.0@sha256:${'b'.repeat(64)}`], anyName, false],
    ['any name: values with no repository', [`:1.5.0@sha256:${'a'.repeat(64)}`], anyName, true],
  ])('%s', (_name, rendered, expected, carries) => {
    expect(rendersPinnedExpected(rendered, expected)).toBe(carries);
    expect(holdsExpected(splitImageReference(rendered[0]), expected)).toBe(carries);
  });

  test('nothing held holds nothing', () => {
    expect(holdsExpected(undefined, anyName)).toBe(false);
  });
});
