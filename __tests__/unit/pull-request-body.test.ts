import { describe, expect, test } from '@jest/globals';
import {
  buildPullRequestBody,
  compareUrl,
  foldedDiff,
  gitRefOf,
  MAX_BODY_LENGTH,
  redactSecrets,
  sameBody,
  VOLATILE_LINE,
  type PromotionBody,
} from '../../src/report/pull-request-body.js';
import { judgeSetup, type SetupFacts, type SetupNeeds } from '../../src/github/setup-checks.js';
import { teamSlug } from '../../src/github/pull-requests.js';

const BODY: PromotionBody = {
  marker: '<!-- m -->',
  from: 'dev',
  to: 'staging',
  repositoryUrl: 'https://github.com/acme/config',
  sourceCommit: 'abcdef0123456789',
  targetBranch: 'main',
  runUrl: 'https://github.com/acme/app/actions/runs/1',
  apps: [
    {
      app: 'web',
      rows: [{ overlay: 'apps/web/overlays/staging', image: 'web', current: 'web:1.0.0', promoted: 'web:1.1.0' }],
      compareUrl: 'https://github.com/acme/web/compare/1.0.0...1.1.0',
    },
  ],
  checklist: [
    { text: 'Smoke tests pass', checked: false },
    { text: 'Renders', checked: true, note: 'not checked' },
    { text: 'Validates', checked: false, note: 'not checked by this run' },
  ],
  skipped: [],
  renderedDiff: '-a\n+b\n',
};

describe('buildPullRequestBody', () => {
  const body = buildPullRequestBody(BODY);
  test.each([
    ['the table row', '| `apps/web/overlays/staging` | `web` | `web:1.0.0` | `web:1.1.0` |'],
    ['the source commit', '[`abcdef0`](https://github.com/acme/config/commit/abcdef0123456789)'],
    ['the compare link', '[compare](https://github.com/acme/web/compare/1.0.0...1.1.0)'],
    ['a human item, unticked', '- [ ] Smoke tests pass\n'],
    ['a check that ran and passed, ticked', '- [x] Renders\n'],
    ['a check that did not run, unticked with why', '- [ ] Validates _(not checked by this run)_'],
    ['the rollback note', '- `apps/web/overlays/staging`: `web` back to `web:1.0.0`'],
    ['the folded diff', '<details><summary>Rendered diff'],
    ['the marker', '<!-- m -->'],
  ])('holds %s', (_what, text) => expect(body).toContain(text));

  test('a run link alone does not make a body new; anything else does', () => {
    const other = buildPullRequestBody({ ...BODY, runUrl: 'https://github.com/acme/app/actions/runs/2' });
    expect(other).not.toBe(body);
    expect(body).toContain(VOLATILE_LINE);
    expect(sameBody(body, other)).toBe(true);
    expect(sameBody(body, buildPullRequestBody({ ...BODY, sourceCommit: '1234567890' }))).toBe(false);
  });

  test('a huge diff is cut with a note and the body stays under GitHub’s limit, marker last', () => {
    const huge = buildPullRequestBody({ ...BODY, renderedDiff: '+line of a large rendered diff\n'.repeat(10_000) });
    expect(huge.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(huge).toContain('cut to fit GitHub’s size limit');
    expect(huge.trimEnd().endsWith('<!-- m -->')).toBe(true);
  });

  test('many apps are cut too', () => {
    const apps = Array.from({ length: 2000 }, (_, i) => ({
      app: `app-${i}`,
      rows: [{ overlay: `apps/app-${i}/overlays/staging`, image: 'img', current: 'img:1', promoted: 'img:2' }],
    }));
    const big = buildPullRequestBody({ ...BODY, apps });
    expect(big.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(big.trimEnd().endsWith('<!-- m -->')).toBe(true);
  });

  test.each([
    ['', 'unchanged apart from the image fields'],
    ['-a\n```\n+b\n', '`\u200b``'],
  ])('foldedDiff(%p)', (diff, text) => expect(foldedDiff(diff, 10_000)).toContain(text));
});

describe('redactSecrets', () => {
  test('data and stringData of a Secret are redacted; other kinds are left alone', () => {
    const yaml =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: c2VjcmV0\nstringData:\n  token: hunter2\n---\napiVersion: v1\n' +
      'kind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: visible\n';
    const out = redactSecrets(yaml);
    expect(out).not.toContain('c2VjcmV0');
    expect(out).not.toContain('hunter2');
    expect(out).toContain('password: <redacted>');
    expect(out).toContain('password: visible');
  });
});

describe('compare links', () => {
  test.each([
    ['ghcr.io/acme/web:1.4.0', 'ghcr.io/acme/web:1.4.1', 'https://github.com/acme/web/compare/1.4.0...1.4.1'],
    ['web:v1.4.0@sha256:' + 'a'.repeat(64), 'web:v1.5.0', 'https://github.com/acme/web/compare/v1.4.0...v1.5.0'],
    ['web:sha-abc1234', 'web:sha-def5678', 'https://github.com/acme/web/compare/abc1234...def5678'],
    ['web:latest', 'web:1.0.0', undefined],
    ['', 'web:1.0.0', undefined],
    ['web:1.0.0', 'web:1.0.0', undefined],
  ])('%s → %s', (before, after, url) => expect(compareUrl('https://github.com/', 'acme/web', before, after)).toBe(url));

  test.each([
    ['1.2.3', '1.2.3'],
    ['v1.2', 'v1.2'],
    ['1.2.3-rc.1', '1.2.3-rc.1'],
    ['0123abcd', '0123abcd'],
    ['main', undefined],
  ])('gitRefOf(%p)', (tag, ref) => expect(gitRefOf(tag)).toBe(ref));
});

describe('judgeSetup', () => {
  const facts: SetupFacts = {
    repository: 'acme/config',
    repoAccess: 'ok',
    canPush: true,
    autoMergeAllowed: true,
    installationToken: false,
    actionsCanCreatePullRequests: undefined,
    invisibleTeams: [],
  };
  const needs: SetupNeeds = { pullRequests: true, autoMerge: true, teamReviewers: [], workflowRepository: 'acme/app' };
  test.each([
    [
      'all good: every check said',
      {},
      {},
      [
        ['ok', 'The token can read acme/config.'],
        ['ok', 'The token can push to acme/config.'],
        ['ok', 'The token is not a GITHUB_TOKEN, so the pull requests it opens start workflows (required checks run).'],
        ['ok', 'Auto-merge is allowed in acme/config.'],
      ],
    ],
    ['bad token', { repoAccess: 'bad-credentials' }, {}, [['error', expect.stringContaining('401 Bad credentials')]]],
    [
      'invisible repo from another repo',
      { repoAccess: 'not-found' },
      {},
      [['error', expect.stringContaining("A workflow's GITHUB_TOKEN reaches only its own repository (acme/app)")]],
    ],
    [
      'read only, cross-repo installation token',
      { canPush: false, installationToken: true },
      {},
      [['error', expect.stringContaining('can write only to its own repository')]],
    ],
    [
      'GITHUB_TOKEN of the same repo',
      { installationToken: true },
      { workflowRepository: 'acme/config' },
      [['warning', expect.stringContaining('start no workflows')]],
    ],
    [
      'Actions may not create PRs',
      { installationToken: true, actionsCanCreatePullRequests: false },
      { workflowRepository: 'acme/config' },
      [
        ['warning', expect.any(String)],
        ['error', expect.stringContaining('"Allow GitHub Actions to create and approve pull requests" is off')],
      ],
    ],
    ['auto-merge off', { autoMergeAllowed: false }, {}, [['warning', expect.stringContaining('Auto-merge is not allowed in acme/config')]]],
    ['auto-merge off but unused', { autoMergeAllowed: false }, { autoMerge: false, pullRequests: false }, []],
    ['invisible team', { invisibleTeams: ['platform'] }, { teamReviewers: ['platform'] }, [['warning', expect.stringContaining('cannot see team platform')]]],
  ])('%s', (_name, factChanges, needChanges, expected) => {
    const findings = judgeSetup({ ...facts, ...factChanges } as SetupFacts, { ...needs, ...needChanges });
    const said = findings.map((finding) => [finding.level, finding.message]);
    // The 'all good' row lists every check; the others list what needs fixing.
    expect(_name.startsWith('all good') ? said : said.filter(([level]) => level !== 'ok')).toEqual(expected);
  });

  test.each([
    ['platform', 'platform'],
    ['acme/platform', 'platform'],
    ['@acme/platform', 'platform'],
  ])('teamSlug(%p)', (team, slug) => expect(teamSlug(team)).toBe(slug));
});
