import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArgoApplication, ArgoSource } from './argocd-sources.js';
import { isRecord, readDocuments, valuesPathSteps } from './effect-yaml.js';
import type { HelmTemplateCall } from './helm-template.js';
import { insideRepo, isChartFolder, isFile, repoPath } from './repo-files.js';

/**
 * How Argo CD templates one Helm source of an Application, when the chart is
 * a folder of this repository: the chart, its valueFiles resolved as Argo CD
 * resolves them (relative to the chart's folder; `$ref/…` from the root of the
 * source with that `ref:`, taken to be this repository; a leading `/` from
 * the repository root), the inline values and the parameters.
 */
export interface HelmPlan {
  /** For messages: `web-production spec.source`. */
  where: string;
  /** The chart folder, relative to the repo root. */
  chartPath: string;
  call: HelmTemplateCall;
  /** What the plan had to leave out (a remote or glob values file, one that does not exist). */
  warnings: string[];
}

export type PlanOutcome = { plan: HelmPlan } | { notLocal: string };

export async function planArgoHelmSource(root: string, application: ArgoApplication, source: ArgoSource): Promise<PlanOutcome> {
  const where = `${application.name} ${source.location}`;
  if (source.chart) return { notLocal: `${where} takes the chart ${source.chart} from ${source.repoURL || 'a Helm repository'}` };
  const chart = source.path ? insideRepo(root, source.path) : null;
  if (!chart || !(await isChartFolder(chart))) {
    return { notLocal: `${where} renders '${source.path}' of ${source.repoURL || 'its repository'}, which is no chart folder of this repository` };
  }
  const warnings: string[] = [];
  const valueFiles: string[] = [];
  const helm = source.helm;
  for (const entry of helm?.valueFiles ?? []) {
    const resolved = resolveValueFile(root, chart, application, entry);
    if (typeof resolved !== 'string') {
      warnings.push(`${where}: the values file '${entry}' ${resolved.problem}; the check leaves it out.`);
    } else if (await isFile(resolved)) {
      valueFiles.push(resolved);
    } else if (!helm?.ignoreMissingValueFiles) {
      warnings.push(`${where}: the values file '${entry}' does not exist (${repoPath(root, resolved)}); Argo CD fails to render without it.`);
    }
  }
  return {
    plan: {
      where,
      chartPath: repoPath(root, chart),
      call: {
        release: helm?.releaseName || application.name || basename(chart),
        chart,
        namespace: application.destinationNamespace,
        valueFiles,
        inlineValues: helm?.values === undefined ? [] : [helm.values],
        parameters: helm?.parameters ?? [],
      },
      warnings,
    },
  };
}

function resolveValueFile(root: string, chart: string, application: ArgoApplication, entry: string): string | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return { problem: 'is a URL, which the check does not fetch' };
  if (/[*?[]/.test(entry)) return { problem: 'is a glob pattern, which the check does not expand' };
  let resolved: string | null;
  const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
  if (ref) {
    if (!application.sources.some((source) => source.ref === ref[1])) return { problem: `names $${ref[1]}, which no source of the Application is the ref of` };
    resolved = insideRepo(root, ref[2]);
  } else {
    resolved = entry.startsWith('/') ? insideRepo(root, entry.slice(1)) : insideRepo(root, repoPath(root, join(chart, entry)));
  }
  return resolved ?? { problem: 'is outside this repository' };
}

/**
 * The values the plan passes, as the layers Helm merges them, highest first:
 * the parameters, the inline values, the values files (the last one first),
 * the chart's values.yaml (from `defaultsOf`, which reads it once a run). A
 * path is read from the first layer that holds it.
 */
export async function planValueLayers(root: string, plan: HelmPlan, defaultsOf: (chartFolder: string) => Promise<unknown>): Promise<unknown[]> {
  const files = await Promise.all(plan.call.valueFiles.map(async (file) => readDocuments(await readFile(file, 'utf8'), repoPath(root, file))[0] ?? {}));
  return [parametersAsValues(plan.call.parameters), ...plan.call.inlineValues, ...files.reverse(), await defaultsOf(plan.call.chart)];
}

/** `image.tag=1.4.2` as `{ image: { tag: '1.4.2' } }`; a later parameter of the same name wins. */
export function parametersAsValues(parameters: ReadonlyArray<{ name: string; value: string }>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { name, value } of parameters) {
    const steps = valuesPathSteps(name);
    let node: Record<string, unknown> | unknown[] = values;
    steps.forEach((step, index) => {
      const last = index === steps.length - 1;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[step] = value;
        return;
      }
      const existing = container[step];
      if (!isRecord(existing) && !Array.isArray(existing)) container[step] = typeof steps[index + 1] === 'number' ? [] : {};
      node = container[step] as Record<string, unknown> | unknown[];
    });
  }
  return values;
}
