import type { AppConfig, Environment } from '../config/promotion-config.js';
import type { WorkflowSettings } from '../config/environment-settings.js';
import { judgeArgoApplication, gitRevisions } from '../controllers/argocd/judge-argo-application.js';
import type { ArgoApplication } from '../controllers/argocd/argocd-types.js';
import { configuredTarget, type WaitTarget } from '../controllers/controller-targets.js';
import type { ControllerConnections } from '../controllers/controller-settings.js';
import { judgeFluxObject } from '../controllers/flux/judge-flux-object.js';
import { commitOfRevision, type FluxObject } from '../controllers/flux/flux-types.js';
import { openControllers, type Controllers } from '../controllers/open-controllers.js';
import { shortSha, type ObjectStatus, type RevisionKnowledge, type RevisionRelation } from '../controllers/wait-types.js';
import { oneLineMessage } from '../errors.js';
import type { CarriedImages } from './carried-images.js';
import type { SourceObservation } from './gate-types.js';
import { argoRunningSince, fluxReadySince, historyOf, historyRevision } from './running-since.js';

/** One promoted app: its name and the source overlays' kustomization files (repo-relative). */
export interface PromotedApp {
  app: string;
  files: string[];
}

export interface SourceContext {
  source: Environment;
  apps: readonly AppConfig[];
  settings: WorkflowSettings;
  connections: ControllerConnections;
  images: CarriedImages;
  /** The graph's name for messages (`acme/config`, `the checkout in …`). */
  where: string;
  /** The instant the gates are judged at (ms). */
  now: number;
}

/**
 * Reads each promoted app's controller object in the source environment,
 * as wait and drift-check find it, and judges it the way wait does, once and
 * read-only: no refresh, no sync, no reconcile request. A controller that
 * cannot be reached, or an app none is configured for, is unjudgeable.
 */
export async function observeSource(promoted: readonly PromotedApp[], context: SourceContext): Promise<SourceObservation[]> {
  const targets = promoted.map((app) => ({ app, target: targetOf(app.app, context) }));
  const opened = await openEach(
    targets.map((item) => item.target),
    context.connections,
  );
  try {
    return await Promise.all(
      targets.map(async ({ app, target }) => {
        if (!target) {
          return {
            app: app.app,
            state: 'unjudgeable',
            message: `no controller is configured for it in ${context.source.name} (controller, and argocd-app or flux-name, in the promotion config)`,
          } satisfies SourceObservation;
        }
        const failure = opened.failures.get(target.controller);
        if (failure) return { app: app.app, object: target.label, state: 'unjudgeable', message: failure } satisfies SourceObservation;
        return observeApp(app, target, opened.controllers, context);
      }),
    );
  } finally {
    await opened.controllers.close();
  }
}

function targetOf(app: string, context: SourceContext): WaitTarget | undefined {
  if (app === '') return undefined;
  const config = context.apps.find((candidate) => candidate.name === app) ?? { name: app, images: [], environments: {} };
  try {
    return configuredTarget(config, context.source, context.settings);
  } catch {
    return undefined;
  }
}

/** Each controller is opened on its own, so an Argo CD that cannot be reached leaves the Flux apps judgeable. */
async function openEach(
  targets: ReadonlyArray<WaitTarget | undefined>,
  connections: ControllerConnections,
): Promise<{ controllers: Controllers; failures: Map<string, string> }> {
  const failures = new Map<string, string>();
  const parts: Controllers[] = [];
  for (const controller of ['argocd', 'flux'] as const) {
    if (!targets.some((target) => target?.controller === controller)) continue;
    try {
      parts.push(await openControllers([{ controller }], connections));
    } catch (error) {
      failures.set(controller, `${controller === 'argocd' ? 'Argo CD' : 'the Flux cluster'} could not be reached: ${oneLineMessage(error)}`);
    }
  }
  const controllers: Controllers = {
    argocd: parts.find((part) => part.argocd)?.argocd,
    flux: parts.find((part) => part.flux)?.flux,
    close: async () => {
      for (const part of parts) await part.close();
    },
  };
  return { controllers, failures };
}

async function observeApp(app: PromotedApp, target: WaitTarget, controllers: Controllers, context: SourceContext): Promise<SourceObservation> {
  const base = { app: app.app, object: target.label };
  let object: ArgoApplication | FluxObject;
  try {
    object = await readObject(target, controllers);
  } catch (error) {
    return { ...base, state: 'unjudgeable', message: `could not be read: ${oneLineMessage(error)}` };
  }
  const revisions = target.controller === 'argocd' ? argoRevisions(object as ArgoApplication) : fluxRevisions(object as FluxObject);
  const knowledge = await learn(revisions, app.files, context.images);
  // Only what the object runs now must be a commit of the repo: an old history entry may predate a rewrite.
  const current = target.controller === 'argocd' ? gitRevisions(object as ArgoApplication) : fluxRevisions(object as FluxObject).slice(0, 1);
  const unknown = current.filter((revision) => knowledge.relations.get(revision) === 'unknown');
  const judged: ObjectStatus =
    target.controller === 'argocd'
      ? judgeArgoApplication(object as ArgoApplication, { knowledge, degradedGraceMs: 0, refreshed: false }, context.now)
      : judgeFluxObject(object as FluxObject, { knowledge });
  const seen = { ...base, revision: judged.revision, sync: judged.sync, health: judged.health };
  if (unknown.length > 0 && judged.state !== 'failed') {
    return { ...seen, state: 'unjudgeable', message: `reports ${unknown.map(shortSha).join(', ')}, which is not a commit of ${context.where}` };
  }
  if (judged.state === 'failed') return { ...seen, state: 'failed', message: judged.message };
  if (judged.state === 'waiting') return { ...seen, state: 'waiting', message: waitingMessage(judged, knowledge, context.images.source) };
  if ((object as FluxObject).kind === 'HelmRelease') {
    return { ...seen, state: 'unjudgeable', message: 'a HelmRelease reports chart versions, not config-repo commits: which images it runs cannot be told' };
  }
  const runningSince =
    target.controller === 'argocd' ? await argoRunningSince(object as ArgoApplication, app.files, context.images) : fluxReadySince(object as FluxObject);
  const imagesCommit = await context.images.broughtIn(app.files);
  return { ...seen, state: 'healthy', message: judged.message, runningSince, imagesCommit };
}

/** The object, read once: no refresh, no reconcile request. */
async function readObject(target: WaitTarget, controllers: Controllers): Promise<ArgoApplication | FluxObject> {
  if (target.controller === 'argocd') {
    if (!controllers.argocd) throw new Error('no Argo CD connection was opened');
    return controllers.argocd.getApplication(target.ref, { timeoutMs: 30_000 });
  }
  if (!controllers.flux) throw new Error('no Kubernetes connection was opened');
  return controllers.flux.get(target);
}

/** A later commit with other images than this promotion's reads as "waiting" to the judge; say what it is. */
function waitingMessage(judged: ObjectStatus, knowledge: Knowledge, source: string): string {
  const later = judged.revision.split(',').filter((revision) => knowledge.laterWithOtherImages.has(revision));
  if (later.length === 0) return judged.message;
  return `runs ${later.map(shortSha).join(', ')}, a later commit than ${shortSha(source)} with other images; promote again to carry those`;
}

interface Knowledge extends RevisionKnowledge {
  relations: Map<string, RevisionRelation>;
  laterWithOtherImages: Set<string>;
}

/**
 * How each revision stands to the promotion: one that carries exactly the
 * promoted images counts as the source commit (`newer`, which the judges
 * accept), whichever side of it it lies; an older one with other images is
 * not there yet; a later one with other images is not there either (the
 * source moved on: a new promotion carries those).
 */
async function learn(revisions: readonly string[], files: readonly string[], images: CarriedImages): Promise<Knowledge> {
  const knowledge: Knowledge = { expected: images.source, relations: new Map(), laterWithOtherImages: new Set() };
  for (const revision of new Set(revisions)) {
    if (revision === images.source) continue;
    const relation = await images.relation(revision);
    if (relation === undefined || relation === 'unrelated') {
      knowledge.relations.set(revision, relation === undefined ? 'unknown' : 'unrelated');
      continue;
    }
    if (await images.carries(revision, files)) knowledge.relations.set(revision, 'newer');
    else {
      knowledge.relations.set(revision, 'older');
      if (relation === 'descendant') knowledge.laterWithOtherImages.add(revision);
    }
  }
  return knowledge;
}

function argoRevisions(app: ArgoApplication): string[] {
  const operation = app.status?.operationState;
  const fromOperation = [operation?.syncResult?.revision, ...(operation?.syncResult?.revisions ?? []), operation?.operation?.sync?.revision];
  const fromHistory = historyOf(app).map((entry) => historyRevision(entry, app));
  return [...gitRevisions(app), ...fromOperation, ...fromHistory].filter((revision): revision is string =>
    Boolean(revision && /^[0-9a-f]{40}$/.test(revision)),
  );
}

function fluxRevisions(object: FluxObject): string[] {
  return [commitOfRevision(object.status?.lastAppliedRevision), commitOfRevision(object.status?.lastAttemptedRevision)].filter((revision): revision is string =>
    Boolean(revision),
  );
}
