import { isRecord, readDocuments, scalarText } from './effect-yaml.js';

/**
 * An Argo CD Application's sources as the effect check needs them: where each
 * renders from (a folder of a Git repository, or a chart of a Helm
 * repository) and what the Application adds (kustomize images, Helm values
 * and parameters). `spec.source` and each of `spec.sources[]` are read alike.
 */

export interface HelmParameter {
  name: string;
  value: string;
  /** Argo CD passes it with --set-string instead of --set. */
  forceString: boolean;
}

export interface ArgoHelmSettings {
  releaseName: string;
  valueFiles: string[];
  /** valuesObject, else values (a YAML string) parsed: Argo CD passes one of them, valuesObject when both are set. */
  values: unknown;
  parameters: HelmParameter[];
  ignoreMissingValueFiles: boolean;
}

export interface ArgoSource {
  /** Where in the Application, for messages: `spec.source`, `spec.sources[1]`. */
  location: string;
  repoURL: string;
  path: string;
  /** A chart of a Helm repository (`chart:`); '' for a Git source. */
  chart: string;
  /** `ref:` of a source that only lends its files to others' valueFiles (`$values/…`). */
  ref: string;
  kustomizeImages: string[];
  /** The Application's other kustomize options that could change an image (patches, components). */
  kustomizeImageAffecting: string[];
  helm: ArgoHelmSettings | null;
}

export interface ArgoApplication {
  name: string;
  namespace: string;
  /** spec.destination.namespace: Argo CD templates a chart into it. */
  destinationNamespace: string;
  sources: ArgoSource[];
}

export function isArgoApplication(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && value.kind === 'Application' && typeof value.apiVersion === 'string' && value.apiVersion.startsWith('argoproj.io/');
}

export function readApplications(text: string, file: string): ArgoApplication[] {
  return readDocuments(text, file)
    .filter(isArgoApplication)
    .map((value) => applicationOf(value, file));
}

function applicationOf(value: Record<string, unknown>, file: string): ArgoApplication {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const spec = isRecord(value.spec) ? value.spec : {};
  const destination = isRecord(spec.destination) ? spec.destination : {};
  const name = text(metadata.name);
  const sources: ArgoSource[] = [];
  if (isRecord(spec.source)) sources.push(sourceOf(spec.source, 'spec.source', name, file));
  if (Array.isArray(spec.sources)) {
    spec.sources.forEach((source, index) => {
      if (isRecord(source)) sources.push(sourceOf(source, `spec.sources[${index}]`, name, file));
    });
  }
  return { name, namespace: text(metadata.namespace), destinationNamespace: text(destination.namespace), sources };
}

function sourceOf(source: Record<string, unknown>, location: string, applicationName: string, file: string): ArgoSource {
  const kustomize = isRecord(source.kustomize) ? source.kustomize : {};
  const images = Array.isArray(kustomize.images) ? kustomize.images.map(text).filter((image) => image !== '') : [];
  return {
    location,
    repoURL: text(source.repoURL),
    path: text(source.path),
    chart: text(source.chart),
    ref: text(source.ref),
    kustomizeImages: images,
    kustomizeImageAffecting: ['patches', 'components'].filter((option) => Array.isArray(kustomize[option]) && kustomize[option].length > 0),
    helm: isRecord(source.helm) ? helmOf(source.helm, applicationName, `${file} (${location}.helm.values)`) : null,
  };
}

function helmOf(helm: Record<string, unknown>, applicationName: string, valuesWhere: string): ArgoHelmSettings {
  const parameters = Array.isArray(helm.parameters) ? helm.parameters.filter(isRecord) : [];
  let values: unknown = helm.valuesObject;
  if (!isRecord(values) && typeof helm.values === 'string' && helm.values.trim() !== '') {
    values = readDocuments(helm.values, valuesWhere)[0];
  } else if (!isRecord(values) && isRecord(helm.values)) {
    // Older Applications wrote values as a mapping; Argo CD reads it like valuesObject.
    values = helm.values;
  }
  return {
    // Argo CD names the release after the Application unless releaseName says otherwise.
    releaseName: text(helm.releaseName) || applicationName,
    valueFiles: Array.isArray(helm.valueFiles) ? helm.valueFiles.map(text).filter((file) => file !== '') : [],
    values: isRecord(values) ? values : undefined,
    parameters: parameters.map((parameter) => ({ name: text(parameter.name), value: text(parameter.value), forceString: parameter.forceString === true })),
    ignoreMissingValueFiles: helm.ignoreMissingValueFiles === true,
  };
}

function text(value: unknown): string {
  return scalarText(value) ?? '';
}
