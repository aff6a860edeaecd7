import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { isSupportedNode, SUPPORTED_NODE_RANGE, unsupportedNodeMessage } from '../../src/runtime/supported-node.js';

describe('the Node.js versions gitops-promote runs on', () => {
  test.each([
    ['20.20.2', false], // past its end of life; the Kubernetes client's HTTP stack cannot load
    ['22.14.0', false], // no zlib.createZstdDecompress
    ['22.19.0', false], // not the action's runtime, not tested
    ['23.11.1', false],
    ['24.0.0', true],
    ['24.21.0', true],
    ['25.2.1', true],
    ['26.0.0-pre', true],
  ])('%s: %s', (version, supported) => {
    expect(isSupportedNode(version)).toBe(supported);
    // The check and package.json's engines range say the same.
    expect(semver.satisfies(version, SUPPORTED_NODE_RANGE, { includePrerelease: true })).toBe(supported);
  });

  test.each(['', 'x.y.z', 'twenty'])('an unreadable version %j is not supported', (version) => {
    expect(isSupportedNode(version)).toBe(false);
  });

  test("package.json's engines is the range the CLI enforces", () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(manifest.engines.node).toBe(SUPPORTED_NODE_RANGE);
  });

  test('the refusal is one line naming the versions', () => {
    expect(unsupportedNodeMessage('20.20.2')).toBe(
      'error: gitops-promote needs Node.js 24 or later (the runtime the action runs on); this is Node.js 20.20.2.',
    );
  });
});
