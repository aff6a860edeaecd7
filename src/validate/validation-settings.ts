import * as core from '@actions/core';
import { readBoolean, readList, readString } from '../inputs/read-inputs.js';
import type { Environment } from '../config/promotion-config.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from './kubernetes-versions.js';
import type { EnvironmentPolicy } from './policy-checks.js';
import { checkSchemaLocations } from './user-schemas.js';

/** How to validate, read from the inputs that `validate` and the writing commands share. */
export interface ValidationSettings {
  kubernetesVersion: string;
  strict: boolean;
  ignoreMissingSchemas: boolean;
  kustomizeArgs: string[];
  schemaLocations: string[];
  policy: EnvironmentPolicy;
}

/**
 * `protected` and `require-digest` come from the environment of the promotion
 * config when there is one; an input that is set overrides it.
 */
export function readValidationSettings(environment?: Environment): ValidationSettings {
  const policy: EnvironmentPolicy = {
    protected: readBoolean('protected', environment?.protected ?? false),
    requireDigest: readBoolean('require-digest', environment?.requireDigest ?? false),
  };
  if (policy.requireDigest && !policy.protected) {
    core.warning('require-digest applies to protected environments only; set protected: true for it to take effect.');
  }
  const schemaLocations = readList('schema-locations');
  checkSchemaLocations(schemaLocations);
  return {
    kubernetesVersion: parseKubernetesVersion(readString('kubernetes-version', DEFAULT_KUBERNETES_VERSION)).text,
    strict: readBoolean('strict', true),
    ignoreMissingSchemas: readBoolean('ignore-missing-schemas', false),
    kustomizeArgs: readString('kustomize-args').split(/\s+/).filter((arg) => arg !== ''),
    schemaLocations,
    policy,
  };
}
