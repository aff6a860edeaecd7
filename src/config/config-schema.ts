import { PIN_SCHEMA } from './pin-config.js';

/**
 * The JSON Schema of `gitops-promote.yaml`. Unknown keys are errors: a typo
 * (`reviewer:` for `reviewers:`) must not silently drop a safeguard.
 */

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const stringOrList = { anyOf: [{ type: 'string', minLength: 1 }, stringList] } as const;
const name = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' } as const;

const pullRequest = {
  type: 'object',
  additionalProperties: false,
  properties: {
    'auto-merge': { type: 'boolean' },
    'merge-method': { enum: ['merge', 'squash', 'rebase'] },
    reviewers: stringList,
    'team-reviewers': stringList,
    labels: stringList,
    assignees: stringList,
    draft: { type: 'boolean' },
    checklist: stringList,
    'title-template': { type: 'string', minLength: 1 },
  },
} as const;

/** Checked for types and unknown keys here; what a soak, window or freeze means is checked in gate-config.ts. */
const gates = {
  type: 'object',
  additionalProperties: false,
  properties: {
    'source-healthy': { type: 'boolean' },
    soak: { type: 'string', minLength: 1 },
    windows: stringList,
    freeze: stringList,
  },
} as const;

const controllerRef = {
  type: 'object',
  additionalProperties: false,
  properties: {
    controller: { enum: ['argocd', 'flux'] },
    'argocd-app': { type: 'string', minLength: 1 },
    'flux-kind': { enum: ['Kustomization', 'HelmRelease'] },
    'flux-name': { type: 'string', minLength: 1 },
    'flux-namespace': { type: 'string', minLength: 1 },
    overlays: stringOrList,
    pins: { type: 'array', items: PIN_SCHEMA },
  },
} as const;

export const PROMOTION_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['environments'],
  properties: {
    version: { const: 1 },
    branch: { type: 'string', minLength: 1 },
    environments: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        // No overlays: the environment's apps pin their images only through pins.
        required: ['name'],
        properties: {
          name,
          overlays: stringOrList,
          from: name,
          branch: { type: 'string', minLength: 1 },
          landing: { enum: ['commit', 'pull-request'] },
          'pull-request': pullRequest,
          protected: { type: 'boolean' },
          'require-digest': { type: 'boolean' },
          controller: { enum: ['argocd', 'flux'] },
          gates,
          'max-skew': {
            anyOf: [
              { type: 'integer', minimum: 0 },
              { type: 'string', pattern: '^\\d+(d|versions?)$' },
            ],
          },
        },
      },
    },
    apps: {
      type: 'object',
      propertyNames: name,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          images: stringList,
          environments: { type: 'object', propertyNames: name, additionalProperties: controllerRef },
        },
      },
    },
  },
} as const;
