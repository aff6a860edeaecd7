import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEveryKustomization } from '../../src/repo/kustomization-folders.js';
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

describe('findEveryKustomization: what ** names, found without the glob matcher', () => {
  const trees: string[] = [];
  /** A tree of folders, each holding the files named (a file ending in → is a symlink to the path after the arrow). */
  function tree(files: string[]): string {
    const top = mkdtempSync(join(tmpdir(), 'every-kustomization-test-'));
    trees.push(top);
    for (const file of files) {
      const [path, target] = file.split(' → ');
      mkdirSync(join(top, path, '..'), { recursive: true });
      if (target) symlinkSync(target.startsWith('/') ? target : join(top, target), join(top, path));
      else writeFileSync(join(top, path), 'resources: []\n');
    }
    return top;
  }
  afterAll(() => trees.forEach((top) => rmSync(top, { recursive: true, force: true })));

  /** The overlays, or the error's message. */
  const outcome = (find: () => unknown): unknown => {
    try {
      return find();
    } catch (error) {
      return (error as Error).message;
    }
  };

  test.each([
    ['the tree above (node_modules, a hidden folder, a linked folder)', () => root],
    ['an empty folder', () => tree([])],
    [
      'hidden folders at any depth',
      () => tree(['a/kustomization.yaml', '.a/kustomization.yaml', 'b/.c/kustomization.yaml', 'b/c.d/Kustomization', '..e/kustomization.yml']),
    ],
    ['a folder with two kustomization files', () => tree(['a/kustomization.yaml', 'a/kustomization.yml'])],
    ['a kustomization file that is a symlink out of the repo', () => tree(['a/kustomization.yaml → /etc/hostname'])],
    ['a kustomization at the root only', () => tree(['kustomization.yaml'])],
  ])('%s: as resolveOverlays(root, ["**"]) names them', (_case, make) => {
    const top = make();
    expect(outcome(() => findEveryKustomization(top, 'path'))).toEqual(outcome(() => resolveOverlays(top, ['**'], 'path')));
  });
});
