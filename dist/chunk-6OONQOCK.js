const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  splitImageReference
} from "./chunk-TTI4HSH7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/kustomize/image-argument.ts
var KEEP = "*";
var HOST = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
var PATH_COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
var REPOSITORY = new RegExp(String.raw`^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DIGEST = /^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;
var ENTRY_NAME = /^[^\s=@]+$/;
function parseImageArgument(text, input = "images") {
  const source = text.trim();
  const fail = (problem) => {
    throw new InputError(input, `'${source}' ${problem}`);
  };
  const eq = source.indexOf("=");
  if (eq === 0) fail('has no image name before "=".');
  const key = eq < 0 ? "" : source.slice(0, eq);
  const value = eq < 0 ? source : source.slice(eq + 1);
  const parts = splitImageReference(value);
  if (eq < 0 && parts.name === source) {
    fail("sets nothing: write name=newName:tag, name:tag, name@sha256:\u2026 or name=newName.");
  }
  const name = key === "" ? parts.name : key;
  if (!ENTRY_NAME.test(name) || name === KEEP) fail(`has an invalid image name '${name}'.`);
  const newName = key === "" ? "" : parts.name;
  if (key !== "" && newName === "") fail('has nothing after "=": give the new image name, tag or digest.');
  if (newName !== "" && newName !== KEEP && !REPOSITORY.test(newName)) {
    fail(`has an invalid new image name '${newName}' (lower-case repository path, optional registry host).`);
  }
  if (parts.tag !== "" && parts.tag !== KEEP && !TAG.test(parts.tag)) {
    fail(`has an invalid tag '${parts.tag}' (letters, digits, '_', '.', '-'; at most 128 characters).`);
  }
  if (value.includes(":") && parts.tag === "" && parts.digest === "" && !REPOSITORY.test(value)) {
    fail('has an empty tag after ":".');
  }
  if (parts.digest !== "" && parts.digest !== KEEP && !DIGEST.test(parts.digest)) {
    fail(`has an invalid digest '${parts.digest}' (expected sha256: and 64 lower-case hex digits).`);
  }
  return { source, name, newName, newTag: parts.tag, digest: parts.digest };
}
function parseImageArguments(texts, input = "images") {
  if (texts.length === 0) throw new InputError(input, "no image given; give at least one, such as web=ghcr.io/acme/web:1.4.2.");
  const byName = /* @__PURE__ */ new Map();
  for (const text of texts) {
    const argument = parseImageArgument(text, input);
    byName.delete(argument.name);
    byName.set(argument.name, argument);
  }
  return [...byName.values()];
}

export {
  KEEP,
  parseImageArgument,
  parseImageArguments
};
