const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readBoolean,
  readString
} from "./chunk-2TLWLIFK.js";

// src/inputs/controller-inputs.ts
function readControllerConnections(run) {
  return {
    argocd: {
      server: readString("argocd-server").trim(),
      token: readString("argocd-token").trim(),
      username: readString("argocd-username").trim(),
      password: readString("argocd-password"),
      ca: readString("argocd-ca"),
      insecure: readBoolean("argocd-insecure", false)
    },
    flux: { kubeconfig: readString("kubeconfig"), context: readString("kube-context").trim(), tempDir: run.tempDir }
  };
}

export {
  readControllerConnections
};
