import type { ArgoApplication } from '../controllers/argocd/argocd-types.js';
import { isChartSource } from '../controllers/argocd/judge-argo-application.js';
import type { FluxObject } from '../controllers/flux/flux-types.js';
import type { CarriedImages } from './carried-images.js';

/** Since when a controller has run the promoted images, as it reports it; the soak gate counts from the later of this and the images' commit. */

type HistoryEntry = { revision?: string; revisions?: string[]; deployedAt?: string };

export const historyOf = (app: ArgoApplication): HistoryEntry[] => (app.status as { history?: HistoryEntry[] } | undefined)?.history ?? [];

/** The config-repo revision of a history entry: the first git source's, for a multi-source app. */
export function historyRevision(entry: HistoryEntry, app: ArgoApplication): string | undefined {
  if (!entry.revisions?.length) return entry.revision;
  const sources = app.spec?.sources ?? [];
  return entry.revisions.find((_revision, index) => !isChartSource(sources[index] ?? {}));
}

/**
 * Since when Argo CD has run these images: the end of the last sync
 * (operationState.finishedAt), or the history's deployedAt, walked back
 * over deployments that carried the same images; never earlier than the
 * health's last transition, when Argo CD reports one.
 */
export async function argoRunningSince(app: ArgoApplication, files: readonly string[], images: CarriedImages): Promise<number | undefined> {
  const operation = app.status?.operationState;
  const deployments: Array<{ revision: string | undefined; at: number }> = historyOf(app)
    .map((entry) => ({ revision: historyRevision(entry, app), at: Date.parse(entry.deployedAt ?? '') }))
    .reverse();
  if (operation?.phase === 'Succeeded') {
    const sources = app.spec?.sources ?? [];
    const revision = operation.syncResult?.revisions?.find((_revision, index) => !isChartSource(sources[index] ?? {})) ?? operation.syncResult?.revision;
    deployments.unshift({ revision, at: Date.parse(operation.finishedAt ?? '') });
  }
  let since: number | undefined;
  for (const deployment of deployments) {
    if (!deployment.revision || !Number.isFinite(deployment.at) || !(await images.carries(deployment.revision, files))) break;
    since = deployment.at;
  }
  const healthSince = Date.parse((app.status?.health as { lastTransitionTime?: string } | undefined)?.lastTransitionTime ?? '');
  return since === undefined ? undefined : Number.isFinite(healthSince) ? Math.max(since, healthSince) : since;
}

/** Since when Flux has been Ready at the applied revision: the Ready condition's last transition. */
export function fluxReadySince(object: FluxObject): number | undefined {
  const ready = object.status?.conditions?.find((condition) => condition.type === 'Ready' && condition.status === 'True');
  const at = Date.parse((ready as { lastTransitionTime?: string } | undefined)?.lastTransitionTime ?? '');
  return Number.isFinite(at) ? at : undefined;
}
