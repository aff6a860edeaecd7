const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  UserError,
  yamlErrorText
} from "./chunk-KBKTDO2V.js";
import {
  require_dist
} from "./chunk-54KBGAUC.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/holds/hold-file.ts
var import_yaml = __toESM(require_dist(), 1);
var HOLDS_FOLDER = ".gitops-promote/holds";
var holdFilePath = (environment) => `${HOLDS_FOLDER}/${environment}.yaml`;
var KEYS = ["environment", "who", "when", "why", "until", "restores"];
function formatHold(hold) {
  const lines = [
    "# A hold on this environment, put by gitops-promote rollback: set-image and promote refuse to move it",
    "# (unless override-hold: true) until `release` removes this file or `until` passes."
  ];
  for (const key of KEYS) {
    const value = hold[key];
    if (value !== void 0) lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  return `${lines.join("\n")}
`;
}
function parseHold(text, file, environment) {
  const fail = (problem) => {
    throw new UserError(`The hold file ${file} ${problem}; fix it, or remove it with the release command.`);
  };
  const document = (0, import_yaml.parseDocument)(text);
  if (document.errors.length > 0) fail(`is not valid YAML: ${yamlErrorText(document.errors[0])}`);
  const data = document.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) fail("is not a mapping of who, when, why and until");
  const fields = data;
  const unknown = Object.keys(fields).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) fail(`has an unknown key '${unknown[0]}' (expected ${KEYS.join(", ")})`);
  const field = (key) => {
    const value = fields[key];
    if (value === void 0 || value === null) return void 0;
    if (typeof value === "string") return value;
    if (typeof value === "number") return String(value);
    return fail(`has a '${key}' that is not a string`);
  };
  const who = field("who") ?? fail("has no 'who'");
  const when = field("when") ?? fail("has no 'when' date (ISO 8601)");
  if (Number.isNaN(Date.parse(when))) fail(`has a 'when' that is not a date: '${when}'`);
  const until = field("until");
  if (until !== void 0 && Number.isNaN(Date.parse(until))) fail(`has an 'until' that is not a date: '${until}'`);
  const restores = field("restores");
  return {
    environment: field("environment") ?? environment,
    who,
    when,
    why: field("why") ?? "",
    ...until !== void 0 ? { until } : {},
    ...restores !== void 0 ? { restores } : {}
  };
}
function holdStands(hold, now) {
  return hold.until === void 0 || Date.parse(hold.until) > now;
}
function describeHold(hold, file) {
  const why = hold.why ? `: ${hold.why}` : "";
  const until = hold.until ? `, until ${hold.until}` : "";
  return `environment '${hold.environment}' is on hold since ${hold.when} by ${hold.who}${why}${until} (${file})`;
}
function holdRefusal(hold, file, command) {
  return `${command} refused: ${describeHold(hold, file)}. Run release to lift the hold, or set override-hold: true to move it anyway.`;
}
function holdUntilDate(until, now) {
  if (!until) return void 0;
  return new Date(until.kind === "date" ? until.at : now + until.ms).toISOString();
}

export {
  holdFilePath,
  formatHold,
  parseHold,
  holdStands,
  describeHold,
  holdRefusal,
  holdUntilDate
};
