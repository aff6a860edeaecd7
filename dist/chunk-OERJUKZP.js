const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  renderOverlay
} from "./chunk-DUL2W4ZY.js";

// src/kustomize/render-cache.ts
var RenderCache = class {
  renders = /* @__PURE__ */ new Map();
  /** The overlay's render with these flags, made on the first ask. */
  render(renderer, directory, extraArgs = []) {
    const key = JSON.stringify([...renderer.command, ...extraArgs, directory]);
    let render = this.renders.get(key);
    if (!render) {
      render = renderOverlay(renderer, directory, extraArgs);
      this.renders.set(key, render);
    }
    return render;
  }
};

export {
  RenderCache
};
