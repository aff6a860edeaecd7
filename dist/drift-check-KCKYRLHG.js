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
} from "./chunk-RJCGK3NY.js";
import {
  readControllerConnections
} from "./chunk-O634YALS.js";
import {
  describeShard
} from "./chunk-SGIT4A7Q.js";
import {
  readRepoLocation
} from "./chunk-QP4WRREJ.js";
import {
  readWorkflowSettings
} from "./chunk-PY346KCL.js";
import {
  readConfigFile
} from "./chunk-YR2ASN5U.js";
import {
  GitHubAccess,
  readGitHubTarget
} from "./chunk-OW7VW2Z2.js";
import "./chunk-5252AUVF.js";
import {
  readBoolean,
  readDuration,
  readList,
  readString
} from "./chunk-BNTNX62G.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import {
  setOutputs
} from "./chunk-2LG6PE6H.js";
import "./chunk-JMTLMK35.js";
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
  run: async ({ inputs, context }) => (await import("./run-drift-check-LUWCHL7R.js")).runDriftCheck(inputs, context),
  async report({ report, partition }, { inputs }) {
    await writeReportFile(inputs.reportFile, driftReportFile(report, partition));
    setOutputs({ "report-file": inputs.reportFile });
    const { shard, keys } = partition;
    const apps = new Set(report.environments.flatMap((env) => env.apps.map((app) => app.app))).size;
    const scope = shard && `This run is ${describeShard(shard, apps, keys.length, "app")}; merge-reports combines the shards.`;
    const { showDriftReport } = await import("./drift-output-DTWSEYWT.js");
    await showDriftReport(report, inputs.failOnDrift, scope);
  }
};
export {
  driftCheckCommand
};
