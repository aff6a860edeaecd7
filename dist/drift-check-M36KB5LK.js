import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  driftReportFile,
  writeReportFile
} from "./chunk-MFJNOU74.js";
import {
  readIssueLabel,
  readReportFile,
  readShard
} from "./chunk-66SZDPTZ.js";
import {
  describeShard
} from "./chunk-SGIT4A7Q.js";
import {
  readControllerConnections
} from "./chunk-YAURZUJP.js";
import {
  readRepoLocation
} from "./chunk-HKZUM7UY.js";
import {
  readWorkflowSettings
} from "./chunk-XSLYZP73.js";
import {
  readConfigFile
} from "./chunk-3ZTRTI2E.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-SUR34KUZ.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean,
  readDuration,
  readList,
  readString
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-JMTLMK35.js";
import {
  setOutputs
} from "./chunk-2LG6PE6H.js";
import "./chunk-ZHINN24W.js";
import "./chunk-EVMGEMOW.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

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
  run: async ({ inputs, context }) => (await import("./run-drift-check-BVINK5VF.js")).runDriftCheck(inputs, context),
  async report({ report, partition }, { inputs }) {
    await writeReportFile(inputs.reportFile, driftReportFile(report, partition));
    setOutputs({ "report-file": inputs.reportFile });
    const { shard, keys } = partition;
    const apps = new Set(report.environments.flatMap((env) => env.apps.map((app) => app.app))).size;
    const scope = shard && `This run is ${describeShard(shard, apps, keys.length, "app")}; merge-reports combines the shards.`;
    const { showDriftReport } = await import("./drift-output-2T5ZQNHU.js");
    await showDriftReport(report, inputs.failOnDrift, scope);
  }
};
export {
  driftCheckCommand
};
