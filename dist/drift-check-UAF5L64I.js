const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readIssueLabel,
  readReportFile,
  readShard
} from "./chunk-26BRR75O.js";
import {
  describeShard
} from "./chunk-EUVYLUSK.js";
import {
  readControllerConnections
} from "./chunk-IF6GS2ZH.js";
import {
  readRepoLocation
} from "./chunk-IW2SV5GN.js";
import {
  readWorkflowSettings
} from "./chunk-R4HJNM6D.js";
import {
  readConfigFile
} from "./chunk-EPQYLKCJ.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-OB7VWS3F.js";
import "./chunk-OENRT2KS.js";
import "./chunk-42JSCESC.js";
import "./chunk-WACLQDPL.js";
import {
  readBoolean,
  readDuration,
  readList,
  readString
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

// src/commands/drift-check.ts
var driftCheckCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const inputs = {
      location: readRepoLocation(github),
      environments: readList("environment"),
      apps: readList("apps"),
      issueLabel: readIssueLabel(),
      failOnDrift: readBoolean("fail-on-drift", false),
      maxSkew: readString("max-skew"),
      staleAfterMs: readDuration("stale-after", "10m"),
      connections: readControllerConnections(run),
      controllerSettings: readWorkflowSettings(),
      shard: readShard(),
      reportFile: readReportFile(run, "drift-check")
    };
    return { inputs, context: { github: new GitHubAccess(github, run, "for drift-check"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-drift-check-D2HSMK7D.js")).runDriftCheck(inputs, context),
  async report({ report, partition }, { inputs }) {
    const [{ driftReportFile, writeReportFile }, { setOutputs }, { showDriftReport }] = await Promise.all([
      import("./report-file-QOP7FMEF.js"),
      import("./job-summary-CLC44BB5.js"),
      import("./drift-output-CPFWUROR.js")
    ]);
    await writeReportFile(inputs.reportFile, driftReportFile(report, partition));
    setOutputs({ "report-file": inputs.reportFile });
    const { shard, keys } = partition;
    const apps = new Set(report.environments.flatMap((env) => env.apps.map((app) => app.app))).size;
    const scope = shard && `This run is ${describeShard(shard, apps, keys.length, "app")}; merge-reports combines the shards.`;
    await showDriftReport(report, inputs.failOnDrift, scope);
  }
};
export {
  driftCheckCommand
};
