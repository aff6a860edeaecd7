const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  connectConfigRepo
} from "./chunk-AFYX2MWJ.js";
import "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  gatherSetupFacts,
  judgeSetup
} from "./chunk-KQKQS6AD.js";
import "./chunk-XRRH6I6C.js";
import {
  countOf
} from "./chunk-WACLQDPL.js";
import {
  statusOf
} from "./chunk-ANR6TANQ.js";
import "./chunk-NZZWJ5E7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/check-setup/run-check-setup.ts
async function runCheckSetup(context) {
  const github = await context.github.connect();
  const config = await readConfigThroughApi(context, github);
  const needs = {
    pullRequests: config?.environments.some((env) => env.landing === "pull-request") ?? true,
    autoMerge: config?.environments.some((env) => env.landing === "pull-request" && env.pullRequest.autoMerge) ?? false,
    teamReviewers: [...new Set(config?.environments.flatMap((env) => env.pullRequest.teamReviewers) ?? [])],
    workflowRepository: github.workflowRepository
  };
  const findings = judgeSetup(await gatherSetupFacts(github, needs), needs);
  const { file } = context.configFile;
  const configNote = config ? `Read the promotion config ${file} (${countOf(config.environments.length, "environment")}).` : `No promotion config (${file}) on the default branch: checked as if changes land through pull requests.`;
  return { repository: github.repository, configNote, findings };
}
async function readConfigThroughApi(context, github) {
  const { file, named } = context.configFile;
  const repo = await connectConfigRepo({ kind: "github-api" }, context.github);
  let text;
  try {
    text = await repo.readFile(file);
  } catch (error) {
    if (statusOf(error) !== void 0) return void 0;
    throw error;
  }
  if (text === void 0) {
    if (named && await repoIsVisible(github)) throw new InputError("config", `'${file}' does not exist in ${github.repository}.`);
    return void 0;
  }
  const { parsePromotionConfig } = await import("./parse-promotion-config-ZTSQC6R5.js");
  return parsePromotionConfig(text, file);
}
async function repoIsVisible(github) {
  try {
    await github.client.rest.repos.get({ owner: github.owner, repo: github.repo });
    return true;
  } catch {
    return false;
  }
}
export {
  runCheckSetup
};
