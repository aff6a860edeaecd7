import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOver } from '../../src/repo/write-over.js';

const root = mkdtempSync(join(tmpdir(), 'write-over-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeOver', () => {
  test.each([
    ['shorter content over a longer file leaves no tail', 'images:\n- name: web\n  newTag: 1.4.0\n', 'images: []\n'],
    ['longer content over a shorter file', 'images: []\n', 'images:\n- name: web\n  newTag: 1.4.0\n'],
    ['the same length', 'newTag: 1.3.0\n', 'newTag: 1.4.0\n'],
    ['nothing over something', 'images: []\n', ''],
    ['multi-byte characters are counted in bytes', 'a: 1\n', '# été — 東京\na: 2\n'],
  ])('%s', (_, before, after) => {
    const path = join(root, `file-${before.length}-${after.length}.yaml`);
    writeFileSync(path, before);
    writeOver(path, after);
    expect(readFileSync(path, 'utf8')).toBe(after);
  });

  test('a new file in folders that do not exist yet is made with them', () => {
    const path = join(root, 'apps', 'web', 'overlays', 'dev', 'kustomization.yaml');
    writeOver(path, 'resources: []\n');
    expect(readFileSync(path, 'utf8')).toBe('resources: []\n');
  });

  test('an existing file keeps its mode (an executable stays executable)', () => {
    const path = join(root, 'generate.sh');
    writeFileSync(path, '#!/bin/sh\necho old\n');
    chmodSync(path, 0o755);
    writeOver(path, '#!/bin/sh\n');
    expect(statSync(path).mode & 0o777).toBe(0o755);
    expect(readFileSync(path, 'utf8')).toBe('#!/bin/sh\n');
  });

  test('a failure other than a missing folder is thrown as it is', () => {
    expect(() => writeOver(root, 'x')).toThrow(/EISDIR/);
  });
});
