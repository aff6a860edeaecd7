import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from '../validate/kubernetes-versions.js';
import { checkSchemaLocations } from '../validate/schema-location-template.js';
import type { SchemaSettings } from '../validate/validation-settings.js';
import { readBoolean, readList, readString } from './read-inputs.js';

/** The inputs that say how to validate, shared by validate and the writing commands (validate: true). */
export function readSchemaSettings(): SchemaSettings {
  const schemaLocations = readList('schema-locations');
  checkSchemaLocations(schemaLocations);
  return {
    kubernetesVersion: parseKubernetesVersion(readString('kubernetes-version', DEFAULT_KUBERNETES_VERSION)).text,
    strict: readBoolean('strict', true),
    ignoreMissingSchemas: readBoolean('ignore-missing-schemas', false),
    kustomizeArgs: readString('kustomize-args')
      .split(/\s+/)
      .filter((arg) => arg !== ''),
    schemaLocations,
  };
}
