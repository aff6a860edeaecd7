import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  validateReportFile,
  writeReportFile
} from "./chunk-MFJNOU74.js";
import {
  readJunitFile,
  readReportFile,
  readShard
} from "./chunk-66SZDPTZ.js";
import {
  describeShard
} from "./chunk-SGIT4A7Q.js";
import {
  annotationPrefix,
  showValidationReport
} from "./chunk-6PG4I2TJ.js";
import {
  readSchemaSettings
} from "./chunk-IZIITBR5.js";
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
  readFolder,
  readList,
  readString
} from "./chunk-2K47BRRI.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-U3CEUUQP.js";
import "./chunk-JMTLMK35.js";
import "./chunk-2LG6PE6H.js";
import "./chunk-5F2GK5IQ.js";
import "./chunk-ZHINN24W.js";
import {
  InputError
} from "./chunk-EVMGEMOW.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";

// src/commands/validate.ts
var validateCommand = {
  readInputs(run) {
    const inputs = {
      // validate reads a folder: the checkout at path, else the working folder (git or not).
      location: { kind: "checkout", path: readFolder("path", ".") },
      overlays: readList("overlays"),
      environment: readString("environment").trim(),
      settings: readWorkflowSettings(),
      schema: readSchemaSettings(),
      changedOnly: readBoolean("changed-only", false),
      baseRef: readString("base-ref", run.baseRef ? `origin/${run.baseRef}` : "").trim(),
      serverDryRun: readBoolean("server-dry-run", false),
      kubeconfig: readString("kubeconfig"),
      kubeContext: readString("kube-context").trim(),
      junitFile: readJunitFile(run),
      shard: readShard(),
      reportFile: readReportFile(run, "validate")
    };
    if (inputs.serverDryRun && inputs.kubeconfig === "") throw new InputError("kubeconfig", "is required when server-dry-run is true.");
    if (inputs.changedOnly && inputs.baseRef === "") throw new InputError("base-ref", "is required when changed-only is true (outside a pull_request event).");
    return { inputs, context: { github: new GitHubAccess(readGitHubTarget(run), run, "to validate"), configFile: readConfigFile(), run } };
  },
  run: async ({ inputs, context }) => (await import("./run-validate-HP2F7VSI.js")).runValidate(inputs, context),
  async report({ report, root, partition }, { inputs }, run) {
    const prefix = annotationPrefix(root, run.workspace);
    await writeReportFile(inputs.reportFile, validateReportFile(report, partition, prefix));
    const { shard, keys } = partition;
    const scope = shard && `This run is ${describeShard(shard, report.overlays.length, keys.length, "overlay")}; merge-reports combines the shards.`;
    await showValidationReport(report, { annotationPrefix: prefix, junitFile: inputs.junitFile, scope, outputs: { "report-file": inputs.reportFile } });
  }
};
export {
  validateCommand
};
