import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ValidationReport } from '../../src/validate/findings.js';
import { toJUnitXml } from '../../src/validate/junit-report.js';
import { discoverOverlays, overlaysChangedSince } from '../../src/validate/overlay-discovery.js';
import { clearKustomizationCache } from '../../src/validate/kustomization-references.js';
import { locateRenderError } from '../../src/validate/render-errors.js';
import { SourceLocator } from '../../src/validate/source-lines.js';
import { resolveOverlays } from '../../src/repo/overlay-paths.js';

const FIXTURE = join(process.cwd(), '__tests__', 'fixtures', 'validate', 'config-repo');
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'validate-unit-'));
  cpSync(FIXTURE, dir, { recursive: true });
  scratch.push(dir);
  return dir;
}

describe('SourceLocator', () => {
  const rendered = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'web-production' },
    spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'x' }] } } },
  };
  const overlay = join(FIXTURE, 'apps/web/overlays/production');
  const base = join(FIXTURE, 'apps/web/base/deployment.yaml');

  test.each([
    { pointer: '/spec/replicas', file: 'apps/web/overlays/production/replicas.yaml', line: 6, why: 'the overlay patch sets it' },
    { pointer: '/spec/template/spec/containers/0/image', file: 'apps/web/base/deployment.yaml', line: 19, why: 'the base file, list item matched by name' },
    { pointer: '/spec/template/spec/containers/0/nope', file: 'apps/web/base/deployment.yaml', line: 18, why: 'the deepest part the base has' },
    { pointer: '/spec/selector', file: 'apps/web/base/deployment.yaml', line: 9, why: 'a key line' },
  ])('$pointer → $file:$line ($why)', ({ pointer, file, line }) => {
    const at = new SourceLocator().locate(overlay, rendered, base, pointer)!;
    expect({ file: relative(FIXTURE, at.file), line: at.line }).toEqual({ file, line });
  });

  test('the images: entry that sets a rendered image', () => {
    const at = new SourceLocator().locateImageEntry(overlay, 'ghcr.io/example/web', 'digest')!;
    expect({ file: relative(FIXTURE, at.file), line: at.line }).toEqual({ file: 'apps/web/overlays/production/kustomization.yaml', line: 11 });
  });
});

describe('locateRenderError', () => {
  test.each([
    {
      message:
        "accumulating resources: accumulation err='accumulating resources from '../../base': '/x/base' must resolve to a file': " +
        "recursed accumulation of path 'BASE': accumulating resources: accumulating resources from 'missing.yaml': open BASE/missing.yaml: " +
        'no such file or directory',
      file: 'apps/web/base/kustomization.yaml',
      line: 4,
      setup: (root: string) =>
        writeFileSync(join(root, 'apps/web/base/kustomization.yaml'), 'kind: Kustomization\nresources:\n  - deployment.yaml\n  - missing.yaml\n'),
    },
    {
      message:
        "recursed accumulation of path 'BASE': accumulating resources: accumulating resources from 'service.yaml': MalformedYAMLError: yaml: " +
        'line 5: found character that cannot start any token in File: service.yaml',
      file: 'apps/web/base/service.yaml',
      line: 5,
      setup: (root: string) => writeFileSync(join(root, 'apps/web/base/service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n\tlabels: x\n'),
    },
  ])('$file:$line', ({ message, file, line, setup }) => {
    const root = copy();
    setup(root);
    const at = locateRenderError(join(root, 'apps/web/overlays/dev'), message.replace(/BASE/g, join(root, 'apps/web/base')))!;
    expect({ file: relative(root, at.file), line: at.line }).toEqual({ file, line });
  });
});

describe('which overlays', () => {
  test('with none named: every kustomization no other one uses as a base', async () => {
    clearKustomizationCache();
    expect((await discoverOverlays(FIXTURE)).map((overlay) => overlay.path)).toEqual([
      'apps/web/overlays/dev',
      'apps/web/overlays/production',
      'apps/web/overlays/staging',
      'apps/worker/overlays/dev',
      'apps/worker/overlays/production',
      'platform/argocd',
    ]);
  });

  test('changed-only: a base change selects its overlays, an overlay change only itself, an untracked file counts', async () => {
    const root = copy();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'repo');
    git('branch', 'base');
    const all = resolveOverlays(root, ['**/overlays/*', 'platform/*']);
    const changed = async () => (await overlaysChangedSince(root, all, 'base')).map((overlay) => overlay.path);
    clearKustomizationCache();
    expect(await changed()).toEqual([]);
    writeFileSync(join(root, 'apps/web/base/service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    expect(await changed()).toEqual(['apps/web/overlays/dev', 'apps/web/overlays/production', 'apps/web/overlays/staging']);
    git('checkout', '-q', '--', '.');
    writeFileSync(join(root, 'apps/worker/overlays/production/extra.yaml'), 'x: 1\n');
    expect(await changed()).toEqual(['apps/worker/overlays/production']);
    await expect(overlaysChangedSince(root, all, 'no-such-ref')).rejects.toThrow("Input 'base-ref'");
  });

  test('changed-only: a folder name that is not ASCII is matched as it is, not as git quotes it', async () => {
    const root = copy();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' });
    cpSync(join(root, 'apps/worker'), join(root, 'apps/café'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'repo');
    git('branch', 'base');
    const all = resolveOverlays(root, ['**/overlays/*']);
    clearKustomizationCache();
    writeFileSync(join(root, 'apps/café/overlays/production/kustomization.yaml'), '# edited\n', { flag: 'a' });
    git('commit', '-qam', 'edit');
    writeFileSync(join(root, 'apps/café/overlays/dev/extra.yaml'), 'x: 1\n');
    expect((await overlaysChangedSince(root, all, 'base')).map((overlay) => overlay.path)).toEqual(['apps/café/overlays/dev', 'apps/café/overlays/production']);
  });
});

describe('JUnit', () => {
  test('a suite per overlay, a failure per error, a skip per warning, a pass for a clean overlay', () => {
    const report: ValidationReport = {
      valid: false,
      kubernetesVersion: '1.34',
      serverDryRun: false,
      overlays: [
        { overlay: 'a', file: 'a/kustomization.yaml', resources: 2, renderMs: 10, validateMs: 5, validateCpuMs: 4, notices: [], warnings: [], errors: [] },
        {
          overlay: 'b<&>',
          file: 'b/kustomization.yaml',
          resources: 1,
          renderMs: 1000,
          validateMs: 0,
          validateCpuMs: 0,
          notices: [],
          errors: [{ severity: 'error', rule: 'schema', message: 'unknown field "spec.x"', resource: 'Deployment/web', file: 'b/d.yaml', line: 7 }],
          warnings: [{ severity: 'warning', rule: 'unknown-kind', message: 'no schema' }],
        },
      ],
    };
    const xml = toJUnitXml(report);
    expect(xml).toContain('<testsuites name="gitops-promote validate" tests="3" failures="1">');
    expect(xml).toContain('<testcase classname="a" name="2 resources valid" time="0.015"/>');
    expect(xml).toContain('<testsuite name="b&lt;&amp;&gt;" tests="2" failures="1" errors="0" skipped="1" time="1.000">');
    expect(xml).toContain('<failure message="unknown field &quot;spec.x&quot;" type="schema">b/d.yaml:7: unknown field "spec.x"</failure>');
    expect(xml).toContain('file="b/d.yaml" line="7"');
    expect(xml).toContain('<skipped message="warning: no schema"/>');
  });
});
