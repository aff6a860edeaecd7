import { describe, expect, test } from '@jest/globals';
import { checkImages, findDuplicates, findImages, resourceIdentity } from '../../src/validate/policy-checks.js';

const deployment = (image: string, init?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { template: { spec: { containers: [{ name: 'web', image }], ...(init ? { initContainers: [{ name: 'init', image: init }] } : {}) } } },
});

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('checkImages', () => {
  test.each([
    { image: 'ghcr.io/a/web:1.2.3', policy: { protected: false, requireDigest: false }, rules: [] },
    { image: 'ghcr.io/a/web', policy: { protected: false, requireDigest: false }, rules: ['image-reference'] },
    { image: 'localhost:5000/web', policy: { protected: false, requireDigest: false }, rules: ['image-reference'] },
    { image: 'ghcr.io/a/web:latest', policy: { protected: false, requireDigest: false }, rules: [] },
    { image: 'ghcr.io/a/web:latest', policy: { protected: true, requireDigest: false }, rules: ['latest-tag'] },
    { image: 'ghcr.io/a/web:1.0', policy: { protected: true, requireDigest: true }, rules: ['digest-required'] },
    { image: `ghcr.io/a/web:1.0@${DIGEST}`, policy: { protected: true, requireDigest: true }, rules: [] },
    { image: `ghcr.io/a/web@${DIGEST}`, policy: { protected: true, requireDigest: true }, rules: [] },
    { image: 'ghcr.io/a/web@sha256:abc', policy: { protected: false, requireDigest: false }, rules: ['image-reference'] },
    { image: '', policy: { protected: false, requireDigest: false }, rules: ['image-reference'] },
  ])('$image with $policy → $rules', ({ image, policy, rules }) => {
    expect(checkImages(deployment(image), policy).map((issue) => issue.rule)).toEqual(rules);
  });

  test('points at the image field of every container list, with the image name for the images: entry', () => {
    expect(findImages(deployment('a:1', 'b')).map((found) => found.pointer)).toEqual([
      '/spec/template/spec/containers/0/image',
      '/spec/template/spec/initContainers/0/image',
    ]);
    expect(checkImages(deployment('a:1', 'ghcr.io/x/b:latest'), { protected: true, requireDigest: false })[0]).toMatchObject({
      pointer: '/spec/template/spec/initContainers/0/image',
      image: 'ghcr.io/x/b',
    });
  });
});

describe('duplicates', () => {
  test.each([
    {
      a: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
      b: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } },
      same: true,
    },
    {
      a: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } },
      b: { apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'x' } },
      same: true,
    },
    {
      a: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'a' } },
      b: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'b' } },
      same: false,
    },
    {
      a: { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'x' } },
      b: { apiVersion: 'other.example.com/v1', kind: 'Certificate', metadata: { name: 'x' } },
      same: false,
    },
  ])('$a.apiVersion $a.kind vs $b.apiVersion → same: $same', ({ a, b, same }) => {
    expect(resourceIdentity(a) === resourceIdentity(b)).toBe(same);
    expect(findDuplicates([a, b])).toEqual(same ? [{ index: 1, firstIndex: 0 }] : []);
  });
});
