const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/report/commit-message.ts
var DEFAULT_COMMIT_MESSAGE = [
  "Set {images} in {overlays}",
  "",
  "{changes}",
  "",
  "App commit: {repository}@{sha}",
  "Run: {run-url}",
  "Triggered by: {actor}"
].join("\n");
function renderCommitMessage(template, changes, context) {
  const images = [...new Set(changes.map((change) => `${change.image}=${change.new}`))];
  const overlays = [...new Set(changes.map((change) => change.overlay))];
  const values = {
    images: images.length <= 3 ? images.join(", ") : `${images.length} images`,
    overlays: overlays.length <= 3 ? overlays.join(", ") : `${overlays.length} overlays`,
    changes: changes.map((change) => `- ${change.overlay}: ${change.image} ${change.old || "(new entry)"} -> ${change.new}`).join("\n"),
    sha: context.sha,
    actor: context.actor,
    repository: context.workflowRepository,
    "run-url": context.runUrl
  };
  const lines = template.split("\n").flatMap((line) => {
    const names = [...line.matchAll(/\{([a-z-]+)\}/g)].map((match) => match[1]).filter((name) => name in values);
    if (names.length > 0 && names.every((name) => values[name] === "")) return [];
    return [line.replace(/\{([a-z-]+)\}/g, (whole, name) => values[name] ?? whole)];
  });
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

export {
  DEFAULT_COMMIT_MESSAGE,
  renderCommitMessage
};
