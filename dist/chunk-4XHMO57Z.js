const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  MANIFEST_GENERATE_PATHS,
  argoAppLabel
} from "./chunk-SZ7I6FF2.js";
import {
  checkingMessage,
  relationOf,
  shortSha
} from "./chunk-W3WLHFYS.js";
import {
  require_picomatch
} from "./chunk-NQ32NAFZ.js";
import {
  maskKubeconfig,
  maskSecret
} from "./chunk-WOKMQZGB.js";
import {
  debug
} from "./chunk-NZZWJ5E7.js";
import {
  shortenAtWord
} from "./chunk-BMJ2XMMR.js";
import {
  InputError,
  UserError,
  messageOf
} from "./chunk-KBKTDO2V.js";
import {
  __toESM
} from "./chunk-2QGGJF6Q.js";

// src/controllers/argocd/connect-argocd.ts
import { existsSync, readFileSync } from "node:fs";

// src/controllers/argocd/argocd-http.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
var ArgoHttpError = class extends Error {
  constructor(status, serverMessage) {
    super(`HTTP ${status}${serverMessage ? `: ${serverMessage}` : ""}`);
    this.status = status;
    this.serverMessage = serverMessage;
  }
  status;
  serverMessage;
};
var ArgoNetworkError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
  get isTls() {
    return /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i.test(this.code);
  }
};
function openArgoRequest(connection, options) {
  const url = new URL(options.path, connection.server);
  const secure = url.protocol === "https:";
  const payload = options.body === void 0 ? void 0 : JSON.stringify(options.body);
  const headers = { Accept: "application/json", "User-Agent": "gitops-promote" };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (payload !== void 0) headers["Content-Type"] = "application/json";
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: options.method,
      headers,
      signal: options.signal,
      ...secure ? { ca: connection.ca, rejectUnauthorized: !connection.insecure } : {}
    });
    if (options.timeoutMs) {
      req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: "ETIMEDOUT" })));
    }
    req.on("error", (error) => {
      if (error.name === "AbortError") reject(error);
      else reject(new ArgoNetworkError(error.code ?? "ERR", error.message));
    });
    req.on("response", (response) => {
      const status = response.statusCode ?? 0;
      if (status < 400) {
        resolve(response);
        return;
      }
      readBody(response).then((text) => {
        reject(new ArgoHttpError(status, errorMessage(text)));
      }, reject);
    });
    req.end(payload);
  });
}
async function argoJson(connection, options) {
  const response = await openArgoRequest(connection, options);
  const text = await readBody(response);
  try {
    return JSON.parse(text);
  } catch {
    throw new ArgoHttpError(response.statusCode ?? 0, `not JSON (${shortenAtWord(text, 60)})`);
  }
}
async function readBody(response) {
  let text = "";
  for await (const chunk of response) text += chunk.toString("utf8");
  return text;
}
function errorMessage(text) {
  try {
    const body = JSON.parse(text);
    const reason = body.message ?? body.error ?? "";
    return typeof reason === "string" ? reason : JSON.stringify(reason);
  } catch {
    return /<html/i.test(text) ? "an HTML page (a proxy or the web UI answered, not the API)" : shortenAtWord(text, 120);
  }
}

// src/controllers/argocd/ndjson-lines.ts
async function* readJsonLines(stream) {
  let buffer = "";
  for await (const chunk of stream) {
    buffer += typeof chunk === "string" ? chunk : chunk.toString("utf8");
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const message = parseLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      if (message !== void 0) yield message;
      newline = buffer.indexOf("\n");
    }
  }
}
function parseLine(line) {
  const text = line.trim().replace(/^data:\s*/, "");
  if (text === "" || text.startsWith(":")) return void 0;
  return JSON.parse(text);
}

// src/controllers/argocd/argocd-client.ts
var ArgoTransientError = class extends Error {
};
var ArgoCdClient = class {
  constructor(connection, credentials2) {
    this.connection = connection;
    this.credentials = credentials2;
    if ("token" in credentials2) this.sessionToken = credentials2.token;
  }
  connection;
  credentials;
  /** Requests sent, for the benchmark and the debug log. */
  requestCount = 0;
  sessionToken;
  get authInput() {
    return "token" in this.credentials ? "argocd-token" : "argocd-username";
  }
  /** Username and password become a session token (POST /api/v1/session). */
  async login(signal) {
    if ("token" in this.credentials) return;
    const { username, password } = this.credentials;
    const answer = await this.send({ method: "POST", path: "/api/v1/session", body: { username, password }, signal }, void 0, false);
    if (!answer.token) throw new InputError("argocd-server", "the session endpoint answered without a token.");
    this.sessionToken = answer.token;
  }
  /** Ends a session this client opened; a failure here does not matter to the step. */
  async logout() {
    if ("token" in this.credentials || !this.sessionToken) return;
    await this.send({ method: "DELETE", path: "/api/v1/session", timeoutMs: 5e3 }).catch(() => void 0);
  }
  getApplication(ref, options = {}) {
    const query = appQuery(ref, options.refresh ? { refresh: options.refresh } : {});
    return this.send(
      { method: "GET", path: `/api/v1/applications/${encodeURIComponent(ref.name)}?${query}`, signal: options.signal, timeoutMs: options.timeoutMs },
      ref
    );
  }
  /** Starts a sync to the head of the app's target revision; false when an operation already runs. */
  async syncApplication(ref, signal) {
    const body = { name: ref.name, ...ref.namespace ? { appNamespace: ref.namespace } : {} };
    try {
      await this.send({ method: "POST", path: `/api/v1/applications/${encodeURIComponent(ref.name)}/sync`, body, signal, timeoutMs: 3e4 }, ref);
      return true;
    } catch (error) {
      if (error instanceof UserError && /another operation is already in progress/.test(error.message)) return false;
      throw error;
    }
  }
  /** The app's events from /api/v1/stream/applications, the current state first; ends when the stream does. */
  async *watchApplication(ref, signal) {
    const path = `/api/v1/stream/applications?${appQuery(ref, { name: ref.name })}`;
    const response = await this.call(() => openArgoRequest(this.connection, { method: "GET", path, token: this.sessionToken, signal }), ref);
    try {
      for await (const message of readJsonLines(response)) {
        const { result, error } = message;
        if (error) throw new ArgoTransientError(`the watch stream reported: ${error.message ?? "an error"}`);
        if (result?.application) yield result;
      }
    } catch (error) {
      if (signal.aborted || error instanceof ArgoTransientError) throw error;
      throw new ArgoTransientError(`the watch stream broke (${error.message})`);
    } finally {
      response.destroy();
    }
  }
  send(request, ref, withToken = true) {
    return this.call(() => argoJson(this.connection, { timeoutMs: 6e4, ...request, token: withToken ? this.sessionToken : void 0 }), ref, withToken);
  }
  /** One attempt, plus one more after a fresh login when a password session expired. */
  async call(attempt, ref, mayRelogin = true) {
    this.requestCount++;
    try {
      return await attempt();
    } catch (error) {
      if (mayRelogin && error instanceof ArgoHttpError && error.status === 401 && !("token" in this.credentials)) {
        await this.login();
        this.requestCount++;
        return await attempt().catch((again) => Promise.reject(this.describe(again, ref)));
      }
      throw this.describe(error, ref);
    }
  }
  /** Turns a raw failure into a one-line error naming the input, or a transient error. */
  describe(error, ref) {
    const server = this.connection.server.origin;
    if (error instanceof ArgoNetworkError) {
      if (error.isTls) {
        const input = this.connection.ca ? "argocd-ca" : "argocd-server";
        const hint = this.connection.ca ? "the server certificate does not verify against argocd-ca" : "pass the CA in argocd-ca (or set argocd-insecure: true)";
        return new InputError(input, `TLS error talking to ${server} (${error.code}: ${error.message}); ${hint}.`);
      }
      return new ArgoTransientError(`no answer from ${server} (${error.code}: ${error.message})`);
    }
    if (!(error instanceof ArgoHttpError)) return error instanceof Error ? error : new Error(String(error));
    const app = ref ? `'${argoAppLabel(ref)}'` : "the app";
    switch (error.status) {
      case 401:
        return new InputError(this.authInput, `Argo CD at ${server} refused the credentials (401 ${error.serverMessage || "Unauthorized"}).`);
      case 403:
        return new InputError(
          "argocd-app",
          `Argo CD answered 403 (${error.serverMessage || "permission denied"}) for ${app}: the account may not get it, or it does not exist (Argo CD does not tell them apart).`
        );
      case 404:
        if (!ref) return new InputError("argocd-server", `${server} has no Argo CD API here (404 ${error.serverMessage}); check the URL.`);
        return new InputError(
          "argocd-app",
          `Argo CD has no application ${app}${ref.namespace ? "" : " in its own namespace (write namespace/name for apps in other namespaces)"} (404).`
        );
      default:
        if (error.status >= 500 || error.status === 429 || error.status === 0) return new ArgoTransientError(`${server} answered ${error.message}`);
        return new UserError(`Argo CD refused the request for ${app}: ${error.message}.`);
    }
  }
};
function appQuery(ref, extra) {
  const query = new URLSearchParams(extra);
  if (ref.namespace) query.set("appNamespace", ref.namespace);
  return query.toString();
}

// src/controllers/argocd/connect-argocd.ts
function connectArgoCd(inputs) {
  if (!inputs.server) throw new InputError("argocd-server", "is required to wait on Argo CD applications (for example https://argocd.example.com).");
  const server = parseServer(inputs.server);
  return new ArgoCdClient({ server, ca: readCa(inputs.ca), insecure: inputs.insecure }, credentials(inputs));
}
function parseServer(text) {
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
    return url;
  } catch {
    throw new InputError("argocd-server", `'${text}' is not a URL such as https://argocd.example.com.`);
  }
}
function credentials(inputs) {
  if (inputs.token) {
    maskSecret(inputs.token);
    return { token: inputs.token };
  }
  if (inputs.username || inputs.password) {
    if (!inputs.username) throw new InputError("argocd-username", "is required with argocd-password.");
    if (!inputs.password) throw new InputError("argocd-password", "is required with argocd-username.");
    maskSecret(inputs.password);
    return { username: inputs.username, password: inputs.password };
  }
  throw new InputError("argocd-token", "is required (an Argo CD API token), or argocd-username and argocd-password for a session.");
}
function readCa(value) {
  const text = value.trim();
  if (!text) return void 0;
  if (text.includes("-----BEGIN CERTIFICATE-----")) return text;
  if (existsSync(text)) return readFileSync(text, "utf8");
  throw new InputError("argocd-ca", "expected PEM certificate text (-----BEGIN CERTIFICATE-----) or the path of a PEM file.");
}

// src/controllers/flux/flux-client.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/controllers/flux/flux-types.ts
var RECONCILE_ANNOTATION = "reconcile.fluxcd.io/requestedAt";
var FLUX_RESOURCES = {
  Kustomization: { group: "kustomize.toolkit.fluxcd.io", version: "v1", plural: "kustomizations" },
  HelmRelease: { group: "helm.toolkit.fluxcd.io", version: "v2", plural: "helmreleases" },
  GitRepository: { group: "source.toolkit.fluxcd.io", version: "v1", plural: "gitrepositories" },
  OCIRepository: { group: "source.toolkit.fluxcd.io", version: "v1", plural: "ocirepositories" }
};
function commitOfRevision(revision) {
  if (!revision) return void 0;
  const match = /(?:^|@sha1:|\/)([0-9a-f]{40})$/.exec(revision);
  return match?.[1];
}

// src/controllers/flux/flux-client.ts
var FluxTransientError = class extends Error {
};
var FluxClient = class _FluxClient {
  constructor(lib, config, api, cleanup) {
    this.lib = lib;
    this.config = config;
    this.api = api;
    this.cleanup = cleanup;
  }
  lib;
  config;
  api;
  cleanup;
  requestCount = 0;
  static async open(inputs) {
    const lib = await import("./dist-4DLKN66E.js");
    const config = new lib.KubeConfig();
    let cleanup = () => Promise.resolve();
    if (inputs.kubeconfig) {
      maskKubeconfig(inputs.kubeconfig);
      const folder = await mkdtemp(join(inputs.tempDir, "gitops-promote-kube-"));
      const file = join(folder, "kubeconfig");
      cleanup = () => rm(folder, { recursive: true, force: true });
      await writeFile(file, inputs.kubeconfig, { mode: 384 });
      try {
        config.loadFromFile(file);
      } catch (error) {
        await cleanup();
        throw new InputError("kubeconfig", `is not a valid kubeconfig (${error.message.split("\n")[0]}).`);
      }
    } else {
      config.loadFromDefault();
    }
    if (inputs.context) {
      if (!config.getContextObject(inputs.context)) {
        await cleanup();
        throw new InputError("kube-context", `'${inputs.context}' is not a context of the kubeconfig.`);
      }
      config.setCurrentContext(inputs.context);
    }
    if (!config.getCurrentCluster()) {
      await cleanup();
      throw new InputError("kubeconfig", "no cluster to talk to: pass kubeconfig (a secret) or set KUBECONFIG on the runner.");
    }
    allowPlainHttpServers(config);
    return new _FluxClient(lib, config, config.makeApiClient(lib.CustomObjectsApi), cleanup);
  }
  get server() {
    return this.config.getCurrentCluster()?.server ?? "the cluster";
  }
  async get(ref) {
    const { group, version, plural } = FLUX_RESOURCES[ref.kind];
    return await this.call(
      ref,
      "get",
      () => this.api.getNamespacedCustomObject({ group, version, plural, namespace: ref.namespace, name: ref.name })
    );
  }
  /** Sets `reconcile.fluxcd.io/requestedAt`, as `flux reconcile` does. */
  async requestReconcile(ref, requestedAt) {
    const { group, version, plural } = FLUX_RESOURCES[ref.kind];
    const body = { metadata: { annotations: { [RECONCILE_ANNOTATION]: requestedAt } } };
    const mergePatch = this.lib.setHeaderOptions("Content-Type", this.lib.PatchStrategy.MergePatch);
    await this.call(
      ref,
      "patch",
      () => this.api.patchNamespacedCustomObject({ group, version, plural, namespace: ref.namespace, name: ref.name, body }, mergePatch)
    );
  }
  /** Watches one object from `resourceVersion`; returns a stop function. */
  async watch(ref, resourceVersion, handlers) {
    const { group, version, plural } = FLUX_RESOURCES[ref.kind];
    const path = `/apis/${group}/${version}/namespaces/${ref.namespace}/${plural}`;
    const query = { fieldSelector: `metadata.name=${ref.name}`, allowWatchBookmarks: true, ...resourceVersion ? { resourceVersion } : {} };
    this.requestCount++;
    const controller = await new this.lib.Watch(this.config).watch(
      path,
      query,
      (type, object) => {
        handlers.onEvent(type, object);
      },
      (error) => {
        handlers.onEnd(error);
      }
    );
    return () => {
      controller.abort();
    };
  }
  close() {
    return this.cleanup();
  }
  async call(ref, verb, request) {
    this.requestCount++;
    try {
      return await request();
    } catch (error) {
      throw this.describe(error, ref, verb);
    }
  }
  describe(error, ref, verb) {
    const status = error.code;
    const label = `${ref.kind} ${ref.namespace}/${ref.name}`;
    if (typeof status !== "number") {
      const message = withCauses(error);
      if (/certificate|self[- ]signed|CERT_|TLS|SSL/i.test(message))
        return new InputError("kubeconfig", `TLS error talking to ${this.server}: ${message.split("\n")[0]}`);
      debug(`${label}: ${message}`);
      return new FluxTransientError(`no answer from ${this.server} (${message.split("\n")[0]})`);
    }
    const serverMessage = statusMessage(error.body);
    if (status === 401) return new InputError("kubeconfig", `${this.server} refused the credentials (401 ${serverMessage || "Unauthorized"}).`);
    if (status === 403) {
      const input = verb === "patch" ? "flux-reconcile" : "flux-name";
      return new InputError(
        input,
        `forbidden: ${serverMessage || `may not ${verb} ${label}`} (the kubeconfig's user needs get, list, watch${verb === "patch" ? " and patch" : ""} on ${FLUX_RESOURCES[ref.kind].plural}.${FLUX_RESOURCES[ref.kind].group}).`
      );
    }
    if (status === 404)
      return new InputError(
        ref.kind === "GitRepository" || ref.kind === "OCIRepository" ? "flux-reconcile" : "flux-name",
        `${label} does not exist (404 ${serverMessage}).`
      );
    if (status >= 500 || status === 429) return new FluxTransientError(`${this.server} answered ${status} ${serverMessage}`);
    return new InputError("flux-name", `${label}: the API server answered ${status} ${serverMessage}.`);
  }
};
function allowPlainHttpServers(config) {
  if (!config.clusters.some(isPlainHttp)) return;
  const clusters = config.clusters.map((cluster) => isPlainHttp(cluster) ? { ...cluster, skipTLSVerify: true } : cluster);
  config.loadFromOptions({ clusters, contexts: config.contexts, users: config.users, currentContext: config.getCurrentContext() });
}
var isPlainHttp = (cluster) => cluster.server.startsWith("http:");
function withCauses(error) {
  const parts = [];
  for (let current = error; current !== void 0 && current !== null && parts.length < 4; current = current.cause) {
    const message = messageOf(current);
    if (message && !parts.includes(message)) parts.push(message);
    if (!(current instanceof Error)) break;
  }
  return parts.join(": ") || String(error);
}
function statusMessage(body) {
  try {
    const parsed = typeof body === "string" ? JSON.parse(body) : body;
    return parsed?.message ?? "";
  } catch {
    return shortenAtWord(String(body), 120);
  }
}

// src/controllers/open-controllers.ts
async function openControllers(targets, connections) {
  const controllers = {
    close: async () => {
      await controllers.argocd?.logout();
      await controllers.flux?.close();
    }
  };
  try {
    if (targets.some((target) => target?.controller === "argocd")) {
      controllers.argocd = connectArgoCd(connections.argocd);
      await controllers.argocd.login();
    }
    if (targets.some((target) => target?.controller === "flux")) controllers.flux = await FluxClient.open(connections.flux);
  } catch (error) {
    await controllers.close();
    throw error;
  }
  return controllers;
}

// src/controllers/argocd/manifest-generate-paths.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { posix } from "node:path";
function manifestGeneratePaths(app) {
  const value = app.metadata.annotations?.[MANIFEST_GENERATE_PATHS];
  if (value === void 0 || value === "") return void 0;
  const sources = app.spec?.sources?.length ? app.spec.sources : app.spec?.source ? [app.spec.source] : [];
  return value.split(";").filter((item) => item !== "").flatMap((item) => item.startsWith("/") ? [item.slice(1)] : sources.map((source) => posix.normalize(posix.join(source.path ?? "", item))));
}
function filesTouchPaths(paths, files) {
  const rooted = paths.map(cleanRooted);
  const globs = rooted.map((path) => (0, import_picomatch.default)(goPattern(path), { dot: true, noglobstar: true, nobrace: true, noextglob: true, nonegate: true }));
  return files.some((file) => {
    const absolute = cleanRooted(file);
    return rooted.some((path, index) => absolute === path || absolute.startsWith(path === "/" ? "/" : `${path}/`) || globs[index](absolute));
  });
}
function cleanRooted(path) {
  const clean = posix.normalize(`/${path}`);
  return clean.length > 1 ? clean.replace(/\/+$/, "") : clean;
}
function goPattern(path) {
  return path.replace(/[(){}|+@!]/g, "\\$&");
}

// src/controllers/argocd/judge-argo-application.ts
var BLOCKING_CONDITIONS = ["ComparisonError", "InvalidSpecError"];
function judgeArgoApplication(app, expectation, now) {
  const status = app.status ?? {};
  const sync = status.sync?.status ?? "Unknown";
  const health = status.health?.status ?? "Unknown";
  const revisions = gitRevisions(app);
  const base = { sync, health, revision: revisions.join(","), lookup: [], needsRefresh: false, needsSync: false, degraded: false, revisionBehind: false };
  const waiting = (message, extra = {}) => ({ ...base, state: "waiting", message, ...extra });
  const failed = (message) => ({ ...base, state: "failed", message });
  const condition = status.conditions?.find((candidate) => BLOCKING_CONDITIONS.includes(candidate.type));
  if (condition) return failed(`${condition.type}: ${condition.message ?? "no message"}`);
  const operation = status.operationState;
  const opRelation = operation ? revisionsRelation(operationRevisions(app, operation), expectation.knowledge) : void 0;
  if (operation && (operation.phase === "Failed" || operation.phase === "Error") && (opRelation === "same" || opRelation === "newer")) {
    return failed(`sync ${operation.phase === "Failed" ? "failed" : "ended in error"}: ${operation.message ?? "no message"}`);
  }
  const lookup = revisions.filter((revision) => relationOf(revision, expectation.knowledge) === void 0);
  if (lookup.length > 0)
    return waiting(
      checkingMessage(
        `checking whether ${lookup.map(shortSha).join(", ")} contains ${shortSha(expectation.knowledge.expected)}`,
        lookup,
        expectation.knowledge
      ),
      { lookup }
    );
  const relation = revisions.length === 0 ? "older" : revisionsRelation(revisions, expectation.knowledge);
  if (relation === "unrelated") {
    return failed(
      `runs ${revisions.map(shortSha).join(", ")}, which does not contain ${shortSha(expectation.knowledge.expected)}: the branch moved on without it`
    );
  }
  if (relation === "older" || relation === "unknown") return judgeNotYetThere(app, expectation, base, sync, relation, now);
  if (app.operation) return waiting("a sync operation is queued");
  if (operation && (operation.phase === "Running" || operation.phase === "Terminating"))
    return waiting(`sync ${operation.phase.toLowerCase()}: ${operation.message ?? ""}`.trim());
  if (sync !== "Synced") return waiting(`sync status is ${sync}`, { needsSync: !isAutoSync(app) });
  return judgeHealth(app, expectation, base, now);
}
function judgeHealth(app, expectation, base, now) {
  const status = app.status ?? {};
  const health = base.health;
  const healthMessage = status.health?.message ? `: ${status.health.message}` : "";
  const finished = Date.parse(status.operationState?.finishedAt ?? "");
  const reconciled = Date.parse(status.reconciledAt ?? "");
  if (Number.isFinite(finished) && (!Number.isFinite(reconciled) || reconciled < finished)) {
    return { ...base, state: "waiting", message: "health not yet assessed since the sync ended", needsRefresh: true };
  }
  if (health === "Healthy") return { ...base, state: "done", message: "Synced and Healthy" };
  if (health === "Degraded") {
    const since = expectation.degradedSince ?? now;
    if (now - since >= expectation.degradedGraceMs) return { ...base, state: "failed", message: `health Degraded${healthMessage}` };
    return { ...base, state: "waiting", message: `health Degraded${healthMessage} (grace period)`, degraded: true };
  }
  return { ...base, state: "waiting", message: `health ${health}${healthMessage}` };
}
function judgeNotYetThere(app, expectation, base, sync, relation, now) {
  const expected = shortSha(expectation.knowledge.expected);
  const at = base.revision.split(",").map(shortSha).join(", ");
  const paths = manifestGeneratePaths(app);
  const settled = !app.operation && !["Running", "Terminating"].includes(app.status?.operationState?.phase ?? "");
  if (paths && relation === "older" && expectation.refreshed && sync === "Synced" && settled) {
    const revisions = base.revision.split(",").filter((revision) => relationOf(revision, expectation.knowledge) === "older");
    const known = expectation.knowledge.changedFiles;
    const listed = revisions.map((revision) => known?.get(revision));
    const lookupFiles = revisions.filter((_revision, index) => listed[index] === void 0);
    if (lookupFiles.length > 0)
      return {
        ...base,
        state: "waiting",
        message: checkingMessage(`checking which files changed since ${lookupFiles.map(shortSha).join(", ")}`, lookupFiles, expectation.knowledge),
        lookupFiles,
        revisionBehind: true
      };
    const changed = listed.filter((files) => files !== void 0);
    const shown = paths.join(";");
    if (changed.some((files) => files !== null && filesTouchPaths(paths, files))) {
      return {
        ...base,
        state: "waiting",
        message: `at ${at}, waiting for ${expected}: the commits since changed files under manifest-generate-paths (${shown})`,
        revisionBehind: true
      };
    }
    const checked = revisions.length > 0 && changed.every((files) => files !== null);
    const note = checked ? `manifest-generate-paths (${shown}): the commits up to ${expected} changed nothing under these paths, so Argo CD still reports ${at}` : `manifest-generate-paths (${shown}): Argo CD still reports ${at || "no git revision"} after a refresh; taken as the commits up to ${expected} not touching these paths (their files could not be listed)`;
    const judged = judgeHealth(app, expectation, base, now);
    return judged.state === "done" ? { ...judged, note, message: `${judged.message}; ${note}` } : judged;
  }
  if (relation === "unknown")
    return { ...base, state: "waiting", message: `cannot tell yet whether ${base.revision} contains ${expected}`, revisionBehind: true };
  const needsSync = sync === "OutOfSync" && !app.operation && !isAutoSync(app);
  return { ...base, state: "waiting", message: `at ${at || "no revision"}, waiting for ${expected}`, needsSync, revisionBehind: true };
}
function isChartSource(source) {
  return source.chart !== void 0 || (source.repoURL ?? "").startsWith("oci://");
}
function gitRevisions(app) {
  const sync = app.status?.sync;
  const sources = app.spec?.sources;
  if (sources) {
    return (sync?.revisions ?? []).filter((revision, index) => revision && !isChartSource(sources.at(index) ?? {}));
  }
  if (app.spec?.source && isChartSource(app.spec.source)) return [];
  return sync?.revision ? [sync.revision] : [];
}
function operationRevisions(app, operation) {
  const requested = operation.syncResult?.revisions?.length ? operation.syncResult : operation.operation?.sync;
  const list = requested?.revisions?.length ? requested.revisions : requested?.revision ? [requested.revision] : operation.syncResult?.revision ? [operation.syncResult.revision] : [];
  const sources = app.spec?.sources;
  return sources ? list.filter((revision, index) => revision && !isChartSource(sources[index] ?? {})) : list;
}
function revisionsRelation(revisions, knowledge) {
  const order = ["unrelated", "unknown", "older", "newer", "same"];
  let weakest = "same";
  for (const revision of revisions) {
    const relation = relationOf(revision, knowledge) ?? "unknown";
    if (order.indexOf(relation) < order.indexOf(weakest)) weakest = relation;
  }
  return revisions.length === 0 ? "unknown" : weakest;
}
function isAutoSync(app) {
  return app.spec?.syncPolicy?.automated !== void 0;
}

export {
  judgeArgoApplication,
  isChartSource,
  gitRevisions,
  commitOfRevision,
  ArgoTransientError,
  FluxTransientError,
  openControllers
};
