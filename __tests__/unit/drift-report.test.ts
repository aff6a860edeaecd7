import { describe, expect, test } from '@jest/globals';
import { driftItem, type DriftItem, type DriftReport } from '../../src/drift/drift-types.js';
import { ISSUE_MARKER, chainDiagram, issueBody, itemKeysIn, summaryMarkdown } from '../../src/drift/report-markdown.js';
import { ISSUE_TITLE, planTrackingIssue, type ExistingIssue, type IssueAction } from '../../src/drift/tracking-issue.js';
import { findPromotionPr } from '../../src/drift/promotion-prs.js';

const version = (tag: string, digest = '') => ({ image: 'web', tag, digest, file: 'f' });

function report(items: ReturnType<typeof driftItem>[] = []): DriftReport {
  return {
    generatedAt: '2026-03-20T12:00:00.000Z',
    head: { branch: 'main', sha: 'a'.repeat(40) },
    drifted: items.some((item) => item.drift),
    environments: [
      { name: 'dev', apps: [{ app: 'web', declared: { overlays: [], images: [], rendered: true, version: version('1.4.1') }, findings: [] }] },
      {
        name: 'staging',
        from: 'dev',
        apps: [
          {
            app: 'web',
            declared: { overlays: [], images: [], rendered: true, version: version('1.4.0') },
            skew: { from: 'dev', status: 'behind', versionsBehind: 1, earlier: version('1.4.1'), later: version('1.4.0'), historyComplete: true },
            findings: [],
          },
        ],
      },
      {
        name: 'prod-eu',
        from: 'staging',
        maxSkew: '1 version',
        apps: [
          {
            app: 'web',
            declared: { overlays: [], images: [], rendered: true, version: version('1.3.2', 'sha256:' + '5'.repeat(64)) },
            findings: items.map(({ kind, message }) => ({ kind, message })),
          },
        ],
      },
    ],
    items,
    notes: [],
  };
}

const outOfSync = driftItem('prod-eu', 'web', { kind: 'out-of-sync', message: 'sync status OutOfSync' });
const degraded = driftItem('prod-eu', 'web', { kind: 'degraded', message: 'health Degraded' });
const pending = driftItem('prod-eu', 'web', { kind: 'pending', message: 'manual sync' });

describe('report markdown', () => {
  test('the Mermaid chain shows each environment with its app versions, lag on the edges, drifted environments marked', () => {
    expect(chainDiagram(report([outOfSync]))).toBe(
      [
        '```mermaid',
        'flowchart LR',
        '  env_dev["<b>dev</b><br/>web 1.4.1"]',
        '  env_staging["<b>staging</b><br/>web 1.4.0"]',
        '  env_prod_eu["<b>prod-eu</b><br/>web 1.3.2@sha256:555555555555…"]',
        '  env_dev -->|"web: 1 behind"| env_staging',
        '  env_staging --> env_prod_eu',
        '  class env_dev clean',
        '  class env_staging clean',
        '  class env_prod_eu drifted',
        '  classDef drifted fill:#fde2e1,stroke:#cf222e',
        '  classDef clean fill:#dafbe1,stroke:#1a7f37',
        '```',
      ].join('\n'),
    );
  });

  test('the summary has a headline, a table per environment and escapes cells', () => {
    const markdown = summaryMarkdown(report([driftItem('prod-eu', 'web', { kind: 'out-of-sync', message: 'a | b <c>' })]));
    expect(markdown).toContain('❌ **Drift: 1 item**');
    expect(markdown).toContain('### prod-eu (from staging, max-skew 1 version)');
    expect(markdown).toContain('a &#124; b &lt;c&gt;');
    expect(markdown.match(/^\| App \|/gm)).toHaveLength(3);
    expect(summaryMarkdown(report([pending]))).toContain('✅ **No drift**, 1 pending');
  });

  test('the issue body carries the marker and the sorted keys of drift items only', () => {
    const body = issueBody(report([outOfSync, degraded, pending]), 'https://github.com/acme/config/actions/runs/1');
    expect(body.startsWith(ISSUE_MARKER)).toBe(true);
    expect(itemKeysIn(body)).toEqual(['degraded:prod-eu:web', 'out-of-sync:prod-eu:web']);
    expect(body).toContain('([latest run](https://github.com/acme/config/actions/runs/1))');
  });

  test.each([
    ['no marker', 'hello', undefined],
    ['broken JSON', '<!-- gitops-promote:drift-items [oops] -->', undefined],
    ['keys', '<!-- gitops-promote:drift-items ["a","b"] -->', ['a', 'b']],
  ])('itemKeysIn: %s', (_title, body, keys) => {
    expect(itemKeysIn(body)).toEqual(keys);
  });
});

describe('planTrackingIssue', () => {
  const existing = (items: ReturnType<typeof driftItem>[]) => ({ number: 7, url: 'u', body: issueBody(report(items), undefined) });

  test.each<[string, ExistingIssue | undefined, DriftItem[], IssueAction]>([
    ['no drift, no issue: nothing', undefined, [pending], { action: 'none' }],
    ['drift appears: create', undefined, [outOfSync], { action: 'create', title: ISSUE_TITLE, body: 'BODY' }],
    ['the same drift lasts: update, no comment', existing([outOfSync]), [outOfSync, pending], { action: 'update', number: 7, body: 'BODY' }],
    [
      'drift changes: update and comment',
      existing([outOfSync]),
      [degraded],
      {
        action: 'update',
        number: 7,
        body: 'BODY',
        comment: 'The drift changed:\n- 🆕 degraded:prod-eu:web: health Degraded\n- ✅ resolved: out-of-sync:prod-eu:web',
      },
    ],
    [
      'clean again: close with a comment',
      existing([outOfSync]),
      [pending],
      { action: 'close', number: 7, comment: '✅ Every environment matches git again. Closing.' },
    ],
  ])('%s', (_title, issue, items, expected) => {
    expect(planTrackingIssue(issue, items, 'BODY')).toEqual(expected);
  });

  test('a message change alone is not a change of the set (no comment storm)', () => {
    const before = existing([outOfSync]);
    const plan = planTrackingIssue(before, [{ ...outOfSync, message: 'sync status OutOfSync at bbbbbbb' }], 'BODY');
    expect(plan).toEqual({ action: 'update', number: 7, body: 'BODY' });
  });
});

describe('findPromotionPr', () => {
  const pulls = [
    { number: 3, url: 'u3', branch: 'promote/staging-to-production' },
    { number: 4, url: 'u4', branch: 'promote/staging-to-production-api' },
    { number: 5, url: 'u5', branch: 'promote/dev-to-staging-webby' },
  ];
  test.each([
    ['staging', 'production', 'api', 4],
    ['staging', 'production', 'web', 3],
    ['dev', 'staging', 'web', undefined],
  ])('%s → %s, %s', (from, to, app, number) => {
    expect(findPromotionPr(pulls, from, to, app)?.number).toBe(number);
  });
});

describe('a hold in the drift summary', () => {
  const held = (hold: NonNullable<DriftReport['environments'][number]['hold']>): string => {
    const base = report();
    return summaryMarkdown({ ...base, environments: base.environments.map((env) => (env.name === 'prod-eu' ? { ...env, hold } : env)) });
  };
  const file = '.gitops-promote/holds/prod-eu.yaml';
  test.each([
    [
      'standing',
      { file, who: 'octocat', when: '2026-03-20T10:00:00Z', why: 'Degraded', standing: true },
      `🔒 **On hold** since 2026-03-20T10:00:00Z by octocat: Degraded: set-image and promote refuse to move it until release removes \`${file}\`.`,
    ],
    [
      'lapsed',
      { file, who: 'octocat', when: '2026-03-19T10:00:00Z', why: '', until: '2026-03-20T00:00:00Z', standing: false },
      `The hold \`${file}\` lapsed at 2026-03-20T00:00:00Z`,
    ],
  ])('%s', (_case, hold, line) => {
    expect(held(hold)).toContain(line);
    expect(summaryMarkdown(report())).not.toContain('hold');
  });
});
