import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { readdirSync, rmSync } from 'node:fs';
import { startDryRunApiServer, type DryRunApiServer, type DryRunScenario } from '../../test-infra/simulators/kubernetes-dry-run/server.js';
import { annotations, copyFixtureRepo, edit, requireBuiltBundle, runAction, type ActionRun } from '../fixtures/validate/run-action.js';

/**
 * server-dry-run with the real kubectl against the local API-server stand-in:
 * the server's answers become findings at the right file and line, and what
 * a dry-run cannot know is explained as a notice, not reported as broken.
 */

beforeAll(() => requireBuiltBundle());

/** The parts of validate's `report` output (one entry per overlay) these tests read. */
type ReportOutput = Array<{ errors: unknown[]; notices: Array<{ message: string }>; timeMs: { serverDryRun?: number } }>;
const reportOutput = (run: ActionRun): ReportOutput => JSON.parse(run.outputs.report) as ReportOutput;

let server: DryRunApiServer | undefined;
let repo: string | undefined;
afterEach(async () => {
  await server?.close();
  if (repo) rmSync(repo, { recursive: true, force: true });
  server = undefined;
  repo = undefined;
});

async function dryRun(scenario: DryRunScenario, overlays: string, extra: Record<string, string> = {}) {
  server = await startDryRunApiServer({ token: 'sekret-token-123', ...scenario });
  return runAction({ path: repo!, overlays, 'server-dry-run': 'true', kubeconfig: server.kubeconfig(), ...extra });
}

describe('validate with server-dry-run against the stand-in API server', () => {
  test('a valid overlay passes; every write is a dry-run; the kubeconfig is masked and its file removed', async () => {
    repo = copyFixtureRepo();
    const run = await dryRun({ namespaces: ['default', 'web-dev'] }, 'apps/web/overlays/dev');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.outputs.valid).toBe('true');
    const writes = server!.requests.filter((request) => request.method === 'POST' || request.method === 'PATCH');
    expect(writes.map((request) => request.path).sort()).toEqual(['/api/v1/namespaces/web-dev/services', '/apis/apps/v1/namespaces/web-dev/deployments']);
    expect(writes.every((request) => new URLSearchParams(request.query).get('dryRun') === 'All')).toBe(true);
    expect(run.stdout).toContain('::add-mask::sekret-token-123');
    expect(run.stdout).not.toMatch(/^(?!::add-mask::).*sekret-token-123/m);
    expect(readdirSync(run.runnerTemp).filter((name) => name.startsWith('gitops-promote-kube-'))).toEqual([]);
    expect(reportOutput(run)[0].timeMs.serverDryRun).toBeGreaterThanOrEqual(0);
  });

  test.each([
    {
      name: 'an unknown field the server rejects (strict decoding)',
      overlay: 'apps/web/overlays/dev',
      change: (root: string) =>
        edit(root, 'apps/web/base/deployment.yaml', (text) => text.replace('          ports:', '          imagee: x\n          ports:')),
      file: 'apps/web/base/deployment.yaml',
      line: 20,
      message: new RegExp(
        String.raw`server dry-run: BadRequest: Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field ` +
          String.raw`"spec\.template\.spec\.containers\[0\]\.imagee"`,
      ),
    },
    {
      name: 'an invalid value the server refuses (Invalid, with the field)',
      overlay: 'apps/web/overlays/production',
      change: (root: string) => edit(root, 'apps/web/overlays/production/replicas.yaml', (text) => text.replace('replicas: 3', 'replicas: -1')),
      file: 'apps/web/overlays/production/replicas.yaml',
      line: 6,
      message: /server dry-run: Deployment "web" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0/,
    },
  ])('$name → error at $file:$line', async (broken) => {
    repo = copyFixtureRepo();
    broken.change(repo);
    // strict off offline, so the finding is the server's own.
    const run = await dryRun({ namespaces: ['default', 'web-dev', 'web-production'] }, broken.overlay, { strict: 'false' });
    expect(run.status).toBe(1);
    expect(run.outputs.valid).toBe('false');
    const errors = annotations(run.stdout).filter((annotation) => annotation.level === 'error' && annotation.file);
    expect(errors).toContainEqual(expect.objectContaining({ file: broken.file, line: broken.line, message: expect.stringMatching(broken.message) }));
    expect(reportOutput(run)[0].errors).toContainEqual(expect.objectContaining({ rule: 'server-dry-run', file: broken.file, line: broken.line }));
  });

  test('known limits are notices, not errors: a namespace and a CRD the bundle creates, a webhook without sideEffects: None', async () => {
    repo = copyFixtureRepo();
    edit(repo, 'apps/web/overlays/dev/namespace.yaml', () => 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web-dev\n');
    edit(repo, 'apps/web/overlays/dev/widget-crd.yaml', () =>
      [
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata:',
        '  name: widgets.example.com',
        'spec:',
        '  group: example.com',
        '  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}',
        '  scope: Namespaced',
        '  versions:',
        '    - name: v1',
        '      served: true',
        '      storage: true',
        '      schema:',
        '        openAPIV3Schema:',
        '          type: object',
        '          properties:',
        '            spec:',
        '              type: object',
        '              properties:',
        '                size: {type: integer}',
        '',
      ].join('\n'),
    );
    edit(repo, 'apps/web/overlays/dev/widget.yaml', () => 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: blue\nspec:\n  size: 3\n');
    edit(repo, 'apps/web/overlays/dev/kustomization.yaml', (text) =>
      text.replace('  - ../../base\n', '  - ../../base\n  - namespace.yaml\n  - widget-crd.yaml\n  - widget.yaml\n'),
    );
    const run = await dryRun(
      { namespaces: ['default'], webhooks: [{ name: 'policy.example.com', kinds: ['CustomResourceDefinition'], sideEffects: 'Unknown' }] },
      'apps/web/overlays/dev',
    );
    expect(annotations(run.stdout).filter((annotation) => annotation.level === 'error' && annotation.file)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs.valid).toBe('true');
    const notices = reportOutput(run)[0]
      .notices.map((notice) => notice.message)
      .join('\n');
    expect(notices).toMatch(/namespace web-dev is created by this same overlay/);
    expect(notices).toMatch(/its CRD \(Widget, example\.com\/v1\) is created by this same overlay/);
    expect(notices).toMatch(/admission webhook refuses dry-run requests because it does not declare sideEffects: None/);
    expect(annotations(run.stdout).filter((annotation) => annotation.level === 'notice').length).toBeGreaterThanOrEqual(3);
  });

  test('a kubeconfig the server refuses is one finding, not a crash', async () => {
    repo = copyFixtureRepo();
    server = await startDryRunApiServer({ token: 'right-token-456', namespaces: ['default', 'web-dev'] });
    const run = await runAction({ path: repo, overlays: 'apps/web/overlays/dev', 'server-dry-run': 'true', kubeconfig: server.kubeconfig('wrong-token-789') });
    expect(run.status).toBe(1);
    expect(run.outputs.valid).toBe('false');
    expect(
      annotations(run.stdout).some(
        (annotation) => annotation.level === 'error' && /server dry-run|kubectl apply --dry-run=server failed/.test(annotation.message),
      ),
    ).toBe(true);
  });
});
