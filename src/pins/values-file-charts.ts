import { basename, join } from 'node:path';
import type { HelmPlan } from './argocd-helm-plan.js';
import type { EffectContext } from './effect-types.js';
import { chartFolderAbove, insideRepo, isChartFolder, repoPath } from './repo-files.js';
import { usersOfValuesFile } from './values-file-users.js';

/**
 * The charts a Helm values file is rendered with: the chart the pin names;
 * else each Argo CD Application of the repo that passes the file in a
 * source's helm.valueFiles (with that source's other values and parameters,
 * which may set the same paths); else the chart folder the file sits in.
 * `notLocal` says, for messages, where a chart outside the repo comes from.
 */
export interface ValuesFileCharts {
  plans: HelmPlan[];
  notLocal: string[];
}

export async function chartsOfValuesFile(context: EffectContext, file: string): Promise<ValuesFileCharts> {
  const { root } = context;
  const named = Object.hasOwn(context.charts, file) ? context.charts[file] : undefined;
  if (named !== undefined) {
    const chart = insideRepo(root, named);
    if (chart && (await isChartFolder(chart))) return { plans: [planOfChart(root, chart, file)], notLocal: [] };
    return { plans: [], notLocal: [`the pin names the chart ${named}, which is no chart folder of this repository (no Chart.yaml)`] };
  }
  const found = usersOfValuesFile(await context.valuesFileUsers(), root, file);
  if (found.plans.length > 0 || found.notLocal.length > 0) return found;
  const chart = await chartFolderAbove(root, file);
  return chart ? { plans: [planOfChart(root, chart, file)], notLocal: [] } : found;
}

function planOfChart(root: string, chart: string, file: string): HelmPlan {
  const absolute = join(root, file);
  // The chart's own values.yaml is its defaults: helm reads it without being told.
  const isDefaults = absolute === join(chart, 'values.yaml');
  return {
    where: file,
    chartPath: repoPath(root, chart),
    call: { release: basename(chart), chart, namespace: '', valueFiles: isDefaults ? [] : [absolute], inlineValues: [], parameters: [] },
    warnings: [],
  };
}
