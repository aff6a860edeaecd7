import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parsePromotionConfig } from '../../src/config/parse-promotion-config.js';
import { findEnvironment, ENVIRONMENT_DEFAULTS, type ControllerRef, type Environment } from '../../src/config/promotion-config.js';
import {
  CONFIG_SETTABLE_INPUTS,
  controllerSettingsFor,
  type ControllerSettings,
  settingsFor,
  type WorkflowSettings,
} from '../../src/config/environment-settings.js';
import { PROJECT_ROOT } from '../helpers/action-runner.js';

const actionInputs = (parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> }).inputs;

describe('inputs the promotion config can also set', () => {
  // GitHub passes an input's default as if the workflow had set it; a default here would always override the config.
  test.each(CONFIG_SETTABLE_INPUTS.map((name) => [name]))('%s is in action.yml with no default', (name) => {
    expect(actionInputs).toHaveProperty([name]);
    expect(actionInputs[name].default ?? '').toBe('');
  });
});

const CONFIG = parsePromotionConfig(`
environments:
  - name: dev
    overlays: apps/{app}/overlays/dev
    controller: argocd
  - name: production
    overlays: apps/{app}/overlays/production
    landing: pull-request
    protected: true
    require-digest: true
    controller: flux
    pull-request: {reviewers: [alice], labels: [promotion], auto-merge: true, merge-method: rebase, checklist: [Release notes]}
apps:
  web:
    environments:
      production: {flux-kind: HelmRelease, flux-namespace: web}
`);
const dev = findEnvironment(CONFIG, 'dev', 'environment');
const production = findEnvironment(CONFIG, 'production', 'environment');
const web = CONFIG.apps[0].environments.production;

describe('settingsFor: the workflow > the promotion config > the built-in default', () => {
  test.each<[string, WorkflowSettings, typeof production | undefined, Partial<ReturnType<typeof settingsFor>['policy']> & { landing?: string }]>([
    ['nothing set, production from the config', {}, production, { protected: true, requireDigest: true, landing: 'pull-request' }],
    ['nothing set, dev from the config', {}, dev, { protected: false, requireDigest: false, landing: 'commit' }],
    ['nothing set, no environment: the built-in defaults', {}, undefined, { protected: false, requireDigest: false, landing: 'commit' }],
    ['the workflow turns the guard off explicitly', { protected: false, requireDigest: false }, production, { protected: false, requireDigest: false }],
    ['the workflow turns the guard on where the config has none', { protected: true }, dev, { protected: true, requireDigest: false }],
    ['the workflow lands by commit where the config says pull-request', { landing: 'commit' }, production, { landing: 'commit' }],
  ])('%s', (_name, set, environment, expected) => {
    const settings = settingsFor(set, environment);
    const { landing, ...policy } = expected;
    expect(settings.policy).toMatchObject(policy);
    if (landing) expect(settings.landing).toBe(landing);
  });

  test('pull-request settings: each set input replaces the config value, the rest (checklist too) stays', () => {
    expect(settingsFor({ reviewers: ['bob'], autoMerge: false }, production).pullRequest).toEqual({
      ...production.pullRequest,
      reviewers: ['bob'],
      autoMerge: false,
    });
    expect(settingsFor({}, production).pullRequest).toEqual(production.pullRequest);
    expect(settingsFor({}, undefined).pullRequest).toEqual(ENVIRONMENT_DEFAULTS.pullRequest);
  });

  const cases: Array<{ name: string; set: WorkflowSettings; environment?: Environment; ref?: ControllerRef; expected: ControllerSettings }> = [
    {
      name: 'the app entry of the config',
      set: {},
      environment: production,
      ref: web,
      expected: { controller: 'flux', fluxKind: 'HelmRelease', fluxNamespace: 'web' },
    },
    {
      name: 'the environment, then the built-in defaults',
      set: {},
      environment: dev,
      expected: { controller: 'argocd', fluxKind: 'Kustomization', fluxNamespace: 'flux-system' },
    },
    {
      name: 'inputs the workflow set win',
      set: { controller: 'argocd', fluxKind: 'Kustomization', fluxNamespace: 'apps' },
      environment: production,
      ref: web,
      expected: { controller: 'argocd', fluxKind: 'Kustomization', fluxNamespace: 'apps' },
    },
    { name: 'no config at all', set: {}, expected: { controller: undefined, fluxKind: 'Kustomization', fluxNamespace: 'flux-system' } },
  ];
  test.each(cases)('controllerSettingsFor: $name', ({ set, environment, ref, expected }) => {
    expect(controllerSettingsFor(set, environment, ref)).toEqual(expected);
  });
});
