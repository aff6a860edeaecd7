import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  readBoolean,
  readList,
  readString
} from "./chunk-2K47BRRI.js";
import {
  DEFAULT_KUBERNETES_VERSION,
  checkSchemaLocations,
  parseKubernetesVersion
} from "./chunk-U3CEUUQP.js";

// src/inputs/validation-inputs.ts
function readSchemaSettings() {
  const schemaLocations = readList("schema-locations");
  checkSchemaLocations(schemaLocations);
  return {
    kubernetesVersion: parseKubernetesVersion(readString("kubernetes-version", DEFAULT_KUBERNETES_VERSION)).text,
    strict: readBoolean("strict", true),
    ignoreMissingSchemas: readBoolean("ignore-missing-schemas", false),
    kustomizeArgs: readString("kustomize-args").split(/\s+/).filter((arg) => arg !== ""),
    schemaLocations
  };
}

export {
  readSchemaSettings
};
