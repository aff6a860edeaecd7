import { describe, expect, test } from '@jest/globals';
import { parsePromotionConfig } from '../../src/config/parse-promotion-config.js';
import { entryArgument, pairApps, sourceImages } from '../../src/promote/promotion-plan.js';
import { promotionBranchName, promotionMarker, promotionTitle, refPart, MAX_BRANCH_LENGTH, MAX_TITLE_LENGTH } from '../../src/promote/promotion-names.js';
import { resolvePromotionRoute } from '../../src/promote/promotion-route.js';
import { sameFiles } from '../../src/promote/promotion-pull-request.js';
import { gitBlobSha } from '../../src/repo/blob-sha.js';
import type { Overlay } from '../../src/types.js';

const CONFIG = parsePromotionConfig(
  [
    'environments:',
    '  - {name: dev, overlays: a}',
    '  - {name: staging, overlays: b}',
    '  - {name: production, overlays: c}',
    '  - {name: sandbox, overlays: d, from: dev}',
  ].join('\n'),
);

describe('resolvePromotionRoute', () => {
  test.each([
    ['', 'staging', 'dev → staging'],
    ['staging', 'production', 'staging → production'],
    ['dev', 'production', 'dev → production'],
    ['staging', '', 'staging → production'],
  ])('from %p to %p is %s', (from, to, expected) => {
    const route = resolvePromotionRoute(CONFIG, from, to);
    expect(`${route.source.name} → ${route.target.name}`).toBe(expected);
  });

  test.each([
    [
      'production',
      'staging',
      "Input 'from': 'production' comes after 'staging' in the promotion chain; images move staging → production, so swap from and to.",
    ],
    ['qa', 'staging', "Input 'from': unknown environment 'qa'; the promotion config declares dev, staging, production, sandbox."],
    ['sandbox', 'production', "Input 'from': 'sandbox' is not upstream of 'production' in the promotion chain (production receives from staging ← dev)."],
    ['dev', '', "Input 'to': 'dev' is followed by staging and sandbox; name the environment to promote into."],
    ['', 'dev', "Input 'to': 'dev' is the first environment of the chain; nothing promotes into it. Name from as well, or use set-image."],
    ['dev', 'dev', "Input 'from': 'dev' is also the target; from and to must differ."],
    ['', '', "Input 'to': name the environment to promote into (and optionally from), such as to: production."],
  ])('from %p to %p fails', (from, to, message) => {
    expect(() => resolvePromotionRoute(CONFIG, from, to)).toThrow(message);
  });
});

describe('promotion names', () => {
  test.each([
    [{ from: 'staging', to: 'production', apps: [] }, 'promote/staging-to-production'],
    [{ from: 'dev', to: 'staging', apps: ['web', 'api'] }, 'promote/dev-to-staging/api+web'],
    [{ from: 'dev env', to: 'stag..ing', apps: [] }, 'promote/dev-env-to-stag.ing'],
  ])('branch of %p is %s', (key, branch) => {
    expect(promotionBranchName(key)).toBe(branch);
  });

  test('a very long branch name is cut under the limit and stays unique', () => {
    const a = promotionBranchName({ from: 'dev', to: 'prod', apps: Array.from({ length: 40 }, (_, i) => `app-number-${i}`) });
    const b = promotionBranchName({ from: 'dev', to: 'prod', apps: Array.from({ length: 40 }, (_, i) => `app-number-${i + 1}`) });
    expect(a.length).toBeLessThanOrEqual(MAX_BRANCH_LENGTH);
    expect(a).not.toBe(b);
  });

  test.each([
    ['.hidden', 'hidden'],
    ['a:b', 'a-b'],
    ['x.lock', 'x'],
  ])('refPart(%p) is %p', (text, part) => expect(refPart(text)).toBe(part));

  test.each([
    [undefined, ['web'], ['ghcr.io/acme/web:1.4.1'], 'Promote web from dev to staging'],
    ['Release {images} to {to}', ['web'], ['a:1', 'b:2'], 'Release a:1, b:2 to staging'],
    [undefined, ['a', 'b', 'c', 'd'], [], 'Promote 4 apps from dev to staging'],
    [undefined, [''], [], 'Promote images from dev to staging'],
  ])('title from %p', (template, apps, images, title) => {
    expect(promotionTitle(template, { from: 'dev', to: 'staging', apps, images })).toBe(title);
  });

  test('a long title is cut under the limit', () => {
    expect(promotionTitle('x'.repeat(400), { from: '', to: '', apps: [], images: [] }).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  });

  test('the marker names the pair and the apps', () => {
    expect(promotionMarker({ from: 'dev', to: 'staging', apps: ['web', 'api'] })).toBe('<!-- gitops-promote:promotion from=dev to=staging apps=api,web -->');
  });
});

const overlay = (path: string): Overlay => ({
  path,
  file: `${path}/kustomization.yaml`,
  absolutePath: `/r/${path}`,
  absoluteFile: `/r/${path}/kustomization.yaml`,
});
const entry = (name: string, newName: string, newTag: string, digest = '') => ({ name, newName, newTag, digest, node: undefined as never });

describe('source images', () => {
  test.each([
    [entry('web', 'ghcr.io/acme/web', '1.4.1'), 'web=ghcr.io/acme/web:1.4.1', { newName: 'ghcr.io/acme/web', newTag: '1.4.1', digest: '' }],
    [entry('ghcr.io/acme/api', '', '2.8.0'), 'ghcr.io/acme/api=ghcr.io/acme/api:2.8.0', { newName: '', newTag: '2.8.0', digest: '' }],
    [entry('web', '', '', `sha256:${'a'.repeat(64)}`), `web=web@sha256:${'a'.repeat(64)}`, { newName: '', newTag: '', digest: `sha256:${'a'.repeat(64)}` }],
  ])('entry %#: %s copies the fields exactly', (input, source, fields) => {
    expect(entryArgument(input)).toEqual({ source, name: input.name, ...fields });
  });

  test('overlays that disagree make an error; none with images make another', () => {
    expect(() =>
      sourceImages('web', [
        { overlay: overlay('a'), entries: [entry('web', '', '1')] },
        { overlay: overlay('b'), entries: [entry('web', '', '2')] },
      ]),
    ).toThrow("App 'web': a and b set image web differently (web:1 and web:2); promote them one at a time with overlays that agree.");
    expect(() => sourceImages('web', [{ overlay: overlay('a'), entries: [] }])).toThrow("App 'web': a/kustomization.yaml has no images: entries to promote");
  });

  test('apps are paired by name and filtered by the apps input', () => {
    const source = [
      { app: 'web', overlays: [overlay('s/web')] },
      { app: 'api', overlays: [overlay('s/api')] },
      { app: 'dev-only', overlays: [overlay('s/x')] },
    ];
    const target = [
      { app: 'web', overlays: [overlay('t/web')] },
      { app: 'api', overlays: [overlay('t/api')] },
    ];
    expect(pairApps(source, target, []).map((pair) => pair.app)).toEqual(['web', 'api']);
    expect(pairApps(source, target, ['api']).map((pair) => `${pair.source[0].path}>${pair.target[0].path}`)).toEqual(['s/api>t/api']);
    expect(() => pairApps(source, target, ['dev-only'])).toThrow("Input 'apps': 'dev-only' matches no app of both environments; known apps: web, api.");
  });
});

describe('sameFiles (is the promotion branch already right?)', () => {
  const files = [{ path: 'a.yaml', content: 'x: 1\n' }];
  test.each([
    [new Map([['a.yaml', gitBlobSha('x: 1\n')]]), true],
    [new Map([['a.yaml', gitBlobSha('x: 2\n')]]), false],
    [
      new Map([
        ['a.yaml', gitBlobSha('x: 1\n')],
        ['b.yaml', 'f00'],
      ]),
      false,
    ],
    [new Map<string, string>(), false],
  ])('%#', (present, same) => expect(sameFiles(present, files)).toBe(same));

  test('blob ids are git’s', () => {
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});
