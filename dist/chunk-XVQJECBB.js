const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readRequired
} from "./chunk-2TLWLIFK.js";
import {
  debug,
  info,
  setFailed
} from "./chunk-NZZWJ5E7.js";
import {
  InputError,
  ReportedFailure,
  UserError,
  oneLineMessage
} from "./chunk-KBKTDO2V.js";
import {
  COMMIT_SHA_VARIABLE,
  NOW_VARIABLE
} from "./chunk-OKDCWDB5.js";

// src/inputs/run-context.ts
import { tmpdir } from "node:os";
function runContext(env = process.env) {
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const workflowRepository = env.GITHUB_REPOSITORY ?? "";
  const runId = env.GITHUB_RUN_ID ?? "";
  return {
    workflowRepository,
    sha: env.GITHUB_SHA ?? "",
    actor: env.GITHUB_ACTOR ?? "",
    serverUrl,
    apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL || (apiUrl.endsWith("/api/v3") ? `${apiUrl.slice(0, -"/v3".length)}/graphql` : `${apiUrl}/graphql`),
    runUrl: workflowRepository && runId ? `${serverUrl}/${workflowRepository}/actions/runs/${runId}` : "",
    runId,
    baseRef: env.GITHUB_BASE_REF ?? "",
    workspace: env.GITHUB_WORKSPACE || void 0,
    tempDir: env.RUNNER_TEMP || tmpdir(),
    exportedCommit: (env[COMMIT_SHA_VARIABLE] ?? "").trim().toLowerCase(),
    environmentToken: (env.GITHUB_TOKEN || env.GH_TOKEN || "").trim(),
    now: clockOf(env[NOW_VARIABLE])
  };
}
function clockOf(fixed) {
  if (!fixed?.trim()) return () => Date.now();
  const at = Date.parse(fixed.trim());
  if (!Number.isFinite(at)) throw new UserError(`${NOW_VARIABLE} is '${fixed}', which is not an ISO 8601 time such as 2026-12-03T09:30:00Z.`);
  return () => at;
}

// src/main.ts
var COMMANDS = {
  "set-image": async () => (await import("./set-image-OH4KM7WC.js")).setImageCommand,
  promote: async () => (await import("./promote-HQZGQXF7.js")).promoteCommand,
  rollback: async () => (await import("./rollback-L2EWHZCS.js")).rollbackCommand,
  release: async () => (await import("./release-EVV5XJYS.js")).releaseCommand,
  "check-setup": async () => (await import("./check-setup-HVEU5TO3.js")).checkSetupCommand,
  validate: async () => (await import("./validate-4EX2GN4D.js")).validateCommand,
  wait: async () => (await import("./wait-3ROMBTMK.js")).waitCommand,
  "drift-check": async () => (await import("./drift-check-UAF5L64I.js")).driftCheckCommand,
  "merge-reports": async () => (await import("./merge-reports-PCGL6JJF.js")).mergeReportsCommand
};
async function run() {
  try {
    const name = readRequired("command").trim();
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
    if (!load) throw new InputError("command", `unknown command '${name}'; expected one of ${Object.keys(COMMANDS).join(", ")}.`);
    const command = await load();
    const context = runContext();
    const inputs = command.readInputs(context);
    const outcome = await command.run(inputs, context);
    await command.report(outcome, inputs, context);
  } catch (error) {
    if (error instanceof ReportedFailure) {
      info(oneLineMessage(error));
      process.exitCode = 1;
      return;
    }
    if (!(error instanceof UserError) && error instanceof Error && error.stack) debug(error.stack);
    setFailed(oneLineMessage(error));
  }
}

export {
  run
};
