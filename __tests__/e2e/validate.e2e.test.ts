import { EXAMPLE_CONFIG_REPO } from '../helpers/git-fixtures.js';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { annotations, copyFixtureRepo, edit, requireBuiltBundle, runAction } from '../fixtures/validate/run-action.js';

/**
 * The built action (dist/index.js on Node 24, the real kubectl) over the
 * fixture config repo, valid and broken one way at a time: each break must
 * give the right finding at the right file and line.
 */

beforeAll(() => requireBuiltBundle());

describe('validate over a valid config repo', () => {
  test('discovers every top overlay, finds nothing, and reports valid with outputs, summary and JUnit', async () => {
    const repo = copyFixtureRepo();
    try {
      const run = await runAction({ path: repo });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(annotations(run.stdout).filter((a) => a.level === 'error')).toEqual([]);
      expect(run.outputs.valid).toBe('true');
      const report = JSON.parse(run.outputs.report) as Array<{ overlay: string; resources: number; errors: unknown[] }>;
      expect(report.map((entry) => entry.overlay)).toEqual([
        'apps/web/overlays/dev',
        'apps/web/overlays/production',
        'apps/web/overlays/staging',
        'apps/worker/overlays/dev',
        'apps/worker/overlays/production',
        'platform/argocd',
      ]);
      expect(report.every((entry) => entry.resources === 2 && entry.errors.length === 0)).toBe(true);
      expect(run.summary).toContain('gitops-promote validate: valid');
      expect(run.summary).toContain('✅ apps/web/overlays/production');
      const junit = readFileSync(run.outputs.junit, 'utf8');
      expect(junit).toContain('<testsuite name="platform/argocd" tests="1" failures="0"');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('a protected environment with require-digest passes where every image is pinned by digest', async () => {
    const repo = copyFixtureRepo();
    try {
      const run = await runAction({ path: repo, overlays: 'apps/*/overlays/production', protected: 'true', 'require-digest': 'true' });
      expect(run.status).toBe(0);
      expect(run.outputs.valid).toBe('true');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

interface BrokenCase {
  name: string;
  overlays: string;
  inputs?: Record<string, string>;
  break: (repo: string) => void;
  rule: string;
  file: string;
  line: number;
  message: RegExp;
}

const DEPLOYMENT = 'apps/web/base/deployment.yaml';

const cases: BrokenCase[] = [
  {
    name: 'invalid YAML in a base resource',
    overlays: 'apps/web/overlays/dev',
    break: (repo) => edit(repo, 'apps/web/base/service.yaml', (text) => text.replace('  selector:\n', '  selector:\n   app: [web\n')),
    rule: 'render',
    file: 'apps/web/base/service.yaml',
    line: 7,
    message: /could not render apps\/web\/overlays\/dev/,
  },
  {
    name: 'an unknown apiVersion',
    overlays: 'apps/web/overlays/dev',
    break: (repo) => edit(repo, DEPLOYMENT, (text) => text.replace('apiVersion: apps/v1', 'apiVersion: apps/v2')),
    rule: 'unknown-kind',
    file: DEPLOYMENT,
    line: 1,
    message: /unknown apiVersion 'apps\/v2' for kind Deployment; the schemas know .*apps\/v1/,
  },
  {
    name: 'an unknown kind',
    overlays: 'apps/web/overlays/dev',
    break: (repo) => edit(repo, 'apps/web/base/service.yaml', (text) => text.replace('kind: Service', 'kind: Servise')),
    rule: 'unknown-kind',
    file: 'apps/web/base/service.yaml',
    line: 2,
    message: /no schema for v1 Servise/,
  },
  {
    name: 'an unknown field (strict)',
    overlays: 'apps/web/overlays/staging',
    break: (repo) => edit(repo, DEPLOYMENT, (text) => text.replace('          ports:', '          imagePullPolicyy: Always\n          ports:')),
    rule: 'schema',
    file: DEPLOYMENT,
    line: 20,
    message: /unknown field "spec\.template\.spec\.containers\[0\]\.imagePullPolicyy"/,
  },
  {
    name: 'a wrong type set by an overlay patch',
    overlays: 'apps/web/overlays/production',
    break: (repo) => edit(repo, 'apps/web/overlays/production/replicas.yaml', (text) => text.replace('replicas: 3', 'replicas: "three"')),
    rule: 'schema',
    file: 'apps/web/overlays/production/replicas.yaml',
    line: 6,
    message: /spec\.replicas: expected integer, got string/,
  },
  {
    name: 'a fractional replica count (Kubernetes types it int32)',
    overlays: 'apps/web/overlays/production',
    break: (repo) => edit(repo, 'apps/web/overlays/production/replicas.yaml', (text) => text.replace('replicas: 3', 'replicas: 2.5')),
    rule: 'schema',
    file: 'apps/web/overlays/production/replicas.yaml',
    line: 6,
    message: /spec\.replicas: expected integer, got number/,
  },
  {
    name: 'a missing required field',
    overlays: 'apps/web/overlays/dev',
    break: (repo) => edit(repo, DEPLOYMENT, (text) => text.replace('  selector:\n    matchLabels:\n      app: web\n', '')),
    rule: 'schema',
    file: DEPLOYMENT,
    line: 7,
    message: /missing required field "spec\.selector"/,
  },
  {
    name: 'a duplicate resource kustomize lets through (one Deployment under two API groups)',
    overlays: 'platform/argocd',
    inputs: { 'kubernetes-version': '1.15' },
    break: (repo) =>
      edit(
        repo,
        'platform/argocd/applications.yaml',
        (text) =>
          `${text}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hook\n  namespace: argocd\n---\napiVersion: extensions/v1beta1\n` +
          `kind: Deployment\nmetadata:\n  name: hook\n  namespace: argocd\n`,
      ),
    rule: 'duplicate-resource',
    file: 'platform/argocd/applications.yaml',
    line: 39,
    message: /Deployment\/argocd\/hook: defined twice .*first defined in platform\/argocd\/applications\.yaml:33/,
  },
  {
    name: 'a duplicate resource kustomize refuses',
    overlays: 'platform/argocd',
    break: (repo) =>
      edit(
        repo,
        'platform/argocd/applications.yaml',
        (text) =>
          `${text}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n` +
          `  name: settings\n  namespace: default\n`,
      ),
    rule: 'duplicate-resource',
    file: 'platform/argocd/kustomization.yaml',
    line: 2,
    message: /already registered id: ConfigMap/,
  },
  {
    name: 'a latest tag in a protected environment',
    overlays: 'apps/web/overlays/production',
    inputs: { protected: 'true' },
    break: (repo) =>
      edit(repo, 'apps/web/overlays/production/kustomization.yaml', (text) =>
        text.replace('newTag: 1.0.0\n    digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', 'newTag: latest\n'),
      ),
    rule: 'latest-tag',
    file: 'apps/web/overlays/production/kustomization.yaml',
    line: 10,
    message: /image 'ghcr\.io\/example\/web:latest' uses the 'latest' tag/,
  },
  {
    name: 'an image with neither tag nor digest',
    overlays: 'apps/worker/overlays/dev',
    break: (repo) => edit(repo, 'apps/worker/base/cronjob.yaml', (text) => text.replace('worker:2.3.1', 'worker')),
    rule: 'image-reference',
    file: 'apps/worker/base/cronjob.yaml',
    line: 14,
    message: /has neither a tag nor a digest/,
  },
  {
    name: 'a kustomization that does not render',
    overlays: 'apps/web/overlays/staging',
    break: (repo) => edit(repo, 'apps/web/base/kustomization.yaml', (text) => `${text}  - missing-configmap.yaml\n`),
    rule: 'render',
    file: 'apps/web/base/kustomization.yaml',
    line: 6,
    message: /missing-configmap\.yaml/,
  },
  {
    name: 'an API version the chosen Kubernetes no longer serves',
    overlays: 'apps/worker/overlays/dev',
    inputs: { 'kubernetes-version': '1.25' },
    break: (repo) => edit(repo, 'apps/worker/base/cronjob.yaml', (text) => text.replace('batch/v1', 'batch/v1beta1')),
    rule: 'kubernetes-version',
    file: 'apps/worker/base/cronjob.yaml',
    line: 1,
    message: /batch\/v1beta1 CronJob is no longer served since Kubernetes 1\.25 .*use batch\/v1/,
  },
];

describe('validate over broken variants', () => {
  test.each(cases)('$name → $rule at $file:$line', async (broken) => {
    const repo = copyFixtureRepo();
    try {
      broken.break(repo);
      const run = await runAction({ path: repo, overlays: broken.overlays, ...broken.inputs });
      expect(run.status).toBe(1);
      expect(run.outputs.valid).toBe('false');
      const errors = annotations(run.stdout).filter((a) => a.level === 'error' && a.file);
      expect(errors).toContainEqual(expect.objectContaining({ file: broken.file, line: broken.line, message: expect.stringMatching(broken.message) }));
      const report = JSON.parse(run.outputs.report) as Array<{ errors: Array<{ rule: string; file: string; line: number }> }>;
      expect(report[0].errors).toContainEqual(expect.objectContaining({ rule: broken.rule, file: broken.file, line: broken.line }));
      expect(run.summary).toContain(`❌ ${broken.overlays}`);
      expect(readFileSync(run.outputs.junit, 'utf8')).toContain(`type="${broken.rule}"`);
      expect(run.stdout).toMatch(/::error::\d+ validation errors? in /);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('validate with schema-locations', () => {
  /** platform/argocd plus a custom resource whose size must be an integer, and the schema that says so. */
  const withWidget = (repo: string, size: string): void => {
    edit(repo, 'platform/argocd/kustomization.yaml', (text) => `${text}  - widget.yaml\n`);
    edit(
      repo,
      'platform/argocd/widget.yaml',
      () => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: argocd\nspec:\n  size: ${size}\n`,
    );
    const schema = { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'integer' } } } } };
    mkdirSync(join(repo, 'schemas'));
    edit(repo, 'schemas/kustomization.yaml', () => 'resources: []\n');
    edit(repo, 'schemas/widget_v1.json', () => JSON.stringify(schema));
  };

  test.each([
    { size: '3', status: 0, errors: [] },
    { size: '2.5', status: 1, errors: [{ rule: 'schema', file: 'platform/argocd/widget.yaml', line: 7, message: 'spec.size: expected integer, got number' }] },
  ])('a plain JSON Schema file in a schema folder checks its kind: size $size', async ({ size, status, errors }) => {
    const repo = copyFixtureRepo();
    try {
      withWidget(repo, size);
      const run = await runAction({ path: repo, overlays: 'platform/argocd', 'schema-locations': join(repo, 'schemas') });
      const report = JSON.parse(run.outputs.report) as Array<{
        errors: Array<{ rule: string; file: string; line: number; message: string }>;
        warnings: unknown[];
      }>;
      expect(report[0].errors.map(({ rule, file, line, message }) => ({ rule, file, line, message }))).toEqual(errors);
      expect(run.status).toBe(status);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('a template with an unknown variable is refused in one line naming the input, before any work', async () => {
    const repo = copyFixtureRepo();
    try {
      withWidget(repo, '3');
      const run = await runAction({ path: repo, overlays: 'platform/argocd', 'schema-locations': `${join(repo, 'schemas')}\nfoo {{ .Foo }}` });
      expect(run.status).toBe(1);
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
        "::error::Input 'schema-locations': 'foo {{ .Foo }}' uses the unknown template variable .Foo; " +
          'the variables are .NormalizedKubernetesVersion, .StrictSuffix, .ResourceKind, .ResourceAPIVersion, .Group, .KindSuffix, ' +
          'as in kubeconform.',
      ]);
      expect(run.outputs.report).toBeUndefined();
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('validate over examples/config-repo', () => {
  test.each(['dev', 'staging', 'production'])('every overlay of %s is valid under its environment policy', async (environment) => {
    const run = await runAction({ path: EXAMPLE_CONFIG_REPO, environment });
    expect({ status: run.status, errors: run.stdout.split('\n').filter((line) => line.startsWith('::error')) }).toEqual({ status: 0, errors: [] });
    expect(run.outputs.valid).toBe('true');
    const report = JSON.parse(run.outputs.report) as Array<{ overlay: string; resources: number }>;
    expect(report.map((overlay) => overlay.overlay).sort()).toEqual([`apps/api/overlays/${environment}`, `apps/web/overlays/${environment}`]);
    expect(report.every((overlay) => overlay.resources > 0)).toBe(true);
  });
});
