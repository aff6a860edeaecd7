const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  run
} from "./chunk-XVQJECBB.js";
import "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-2QGGJF6Q.js";

// src/runtime/supported-node.ts
var LOWEST_MAJOR = 24;
function isSupportedNode(version) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  return Number.isInteger(major) && major >= LOWEST_MAJOR;
}
function unsupportedNodeMessage(version) {
  return `error: gitops-promote needs Node.js ${LOWEST_MAJOR} or later (the runtime the action runs on); this is Node.js ${version}.`;
}

// src/runtime/refuse-unsupported-node.ts
if (!isSupportedNode(process.versions.node)) {
  process.stderr.write(`${unsupportedNodeMessage(process.versions.node)}
`);
  process.exit(1);
}

// src/index.ts
if (process.argv.length > 2) {
  const { runCli } = await import("./run-cli-XQJ6M3IO.js");
  await runCli(process.argv.slice(2));
} else {
  await run();
}
