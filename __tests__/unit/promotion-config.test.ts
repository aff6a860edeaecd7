import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveEnvironmentOverlays, templateMatcher } from '../../src/repo/environment-overlays.js';
import { parsePromotionConfig } from '../../src/config/parse-promotion-config.js';
import { findEnvironment, promotionChain } from '../../src/config/promotion-config.js';
import { EXAMPLE_CONFIG_REPO } from '../helpers/git-fixtures.js';

const BASE = `
environments:
  - name: dev
    overlays: apps/{app}/overlays/dev
  - name: staging
    overlays: ['apps/{app}/overlays/staging']
    landing: pull-request
    pull-request: {reviewers: [alice], labels: [promotion], auto-merge: true}
  - name: production
    overlays: apps/{app}/overlays/production
    landing: pull-request
    protected: true
apps:
  web:
    images: [web]
    environments:
      dev: {argocd-app: web-dev}
`;

describe('parsePromotionConfig', () => {
  test('reads environments in order, each promoting from the one before, with defaults', () => {
    const config = parsePromotionConfig(BASE);
    expect(promotionChain(config).map((env) => `${env.from ?? '-'}→${env.name}`)).toEqual(['-→dev', 'dev→staging', 'staging→production']);
    const staging = findEnvironment(config, 'staging', 'to');
    expect(staging.landing).toBe('pull-request');
    expect(staging.pullRequest).toMatchObject({ autoMerge: true, mergeMethod: 'squash', reviewers: ['alice'], labels: ['promotion'], draft: false });
    expect(findEnvironment(config, 'dev', 'to').landing).toBe('commit');
    expect(findEnvironment(config, 'production', 'to').protected).toBe(true);
    expect(config.apps).toEqual([{ name: 'web', images: ['web'], environments: { dev: expect.objectContaining({ argocdApp: 'web-dev' }) } }]);
  });

  test.each([
    ['an unknown key', BASE.replace('reviewers:', 'reviewer:'), "unknown key 'reviewer' in environment 'staging' > pull-request."],
    [
      'an unknown landing',
      BASE.replace('landing: pull-request\n    protected', 'landing: pr\n    protected'),
      "environment 'production' > landing must be one of commit, pull-request.",
    ],
    ['a cycle', BASE.replace('- name: dev\n', '- name: dev\n    from: production\n'), 'environments promote in a cycle: dev → production → staging → dev.'],
    [
      'a from that is not declared',
      BASE.replace('- name: dev\n', '- name: dev\n    from: qa\n'),
      "environment 'dev' promotes from 'qa', which is not declared.",
    ],
    ['an app naming a missing environment', BASE.replace('dev: {argocd', 'qa: {argocd'), "app 'web' names environment 'qa', which is not declared."],
    ['a duplicate environment', BASE.replace('- name: staging', '- name: dev'), "environment 'dev' is declared twice."],
    ['no environments', 'environments: []\n', 'environments must NOT have fewer than 1 items.'],
    ['YAML that does not parse', 'environments: [\n', 'gitops-promote.yaml is not valid YAML'],
  ])('refuses %s with a one-line error', (_name, text, message) => {
    expect(() => parsePromotionConfig(text)).toThrow(message);
  });

  test('findEnvironment names the input and lists what exists', () => {
    expect(() => findEnvironment(parsePromotionConfig(BASE), 'qa', 'to')).toThrow(
      "Input 'to': unknown environment 'qa'; the promotion config declares dev, staging, production.",
    );
  });
});

describe('environment overlays', () => {
  const example = parsePromotionConfig(readFileSync(join(EXAMPLE_CONFIG_REPO, 'gitops-promote.yaml'), 'utf8'));

  test('fills {app} from the apps the config lists', () => {
    const staging = findEnvironment(example, 'staging', 'to');
    expect(resolveEnvironmentOverlays(EXAMPLE_CONFIG_REPO, example, staging).map(({ app, overlays }) => [app, overlays.map((o) => o.path)])).toEqual([
      ['web', ['apps/web/overlays/staging']],
      ['api', ['apps/api/overlays/staging']],
    ]);
  });

  test('discovers apps from the folders when the config lists none', () => {
    const config = { ...example, apps: [] };
    const dev = findEnvironment(config, 'dev', 'to');
    expect(resolveEnvironmentOverlays(EXAMPLE_CONFIG_REPO, config, dev).map(({ app }) => app)).toEqual(['api', 'web']);
  });

  test.each([
    ['apps/{app}/overlays/dev', 'apps/web/overlays/dev', 'web'],
    ['clusters/*/{app}', 'clusters/eu-1/api', 'api'],
    ['{app}/**/prod', 'web/x/y/prod', 'web'],
    ['apps/{app}/overlays/dev', 'apps/web/overlays/staging', undefined],
  ])('templateMatcher(%s) on %s captures %s', (pattern, path, app) => {
    expect(templateMatcher(pattern).exec(path)?.[1]).toBe(app);
  });
});
