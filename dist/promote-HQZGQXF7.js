const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readControllerConnections
} from "./chunk-IF6GS2ZH.js";
import {
  readRepoLocation
} from "./chunk-IW2SV5GN.js";
import {
  readSchemaSettings
} from "./chunk-MZU5QY4W.js";
import {
  readWorkflowSettings
} from "./chunk-R4HJNM6D.js";
import {
  readConfigFile
} from "./chunk-EPQYLKCJ.js";
import {
  GitHubAccess,
  parseSourceRepositories,
  readCommitIdentity,
  readGitHubTarget
} from "./chunk-OB7VWS3F.js";
import "./chunk-OENRT2KS.js";
import "./chunk-42JSCESC.js";
import {
  readBoolean,
  readList,
  readString
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import {
  notice,
  warning
} from "./chunk-NZZWJ5E7.js";
import "./chunk-ZPRKAVRY.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/commands/promote.ts
var promoteCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const inputs = {
      location: readRepoLocation(github),
      from: readString("from").trim(),
      to: readString("to").trim(),
      apps: readList("apps"),
      sourceRepositories: parseSourceRepositories(readList("source-repository")),
      branch: readString("branch").trim(),
      settings: readWorkflowSettings(),
      verifyRender: readBoolean("verify-render", true),
      validation: readBoolean("validate", false) ? readSchemaSettings() : void 0,
      dryRun: readBoolean("dry-run", false),
      author: readCommitIdentity(),
      commitMessage: readString("commit-message"),
      connections: readControllerConnections(run),
      failOnPending: readBoolean("fail-on-pending", false),
      overrideHold: readBoolean("override-hold", false)
    };
    return { inputs, context: { github: new GitHubAccess(github, run, "to open promotion pull requests"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-promotion-I36ZBPEZ.js")).runPromotion(inputs, context),
  async report(outcome, { inputs }) {
    const [{ gateAnnouncement, promoteOutputs, promotionSummaryMarkdown }, { setOutputs, writeSummary }] = await Promise.all([
      import("./promotion-summary-NH45AHG5.js"),
      import("./job-summary-CLC44BB5.js")
    ]);
    setOutputs(promoteOutputs(outcome));
    await writeSummary(promotionSummaryMarkdown(outcome));
    const said = gateAnnouncement(outcome, inputs.failOnPending);
    if (said.fail) throw new UserError(said.fail);
    if (said.warning) warning(said.warning);
    if (said.notice) notice(said.notice);
  }
};
export {
  promoteCommand
};
