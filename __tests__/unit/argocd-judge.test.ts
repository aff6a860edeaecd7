import { describe, expect, test } from '@jest/globals';
import { gitRevisions, judgeArgoApplication, type ArgoExpectation } from '../../src/controllers/argocd/judge-argo-application.js';
import { parseArgoAppRef, type ArgoApplication } from '../../src/controllers/argocd/argocd-types.js';
import { filesTouchPaths, manifestGeneratePaths } from '../../src/controllers/argocd/manifest-generate-paths.js';
import type { RevisionRelation } from '../../src/controllers/wait-types.js';

const NEW = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const NEWER = 'c'.repeat(40);
const OTHER = 'd'.repeat(40);
const NOW = Date.parse('2026-05-01T10:00:00Z');

const relations = new Map<string, RevisionRelation>([
  [OLD, 'older'],
  [NEWER, 'newer'],
  [OTHER, 'unrelated'],
]);
const expectation = (extra: Partial<ArgoExpectation> = {}): ArgoExpectation => ({
  knowledge: { expected: NEW, relations },
  degradedGraceMs: 30_000,
  refreshed: true,
  ...extra,
});

/** A settled, single-source, auto-synced app at `revision`; `patch` changes its status. */
function app(revision: string, patch: (a: ArgoApplication) => void = () => undefined): ArgoApplication {
  const a: ArgoApplication = {
    metadata: { name: 'web-dev', namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL: 'https://github.com/acme/config', path: 'apps/web/dev', targetRevision: 'main' },
      syncPolicy: { automated: {} },
    },
    status: {
      sync: { status: 'Synced', revision },
      health: { status: 'Healthy' },
      operationState: {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        operation: { sync: { revision } },
        syncResult: { revision },
        startedAt: '2026-05-01T09:59:50Z',
        finishedAt: '2026-05-01T09:59:55Z',
      },
      reconciledAt: '2026-05-01T09:59:55Z',
    },
  };
  patch(a);
  return a;
}

describe('judgeArgoApplication', () => {
  test.each<[string, ArgoApplication, Partial<ArgoExpectation>, string, RegExp]>([
    ['Synced + Healthy at the commit', app(NEW), {}, 'done', /^Synced and Healthy$/],
    ['Synced + Healthy at a descendant', app(NEWER), {}, 'done', /Synced and Healthy/],
    ['still at an older commit (healthy there)', app(OLD), {}, 'waiting', /at bbbbbbb, waiting for aaaaaaa/],
    ['at an unrelated commit', app(OTHER), {}, 'failed', /does not contain aaaaaaa: the branch moved on without it/],
    ['OutOfSync at the commit', app(NEW, (a) => (a.status!.sync!.status = 'OutOfSync')), {}, 'waiting', /sync status is OutOfSync/],
    ['operation queued', app(NEW, (a) => (a.operation = { sync: { revision: NEW } })), {}, 'waiting', /queued/],
    ['operation Running', app(NEW, (a) => (a.status!.operationState!.phase = 'Running')), {}, 'waiting', /sync running/],
    [
      'operation Failed at the commit',
      app(NEW, (a) => Object.assign(a.status!.operationState!, { phase: 'Failed', message: 'one or more objects failed to apply' })),
      {},
      'failed',
      /^sync failed: one or more objects failed to apply$/,
    ],
    [
      'operation Error at the commit',
      app(NEW, (a) => Object.assign(a.status!.operationState!, { phase: 'Error', message: 'Operation termination had errors' })),
      {},
      'failed',
      /^sync ended in error: Operation termination had errors$/,
    ],
    ['operation Failed at an older commit does not count', app(OLD, (a) => (a.status!.operationState!.phase = 'Failed')), {}, 'waiting', /waiting for/],
    [
      'ComparisonError',
      app(OLD, (a) => (a.status!.conditions = [{ type: 'ComparisonError', message: 'kustomize build failed' }])),
      {},
      'failed',
      /^ComparisonError: kustomize build failed$/,
    ],
    [
      'InvalidSpecError',
      app(OLD, (a) => (a.status!.conditions = [{ type: 'InvalidSpecError', message: 'app path does not exist' }])),
      {},
      'failed',
      /^InvalidSpecError/,
    ],
    ['a warning condition does not fail', app(NEW, (a) => (a.status!.conditions = [{ type: 'OrphanedResourceWarning', message: 'x' }])), {}, 'done', /Synced/],
    ['Progressing', app(NEW, (a) => (a.status!.health = { status: 'Progressing', message: 'rollout' })), {}, 'waiting', /health Progressing: rollout/],
    [
      'Degraded within the grace period',
      app(NEW, (a) => (a.status!.health = { status: 'Degraded', message: 'crash' })),
      { degradedSince: NOW - 1000 },
      'waiting',
      /grace period/,
    ],
    [
      'Degraded past the grace period',
      app(NEW, (a) => (a.status!.health = { status: 'Degraded', message: 'crash' })),
      { degradedSince: NOW - 31_000 },
      'failed',
      /^health Degraded: crash$/,
    ],
    [
      'Healthy, but assessed before the sync ended',
      app(NEW, (a) => (a.status!.reconciledAt = '2026-05-01T09:59:52Z')),
      {},
      'waiting',
      /health not yet assessed/,
    ],
    ['Healthy with no reconciledAt after an operation', app(NEW, (a) => delete a.status!.reconciledAt), {}, 'waiting', /health not yet assessed/],
    ['a revision not looked up yet', app('e'.repeat(40)), {}, 'waiting', /checking whether eeeeeee contains aaaaaaa/],
  ])('%s → %s', (_title, application, extra, state, message) => {
    const judged = judgeArgoApplication(application, expectation(extra), NOW);
    expect(judged.state).toBe(state);
    expect(judged.message).toMatch(message);
  });

  test('a revision to look up is named, so the watcher can ask git or GitHub', () => {
    expect(judgeArgoApplication(app('e'.repeat(40)), expectation(), NOW).lookup).toEqual(['e'.repeat(40)]);
  });

  test('auto-sync off and OutOfSync at the commit asks for a sync; auto-sync on does not', () => {
    const manual = app(NEW, (a) => {
      a.status!.sync!.status = 'OutOfSync';
      delete a.spec!.syncPolicy;
    });
    expect(judgeArgoApplication(manual, expectation(), NOW).needsSync).toBe(true);
    expect(
      judgeArgoApplication(
        app(NEW, (a) => (a.status!.sync!.status = 'OutOfSync')),
        expectation(),
        NOW,
      ).needsSync,
    ).toBe(false);
  });

  test('stale health asks for a refresh', () => {
    expect(
      judgeArgoApplication(
        app(NEW, (a) => (a.status!.reconciledAt = '2026-05-01T09:59:00Z')),
        expectation(),
        NOW,
      ).needsRefresh,
    ).toBe(true);
  });

  describe('multi-source apps', () => {
    const multi = (revisions: string[]): ArgoApplication =>
      app(NEW, (a) => {
        a.spec!.sources = [
          { repoURL: 'https://github.com/acme/config', path: 'x' },
          { repoURL: 'https://charts.acme.dev', chart: 'web', targetRevision: '1.4.0' },
          { repoURL: 'oci://ghcr.io/acme/charts', targetRevision: '2.0.0' },
        ];
        delete a.spec!.source;
        a.status!.sync = { status: 'Synced', revisions };
        a.status!.operationState!.operation = { sync: { revisions } };
        a.status!.operationState!.syncResult = { revisions };
      });
    test.each([
      [[NEW, '1.4.0', '2.0.0'], 'done'],
      [[OLD, '1.4.0', '2.0.0'], 'waiting'],
    ])('revisions %j → %s (chart versions left out)', (revisions, state) => {
      const judged = judgeArgoApplication(multi(revisions), expectation(), NOW);
      expect(judged.state).toBe(state);
      expect(gitRevisions(multi(revisions))).toEqual([revisions[0]]);
    });
  });

  describe('manifest-generate-paths', () => {
    const annotated = (extra: (a: ArgoApplication) => void = () => undefined) =>
      app(OLD, (a) => {
        a.metadata.annotations = { 'argocd.argoproj.io/manifest-generate-paths': '.' };
        extra(a);
      });
    const knowing = (files: readonly string[] | null): Partial<ArgoExpectation> => ({
      knowledge: { expected: NEW, relations, changedFiles: new Map([[OLD, files]]) },
    });

    test('an app left at an older commit after a refresh first asks which files changed since', () => {
      const judged = judgeArgoApplication(annotated(), expectation(), NOW);
      expect(judged).toMatchObject({ state: 'waiting', lookupFiles: [OLD], message: 'checking which files changed since bbbbbbb' });
    });
    test('done, with a note, when the commits since changed nothing under the paths', () => {
      const judged = judgeArgoApplication(annotated(), expectation(knowing(['apps/api/dev/kustomization.yaml', 'README.md'])), NOW);
      expect(judged.state).toBe('done');
      expect(judged.note).toBe(
        'manifest-generate-paths (apps/web/dev): the commits up to aaaaaaa changed nothing under these paths, so Argo CD still reports bbbbbbb',
      );
    });
    test('still waiting when they did change a file under the paths (Argo CD has not generated it again yet)', () => {
      const judged = judgeArgoApplication(annotated(), expectation(knowing(['apps/web/dev/kustomization.yaml'])), NOW);
      expect(judged).toMatchObject({
        state: 'waiting',
        revisionBehind: true,
        message: 'at bbbbbbb, waiting for aaaaaaa: the commits since changed files under manifest-generate-paths (apps/web/dev)',
      });
    });
    test('files that could not be listed: Argo CD is believed, and the note says so', () => {
      const judged = judgeArgoApplication(annotated(), expectation(knowing(null)), NOW);
      expect(judged.state).toBe('done');
      expect(judged.note).toMatch(/taken as the commits up to aaaaaaa not touching these paths \(their files could not be listed\)$/);
    });
    test('a multi-source app asks only for its older revision; the newer one already carries the commit', () => {
      const multi = annotated((a) => {
        a.spec = {
          sources: [
            { repoURL: 'https://github.com/acme/config', path: 'apps/web/dev' },
            { repoURL: 'https://github.com/acme/values', path: 'web' },
          ],
        };
        a.status!.sync!.revisions = [OLD, NEWER];
      });
      expect(judgeArgoApplication(multi, expectation(), NOW)).toMatchObject({ state: 'waiting', lookupFiles: [OLD] });
    });
    test('no git revision at all: never claims the paths were checked', () => {
      const chartOnly = annotated((a) => {
        a.spec = { source: { repoURL: 'https://charts.acme.dev', chart: 'web', targetRevision: '1.0.0' } };
        a.status!.sync!.revision = '1.0.0';
      });
      const judged = judgeArgoApplication(chartOnly, expectation(knowing([])), NOW);
      expect(judged.note ?? '').not.toContain('changed nothing');
    });
    test.each<[string, ArgoApplication, Partial<ArgoExpectation>]>([
      ['before the refresh answered', annotated(), { refreshed: false }],
      ['while OutOfSync', annotated((a) => (a.status!.sync!.status = 'OutOfSync')), {}],
      ['while an operation runs', annotated((a) => (a.status!.operationState!.phase = 'Running')), {}],
    ])('not %s', (_title, application, extra) => {
      expect(judgeArgoApplication(application, expectation({ ...knowing([]), ...extra }), NOW).state).toBe('waiting');
    });
  });
});

describe('manifest-generate-paths as Argo CD reads it', () => {
  const withPaths = (value: string, sources: Array<{ path?: string }>): ArgoApplication => ({
    metadata: { name: 'web', annotations: { 'argocd.argoproj.io/manifest-generate-paths': value } },
    spec: sources.length === 1 ? { source: sources[0] } : { sources },
  });
  test.each<[string, Array<{ path?: string }>, string[]]>([
    ['.', [{ path: 'apps/web/overlays/dev' }], ['apps/web/overlays/dev']],
    ['.;../../base', [{ path: 'apps/web/overlays/dev' }], ['apps/web/overlays/dev', 'apps/web/base']],
    ['/shared;;/apps/*/base', [{ path: 'apps/web' }], ['shared', 'apps/*/base']],
    ['.', [{ path: 'apps/web' }, { path: 'values' }, {}], ['apps/web', 'values', '.']],
  ])('%s with sources %j', (value, sources, paths) => {
    expect(manifestGeneratePaths(withPaths(value, sources))).toEqual(paths);
  });
  test('an empty sources list falls back to source, as Argo CD does', () => {
    const app: ArgoApplication = {
      metadata: { name: 'web', annotations: { 'argocd.argoproj.io/manifest-generate-paths': '.' } },
      spec: { source: { path: 'apps/web' }, sources: [] },
    };
    expect(manifestGeneratePaths(app)).toEqual(['apps/web']);
  });
  test('no annotation, or an empty one: undefined (every commit regenerates)', () => {
    expect(manifestGeneratePaths({ metadata: { name: 'web' } })).toBeUndefined();
    expect(manifestGeneratePaths(withPaths('', [{ path: 'a' }]))).toBeUndefined();
  });
  test.each<[string[], string[], boolean]>([
    [['apps/web/overlays/dev'], ['apps/web/overlays/dev/kustomization.yaml'], true],
    [['apps/web/overlays/dev'], ['apps/web/overlays/dev'], true],
    [['apps/web/overlays/dev'], ['apps/web/overlays/dev-2/kustomization.yaml', 'apps/web/overlays/staging/x.yaml'], false],
    [['apps/*/base'], ['apps/api/base'], true],
    [['apps/*/base'], ['apps/api/base/deployment.yaml'], false], // a glob matches whole paths, and * stops at /
    [['shared/*.yaml'], ['shared/.hidden.yaml'], true],
    [['.'], ['anything/at/all'], true],
    [['apps/web'], [], false],
    [['apps/web/'], ['apps/web/kustomization.yaml'], true], // cleaned, as Go's filepath.Clean does
    [['apps/(web|api)'], ['apps/web'], false], // only *, ? and [...] are special to Go's filepath.Match
    [['apps/(web|api)'], ['apps/(web|api)/x.yaml'], true],
    [['apps/[!w]eb'], ['apps/!eb'], true],
  ])('paths %j, files %j → %s', (paths, files, touched) => {
    expect(filesTouchPaths(paths, files)).toBe(touched);
  });
});

describe('parseArgoAppRef', () => {
  test.each([
    ['web', { name: 'web' }],
    ['team-a/web', { namespace: 'team-a', name: 'web' }],
  ])('%s', (text, ref) => expect(parseArgoAppRef(text)).toEqual(ref));
});
