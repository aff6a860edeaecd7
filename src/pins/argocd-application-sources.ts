import { isAlias, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { UserError } from '../errors.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import { scalarText } from '../kustomize/kustomization-document.js';
import { holdsBuildVariable, imageArgumentOfEntry, looseImageArgumentOfEntry } from './argocd-image-entry.js';
import { describeNode, lineOf, mapAt, pairOf, parseYamlStream, rangeOf, textAt, type YamlStream } from './yaml-nodes.js';

/**
 * The sources of the Argo CD Applications in a file, with their
 * `kustomize.images` located in the text. Argo CD builds `spec.sources`
 * when it has entries and ignores `spec.source` then, so only the sources
 * Argo CD builds are read.
 */

export const ARGOCD_API_VERSION = 'argoproj.io/v1alpha1';

/** One entry of a source's `kustomize.images`. */
export interface KustomizeImageEntry {
  text: string;
  node: Scalar;
  argument: ImageArgument;
  /** Holds a build variable Argo CD substitutes (`$ARGOCD_APP_REVISION`): read loosely, never rewritten. */
  substituted: boolean;
  location: string;
  line: number;
}

/** What a caller learns of a source: which Application, which source, what it builds. */
export interface ApplicationSourceRef {
  /** The Application's `metadata.name` ('' when it has none). */
  application: string;
  /** The place in `spec.sources`, or null for `spec.source`. */
  index: number | null;
  repoURL: string;
  path: string;
  targetRevision: string;
  /** A Helm chart of a Helm repository ('' for a Git source). */
  chart: string;
}

/** A source's `kustomize.images` as strings, for applying them to the source's folder. */
export interface ApplicationSourceImages extends ApplicationSourceRef {
  images: string[];
}

export interface ApplicationSource extends ApplicationSourceRef {
  /** `spec.source` or `spec.sources[1]`. */
  yamlPath: string;
  node: YAMLMap;
  kustomizePair: Pair | null;
  kustomize: YAMLMap | null;
  imagesPair: Pair | null;
  images: YAMLSeq | null;
  entries: KustomizeImageEntry[];
  /** Argo CD would build this source with kustomize unless its folder says otherwise: no chart, no Helm, directory or plugin settings. */
  mayBuildWithKustomize: boolean;
}

export interface ApplicationFile {
  stream: YamlStream;
  sources: ApplicationSource[];
}

export function readApplicationFile(source: string, file: string): ApplicationFile {
  const stream = parseYamlStream(source, file);
  const applications = stream.documents.flatMap((document) => (isApplication(document.contents) ? [document.contents] : []));
  if (applications.length === 0) {
    throw new UserError(`${file} is not an Argo CD Application: no document has apiVersion ${ARGOCD_API_VERSION} and kind Application.`);
  }
  const named = applications.length > 1;
  const sources = applications.flatMap((application) => readSources(stream, file, application, named));
  return { stream, sources };
}

/** Each source of each Application in the text, with its `kustomize.images` strings. */
export function sourcesWithKustomizeImages(source: string, file = 'the Application file'): ApplicationSourceImages[] {
  return readApplicationFile(source, file).sources.map((each) => ({
    application: each.application,
    index: each.index,
    repoURL: each.repoURL,
    path: each.path,
    targetRevision: each.targetRevision,
    chart: each.chart,
    images: each.entries.map((entry) => entry.text),
  }));
}

function isApplication(contents: unknown): contents is YAMLMap {
  return isMap(contents) && textAt(contents, 'apiVersion') === ARGOCD_API_VERSION && textAt(contents, 'kind') === 'Application';
}

function readSources(stream: YamlStream, file: string, application: YAMLMap, named: boolean): ApplicationSource[] {
  const name = textAt(mapAt(application, 'metadata'), 'name');
  // In a file of several Applications, a place names its Application too.
  const where = (path: string): string => (named ? `${path} (Application ${name || 'without a name'})` : path);
  const spec = mapAt(application, 'spec');
  if (!spec) return [];
  const sources = pairOf(spec, 'sources')?.value;
  if (isSeq(sources) && sources.items.length > 0) {
    return sources.items.map((item, index) => {
      if (!isMap(item)) throw new UserError(`${file}: ${where(`spec.sources[${index}]`)} is ${describeNode(item)}, not a mapping.`);
      return readSource(stream, file, { application: name, index, yamlPath: `spec.sources[${index}]`, node: item }, where);
    });
  }
  const single = pairOf(spec, 'source')?.value;
  if (single === undefined || single === null || (isScalar(single) && single.value === null)) return [];
  if (!isMap(single)) throw new UserError(`${file}: ${where('spec.source')} is ${describeNode(single)}, not a mapping.`);
  return [readSource(stream, file, { application: name, index: null, yamlPath: 'spec.source', node: single }, where)];
}

interface SourcePlace {
  application: string;
  index: number | null;
  yamlPath: string;
  node: YAMLMap;
}

function readSource(stream: YamlStream, file: string, place: SourcePlace, where: (path: string) => string): ApplicationSource {
  const { node, yamlPath } = place;
  const kustomizePair = pairOf(node, 'kustomize') ?? null;
  const kustomizeValue = kustomizePair?.value ?? null;
  if (kustomizeValue !== null && !isMap(kustomizeValue) && !isEmptyScalar(kustomizeValue)) {
    throw new UserError(`${file}: ${where(`${yamlPath}.kustomize`)} is ${describeNode(kustomizeValue)}, not a mapping.`);
  }
  const kustomize = isMap(kustomizeValue) ? kustomizeValue : null;
  const imagesPair = (kustomize && pairOf(kustomize, 'images')) ?? null;
  const imagesValue = imagesPair?.value ?? null;
  if (imagesValue !== null && !isSeq(imagesValue) && !isEmptyScalar(imagesValue)) {
    throw new UserError(`${file}: ${where(`${yamlPath}.kustomize.images`)} is ${describeNode(imagesValue)}, not a list of image strings.`);
  }
  const images = isSeq(imagesValue) ? imagesValue : null;
  const entries = (images?.items ?? []).map((item, index) => readEntry(stream, file, item, where(`${yamlPath}.kustomize.images[${index}]`)));
  const chart = textAt(node, 'chart');
  return {
    application: place.application,
    index: place.index,
    yamlPath,
    repoURL: textAt(node, 'repoURL'),
    path: textAt(node, 'path'),
    targetRevision: textAt(node, 'targetRevision'),
    chart,
    node,
    kustomizePair,
    kustomize,
    imagesPair,
    images,
    entries,
    // Argo CD takes an explicit Helm, directory or plugin setting over the folder's kustomization, and a chart is never one.
    mayBuildWithKustomize: chart === '' && !['helm', 'directory', 'plugin'].some((key) => pairOf(node, key)),
  };
}

function readEntry(stream: YamlStream, file: string, item: unknown, location: string): KustomizeImageEntry {
  if (isAlias(item)) throw new UserError(`${file}: ${location} is an alias; write the image string out so it can be edited.`);
  if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
    throw new UserError(`${file}: ${location} is ${describeNode(item)}, not a string such as web=ghcr.io/acme/web:1.4.2.`);
  }
  const text = scalarText(item);
  const substituted = holdsBuildVariable(text);
  const argument = substituted ? looseImageArgumentOfEntry(text) : imageArgumentOfEntry(text, file, location);
  return { text, node: item, argument, substituted, location, line: lineOf(stream, rangeOf(item)[0]) };
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}
