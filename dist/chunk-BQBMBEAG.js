const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/pins/pin-types.ts
function pinLabel(pin) {
  return `${pin.kind}: ${pin.file}`;
}

export {
  pinLabel
};
