import { describe, expect, test } from '@jest/globals';
import type { Hold } from '../../src/holds/hold-file.js';
import { sameBody } from '../../src/report/pull-request-body.js';
import {
  releaseOutputs,
  releaseSummaryMarkdown,
  rollbackBodyMarkdown,
  rollbackOutputs,
  rollbackSummaryMarkdown,
  rollbackTitle,
  type RollbackBody,
} from '../../src/rollback/rollback-report.js';
import type { RolledBackChange, RollbackOutcome } from '../../src/rollback/rollback-types.js';

const values = (newTag: string) => ({ newName: 'ghcr.io/acme/web', newTag, digest: '' });
const change: RolledBackChange = {
  app: 'web',
  overlay: 'apps/web/overlays/production',
  file: 'apps/web/overlays/production/kustomization.yaml',
  image: 'web',
  old: 'ghcr.io/acme/web:1.4.0',
  new: 'ghcr.io/acme/web:1.3.2',
  before: values('1.4.0'),
  after: values('1.3.2'),
};
const hold: Hold = { environment: 'production', who: 'octocat', when: '2026-12-03T07:00:00.000Z', why: 'Degraded', restores: 'a'.repeat(40) };
const body: RollbackBody = {
  environment: 'production',
  changes: [change],
  restores: 'a'.repeat(40),
  undoes: 'b'.repeat(40),
  target: 'the images before the last change',
  hold,
  holdFile: '.gitops-promote/holds/production.yaml',
  controllers: [{ app: 'web', object: 'argocd web-production', state: 'Synced, Degraded', revision: 'b'.repeat(40) }],
  repositoryUrl: 'https://github.com/acme/config',
  branch: 'main',
  runUrl: 'https://github.com/acme/app/actions/runs/1',
};
const outcome: RollbackOutcome = {
  environment: 'production',
  landing: 'pull-request',
  changes: [change],
  restores: 'a'.repeat(40),
  undoes: 'b'.repeat(40),
  holdFile: '.gitops-promote/holds/production.yaml',
  commitSha: 'c'.repeat(40),
  pullRequest: { number: 7, url: 'https://github.com/acme/config/pull/7', created: true, moved: true },
  dryRun: false,
};

describe('the rollback PR body', () => {
  const text = rollbackBodyMarkdown(body);
  test.each([
    [
      'what goes back, from → to',
      '| <code>web</code> | <code>apps/web/overlays/production</code> | <code>web</code> | ' +
        '<code>ghcr.io/acme/web:1.4.0</code> | <code>ghcr.io/acme/web:1.3.2</code> |',
    ],
    [
      'which commit it restores, and the change it undoes',
      `the images of [\`aaaaaaa\`](https://github.com/acme/config/commit/${'a'.repeat(40)}) on \`main\`, undoing [\`bbbbbbb\`]`,
    ],
    ['why', 'Why: Degraded'],
    ['the controller now', '| <code>web</code> | <code>argocd web-production</code> | Synced, Degraded | <code>bbbbbbbbbbbb</code> |'],
    ['the hold', 'Merging this also puts a hold on production (<code>.gitops-promote/holds/production.yaml</code>), by octocat:'],
    ['its marker', '<!-- gitops-promote:rollback environment=production -->'],
  ])('says %s', (_what, line) => {
    expect(text).toContain(line);
  });

  test('a change of the controllers’ state or of the run is not a change of the body; a change of what goes back is', () => {
    const later = rollbackBodyMarkdown({
      ...body,
      controllers: [{ ...body.controllers[0], state: 'Synced, Healthy' }],
      runUrl: 'https://github.com/acme/app/actions/runs/2',
    });
    expect(sameBody(text, later)).toBe(true);
    expect(sameBody(text, rollbackBodyMarkdown({ ...body, changes: [{ ...change, new: 'ghcr.io/acme/web:1.3.1' }] }))).toBe(false);
  });

  test('without a controller, no controller table; the title names the apps', () => {
    expect(rollbackBodyMarkdown({ ...body, controllers: [] })).not.toContain('### production now');
    expect(rollbackTitle('production', [change, { ...change, app: 'api' }, change])).toBe('Roll back production: web, api');
  });
});

describe('rollback and release outputs and summaries', () => {
  test.each([
    ['a PR opened', outcome, { changed: 'true', 'pull-request-number': '7', 'commit-sha': 'c'.repeat(40) }],
    [
      'a PR already in place',
      { ...outcome, pullRequest: { ...outcome.pullRequest!, created: false, moved: false } },
      { changed: 'false', 'pull-request-number': '7' },
    ],
    ['a commit', { ...outcome, landing: 'commit' as const, pullRequest: undefined }, { changed: 'true', 'pull-request-number': '', 'pull-request-url': '' }],
    ['nothing to roll back', { ...outcome, changes: [], commitSha: '', pullRequest: undefined }, { changed: 'false', images: '[]' }],
  ])('%s', (_case, given, expected) => {
    expect(rollbackOutputs(given)).toEqual(expect.objectContaining(expected));
  });

  test('the images output is what goes back, with the app', () => {
    expect(JSON.parse(rollbackOutputs(outcome).images)).toEqual([
      { app: 'web', overlay: change.overlay, file: change.file, image: 'web', old: change.old, new: change.new },
    ]);
  });

  test.each([
    [
      outcome,
      [
        '## gitops-promote rollback: production',
        'Now → back to',
        'Restores the images of <code>aaaaaaaaaaaa</code>, undoing <code>bbbbbbbbbbbb</code>.',
        'Pull request <a href="https://github.com/acme/config/pull/7">#7</a> opened, with the hold',
      ],
    ],
    [
      { ...outcome, changes: [], pullRequest: undefined },
      ['production already runs the images of <code>aaaaaaaaaaaa</code>; nothing was rolled back, and no hold was put.'],
    ],
  ])('summary %#', (given, lines) => {
    const markdown = rollbackSummaryMarkdown(given);
    for (const line of lines) expect(markdown).toContain(line);
  });

  test.each([
    [{ environment: 'dev', landing: 'commit' as const, holdFile: '', commitSha: '', dryRun: false }, 'false', 'dev has no hold; nothing to release.'],
    [
      { environment: 'dev', landing: 'commit' as const, holdFile: '.gitops-promote/holds/dev.yaml', commitSha: 'd'.repeat(40), dryRun: false },
      'true',
      'Removes the hold <code>.gitops-promote/holds/dev.yaml</code> in commit',
    ],
  ])('release %#', (given, changed, line) => {
    expect(releaseOutputs(given).changed).toBe(changed);
    expect(releaseSummaryMarkdown(given)).toContain(line);
  });
});
