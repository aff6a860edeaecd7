const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readBoolean,
  readList,
  readString
} from "./chunk-2TLWLIFK.js";
import {
  DEFAULT_KUBERNETES_VERSION,
  checkSchemaLocations,
  parseKubernetesVersion
} from "./chunk-ZPRKAVRY.js";

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
