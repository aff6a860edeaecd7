const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  setSecret
} from "./chunk-NZZWJ5E7.js";

// src/log/mask-secret.ts
var masked = /* @__PURE__ */ new Set();
function maskSecret(value) {
  if (value === "" || masked.has(value)) return;
  masked.add(value);
  setSecret(value);
}
var SECRET_FIELDS = /^\s*-?\s*(token|client-key-data|client-certificate-data|password|username|id-token|refresh-token|access-token|client-secret)\s*:\s*(\S+)\s*$/;
function maskKubeconfig(kubeconfig) {
  maskSecret(kubeconfig);
  for (const line of kubeconfig.split(/\r?\n/)) {
    const match = SECRET_FIELDS.exec(line);
    if (match) maskSecret(match[2].replace(/^["']|["']$/g, ""));
  }
}

export {
  maskSecret,
  maskKubeconfig
};
