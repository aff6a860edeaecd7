import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOverlays } from '../../src/repo/overlay-paths.js';

// The folders an overlays pattern names: the walk is pruned to the pattern's depth, so these pin that pruning never
// drops a folder the pattern matches, and that it still skips what it skipped before.
let root: string;
const overlayFolders = [
  'apps/web/overlays/dev',
  'apps/web/overlays/prod',
  'apps/api/overlays/dev',
  'apps/api/overlays/dev/nested',
  'tenants/a',
  'tenants/b',
  'tenants/b/deeper',
  'node_modules/pkg',
  '.hidden/x',
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'overlay-paths-test-'));
  for (const folder of overlayFolders) {
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, folder, 'kustomization.yaml'), 'resources: []\n');
  }
  mkdirSync(join(root, 'tenants', 'no-kustomization'));
  mkdirSync(join(root, 'elsewhere', 'c'), { recursive: true });
  writeFileSync(join(root, 'elsewhere', 'c', 'Kustomization'), 'resources: []\n');
  symlinkSync(join(root, 'elsewhere', 'c'), join(root, 'tenants', 'linked'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveOverlays: which folders a pattern names', () => {
  test.each([
    ['tenants/*', ['tenants/a', 'tenants/b']],
    ['tenants/*/*', ['tenants/b/deeper']],
    ['tenants/**', ['tenants/a', 'tenants/b', 'tenants/b/deeper']],
    ['apps/*/overlays/dev', ['apps/api/overlays/dev', 'apps/web/overlays/dev']],
    ['apps/*/overlays/*', ['apps/api/overlays/dev', 'apps/web/overlays/dev', 'apps/web/overlays/prod']],
    ['apps/**/dev', ['apps/api/overlays/dev', 'apps/web/overlays/dev']],
    ['apps/{web,api}/overlays/prod', ['apps/web/overlays/prod']],
    ['{apps/web/overlays,tenants}/*', ['apps/web/overlays/dev', 'apps/web/overlays/prod', 'tenants/a', 'tenants/b']],
    ['*/a', ['tenants/a']],
    ['tenants/[ab]', ['tenants/a', 'tenants/b']],
  ])('%s', (pattern, expected) => {
    expect(
      resolveOverlays(root, [pattern])
        .map((overlay) => overlay.path)
        .sort(),
    ).toEqual(expected);
  });

  test('a pattern that matches no kustomization folder is refused, naming the input', () => {
    expect(() => resolveOverlays(root, ['nowhere/*'])).toThrow("Input 'overlays': 'nowhere/*' matches no folder with a kustomization file.");
  });
});
