import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkPinEffects } from '../../src/pins/check-pin-effects.js';
import { findRepoApplications } from '../../src/pins/repo-applications.js';
import { indexValuesFileUsers, usersOfValuesFile } from '../../src/pins/values-file-users.js';
import { DEFAULT_IMAGE_PATHS, type Pin } from '../../src/types.js';

// Which Applications pass a values file to a chart, planned once for the whole repo, then looked up per file.

const temps: string[] = [];
afterEach(() => {
  for (const temp of temps.splice(0)) rmSync(temp, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pins-values-users-'));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const CHART = {
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'charts/web/values.yaml': 'image:\n  repository: ghcr.io/acme/web\n  tag: ""\n',
};

/** An Application of `path` (a folder) or `chart` (of a Helm repository) passing `valueFiles`. */
function application(name: string, source: { path?: string; chart?: string; valueFiles: string[] }): string {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    `metadata:\n  name: ${name}`,
    'spec:',
    '  source:',
    '    repoURL: https://github.com/acme/config.git',
    source.path ? `    path: ${source.path}` : `    chart: ${source.chart}`,
    '    helm:',
    '      valueFiles:',
    ...source.valueFiles.map((file) => `        - ${file}`),
    '',
  ].join('\n');
}

const tenantValues = (tag: string): string => `image:\n  repository: ghcr.io/acme/web\n  tag: "${tag}"\n`;

describe('indexValuesFileUsers', () => {
  const cases: Array<[string, Record<string, string>, string, { plans: string[]; notLocal: string[] }]> = [
    [
      'one Application passes the file to a chart of the repo',
      { 'argocd/a.yaml': application('a', { path: 'charts/web', valueFiles: ['../../tenants/a/values.yaml'] }) },
      'tenants/a/values.yaml',
      { plans: ['a spec.source'], notLocal: [] },
    ],
    [
      'two Applications pass the same file: both, in the order of their files',
      {
        'argocd/b.yaml': application('b', { path: 'charts/web', valueFiles: ['../../tenants/a/values.yaml'] }),
        'argocd/a.yaml': application('a', { path: 'charts/web', valueFiles: ['/tenants/a/values.yaml'] }),
      },
      'tenants/a/values.yaml',
      { plans: ['a spec.source', 'b spec.source'], notLocal: [] },
    ],
    [
      'a file listed twice by one source: that source once',
      { 'argocd/a.yaml': application('a', { path: 'charts/web', valueFiles: ['../../tenants/a/values.yaml', '/tenants/a/values.yaml'] }) },
      'tenants/a/values.yaml',
      { plans: ['a spec.source'], notLocal: [] },
    ],
    [
      "another file's Application: none",
      { 'argocd/b.yaml': application('b', { path: 'charts/web', valueFiles: ['../../tenants/b/values.yaml'] }) },
      'tenants/a/values.yaml',
      { plans: [], notLocal: [] },
    ],
    [
      'a chart of a Helm repository that reads the file through a ref source: not local, naming the Application',
      { 'argocd/a.yaml': application('a', { chart: 'web', valueFiles: ['$values/tenants/a/values.yaml'] }) },
      'tenants/a/values.yaml',
      { plans: [], notLocal: ['argocd/a.yaml (a) takes the chart web from https://github.com/acme/config.git'] },
    ],
    [
      'a source folder that is no chart: none',
      { 'argocd/a.yaml': application('a', { path: 'apps/a', valueFiles: ['../../tenants/a/values.yaml'] }) },
      'tenants/a/values.yaml',
      { plans: [], notLocal: [] },
    ],
  ];

  test.each(cases)('%s', async (_, applications, file, expected) => {
    const root = repo({ ...CHART, 'tenants/a/values.yaml': tenantValues('1.0.0'), 'tenants/b/values.yaml': tenantValues('1.0.0'), ...applications });
    const users = usersOfValuesFile(await indexValuesFileUsers(root, await findRepoApplications(root)), root, file);
    expect({ plans: users.plans.map((plan) => plan.where), notLocal: users.notLocal }).toEqual(expected);
  });
});

describe('many tenants of one chart, checked together', () => {
  test("each values file is checked against its own Application's values", async () => {
    const tenants = ['t0', 't1', 't2'];
    const root = repo({
      ...CHART,
      ...Object.fromEntries(
        tenants.flatMap((tenant) => [
          [`tenants/${tenant}/values.yaml`, tenantValues('1.0.0')],
          [`argocd/${tenant}.yaml`, application(tenant, { path: 'charts/web', valueFiles: [`../../tenants/${tenant}/values.yaml`] })],
        ]),
      ),
    });
    const edits = tenants.map((tenant) => {
      const pin: Pin = {
        kind: 'helm-values',
        file: `tenants/${tenant}/values.yaml`,
        images: [{ name: 'web', paths: DEFAULT_IMAGE_PATHS }],
        digestInTag: false,
      };
      const after = { newName: 'ghcr.io/acme/web', newTag: '1.1.0', digest: '' };
      return {
        pin,
        original: tenantValues('1.0.0'),
        text: tenantValues('1.1.0'),
        changes: [{ name: 'web', argument: 'web=*:1.1.0', before: { ...after, newTag: '1.0.0' }, after, dropped: [], location: '', line: 1 }],
      };
    });
    const report = await checkPinEffects(root, edits, { helm: null });
    expect(report.pins.map((effect) => [effect.verified, /the values (\S+) spec\.source passes/.exec(effect.details)?.[1]])).toEqual([
      ['structural', 't0'],
      ['structural', 't1'],
      ['structural', 't2'],
    ]);
  });
});
