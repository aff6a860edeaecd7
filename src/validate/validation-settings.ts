import * as core from '@actions/core';
import type { EnvironmentPolicy } from '../types.js';

/** How to validate (src/inputs/validation-inputs.ts reads it from the inputs). */
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

/** The settings for one environment, whose policy comes from settingsFor (input > promotion config > default). */
export function withPolicy(schema: SchemaSettings, policy: EnvironmentPolicy): ValidationSettings {
  if (policy.requireDigest && !policy.protected) {
    core.warning('require-digest applies to protected environments only; set protected: true for it to take effect.');
  }
  return { ...schema, policy };
}
