import { suggestArgument } from '../../src/kustomize/render-check.js';
import { describe, expect, test } from '@jest/globals';
import { applyImageOverride, formatImageReference, isImageMatched, splitImageReference, type ImageOverride } from '../../src/kustomize/image-reference.js';

describe('splitImageReference (kustomize image.Split)', () => {
  test.each([
    ['nginx', 'nginx', '', ''],
    ['nginx:1.2.3', 'nginx', '1.2.3', ''],
    ['nginx@sha256:12345', 'nginx', '', 'sha256:12345'],
    ['nginx:1.2.3@sha256:12345', 'nginx', '1.2.3', 'sha256:12345'],
    ['docker.io/nginx:1.2.3', 'docker.io/nginx', '1.2.3', ''],
    ['foo.com:443/nginx:1.2.3@sha256:12345', 'foo.com:443/nginx', '1.2.3', 'sha256:12345'],
    ['localhost:5000/web', 'localhost:5000/web', '', ''],
    ['localhost:5000/team/web:v1', 'localhost:5000/team/web', 'v1', ''],
    ['localhost:5000/web@sha256:ab', 'localhost:5000/web', '', 'sha256:ab'],
    ['some.registry.io/my-image:{GENERATED_TAG}', 'some.registry.io/my-image', '{GENERATED_TAG}', ''],
    // with no slash, a port-looking suffix is a tag, as in kustomize
    ['localhost:5000', 'localhost', '5000', ''],
    ['nginx@sha512:xyz', 'nginx', '', 'sha512:xyz'],
  ])('%s', (reference, name, tag, digest) => {
    expect(splitImageReference(reference)).toEqual({ name, tag, digest });
    expect(formatImageReference({ name, tag, digest })).toBe(reference);
  });
});

describe('isImageMatched (kustomize 5.5 IsImageMatched)', () => {
  test.each([
    ['nginx', 'nginx', true],
    ['nginx:1.7.9', 'nginx', true],
    ['nginx:12345', 'nginx', true],
    ['nginx@sha256:xyz', 'nginx', true],
    ['nginx:1.2@sha256:abc', 'nginx', true],
    ['apache:12345', 'nginx', false],
    ['nginx-ingress:1', 'nginx', false],
    ['my-nginx:1', 'nginx', false],
    // no registry normalisation
    ['docker.io/library/nginx:1', 'nginx', false],
    ['nginx:1', 'docker.io/library/nginx', false],
    // the name may carry a tag
    ['nginx:1', 'nginx:1', true],
    ['nginx:2', 'nginx:1', false],
    ['myprivaterepohostname:1234/my/image:latest', 'myprivaterepohostname:1234/my/image', true],
    ['gcr.io:8080/my-project/my-cool-app:latest', 'gcr.io:8080/my-project/my-cool-app', true],
    ['some.registry.io/my-image:{GENERATED_TAG}', 'some.registry.io/my-image', true],
    // 5.5 only matches sha256 digests
    ['nginx@sha512:xyz', 'nginx', false],
    ['nginx:12345@sha512:xyz', 'nginx', false],
    // the name is a regular expression, concatenated as is
    ['nginxx', 'nginx.', true],
    ['ax:1', 'a|b', true],
    ['zb', 'a|b', true],
    ['c', 'a|b', false],
    // an invalid expression matches nothing (5.5 panics; later versions match nothing)
    ['[', '[', false],
  ])('%s against name %s → %s', (reference, name, matched) => {
    expect(isImageMatched(reference, name)).toBe(matched);
  });

  test('a cached matcher gives the same answer twice', () => {
    expect(isImageMatched('web:1', 'web')).toBe(true);
    expect(isImageMatched('web:1', 'web')).toBe(true);
    expect(isImageMatched('webx:1', 'web')).toBe(false);
  });
});

describe('applyImageOverride (kustomize image transformer, one entry)', () => {
  const SHA = 'sha256:222222222222222222';
  test.each<[string, ImageOverride, string]>([
    ['nginx:1.7.9', { name: 'nginx', newTag: 'v2' }, 'nginx:v2'],
    ['nginx', { name: 'nginx', newTag: 'v2' }, 'nginx:v2'],
    ['nginx@sha256:111111111111111111', { name: 'nginx', newTag: 'v2' }, 'nginx:v2'],
    ['nginx:1.7.9', { name: 'nginx', digest: SHA }, `nginx@${SHA}`],
    ['nginx@sha256:111111111111111111', { name: 'nginx', digest: SHA }, `nginx@${SHA}`],
    ['nginx:1.7.9', { name: 'nginx', newName: 'busybox' }, 'busybox:1.7.9'],
    ['nginx@sha256:111111111111111111', { name: 'nginx', newName: 'busybox' }, 'busybox@sha256:111111111111111111'],
    ['nginx:1.2.1', { name: 'nginx', newName: 'apache', digest: '12345' }, 'apache@12345'],
    ['nginx', { name: 'nginx', newName: 'busybox', newTag: 'v3' }, 'busybox:v3'],
    ['nginx:1', { name: 'nginx', newTag: 'v2', digest: SHA }, `nginx:v2@${SHA}`],
    ['nginx:1@sha256:1111', { name: 'nginx', newName: 'reg:5000/x' }, 'reg:5000/x:1@sha256:1111'],
    ['alpine:1.8.0', { name: 'alpine', newName: 'myprivaterepohostname:1234/my/cool-alpine' }, 'myprivaterepohostname:1234/my/cool-alpine:1.8.0'],
    ['gcr.io:8080/my-project/my-cool-app:latest', { name: 'gcr.io:8080/my-project/my-cool-app', newName: 'my-cool-app' }, 'my-cool-app:latest'],
    // no match: unchanged
    ['postgres:1.8.0', { name: 'nginx', newTag: 'v2' }, 'postgres:1.8.0'],
    ['not_nginx@54321', { name: 'nginx', newName: 'apache', newTag: '3.2.1' }, 'not_nginx@54321'],
    // a name-only entry changes nothing
    ['nginx:1', { name: 'nginx' }, 'nginx:1'],
    // tagSuffix: appended when the entry sets neither tag nor digest
    ['foo:1', { name: 'foo', tagSuffix: '-sfx' }, 'foo:1-sfx'],
    ['foo@sha256:abc', { name: 'foo', tagSuffix: '-sfx' }, 'foo:-sfx'],
    ['foo:1', { name: 'foo', newTag: '2', tagSuffix: '-sfx' }, 'foo:2'],
  ])('%s with %j → %s', (reference, override, expected) => {
    expect(applyImageOverride(reference, override)).toBe(expected);
  });

  test('entries apply one after another, so their order matters', () => {
    const chain = (overrides: ImageOverride[], reference: string): string =>
      overrides.reduce((current, override) => applyImageOverride(current, override), reference);
    const rename: ImageOverride = { name: 'a', newName: 'b' };
    const retag: ImageOverride = { name: 'b', newTag: 'v2' };
    expect(chain([rename, retag], 'a:1')).toBe('b:v2');
    expect(chain([retag, rename], 'a:1')).toBe('b:1');
    expect(
      chain(
        [
          { name: 'x', newTag: '1' },
          { name: 'x', newTag: '2' },
        ],
        'x:0',
      ),
    ).toBe('x:2');
  });
});

describe('suggestArgument', () => {
  const entries = [
    { name: 'web', newName: 'ghcr.io/acme/web' },
    { name: 'api', newName: '' },
  ];
  test.each([
    ['ghcr.io/acme/web', 'ghcr.io/acme/web:1.5.0', 'web=ghcr.io/acme/web:1.5.0'],
    ['ghcr.io/acme/web', 'ghcr.io/acme/web=*:1.5.0', 'web=*:1.5.0'],
    ['api', 'api:2', undefined],
    ['ghcr.io/acme/other', 'ghcr.io/acme/other:1', undefined],
  ])('%s from %s → %s', (name, source, expected) => {
    expect(suggestArgument(name, source, entries)).toBe(expected);
  });
});
