import { join } from 'node:path';
import { planArgoHelmSource, type HelmPlan } from './argocd-helm-plan.js';
import type { RepoApplication } from './repo-applications.js';

/**
 * Which Argo CD Applications of the repo pass each values file to a chart,
 * planned once a run and then looked up per file: planning every
 * Application's Helm sources again for each values file made a repo of a
 * thousand tenants (a values file and an Application each) cost a million
 * plans, about 75 ms per pin.
 */
export interface ValuesFileUsers {
  /** The plans of the local charts that take a values file, by the file's absolute path, in the repo's order of Applications and sources. */
  plans: ReadonlyMap<string, HelmPlan[]>;
  /** Where a chart from a Helm repository takes a values file (`$values/<file>`), by the file relative to the root. */
  notLocal: ReadonlyMap<string, string[]>;
}

export async function indexValuesFileUsers(root: string, applications: readonly RepoApplication[]): Promise<ValuesFileUsers> {
  const sources = applications.flatMap(({ file, application }) =>
    application.sources.filter((source) => source.helm && source.helm.valueFiles.length > 0).map((source) => ({ file, application, source })),
  );
  // Planned together (each plan asks the file system whether its chart and values files exist), added in order.
  const outcomes = await Promise.all(
    sources.map(async ({ application, source }) => (source.chart ? undefined : planArgoHelmSource(root, application, source))),
  );
  const plans = new Map<string, HelmPlan[]>();
  const notLocal = new Map<string, string[]>();
  sources.forEach(({ file, application, source }, index) => {
    if (source.chart) {
      // A chart of a Helm repository reads this repository's files only through a ref source: `$values/<file>`.
      const passed = (source.helm?.valueFiles ?? []).filter((entry) => /^\$[^/]+\//.test(entry)).map((entry) => entry.slice(entry.indexOf('/') + 1));
      const why = `${file} (${application.name}) takes the chart ${source.chart} from ${source.repoURL || 'a Helm repository'}`;
      for (const valuesFile of new Set(passed)) add(notLocal, valuesFile, why);
      return;
    }
    const outcome = outcomes[index];
    if (outcome && 'plan' in outcome) for (const valuesFile of new Set(outcome.plan.call.valueFiles)) add(plans, valuesFile, outcome.plan);
  });
  return { plans, notLocal };
}

/** The Applications that pass `file` (relative to the root) to a chart. */
export function usersOfValuesFile(users: ValuesFileUsers, root: string, file: string): { plans: HelmPlan[]; notLocal: string[] } {
  return { plans: [...(users.plans.get(join(root, file)) ?? [])], notLocal: [...(users.notLocal.get(file) ?? [])] };
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
