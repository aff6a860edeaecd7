const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  commitOfRevision
} from "./chunk-4XHMO57Z.js";
import {
  checkingMessage,
  relationOf,
  shortSha
} from "./chunk-W3WLHFYS.js";

// src/controllers/flux/judge-flux-object.ts
var FAILURE_REASONS = /* @__PURE__ */ new Set([
  "ArtifactFailed",
  "BuildFailed",
  "HealthCheckFailed",
  "ReconciliationFailed",
  "PruneFailed",
  "InvalidCELExpression",
  "AccessDenied",
  "InstallFailed",
  "UpgradeFailed",
  "TestFailed",
  "RollbackSucceeded",
  "RollbackFailed",
  "UninstallSucceeded",
  "UninstallFailed",
  "InitFailed",
  "GetLastReleaseFailed",
  "ArtifactNotReady",
  "ValuesError",
  "RetriesExceeded"
]);
function judgeFluxObject(object, expectation) {
  const conditions = object.status?.conditions ?? [];
  const ready = condition(conditions, "Ready");
  const sync = ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ""}` : "Ready=Unknown";
  const isHelm = object.kind === "HelmRelease";
  const applied = commitOfRevision(object.status?.lastAppliedRevision);
  const attempted = commitOfRevision(object.status?.lastAttemptedRevision);
  const revision = isHelm ? object.status?.lastAttemptedRevision ?? "" : applied ?? object.status?.lastAppliedRevision ?? "";
  const health = healthOf(object, conditions);
  const base = { sync, health, revision, lookup: [] };
  const waiting = (message) => ({ ...base, state: "waiting", message });
  const failed = (message) => ({ ...base, state: "failed", message });
  const lookup = [applied, attempted].filter((sha) => sha !== void 0 && relationOf(sha, expectation.knowledge) === void 0);
  if (lookup.length > 0)
    return {
      ...waiting(
        checkingMessage(
          `checking whether ${lookup.map(shortSha).join(", ")} contains ${shortSha(expectation.knowledge.expected)}`,
          lookup,
          expectation.knowledge
        )
      ),
      lookup: [...new Set(lookup)]
    };
  const stalled = condition(conditions, "Stalled");
  if (stalled?.status === "True") return failed(`Stalled${stalled.reason ? ` (${stalled.reason})` : ""}: ${stalled.message ?? "no message"}`);
  if (object.spec?.suspend) return waiting("suspended (spec.suspend: true): Flux will not apply anything");
  const current = object.status?.observedGeneration === object.metadata.generation;
  const attemptedRelation = attempted ? relationOf(attempted, expectation.knowledge) : void 0;
  const aboutExpected = isHelm ? current : attemptedRelation === "same" || attemptedRelation === "newer";
  if (ready?.status === "False" && FAILURE_REASONS.has(ready.reason ?? "") && aboutExpected) {
    return failed(`${ready.reason}: ${ready.message ?? "no message"}`);
  }
  const appliedRelation = applied ? relationOf(applied, expectation.knowledge) : void 0;
  if (applied && appliedRelation === "unrelated" && (!attempted || attemptedRelation === "unrelated")) {
    return failed(`applied ${shortSha(applied)}, which does not contain ${shortSha(expectation.knowledge.expected)}: the branch moved on without it`);
  }
  const readyNow = ready?.status === "True" && current && (ready.observedGeneration === void 0 || ready.observedGeneration === object.metadata.generation);
  if (expectation.requestedAt && object.status?.lastHandledReconcileAt !== expectation.requestedAt) {
    return waiting("the reconcile request has not been handled yet");
  }
  if (isHelm) {
    if (!readyNow) return waiting(ready?.message ?? "not ready");
    return {
      ...base,
      state: "done",
      message: ready.message ?? "Ready",
      note: "a HelmRelease reports chart versions, not config-repo commits: judged on Ready for the current generation"
    };
  }
  if (appliedRelation !== "same" && appliedRelation !== "newer") {
    const at = applied ? `applied ${shortSha(applied)}` : "nothing applied yet";
    return waiting(`${at}, waiting for ${shortSha(expectation.knowledge.expected)}${ready?.message ? ` (${ready.message})` : ""}`);
  }
  if (!readyNow) return waiting(ready?.message ?? (current ? "not ready" : "status is older than the spec (observedGeneration)"));
  if (health === "Applied") {
    return { ...base, state: "done", message: ready.message ?? "Ready", note: "no spec.wait or spec.healthChecks: Ready means applied, not healthy" };
  }
  return { ...base, state: "done", message: ready.message ?? "Ready" };
}
function condition(conditions, type) {
  return conditions.find((candidate) => candidate.type === type);
}
function healthOf(object, conditions) {
  const ready = condition(conditions, "Ready");
  const checksHealth = object.kind === "HelmRelease" || object.spec?.wait === true || (object.spec?.healthChecks?.length ?? 0) > 0;
  const healthy = condition(conditions, "Healthy");
  if (ready?.status === "True") return checksHealth ? "Healthy" : "Applied";
  if (healthy?.status === "False" || ready?.reason === "HealthCheckFailed") return "Degraded";
  if (ready?.status === "Unknown" || condition(conditions, "Reconciling")?.status === "True") return "Progressing";
  return ready?.status === "False" ? "Degraded" : "Unknown";
}

export {
  judgeFluxObject
};
