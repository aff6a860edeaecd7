import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planArgoHelmSource, planValueLayers, parametersAsValues } from './argocd-helm-plan.js';
import { readApplications, type ArgoApplication, type ArgoSource } from './argocd-sources.js';
import { joinFailures } from './effect-messages.js';
import type { EffectContext, EffectPart } from './effect-types.js';
import type { HelmTemplateCall } from './helm-template.js';
import { checkHeldValues, templateAndCheck } from './helm-value-checks.js';
import { pinLabel, type PinEdit } from './pin-types.js';
import { pathsOfChange, valueIn } from './pinned-reference.js';

/**
 * An Application's Helm parameters (and valuesObject / values): with helm and
 * the chart in the repo, the source templated as Argo CD templates it must
 * print the new reference; otherwise the values the Application passes, with
 * the parameters above them, must hold it, and a warning says what was not
 * verified (helm is not on PATH, or the chart is not in this repository).
 */
export async function checkArgoHelmParameters(context: EffectContext, edit: PinEdit): Promise<EffectPart[]> {
  const { pin } = edit;
  const helmSources = readApplications(edit.text, pin.file).flatMap((application) =>
    application.sources.filter((source) => source.helm !== null).map((source) => ({ application, source })),
  );
  if (helmSources.length === 0) {
    return [
      {
        verified: 'structural',
        details: '',
        failure: `${pinLabel(pin)}: the edited Application has no source with helm: settings, so its parameters set nothing.`,
      },
    ];
  }
  // The sources whose own values name a changed path; all of them when none does.
  const naming = helmSources.filter(({ source }) => edit.changes.some((change) => ownLayerHolds(pin, change, source)));
  return Promise.all((naming.length > 0 ? naming : helmSources).map(({ application, source }) => checkSource(context, edit, application, source)));
}

function ownLayerHolds(pin: PinEdit['pin'], change: PinEdit['changes'][number], source: ArgoSource): boolean {
  const layers = ownLayers(source);
  const paths = pathsOfChange(pin, change, layers);
  return paths !== undefined && [paths.reference, paths.repository, paths.tag, paths.digest].some((path) => path && valueIn(layers, path) !== undefined);
}

function ownLayers(source: ArgoSource): unknown[] {
  return [parametersAsValues(source.helm?.parameters ?? []), ...(source.helm?.values === undefined ? [] : [source.helm.values])];
}

async function checkSource(context: EffectContext, edit: PinEdit, application: ArgoApplication, source: ArgoSource): Promise<EffectPart> {
  const { pin } = edit;
  const label = pinLabel(pin);
  const where = `${application.name} ${source.location}`;
  const outcome = await planArgoHelmSource(context.root, application, source);
  if ('notLocal' in outcome) {
    const verdict = checkHeldValues(pin, edit.changes, ownLayers(source), `the values ${where} passes`);
    return {
      verified: 'structural',
      details: `Read the parameters and values ${where} passes: they hold the new values at the pin's paths.`,
      warnings: [
        `${label}: the chart is not in this repository (${outcome.notLocal}), so whether it prints these values into an image is not verified.`,
        ...verdict.warnings,
      ],
      failure: joinFailures(verdict.failures),
    };
  }
  const { plan } = outcome;
  const layers = await planValueLayers(context.root, plan, context.chartDefaults);
  if (context.helm) {
    // Planned again from the file as the tree holds it, so that a failed template can be tried with the Application as it was.
    const makeCall = async (): Promise<HelmTemplateCall> => {
      const now = readApplications(await readFile(join(context.root, pin.file), 'utf8'), pin.file).find((other) => other.name === application.name);
      const again = now?.sources.find((other) => other.location === source.location);
      const replanned = now && again ? await planArgoHelmSource(context.root, now, again) : outcome;
      return 'plan' in replanned ? replanned.plan.call : plan.call;
    };
    const part = await templateAndCheck(context, edit, context.helm, makeCall, layers, `${plan.chartPath} templated as ${where} templates it`);
    return { ...part, warnings: [...(part.warnings ?? []), ...plan.warnings] };
  }
  const verdict = checkHeldValues(pin, edit.changes, layers, `the values ${where} passes to ${plan.chartPath}`);
  return {
    verified: 'structural',
    details: `Read the values ${where} passes to ${plan.chartPath} (parameters over valuesObject/values over valueFiles over the chart's values.yaml): they hold the new values at the pin's paths.`,
    warnings: [
      `${label}: helm is not on PATH, so ${plan.chartPath} was not templated with the edited parameters: that the chart prints them into an image is not verified.`,
      ...plan.warnings,
      ...verdict.warnings,
    ],
    failure: joinFailures(verdict.failures),
  };
}
