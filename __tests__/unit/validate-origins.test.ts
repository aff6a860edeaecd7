import { describe, expect, test } from '@jest/globals';
import { parseRenderedResources, readOrigins, renderedIdentity } from '../../src/validate/rendered-resources.js';

/**
 * Validation checks the plain render and, for an overlay with findings, pairs
 * each of its objects with the same object of the render with origin
 * annotations, by identity.
 */

const BASE = '/tmp/wrapper';

function resource(apiVersion: string, kind: string, name: string, namespace?: string, origin?: string): string {
  const annotations = origin ? `  annotations:\n    config.kubernetes.io/origin: |\n${origin.replace(/^/gm, '      ')}\n` : '';
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n${annotations}  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;
}

describe('readOrigins', () => {
  const traced = [
    resource('apps/v1', 'Deployment', 'hook', 'argocd', 'path: ../repo/platform/a.yaml'),
    resource('extensions/v1beta1', 'Deployment', 'hook', 'argocd', 'path: ../repo/platform/b.yaml'),
    resource('v1', 'ConfigMap', 'settings', undefined, 'configuredIn: ../repo/platform/kustomization.yaml\nconfiguredBy:\n  kind: ConfigMapGenerator'),
    resource('v1', 'ConfigMap', 'settings', 'other', 'path: ../repo/other/settings.yaml'),
    resource('v1', 'Service', 'remote', undefined, 'path: service.yaml\nrepo: https://example.com/org/repo\nref: v1'),
    resource('v1', 'Secret', 'plain'),
  ].join('---\n');
  const origins = readOrigins(traced, BASE);

  test.each([
    {
      name: 'a resource read from a file: that file, from the folder rendered',
      plain: resource('apps/v1', 'Deployment', 'hook', 'argocd'),
      file: '/tmp/repo/platform/a.yaml',
    },
    {
      name: 'the same name and kind in another API group is another resource',
      plain: resource('extensions/v1beta1', 'Deployment', 'hook', 'argocd'),
      file: '/tmp/repo/platform/b.yaml',
    },
    {
      name: 'a generated resource: the kustomization that generates it',
      plain: resource('v1', 'ConfigMap', 'settings'),
      file: '/tmp/repo/platform/kustomization.yaml',
    },
    {
      name: 'the same name in another namespace is another resource',
      plain: resource('v1', 'ConfigMap', 'settings', 'other'),
      file: '/tmp/repo/other/settings.yaml',
    },
    { name: 'a resource of a remote base has no file here', plain: resource('v1', 'Service', 'remote'), file: undefined },
    { name: 'a resource with no origin annotation', plain: resource('v1', 'Secret', 'plain'), file: undefined },
    { name: 'a resource the traced render does not have', plain: resource('v1', 'Secret', 'missing'), file: undefined },
  ])('$name', ({ plain, file }) => {
    const [object] = parseRenderedResources(plain).objects;
    expect(origins.get(renderedIdentity(object))).toBe(file);
  });
});

describe('renderedIdentity', () => {
  test.each([
    { a: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, b: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, same: true },
    {
      a: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { a: 'b' } } },
      b: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
      same: true,
    },
    { a: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, b: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }, same: false },
    {
      a: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
      b: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'y' } },
      same: false,
    },
    {
      a: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } },
      b: { apiVersion: 'apps/v1beta2', kind: 'Deployment', metadata: { name: 'x' } },
      same: false,
    },
    { a: { kind: 'ConfigMap' }, b: { kind: 'ConfigMap', metadata: {} }, same: true },
  ])('$a.kind/$a.apiVersion vs $b.kind/$b.apiVersion → same: $same', ({ a, b, same }) => {
    expect(renderedIdentity(a) === renderedIdentity(b)).toBe(same);
  });
});
