const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  resolvePromotionRoute
} from "./chunk-STCLBN6F.js";
import {
  inConfigRepoToLand
} from "./chunk-AFYX2MWJ.js";
import "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/promote/run-promotion.ts
async function runPromotion(inputs, context) {
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: true,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => config ? resolvePromotionRoute(config, inputs.from, inputs.to).target.branch : void 0
    },
    // The promotion's own modules (the plan, the render check, the gates, the PR) load once the repo is open:
    // an input the opening refuses (no checkout, no repository) costs no more than reading the inputs.
    async (opened) => (await import("./promote-in-repo-W3FM74KH.js")).promoteInRepo(inputs, context, opened)
  );
}
export {
  runPromotion
};
