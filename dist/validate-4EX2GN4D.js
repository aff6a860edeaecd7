const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readJunitFile,
  readReportFile,
  readShard
} from "./chunk-26BRR75O.js";
import {
  describeShard
} from "./chunk-EUVYLUSK.js";
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
  readGitHubTarget
} from "./chunk-OB7VWS3F.js";
import "./chunk-OENRT2KS.js";
import "./chunk-42JSCESC.js";
import "./chunk-WACLQDPL.js";
import {
  readBoolean,
  readFolder,
  readList,
  readString
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import "./chunk-NZZWJ5E7.js";
import "./chunk-ZPRKAVRY.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";

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
  run: async ({ inputs, context }) => (await import("./run-validate-5VLB4ZDH.js")).runValidate(inputs, context),
  async report({ report, root, partition }, { inputs }, run) {
    const [{ validateReportFile, writeReportFile }, { annotationPrefix, showValidationReport }] = await Promise.all([
      import("./report-file-QOP7FMEF.js"),
      import("./validation-output-5TPNBIUH.js")
    ]);
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
