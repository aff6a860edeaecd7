const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/errors.ts
var UserError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UserError";
  }
};
var InputError = class extends UserError {
  constructor(input, problem) {
    super(`Input '${input}': ${problem}`);
    this.input = input;
    this.name = "InputError";
  }
  input;
};
var ReportedFailure = class extends UserError {
  constructor(message) {
    super(message);
    this.name = "ReportedFailure";
  }
};
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
function oneLineMessage(error) {
  const text = messageOf(error);
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}
function yamlErrorText(error) {
  const first = messageOf(error).split("\n")[0].trim();
  const place = /^(.*?)\s+at line (\d+), column (\d+):?$/.exec(first);
  return place ? `${place[1]} (line ${place[2]}, column ${place[3]})` : first.replace(/:$/, "");
}

export {
  UserError,
  InputError,
  ReportedFailure,
  messageOf,
  oneLineMessage,
  yamlErrorText
};
