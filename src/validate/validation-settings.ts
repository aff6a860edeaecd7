import * as core from '@actions/core';
import { readBoolean, readList, readString } from '../inputs/read-inputs.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from './kubernetes-versions.js';
import type { EnvironmentPolicy } from './policy-checks.js';
import { checkSchemaLocations } from './user-schemas.js';

/** How to validate, read from the inputs that `validate` and the writing commands share. */
export interface SchemaSettings {
  kubernetesVersion: string;
  strict: boolean;
  ignoreMissingSchemas: boolean;
  kustomizeArgs: string[];
  schemaLocations: string[];
}

/** Schema settings and what the environment asks of its images. */
export interface ValidationSettings extends SchemaSettings {
  policy: EnvironmentPolicy;
}

export function readSchemaSettings(): SchemaSettings {
  const schemaLocations = readList('schema-locations');
  checkSchemaLocations(schemaLocations);
  return {
    kubernetesVersion: parseKubernetesVersion(readString('kubernetes-version', DEFAULT_KUBERNETES_VERSION)).text,
    strict: readBoolean('strict', true),
    ignoreMissingSchemas: readBoolean('ignore-missing-schemas', false),
    kustomizeArgs: readString('kustomize-args').split(/\s+/).filter((arg) => arg !== ''),
    schemaLocations,
  };
}

/** The settings for one environment, whose policy comes from settingsFor (input > promotion config > default). */
export function withPolicy(schema: SchemaSettings, policy: EnvironmentPolicy): ValidationSettings {
  if (policy.requireDigest && !policy.protected) {
    core.warning('require-digest applies to protected environments only; set protected: true for it to take effect.');
  }
  return { ...schema, policy };
}
