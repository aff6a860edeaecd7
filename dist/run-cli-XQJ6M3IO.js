const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  run
} from "./chunk-XVQJECBB.js";
import "./chunk-2TLWLIFK.js";
import "./chunk-FSIE4I26.js";
import "./chunk-NZZWJ5E7.js";
import {
  InputError,
  UserError,
  oneLineMessage
} from "./chunk-KBKTDO2V.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-2QGGJF6Q.js";

// src/cli/run-cli.ts
import { readFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// src/cli/human-output.ts
function toHumanLine(line, debug = false) {
  const command = /^::([a-z-]+)((?: [^:]*)?)::(.*)$/.exec(line);
  if (!command) return line;
  const [, name, rawProperties, rawMessage] = command;
  const message = decode(rawMessage);
  const properties = Object.fromEntries(
    rawProperties.trim().split(",").filter((part) => part.includes("=")).map((part) => [part.slice(0, part.indexOf("=")), decode(part.slice(part.indexOf("=") + 1))])
  );
  switch (name) {
    case "error":
    case "warning":
    case "notice": {
      const where = properties.file ? `${properties.file}${properties.line ? `:${properties.line}` : ""}: ` : "";
      return `${name}: ${where}${message}`;
    }
    case "group":
      return `\u25B8 ${message}`;
    case "debug":
      return debug ? `debug: ${message}` : void 0;
    case "endgroup":
    case "add-mask":
    case "set-output":
    case "set-env":
    case "add-path":
    case "save-state":
    case "echo":
    case "add-matcher":
    case "remove-matcher":
      return void 0;
    default:
      return line;
  }
}
function decode(text) {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}
var LineSplitter = class {
  pending = "";
  push(chunk) {
    const lines = (this.pending + chunk).split("\n");
    this.pending = lines.pop() ?? "";
    return lines;
  }
  flush() {
    const rest = this.pending;
    this.pending = "";
    return rest === "" ? [] : [rest];
  }
};
var JSON_OUTPUTS = /* @__PURE__ */ new Set(["images", "report", "apps", "problems", "gates"]);
function outputLines(outputs) {
  const lines = Object.entries(outputs).filter(([, value]) => value !== "").map(([name, value]) => `  ${name}: ${JSON_OUTPUTS.has(name) ? describeJson(value) : value.replace(/\n/g, `
    `)}`);
  return lines.length > 0 ? ["Outputs:", ...lines] : [];
}
function describeJson(value) {
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (Array.isArray(parsed)) return parsed.length === 0 ? "none" : `${parsed.length} ${parsed.length === 1 ? "entry" : "entries"} (--json prints them)`;
  return "a JSON object (--json prints it)";
}
function outputsAsJson(outputs) {
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => {
      if (!JSON_OUTPUTS.has(name) || value === "") return [name, value];
      try {
        return [name, JSON.parse(value)];
      } catch {
        return [name, value];
      }
    })
  );
}

// src/cli/cli-console.ts
var CliConsole = class {
  constructor(mode) {
    this.mode = mode;
    this.stdout = guardedWriter(process.stdout);
    this.stderr = guardedWriter(process.stderr);
  }
  mode;
  splitter = new LineSplitter();
  stdout;
  stderr;
  /** Routes everything written to process.stdout from now on through the log. */
  captureLog() {
    process.stdout.write = (chunk, ...rest) => {
      this.log(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      rest.find((arg) => typeof arg === "function")?.();
      return true;
    };
  }
  /** The text the action would have written to stdout. */
  log(chunk) {
    this.writeLines(this.splitter.push(chunk));
  }
  /** Writes a log line left unfinished. */
  flush() {
    this.writeLines(this.splitter.flush());
  }
  /** The run's result (its outputs): always stdout. */
  result(text) {
    this.stdout(text.endsWith("\n") ? text : `${text}
`);
  }
  /** The CLI's own messages (a bad flag, a help request for an unknown command): stderr. */
  problem(text) {
    this.stderr(text.endsWith("\n") ? text : `${text}
`);
  }
  writeLines(lines) {
    const shown = this.mode.human ? lines.map((line) => toHumanLine(line, this.mode.debug)).filter((line) => line !== void 0) : lines;
    if (shown.length > 0) (this.mode.logToStderr ? this.stderr : this.stdout)(`${shown.join("\n")}
`);
  }
};
function guardedWriter(stream) {
  const write = stream.write.bind(stream);
  let closed = false;
  stream.on("error", (error) => {
    if (closed || error.code === "EPIPE") {
      closed = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (!closed && !stream.destroyed) write(text);
  };
}

// src/cli/command-inputs.ts
var VALIDATION = [
  "kubernetes-version",
  "strict",
  "ignore-missing-schemas",
  "kustomize-args",
  "schema-locations",
  "protected",
  "require-digest"
];
var PULL_REQUEST = ["landing", "reviewers", "team-reviewers", "labels", "assignees", "draft", "auto-merge", "merge-method"];
var COMMIT = ["commit-message", "author-name", "author-email"];
var ARGO_CONNECTION = ["argocd-server", "argocd-token", "argocd-username", "argocd-password", "argocd-ca", "argocd-insecure"];
var COMMAND_INPUTS = {
  "set-image": {
    summary: "Set images in overlays (as kustomize edit set image does) and in the other pins (Argo CD Applications, Helm values, HelmReleases, setter comments), check the render, and land the change as a commit or a pull request.",
    groups: [
      { title: "What to set", inputs: ["images", "overlays", "environment"] },
      { title: "Pins besides overlays", inputs: ["helm-values", "helm-release", "argocd-application", "argocd-helm-parameters", "image-setters"] },
      { title: "Where the config repo is", inputs: ["path", "repository", "branch", "config"] },
      { title: "Checks", inputs: ["allow-downgrade", "allow-tags", "verify-render", "validate", "override-hold"] },
      { title: "The commit", inputs: [...COMMIT, "push", "dry-run"] },
      { title: "Landing by pull request", inputs: PULL_REQUEST },
      { title: "Validation (with validate: true)", inputs: VALIDATION },
      { title: "GitHub", inputs: ["token"] }
    ]
  },
  promote: {
    summary: "Open or update the promotion pull request that carries one environment's images into the next.",
    groups: [
      { title: "What to promote", inputs: ["from", "to", "apps", "source-repository"] },
      { title: "Where the config repo is", inputs: ["path", "repository", "branch", "config"] },
      { title: "Checks", inputs: ["verify-render", "validate", "override-hold"] },
      { title: "The commit", inputs: [...COMMIT, "dry-run"] },
      { title: "Landing", inputs: PULL_REQUEST },
      { title: "Gates (the target environment\u2019s gates: in the config)", inputs: ["fail-on-pending", "controller"] },
      { title: "Gates: Argo CD", inputs: ARGO_CONNECTION },
      { title: "Gates: Flux", inputs: ["kubeconfig", "kube-context", "flux-kind", "flux-namespace"] },
      { title: "Validation (with validate: true)", inputs: VALIDATION },
      { title: "GitHub", inputs: ["token"] }
    ]
  },
  rollback: {
    summary: "Write an environment's earlier images back (the previous ones, a commit's, a date's, or app=version) and put a hold on it.",
    groups: [
      { title: "What to roll back", inputs: ["environment", "to", "reason", "hold-until"] },
      { title: "Where the config repo is", inputs: ["path", "repository", "branch", "config"] },
      { title: "Checks", inputs: ["verify-render", "validate"] },
      { title: "The commit", inputs: ["author-name", "author-email", "dry-run"] },
      { title: "Landing", inputs: PULL_REQUEST },
      { title: "Validation (with validate: true)", inputs: VALIDATION },
      { title: "The PR body's controller state: Argo CD", inputs: ARGO_CONNECTION },
      { title: "The PR body's controller state", inputs: ["controller", "kubeconfig", "kube-context", "flux-kind", "flux-namespace"] },
      { title: "GitHub", inputs: ["token"] }
    ]
  },
  release: {
    summary: "Remove an environment's hold (the file a rollback put), by a commit or a pull request as the environment lands.",
    groups: [
      { title: "What to release", inputs: ["environment", "reason"] },
      { title: "Where the config repo is", inputs: ["path", "repository", "branch", "config"] },
      { title: "The commit", inputs: ["author-name", "author-email", "dry-run"] },
      { title: "Landing", inputs: PULL_REQUEST },
      { title: "GitHub", inputs: ["token"] }
    ]
  },
  validate: {
    summary: "Render overlays with kustomize and check every resource against Kubernetes schemas and the image policy.",
    groups: [
      { title: "What to validate", inputs: ["path", "overlays", "environment", "config", "changed-only", "base-ref", "shard"] },
      { title: "Validation", inputs: VALIDATION },
      { title: "Server dry-run", inputs: ["server-dry-run", "kubeconfig", "kube-context"] },
      { title: "Report", inputs: ["junit-file", "report-file"] }
    ]
  },
  wait: {
    summary: "Block until Argo CD or Flux runs the config-repo commit and the apps are healthy.",
    groups: [
      { title: "What to wait for", inputs: ["revision", "environment", "apps", "controller", "path", "config"] },
      { title: "How long", inputs: ["timeout", "fail-fast", "degraded-grace"] },
      { title: "Controller: Argo CD", inputs: [...ARGO_CONNECTION, "argocd-app", "argocd-refresh", "argocd-sync", "argocd-watch"] },
      { title: "Controller: Flux", inputs: ["kubeconfig", "kube-context", "flux-kind", "flux-name", "flux-namespace", "flux-reconcile"] },
      { title: "GitHub", inputs: ["repository", "token", "deployment", "environment-url", "comment-on-pr"] }
    ]
  },
  "drift-check": {
    summary: "Report environments whose cluster differs from git, and version skew between environments, in one tracking issue.",
    groups: [
      { title: "What to check", inputs: ["environment", "apps", "max-skew", "stale-after", "shard"] },
      { title: "Where the config repo is", inputs: ["path", "repository", "config"] },
      { title: "Report", inputs: ["issue", "fail-on-drift", "report-file"] },
      { title: "Controller: Argo CD", inputs: ARGO_CONNECTION },
      { title: "Controller", inputs: ["controller"] },
      { title: "Controller: Flux", inputs: ["kubeconfig", "kube-context", "flux-kind", "flux-namespace"] },
      { title: "GitHub", inputs: ["token"] }
    ]
  },
  "merge-reports": {
    summary: "Combine the report files of validate or drift-check shards (a matrix) into one summary, one verdict and the command's outputs.",
    groups: [
      { title: "The shards", inputs: ["reports"] },
      { title: "validate shards", inputs: ["junit-file"] },
      { title: "drift-check shards", inputs: ["issue", "fail-on-drift"] },
      { title: "GitHub (the tracking issue)", inputs: ["repository", "token"] }
    ]
  },
  "check-setup": {
    summary: "Check what the token may do on the config repo, and what the promotion config needs of it.",
    groups: [
      { title: "The config repo on GitHub", inputs: ["repository", "config"] },
      { title: "GitHub", inputs: ["token"] }
    ]
  }
};
var CLI_FALLBACKS = {
  token: "$GITHUB_TOKEN, else $GH_TOKEN",
  repository: "$GITHUB_REPOSITORY"
};

// src/cli/help-text.ts
var WIDTH = 100;
function commandListHelp(commands) {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    "Usage: gitops-promote <command> [--input value]... [--json]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, command]) => hanging(`  ${name.padEnd(width)}  `, command.summary)),
    "",
    ...FLAGS_NOTE,
    "",
    "Run gitops-promote <command> --help for the inputs of one command."
  ].join("\n");
}
var FLAGS_NOTE = [
  "Every input of the action is the flag of the same name: a repeated flag adds a line, and a flag",
  "with no value is true. The flags of the CLI itself:",
  "  --json  print the outputs as one JSON object on stdout (the log goes to stderr)",
  "  --help  this text; after a command, that command's inputs"
];
function commandHelp(name, command, actionInputs) {
  const width = Math.max(...command.groups.flatMap((group) => group.inputs.map((input) => input.length + 2)));
  const lines = [hanging("", `gitops-promote ${name}: ${command.summary}`), "", `Usage: gitops-promote ${name} [--input value]... [--json]`];
  for (const group of command.groups) {
    lines.push("", `${group.title}:`);
    for (const input of group.inputs) {
      const declared = actionInputs[input];
      const fallback = defaultOf(input, declared);
      const text = oneLineDescription(declared?.description ?? "", name) + (fallback ? ` Default: ${fallback}.` : "");
      lines.push(hanging(`  ${`--${input}`.padEnd(width)}  `, text));
    }
  }
  lines.push("", ...FLAGS_NOTE);
  return lines.join("\n");
}
function defaultOf(input, declared) {
  return declared?.default && !declared.default.includes("${{") ? declared.default : CLI_FALLBACKS[input];
}
function oneLineDescription(description, command) {
  const sentences = splitTopLevel(description.trim().replace(/\s+/g, " "), ". ").map((sentence) => sentence.replace(/\.$/, ""));
  for (const sentence of sentences) {
    const clauses = splitTopLevel(sentence, "; ");
    const scoped = clauses.map((clause) => scopeOf(clause));
    if (scoped.every((clause) => clause.commands === void 0)) return capitalise(`${sentence}.`);
    const own = scoped.find((clause) => clause.commands?.includes(command));
    if (own) return capitalise(`${own.text}.`);
  }
  return sentences[0] ? capitalise(`${scopeOf(sentences[0]).text}.`) : "";
}
var COMMAND_LIST = /^((?:[a-z][a-z-]*(?: \([^)]*\))?)(?:(?:, and |, | and )[a-z][a-z-]*(?: \([^)]*\))?)*): (.*)$/;
function scopeOf(clause) {
  const match = COMMAND_LIST.exec(clause);
  if (!match) return { text: clause };
  const commands = match[1].replace(/\([^)]*\)/g, "").split(/,? and |, /).map((word) => word.trim());
  return { commands, text: match[2] };
}
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "`") quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && !quoted && text.startsWith(separator, i)) {
      parts.push(text.slice(start, separator === ". " ? i + 1 : i));
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function hanging(prefix, text) {
  const indent = " ".repeat(prefix.length);
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && prefix.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.map((text2, index) => `${index === 0 ? prefix : indent}${text2}`).join("\n").trimEnd();
}

// src/cli/parse-cli-args.ts
function parseCliArgs(argv, knownInputs) {
  const inputs = {};
  let help = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg === "--json") {
      json = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      if (inputs.command !== void 0) {
        throw new InputError("command", `unexpected argument '${arg}'; flags are written --name value.`);
      }
      inputs.command = arg;
      continue;
    }
    const [flag, inlineValue] = splitFlag(arg.slice(2));
    if (!knownInputs.has(flag)) {
      throw new UserError(`unknown flag --${flag}; run with --help to list the flags.`);
    }
    let value = inlineValue;
    if (value === void 0) {
      const next = argv.at(i + 1);
      value = next === void 0 || next.startsWith("--") ? "true" : next;
      if (value !== "true" || next === "true") i++;
    }
    inputs[flag] = inputs[flag] === void 0 ? value : `${inputs[flag]}
${value}`;
  }
  return { inputs, help, json };
}
function splitFlag(text) {
  const eq = text.indexOf("=");
  return eq < 0 ? [text, void 0] : [text.slice(0, eq), text.slice(eq + 1)];
}
function inputVariableName(input) {
  return `INPUT_${input.replace(/ /g, "_").toUpperCase()}`;
}

// src/cli/output-file.ts
function readOutputFile(text) {
  const outputs = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]);
      outputs[name] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

// src/cli/run-cli.ts
function loadActionInputs() {
  const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), ACTION_INPUTS_FILE), "utf8");
  return JSON.parse(text);
}
var ACTION_INPUTS_FILE = "action-inputs.json";
async function runCli(argv) {
  const actionInputs = loadActionInputs();
  const human = process.env.GITHUB_ACTIONS !== "true";
  let request;
  try {
    request = parseCliArgs(argv, new Set(Object.keys(actionInputs)));
  } catch (error) {
    new CliConsole({ human, logToStderr: true, debug: false }).problem(`error: ${oneLineMessage(error)}`);
    process.exitCode = 1;
    return;
  }
  const cli = new CliConsole({ human, logToStderr: request.json, debug: process.env.RUNNER_DEBUG === "1" });
  const command = request.inputs.command;
  if (request.help || command === void 0) {
    showHelp(cli, request, actionInputs);
    return;
  }
  for (const [name, input] of Object.entries(actionInputs)) {
    const value = request.inputs[name] ?? (input.default?.includes("${{") ? "" : input.default) ?? "";
    process.env[inputVariableName(name)] = value;
  }
  const scratch = mkdtempSync(join(tmpdir(), "gitops-promote-cli-"));
  try {
    const outputs = outputFile(scratch);
    if (!process.env.GITHUB_STEP_SUMMARY) writeFileSync(process.env.GITHUB_STEP_SUMMARY = join(scratch, "summary"), "");
    if (!process.env.GITHUB_ENV && human) writeFileSync(process.env.GITHUB_ENV = join(scratch, "env"), "");
    cli.captureLog();
    await run();
    cli.flush();
    showOutputs(cli, request, outputs.read(), { human, callerFile: outputs.callerFile });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
function showHelp(cli, request, actionInputs) {
  const command = request.inputs.command;
  if (command === void 0) {
    if (request.help) cli.result(commandListHelp(COMMAND_INPUTS));
    else {
      cli.problem(commandListHelp(COMMAND_INPUTS));
      process.exitCode = 1;
    }
    return;
  }
  const inputs = Object.hasOwn(COMMAND_INPUTS, command) ? COMMAND_INPUTS[command] : void 0;
  if (!inputs) {
    cli.problem(`error: unknown command '${command}'; expected one of ${Object.keys(COMMAND_INPUTS).join(", ")}.`);
    process.exitCode = 1;
    return;
  }
  cli.result(commandHelp(command, inputs, actionInputs));
}
function outputFile(scratch) {
  const caller = process.env.GITHUB_OUTPUT;
  if (caller) {
    const start = statSync(caller, { throwIfNoEntry: false })?.size ?? 0;
    return { callerFile: true, read: () => readOutputFile(readFileSync(caller).subarray(start).toString("utf8")) };
  }
  const own = join(scratch, "output");
  writeFileSync(process.env.GITHUB_OUTPUT = own, "");
  return { callerFile: false, read: () => readOutputFile(readFileSync(own, "utf8")) };
}
function showOutputs(cli, request, outputs, where) {
  if (request.json) cli.result(JSON.stringify(outputsAsJson(outputs), null, 2));
  else if (where.human) {
    const lines = outputLines(outputs);
    if (lines.length > 0) cli.result(["", ...lines].join("\n"));
  } else if (!where.callerFile && Object.keys(outputs).length > 0) {
    cli.result(
      Object.entries(outputs).map(([name, value]) => `${name}=${value}`).join("\n")
    );
  }
}
export {
  runCli
};
