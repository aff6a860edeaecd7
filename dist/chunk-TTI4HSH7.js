const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/kustomize/image-reference.ts
function splitImageReference(reference) {
  const slash = reference.indexOf("/");
  const offset = slash > 0 ? slash : 0;
  const searched = reference.slice(offset);
  const at = searched.indexOf("@");
  const colon = searched.indexOf(":");
  if (colon < 0 && at < 0) return { name: reference, tag: "", digest: "" };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: reference.slice(0, offset + at), tag: "", digest: reference.slice(offset + at + 1) };
  }
  if (at >= 0) {
    return {
      name: reference.slice(0, offset + colon),
      tag: reference.slice(offset + colon + 1, offset + at),
      digest: reference.slice(offset + at + 1)
    };
  }
  return { name: reference.slice(0, offset + colon), tag: reference.slice(offset + colon + 1), digest: "" };
}
function formatImageReference({ name, tag, digest }) {
  return `${name}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}
var matcherCache = /* @__PURE__ */ new Map();
function isImageMatched(reference, entryName) {
  let matcher = matcherCache.get(entryName);
  if (matcher === void 0) {
    try {
      matcher = new RegExp(`^${entryName}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
    } catch {
      matcher = null;
    }
    matcherCache.set(entryName, matcher);
  }
  return matcher !== null && matcher.test(reference);
}
function applyImageOverride(reference, override) {
  if (!isImageMatched(reference, override.name)) return reference;
  const current = splitImageReference(reference);
  const name = override.newName || current.name;
  let { tag, digest } = current;
  if (override.newTag && override.digest) {
    tag = override.newTag;
    digest = override.digest;
  } else if (override.newTag) {
    tag = override.newTag;
    digest = "";
  } else if (override.digest) {
    tag = "";
    digest = override.digest;
  } else if (override.tagSuffix) {
    tag += override.tagSuffix;
    digest = "";
  }
  return formatImageReference({ name, tag, digest });
}
var REGEX_SYNTAX = /[\\^$*+?()[\]{}|]/;
function isPlainName(name) {
  if (name === "" || REGEX_SYNTAX.test(name) || name.slice(name.lastIndexOf("/") + 1).includes(".")) return false;
  const parts = splitImageReference(name);
  return parts.name === name && parts.tag === "" && parts.digest === "";
}
function mayMatchSameImage(first, second) {
  if (!isPlainName(first) || !isPlainName(second)) return true;
  if (first.length !== second.length) return false;
  for (let index = 0; index < first.length; index++) {
    if (first[index] !== second[index] && first[index] !== "." && second[index] !== ".") return false;
  }
  return true;
}

export {
  splitImageReference,
  formatImageReference,
  isImageMatched,
  applyImageOverride,
  mayMatchSameImage
};
