import { planValueLayers, type HelmPlan } from './argocd-helm-plan.js';
import { joinFailures } from './effect-messages.js';
import type { EffectContext, EffectPart } from './effect-types.js';
import { readDocuments } from './effect-yaml.js';
import { checkHeldValues, templateAndCheck, undeclaredAddedPaths } from './helm-value-checks.js';
import { pinLabel, type PinEdit } from './pin-types.js';
import { chartsOfValuesFile } from './values-file-charts.js';

/**
 * A Helm values file: with helm and the chart in the repo, `helm template`
 * with the file (as each Application that passes it does, with its other
 * values and parameters) must print the new reference; without helm, or
 * without the chart, the values are read instead, with a warning that says
 * what was not verified and why.
 */
export async function checkHelmValues(context: EffectContext, edit: PinEdit): Promise<EffectPart[]> {
  const { pin } = edit;
  const label = pinLabel(pin);
  const edited = readDocuments(edit.text, pin.file)[0] ?? {};
  const original = readDocuments(edit.original, pin.file)[0] ?? {};
  const charts = await chartsOfValuesFile(context, pin.file);
  if (charts.plans.length === 0) {
    const why = charts.notLocal.length > 0 ? charts.notLocal.join('; ') : 'no Chart.yaml above the file, and no Argo CD Application of the repo passes it';
    const verdict = checkHeldValues(pin, edit.changes, [edited], `the values in the edited ${pin.file}`);
    return [
      {
        verified: 'structural',
        details: `Read the edited ${pin.file}: it holds the new values at the pin's paths.`,
        warnings: [
          `${label}: the chart is not in this repository (${why}), so whether it prints these values into an image is not verified.`,
          ...verdict.warnings,
        ],
        failure: joinFailures(verdict.failures),
      },
    ];
  }
  return Promise.all(charts.plans.map((plan) => checkWithChart(context, edit, plan, original, edited)));
}

async function checkWithChart(context: EffectContext, edit: PinEdit, plan: HelmPlan, original: unknown, edited: unknown): Promise<EffectPart> {
  const { pin } = edit;
  const layers = await planValueLayers(context.root, plan, context.chartDefaults);
  const added = undeclaredAddedPaths(pin, edit.changes, original, edited, layers.at(-1), plan.chartPath);
  if (context.helm) {
    const part = await templateAndCheck(
      context,
      edit,
      context.helm,
      () => Promise.resolve(plan.call),
      layers,
      `${plan.chartPath} templated with ${plan.where}`,
    );
    return { ...part, warnings: [...(part.warnings ?? []), ...plan.warnings, ...added] };
  }
  const verdict = checkHeldValues(pin, edit.changes, layers, `the values ${plan.where} passes to ${plan.chartPath}`);
  return {
    verified: 'structural',
    details: `Read the values ${plan.where} passes to ${plan.chartPath}, merged as Helm merges them: they hold the new values at the pin's paths.`,
    warnings: [
      `${pinLabel(pin)}: helm is not on PATH, so ${plan.chartPath} was not templated with the edited values: that the chart prints them into an image is not verified.`,
      ...plan.warnings,
      ...added,
      ...verdict.warnings,
    ],
    failure: joinFailures(verdict.failures),
  };
}
