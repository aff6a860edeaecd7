const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  releaseBranch,
  releaseMarker
} from "./chunk-6K4WVPK3.js";
import "./chunk-TAZTHVOV.js";
import {
  readHold
} from "./chunk-2X2ODRMQ.js";
import {
  landCommit,
  landPromotionPullRequest
} from "./chunk-ZQYJV3RU.js";
import {
  describeHold,
  holdFilePath
} from "./chunk-FVDTIBEF.js";
import {
  settingsFor
} from "./chunk-VMVPPYNY.js";
import {
  inConfigRepoToLand
} from "./chunk-AFYX2MWJ.js";
import {
  requirePromotionConfig
} from "./chunk-INDTGZUY.js";
import "./chunk-HUSS5IF7.js";
import "./chunk-Y3AGFE2I.js";
import "./chunk-VG2LPK36.js";
import "./chunk-MJQOG5ZV.js";
import {
  findEnvironment
} from "./chunk-ZZABWA7U.js";
import "./chunk-42JSCESC.js";
import {
  describeRefusal
} from "./chunk-XRRH6I6C.js";
import "./chunk-WACLQDPL.js";
import "./chunk-ANR6TANQ.js";
import {
  info,
  warning
} from "./chunk-NZZWJ5E7.js";
import "./chunk-TTI4HSH7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";

// src/rollback/run-release.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
async function runRelease(inputs, context) {
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: true,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => config ? findEnvironment(config, inputs.environment, "environment").branch : void 0
    },
    async (opened) => {
      const config = requirePromotionConfig(opened.config, "config", "release (to know the environment and how it lands)");
      const env = findEnvironment(config, inputs.environment, "environment");
      const settings = settingsFor(inputs.settings, env);
      const { snapshot, branch } = opened;
      const file = holdFilePath(env.name);
      const outcome = { environment: env.name, landing: settings.landing, holdFile: "", commitSha: "", dryRun: inputs.dryRun };
      if (!existsSync(join(snapshot.root, file))) {
        info(`${env.name} has no hold (${file}); nothing to release.`);
        return outcome;
      }
      const described = await readHold(snapshot.root, env.name).then(
        (found) => found ? describeHold(found.hold, found.file) : file,
        () => `${file} (which does not parse)`
      );
      info(`Releasing: ${described}.`);
      if (inputs.dryRun) return { ...outcome, holdFile: file };
      if (!branch) throw new InputError("branch", "the checkout is on a detached HEAD; name the branch to push to.");
      const removal = { path: file, content: "", deleted: true };
      const title = `Release the hold on ${env.name}`;
      const message = `${title}

${inputs.reason ? `${inputs.reason}

` : ""}Removes ${file}.${context.run.runUrl ? `

${context.run.runUrl}` : ""}`;
      if (settings.landing === "commit") {
        const landed2 = await landCommit({
          repo: opened.repo,
          snapshot,
          target: { branch, mode: "fast-forward" },
          author: inputs.author,
          apply: (current) => Promise.resolve({ files: existsSync(join(current.root, file)) ? [removal] : [], changes: [], superseded: [] }),
          message: () => message
        });
        return { ...outcome, holdFile: file, commitSha: landed2.commitSha };
      }
      const github = await context.github.connect();
      const body = [
        `Removes the hold on **${env.name}**: ${described}.`,
        "",
        ...inputs.reason ? [`Why: ${inputs.reason}`, ""] : [],
        `Once merged, set-image and promote move ${env.name} again.`,
        "",
        releaseMarker(env.name),
        ""
      ].join("\n");
      const landed = await landPromotionPullRequest(
        opened.repo,
        github,
        snapshot,
        { branch: releaseBranch(env.name), base: branch, marker: releaseMarker(env.name), title, body, files: [removal], message, author: inputs.author },
        { ...settings.pullRequest, labels: [.../* @__PURE__ */ new Set([...settings.pullRequest.labels.filter((label) => label !== "promotion"), "rollback"])] }
      );
      for (const refusal of landed.refusals) warning(`The pull request was made, but ${describeRefusal(refusal)}`);
      return {
        ...outcome,
        holdFile: file,
        commitSha: landed.commitSha,
        pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved }
      };
    }
  );
}
export {
  runRelease
};
