const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/validate/kubernetes-versions.ts
var DEFAULT_KUBERNETES_VERSION = "1.34";
function parseKubernetesVersion(text, input = "kubernetes-version") {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  if (!match) throw new InputError(input, `expected a Kubernetes version such as 1.34 or v1.34.2, got '${text}'.`);
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return { major, minor, text: `${major}.${minor}` };
}
var REMOVED_IN = [
  ["extensions/v1beta1/Deployment", 16],
  ["extensions/v1beta1/DaemonSet", 16],
  ["extensions/v1beta1/ReplicaSet", 16],
  ["extensions/v1beta1/NetworkPolicy", 16],
  ["extensions/v1beta1/PodSecurityPolicy", 16],
  ["apps/v1beta1", 16],
  ["apps/v1beta2", 16],
  ["extensions/v1beta1", 22],
  ["networking.k8s.io/v1beta1", 22],
  ["admissionregistration.k8s.io/v1beta1", 22],
  ["apiextensions.k8s.io/v1beta1", 22],
  ["apiregistration.k8s.io/v1beta1", 22],
  ["authentication.k8s.io/v1beta1", 22],
  ["authorization.k8s.io/v1beta1", 22],
  ["certificates.k8s.io/v1beta1", 22],
  ["coordination.k8s.io/v1beta1", 22],
  ["rbac.authorization.k8s.io/v1beta1", 22],
  ["scheduling.k8s.io/v1beta1", 22],
  ["storage.k8s.io/v1beta1/CSIDriver", 22],
  ["storage.k8s.io/v1beta1/CSINode", 22],
  ["storage.k8s.io/v1beta1/StorageClass", 22],
  ["storage.k8s.io/v1beta1/VolumeAttachment", 22],
  ["batch/v1beta1", 25],
  ["discovery.k8s.io/v1beta1", 25],
  ["events.k8s.io/v1beta1", 25],
  ["autoscaling/v2beta1", 25],
  ["policy/v1beta1", 25],
  ["node.k8s.io/v1beta1", 25],
  ["autoscaling/v2beta2", 26],
  ["flowcontrol.apiserver.k8s.io/v1beta1", 26],
  ["storage.k8s.io/v1beta1/CSIStorageCapacity", 27],
  ["flowcontrol.apiserver.k8s.io/v1beta2", 29],
  ["flowcontrol.apiserver.k8s.io/v1beta3", 32]
];
function removedIn(apiVersion, kind, version) {
  if (version.major !== 1) return void 0;
  const exact = REMOVED_IN.find(([key]) => key === `${apiVersion}/${kind}`);
  const whole = REMOVED_IN.find(([key]) => key === apiVersion);
  const minor = exact?.[1] ?? whole?.[1];
  return minor !== void 0 && version.minor >= minor ? minor : void 0;
}

// src/validate/schema-location-template.ts
var TEMPLATE_VARIABLES = ["NormalizedKubernetesVersion", "StrictSuffix", "ResourceKind", "ResourceAPIVersion", "Group", "KindSuffix"];
function isSchemaLocationTemplate(location) {
  return location.includes("{{");
}
var ACTION = /\{\{(-\s)?\s*(.*?)\s*(\s-)?\}\}/gs;
var VARIABLE_LIST = TEMPLATE_VARIABLES.map((name) => `.${name}`).join(", ");
function parseSchemaLocationTemplate(text) {
  const parts = [];
  let last = 0;
  let trimNext = false;
  for (const match of text.matchAll(ACTION)) {
    const [action, , body] = match;
    const trimBefore = match.at(1);
    const trimAfter = match.at(3);
    parts.push(trimText(text.slice(last, match.index), trimNext, trimBefore !== void 0));
    parts.push({ variable: variableOf(text, action, body) });
    last = match.index + action.length;
    trimNext = trimAfter !== void 0;
  }
  const rest = trimText(text.slice(last), trimNext, false);
  if (rest.includes("{{")) throw new InputError("schema-locations", `'${text}' has a '{{' with no closing '}}'.`);
  parts.push(rest);
  return { text, parts: parts.filter((part) => part !== "") };
}
function trimText(literal, trimStart, trimEnd) {
  const start = trimStart ? literal.trimStart() : literal;
  return trimEnd ? start.trimEnd() : start;
}
function variableOf(text, action, body) {
  const name = /^\.(\w+)$/.exec(body)?.[1];
  const known = TEMPLATE_VARIABLES.find((variable) => variable === name);
  if (known) return known;
  const sameLetters = name && TEMPLATE_VARIABLES.find((variable) => variable.toLowerCase() === name.toLowerCase());
  const hint = sameLetters ? ` (did you mean .${sameLetters}?)` : "";
  const what = name ? `the unknown template variable .${name}${hint}` : `'${action}', which is not a template variable`;
  throw new InputError("schema-locations", `'${text}' uses ${what}; the variables are ${VARIABLE_LIST}, as in kubeconform.`);
}
function expandSchemaLocationTemplate(template, resource) {
  const values = templateValues(resource);
  return template.parts.map((part) => typeof part === "string" ? part : values[part.variable]).join("");
}
function templateValues({ apiVersion, kind, strict, kubernetesVersion }) {
  const groupParts = apiVersion.split("/");
  const version = groupParts[groupParts.length - 1];
  const kindSuffix = `-${groupParts[0].split(".")[0].toLowerCase()}${groupParts.length > 1 ? `-${version.toLowerCase()}` : ""}`;
  return {
    NormalizedKubernetesVersion: `v${kubernetesVersion}.0`,
    StrictSuffix: strict ? "-strict" : "",
    ResourceKind: kind.toLowerCase(),
    ResourceAPIVersion: version,
    // As kubeconform: the part before the slash, which for a core kind (`v1`) is the version itself.
    Group: groupParts[0],
    KindSuffix: kindSuffix
  };
}
function checkSchemaLocations(locations) {
  for (const location of locations) if (isSchemaLocationTemplate(location)) parseSchemaLocationTemplate(location);
}

export {
  DEFAULT_KUBERNETES_VERSION,
  parseKubernetesVersion,
  removedIn,
  isSchemaLocationTemplate,
  parseSchemaLocationTemplate,
  expandSchemaLocationTemplate,
  checkSchemaLocations
};
