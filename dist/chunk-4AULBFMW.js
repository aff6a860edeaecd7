const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  formatImageReference,
  splitImageReference
} from "./chunk-TTI4HSH7.js";

// src/kustomize/render-check.ts
function expectedImageOf(change) {
  return { name: change.after.newName || change.name, tag: change.after.newTag, digest: change.after.digest };
}
function describeExpected(expected) {
  return formatImageReference(expected);
}
function rendersExpectedImage(rendered, expected) {
  return rendered.some((reference) => {
    const actual = splitImageReference(reference);
    if (actual.name !== expected.name) return false;
    if (expected.tag && !(actual.tag === expected.tag || actual.tag.startsWith(expected.tag))) return false;
    if (expected.digest && actual.digest !== expected.digest) return false;
    return true;
  });
}
function suggestArgument(name, source, entries) {
  const owner = entries.find((entry) => entry.newName === name && entry.name !== name);
  if (!owner) return void 0;
  const value = source.includes("=") ? source.slice(source.indexOf("=") + 1) : source;
  return `${owner.name}=${value}`;
}

export {
  expectedImageOf,
  describeExpected,
  rendersExpectedImage,
  suggestArgument
};
