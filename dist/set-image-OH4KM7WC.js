const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
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
  readCommitIdentity,
  readGitHubTarget
} from "./chunk-OB7VWS3F.js";
import "./chunk-OENRT2KS.js";
import {
  DEFAULT_COMMIT_MESSAGE
} from "./chunk-A3ILHU6A.js";
import "./chunk-42JSCESC.js";
import {
  readBoolean,
  readList,
  readRegExp,
  readString
} from "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-WOKMQZGB.js";
import {
  exportVariable
} from "./chunk-NZZWJ5E7.js";
import "./chunk-ZPRKAVRY.js";
import {
  parseImageArguments
} from "./chunk-6OONQOCK.js";
import "./chunk-TTI4HSH7.js";
import {
  InputError
} from "./chunk-KBKTDO2V.js";
import {
  COMMIT_SHA_VARIABLE,
  DEFAULT_IMAGE_PATHS,
  PIN_KINDS
} from "./chunk-OKDCWDB5.js";
import "./chunk-2QGGJF6Q.js";

// src/inputs/pin-inputs.ts
var PIN_INPUTS = PIN_KINDS;
var IMAGE_PARTS = ["repository", "tag", "digest", "reference"];
var SELF_DESCRIBING = ["argocd-application", "image-setters"];
function readPinInputs() {
  return PIN_INPUTS.flatMap((kind) => readList(kind).map((text) => parsePinInput(kind, text)));
}
function parsePinInput(kind, text) {
  const source = text.trim();
  const hash = source.indexOf("#");
  const head = hash < 0 ? source : source.slice(0, hash);
  const where = hash < 0 ? "" : source.slice(hash + 1).trim();
  const eq = head.indexOf("=");
  const name = eq < 0 ? "" : head.slice(0, eq).trim();
  const file = (eq < 0 ? head : head.slice(eq + 1)).trim().replace(/^\.\//, "");
  if (!file)
    throw new InputError(kind, `'${source}' names no file; write ${kind === "helm-values" ? "environments/production/values.yaml#image.tag" : "a path"}.`);
  if (SELF_DESCRIBING.includes(kind) && (name || where)) {
    throw new InputError(kind, `'${source}': ${kind} says in its file which images it holds; give the file alone.`);
  }
  const images = SELF_DESCRIBING.includes(kind) ? [] : [{ name, paths: where ? pathsOf(kind, source, where) : DEFAULT_IMAGE_PATHS }];
  return { kind, file, images, digestInTag: false, origin: `Input '${kind}'` };
}
function pathsOf(kind, source, where) {
  if (where.includes("=")) {
    const paths = {};
    for (const pair of where.split(",")) {
      const [part, path] = pair.split("=").map((piece) => piece.trim());
      if (!IMAGE_PARTS.includes(part) || !path) {
        throw new InputError(kind, `'${source}': '${pair}' is not one of ${IMAGE_PARTS.map((p) => `${p}=<path>`).join(", ")}.`);
      }
      paths[part] = path;
    }
    return paths;
  }
  if (/(^|\.)tag$/.test(where)) return { tag: where };
  return { repository: `${where}.repository`, tag: `${where}.tag`, digest: `${where}.digest` };
}
function nameInputPins(pins, imageNames) {
  return pins.map((pin) => {
    if (pin.images.every((image) => image.name)) return pin;
    if (imageNames.length === 1) {
      return { ...pin, images: pin.images.map((image) => image.name ? image : { ...image, name: imageNames[0], nameFromArgument: true }) };
    }
    const blind = pin.images.find((image) => !image.name && !image.paths.repository && !image.paths.reference);
    if (blind) {
      throw new InputError(pin.kind, `${pin.file} names no repository path, and images sets ${imageNames.length}; say which it holds: web=${pin.file}#\u2026`);
    }
    return pin;
  });
}

// src/commands/set-image.ts
var setImageCommand = {
  readInputs(run) {
    const github = readGitHubTarget(run);
    const location = readRepoLocation(github);
    const overlays = readList("overlays");
    const pins = readPinInputs();
    const environment = readString("environment").trim();
    const images = parseImageArguments(readList("images"));
    const inputs = {
      location,
      overlays,
      pins: nameInputPins(
        pins,
        images.map((image) => image.name)
      ),
      environment,
      images,
      push: readBoolean("push", true),
      branch: readString("branch").trim(),
      commitMessage: readString("commit-message", DEFAULT_COMMIT_MESSAGE),
      author: readCommitIdentity(),
      allowDowngrade: readBoolean("allow-downgrade", false),
      allowTags: readRegExp("allow-tags"),
      verifyRender: readBoolean("verify-render", true),
      validation: readBoolean("validate", false) ? readSchemaSettings() : void 0,
      dryRun: readBoolean("dry-run", false),
      settings: readWorkflowSettings(),
      overrideHold: readBoolean("override-hold", false)
    };
    const context = {
      github: new GitHubAccess(github, run, "to land set-image through the GitHub API or a pull request"),
      configFile: readConfigFile(),
      run
    };
    return { inputs, context };
  },
  run: async ({ inputs, context }) => (await import("./run-set-image-6JUD6RTT.js")).runSetImage(inputs, context),
  async report(outcome) {
    const [{ setImageOutputs, setImageSummaryMarkdown }, { setOutputs, writeSummary }] = await Promise.all([
      import("./set-image-summary-6H5LYVCY.js"),
      import("./job-summary-CLC44BB5.js")
    ]);
    setOutputs(setImageOutputs(outcome));
    if (outcome.commitSha && outcome.pushed) exportVariable(COMMIT_SHA_VARIABLE, outcome.commitSha);
    await writeSummary(setImageSummaryMarkdown(outcome));
  }
};
export {
  setImageCommand
};
