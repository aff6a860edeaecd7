const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  codeCell,
  markdownTable
} from "./chunk-MJQOG5ZV.js";
import {
  formatImageReference
} from "./chunk-TTI4HSH7.js";

// src/report/overlay-changes.ts
function describeEntry(name, values) {
  return formatImageReference({ name: values.newName || name, tag: values.newTag, digest: values.digest });
}
function toOverlayChange(overlay, file, change) {
  return {
    overlay,
    file,
    image: change.name,
    old: change.before ? describeEntry(change.name, change.before) : "",
    new: describeEntry(change.name, change.after),
    before: change.before,
    after: change.after
  };
}
function imagesOutput(changes, extra = () => ({})) {
  return JSON.stringify(
    changes.map((change) => ({ ...extra(change), overlay: change.overlay, file: change.file, image: change.image, old: change.old, new: change.new }))
  );
}
function changedBy(outcome) {
  if (outcome.dryRun) return outcome.changes.length > 0;
  if (outcome.pullRequest) return outcome.pullRequest.moved;
  return outcome.commitSha !== "";
}
function referenceCell(reference) {
  return reference ? codeCell(reference) : "<em>(new entry)</em>";
}
function changesTable(changes, heading) {
  return markdownTable(
    ["Overlay", "Image", heading],
    changes.map((change) => [codeCell(change.overlay), codeCell(change.image), `${referenceCell(change.old)} \u2192 ${referenceCell(change.new)}`])
  );
}

export {
  toOverlayChange,
  imagesOutput,
  changedBy,
  changesTable
};
