const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/text/split-list.ts
function splitList(text) {
  return text.split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, "")).flatMap((line) => line.split(",")).map((item) => item.trim()).filter((item) => item !== "");
}

export {
  splitList
};
