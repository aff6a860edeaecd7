const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  setOutput,
  summary,
  warning
} from "./chunk-NZZWJ5E7.js";

// src/report/job-summary.ts
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
async function writeSummary(markdown) {
  if (markdown !== void 0) summary.addRaw(markdown, true);
  try {
    await summary.write();
  } catch (error) {
    summary.emptyBuffer();
    if (!/GITHUB_STEP_SUMMARY/.test(error.message)) warning(`Could not write the job summary: ${error.message}`);
  }
}

export {
  setOutputs,
  writeSummary
};
