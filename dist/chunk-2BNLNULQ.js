const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  warningOnce
} from "./chunk-7ASTRFFL.js";
import {
  endGroup,
  group,
  info,
  startGroup
} from "./chunk-NZZWJ5E7.js";
import {
  pinLabel
} from "./chunk-BQBMBEAG.js";
import {
  runProcess
} from "./chunk-QBU2F7BR.js";

// src/checks/check-edits.ts
import { writeFile } from "node:fs/promises";
async function checkEdits(root, edits, checks, title = "Validating the edited overlays", given) {
  const verified = { render: false, validation: false };
  if (edits.length === 0 || !checks.verifyRender && !checks.validation) return verified;
  const [{ RenderCache }, { verifyRenderedImages }] = await Promise.all([import("./render-cache-VD4OFH7A.js"), import("./verify-render-XGF6D3Y7.js")]);
  const renders = given ?? new RenderCache();
  const overlayEdits = edits.filter((edit) => !edit.pins);
  const unrendered = checks.verifyRender ? await checkPinEffectsOf(root, edits) : [];
  await Promise.all(overlayEdits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.text)));
  try {
    if (checks.verifyRender) {
      await verifyRenderedImages(overlayEdits, checks.renderGuard, renders);
      verified.render = unrendered.length === 0;
      if (unrendered.length > 0) verified.renderNote = `${namePins(unrendered)}: checked without a render; see the run's warnings`;
    }
    if (checks.validation && overlayEdits.length > 0) {
      await validateOrFail(
        root,
        overlayEdits.map((edit) => edit.overlay),
        checks.validation,
        title,
        checks.workspace,
        renders
      );
      verified.validation = true;
    }
  } finally {
    await Promise.all(overlayEdits.map((edit) => writeFile(edit.overlay.absoluteFile, edit.original)));
  }
  return verified;
}
async function checkPinEffectsOf(root, edits) {
  const pinEdits = edits.flatMap((edit) => (edit.pins ?? []).map(({ pin, changes }) => ({ pin, original: edit.original, text: edit.text, changes })));
  if (pinEdits.length === 0) return [];
  const { checkPinEffects } = await import("./check-pin-effects-HDF2N2PN.js");
  const report = await checkPinEffects(root, pinEdits);
  for (const warning of groupedWarnings(report.pins)) warningOnce(warning);
  return report.pins.filter((effect) => effect.verified !== "render" && effect.verified !== "helm-template").map((effect) => pinLabel(effect.pin));
}
var NAMED_PINS = 3;
function groupedWarnings(effects) {
  const byRest = /* @__PURE__ */ new Map();
  const lines = [];
  for (const effect of effects) {
    const label = pinLabel(effect.pin);
    for (const warning of effect.warnings) {
      if (!warning.startsWith(`${label}: `)) {
        lines.push(warning);
        continue;
      }
      const rest = warning.slice(label.length + 2);
      byRest.set(rest, [...byRest.get(rest) ?? [], label]);
    }
  }
  for (const [rest, labels] of byRest) lines.push(`${namePins(labels)}: ${rest}`);
  return lines;
}
function namePins(labels) {
  if (labels.length <= NAMED_PINS) return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1) ?? ""}`;
  return `${labels.slice(0, NAMED_PINS).join(", ")} and ${labels.length - NAMED_PINS} more pins`;
}
async function validateOrFail(root, overlays, settings, title, workspace, renders) {
  const [{ validateOverlays }, { annotate, validationFailure, writeValidationSummary }] = await Promise.all([
    import("./validate-overlays-HKEEH7J3.js"),
    import("./validation-output-5TPNBIUH.js")
  ]);
  const report = await group(title, () => validateOverlays(overlays, { ...settings, repoRoot: root, policyFor: () => settings.policy, renders }));
  annotate(report, root, workspace);
  const failure = validationFailure(report);
  if (failure) {
    await writeValidationSummary(report);
    throw failure;
  }
}

// src/report/text-diff.ts
import { mkdtemp, mkdir, rm, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
async function unifiedDiff(changes) {
  const scratch = await mkdtemp(join(tmpdir(), "gitops-promote-diff-"));
  try {
    for (const change of changes) {
      for (const [side, text] of [
        ["a", change.before],
        ["b", change.after]
      ]) {
        const target = join(scratch, side, change.file);
        await mkdir(dirname(target), { recursive: true });
        await writeFile2(target, text);
      }
    }
    const result = await runProcess("git", ["diff", "--no-index", "--no-color", "--no-prefix", "a", "b"], { cwd: scratch });
    return result.stdout.replace(/^(---|\+\+\+) [ab]\//gm, "$1 ");
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
async function showDiffs(edits) {
  const diff = await unifiedDiff(edits.map((edit) => ({ file: edit.overlay.file, before: edit.original, after: edit.text })));
  startGroup("Changes (dry run, nothing written)");
  info(diff);
  endGroup();
}

export {
  checkEdits,
  unifiedDiff,
  showDiffs
};
