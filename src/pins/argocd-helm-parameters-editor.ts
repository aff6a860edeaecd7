import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { UserError } from '../errors.js';
import type { ImageArgument } from '../kustomize/image-argument.js';
import { scalarText } from '../kustomize/kustomization-document.js';
import { applySplices, formatScalar, type ScalarStyle, type Splice } from '../kustomize/yaml-text.js';
import { embeddedYaml } from './embedded-yaml.js';
import { pinnedImagesOf, planPinEdit, readPinnedImages, resolveSlots, slotPaths, type HeldValue, type ImagePlace } from './helm-image.js';
import type { Pin, PinChange, PinEditor, PinnedImage } from './pin-types.js';
import { formatHelmSetName, formatValuesPath, sameValuesPath, tryParseValuesPath, type PathSegment } from './values-path.js';
import { appendItems } from './yaml-insert.js';
import { readValue, shownPath, writeValues, type ValueWrite, type ValuesRoot } from './yaml-path.js';
import { isEmptyDocument, parseYamlDocument, parseYamlDocuments, stringField, yamlText, type YamlText } from './yaml-source.js';

/**
 * The editor of Helm settings in Argo CD Applications (`argocd-helm-parameters`):
 * `helm.parameters` (`name` is the Helm path, as `--set` writes it),
 * `helm.valuesObject`, and `helm.values` (YAML in a string), of
 * `spec.source` or, when the Application has them, of each of `spec.sources`
 * that has `helm` settings (or, when none has, of each that names a chart);
 * an ApplicationSet's `spec.template` too. Argo CD applies parameters over
 * the values, and `valuesObject`, when set, instead of `values`: so a path
 * is edited where it takes effect, a parameter first, then the values, and a
 * path set nowhere is added as a parameter.
 */

interface AppDocument {
  root: ValuesRoot;
  /** `spec` of an Application, `spec.template.spec` of an ApplicationSet. */
  spec: PathSegment[];
  kind: 'Application' | 'ApplicationSet';
}

/** The values a source's parameters override: `valuesObject`, or the YAML in `values`, with how its splices reach the file. */
interface ValuesLayer {
  root: ValuesRoot;
  base: PathSegment[];
  toOuter: (splices: readonly Splice[]) => Splice[];
}

interface Parameter {
  index: number;
  path: PathSegment[] | null;
  map: YAMLMap;
}

interface HelmSource {
  app: AppDocument;
  path: PathSegment[];
  parameters: YAMLSeq | null;
  list: Parameter[];
  layer: ValuesLayer | null;
}

const key = (name: string): PathSegment => ({ key: name });
const PARAMETER_FIELDS = ['name', 'value', 'forceString'];

function appDocuments(text: YamlText): AppDocument[] {
  const apps: AppDocument[] = [];
  for (const document of parseYamlDocuments(text)) {
    if (!isMap(document.contents) || !stringField(document, 'apiVersion').startsWith('argoproj.io/')) continue;
    const kind = stringField(document, 'kind');
    if (kind === 'Application') apps.push({ root: { text, document }, spec: [key('spec')], kind });
    if (kind === 'ApplicationSet') apps.push({ root: { text, document }, spec: [key('spec'), key('template'), key('spec')], kind });
  }
  if (apps.length === 0)
    throw new UserError(`${text.file} holds no Argo CD Application (apiVersion argoproj.io/v1alpha1, kind Application or ApplicationSet).`);
  return apps;
}

function nodeAt(app: AppDocument, path: readonly PathSegment[]): unknown {
  return app.root.document.getIn(
    path.map((segment) => ('key' in segment ? segment.key : segment.index)),
    true,
  );
}

/** The sources whose Helm settings are edited: `spec.sources` when set (Argo CD then ignores `spec.source`), those with `helm`, else those with a chart. */
function helmSources(app: AppDocument): HelmSource[] {
  const { file } = app.root.text;
  const sources = nodeAt(app, [...app.spec, key('sources')]);
  const paths: PathSegment[][] =
    isSeq(sources) && sources.items.length > 0 ? sources.items.map((_, index) => [...app.spec, key('sources'), { index }]) : [[...app.spec, key('source')]];
  const withHelm = paths.filter((path) => isMap(nodeAt(app, [...path, key('helm')])));
  const withChart = paths.filter((path) => scalarText(nodeAt(app, [...path, key('chart')])) !== '');
  const chosen = withHelm.length > 0 ? withHelm : withChart;
  if (chosen.length === 0) {
    throw new UserError(`${file}: ${formatValuesPath(app.spec)} has no source with helm settings or a chart, so there are no Helm parameters to edit.`);
  }
  return chosen.map((path) => readSource(app, path));
}

function readSource(app: AppDocument, path: PathSegment[]): HelmSource {
  const { file } = app.root.text;
  const helm = [...path, key('helm')];
  const parameters = nodeAt(app, [...helm, key('parameters')]);
  if (parameters !== undefined && !isSeq(parameters)) {
    throw new UserError(`${file}: ${formatValuesPath([...helm, key('parameters')])} is not a list; write it as a list of name and value (or remove it).`);
  }
  const list = (parameters?.items ?? []).flatMap((item, index): Parameter[] => {
    if (!isMap(item)) return [];
    return [{ index, path: tryParseValuesPath(scalarText(item.get('name', true))), map: item }];
  });
  return { app, path, parameters: parameters ?? null, list, layer: valuesLayer(app, helm) };
}

function valuesLayer(app: AppDocument, helm: PathSegment[]): ValuesLayer | null {
  const { text } = app.root;
  const object = nodeAt(app, [...helm, key('valuesObject')]);
  if (isMap(object)) return { root: app.root, base: [...helm, key('valuesObject')], toOuter: (splices) => [...splices] };
  const valuesPath = [...helm, key('values')];
  const values = nodeAt(app, valuesPath);
  if (values === undefined || values === null || (isScalar(values) && values.value === null)) return null;
  const shown = formatValuesPath(valuesPath);
  if (!isScalar(values) || typeof values.value !== 'string') {
    throw new UserError(`${text.file}: ${shown} is not a string; Argo CD reads it as YAML text: write it as a block (values: |), or use valuesObject.`);
  }
  const pair = (nodeAt(app, helm) as YAMLMap).items.find((item) => isScalar(item.key) && item.key.value === 'values') as Pair;
  const embedded = embeddedYaml(text, pair, values, shown);
  const document = parseYamlDocument(embedded.text, `${text.file}: ${shown}`);
  if (!isEmptyDocument(document) && !isMap(document.contents)) throw new UserError(`${text.file}: ${shown} holds YAML whose top level is not a mapping.`);
  return { root: { text: embedded.text, document, shownPrefix: valuesPath }, base: [], toOuter: embedded.toOuter };
}

function parametersPath(source: HelmSource): PathSegment[] {
  return [...source.path, key('helm'), key('parameters')];
}

function parametersFor(source: HelmSource, path: readonly PathSegment[]): Parameter[] {
  return source.list.filter((parameter) => parameter.path !== null && sameValuesPath(parameter.path, path));
}

function refuseTemplated(source: HelmSource, held: HeldValue): void {
  if (source.app.kind === 'ApplicationSet' && held.value.includes('{{')) {
    throw new UserError(
      `${source.app.root.text.file}: ${held.location} is '${held.value}', which the ApplicationSet's generators fill in; ` +
        "pin the image where the generator's value comes from.",
    );
  }
}

/** A path's value where Argo CD takes it from: the last parameter of that name, else the values, else nowhere (a parameter would be added). */
function readFromSource(source: HelmSource, path: PathSegment[], role: string): HeldValue & { layer: boolean } {
  const { root } = source.app;
  const parameter = parametersFor(source, path).at(-1);
  if (parameter) {
    const at = [...parametersPath(source), { index: parameter.index }, key('value')];
    const held = readValue(root, at, role);
    return {
      ...held,
      location: `${shownPath(root, at.slice(0, -1))} (${formatHelmSetName(path)})`,
      line: root.text.lineOf(parameter.map.range?.[0] ?? 0),
      layer: false,
    };
  }
  if (source.layer) {
    const full = [...source.layer.base, ...path];
    const held = readValue(source.layer.root, full, role);
    if (held.exists) return { ...held, location: shownPath(source.layer.root, full), line: source.layer.root.text.lineOf(held.offset), layer: true };
  }
  const helm = nodeAt(source.app, [...source.path, key('helm')]) ?? nodeAt(source.app, source.path);
  return {
    value: '',
    exists: false,
    location: formatValuesPath(parametersPath(source)),
    line: root.text.lineOf((helm as Node | undefined)?.range?.[0] ?? 0),
    layer: false,
  };
}

/**
 * Helm's `--set` reads `true`, `false`, `null` and whole numbers as a bool,
 * a null and an integer (`--set image.tag=1234` is the number 1234), so a
 * parameter holding one is marked `forceString: true`, which makes Argo CD
 * pass it with `--set-string`. New parameters always get it: an image's
 * repository, tag and digest are strings.
 */
export function setWouldRetype(value: string): boolean {
  if (/^(true|false|null|0)$/i.test(value)) return true;
  return /^[+-]?[1-9][0-9]*$/.test(value) && BigInt(value) <= 2n ** 63n - 1n && BigInt(value) >= -(2n ** 63n);
}

interface SourceWrites {
  outer: ValueWrite[];
  layer: ValueWrite[];
  added: Array<Array<[string, string]>>;
}

function planSourceWrites(source: HelmSource, writes: readonly ValueWrite[]): SourceWrites {
  const planned: SourceWrites = { outer: [], layer: [], added: [] };
  const firstKeys = source.list[0]?.map.items.map((pair) => scalarText(pair.key)).filter((name) => PARAMETER_FIELDS.includes(name)) ?? [];
  const order = firstKeys.length >= 2 ? [...firstKeys, ...PARAMETER_FIELDS.filter((name) => !firstKeys.includes(name))] : PARAMETER_FIELDS;
  const valueStyle = parameterValueStyle(source.list);
  for (const write of writes) {
    const held = readFromSource(source, write.path, write.role);
    if (held.exists) refuseTemplated(source, held);
    const parameters = parametersFor(source, write.path);
    if (parameters.length > 0) {
      for (const parameter of parameters) {
        const at = [...parametersPath(source), { index: parameter.index }];
        planned.outer.push({ ...write, path: [...at, key('value')] });
        const forced = scalarText(parameter.map.get('forceString', true)).toLowerCase() === 'true';
        if (!forced && setWouldRetype(write.value))
          planned.outer.push({ path: [...at, key('forceString')], value: 'true', rawText: 'true', role: 'forceString' });
      }
    } else if (held.layer && source.layer) {
      planned.layer.push({ ...write, path: [...source.layer.base, ...write.path] });
    } else if (write.value !== '') {
      const fields: Record<string, string> = {
        name: formatScalar(formatHelmSetName(write.path), 'PLAIN'),
        value: formatScalar(write.value, valueStyle),
        forceString: 'true',
      };
      planned.added.push(order.map((name) => [name, fields[name]]));
    }
  }
  return planned;
}

/** The quoting the list's parameter values share (`value: '…'` throughout), for a parameter added to it. */
function parameterValueStyle(list: readonly Parameter[]): ScalarStyle {
  const styles = new Set(list.map((parameter) => parameter.map.get('value', true)).flatMap((node) => (isScalar(node) ? [String(node.type)] : [])));
  const [style] = styles;
  return styles.size === 1 && (style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE') ? style : 'PLAIN';
}

function sourcePlace(source: HelmSource): ImagePlace {
  return { name: formatValuesPath(source.path), read: (path, role) => readFromSource(source, path, role) };
}

function read(pin: Pin, source: string): PinnedImage[] {
  const sources = appDocuments(yamlText(source, pin.file)).flatMap(helmSources);
  return readPinnedImages(pin, sources.map(sourcePlace));
}

function edit(pin: Pin, text: string, args: readonly ImageArgument[]): { text: string; changes: PinChange[] } {
  const apps = appDocuments(yamlText(text, pin.file));
  const sources = apps.flatMap(helmSources);
  const { writes, changes } = planPinEdit(pin, sources.map(sourcePlace), args);
  const slots = slotPaths(pinnedImagesOf(pin).map((entry) => resolveSlots(pin, entry)));
  const splices: Splice[] = [];
  for (const app of apps) {
    const outer: ValueWrite[] = [];
    const protectedPaths = new Set<string>();
    sources.forEach((source, index) => {
      if (source.app !== app || writes[index].length === 0) return;
      const planned = planSourceWrites(source, writes[index]);
      outer.push(...planned.outer);
      if (source.layer) {
        for (const path of slots) protectedPaths.add(formatValuesPath([...source.layer.base, ...path]));
        if (source.layer.root.document === app.root.document) outer.push(...planned.layer);
        else if (planned.layer.length > 0)
          splices.push(...source.layer.toOuter(writeValues(source.layer.root, planned.layer, new Set(slots.map(formatValuesPath)))));
      }
      if (planned.added.length === 0) return;
      if (source.parameters) splices.push(...appendItems(app.root.text, source.parameters, planned.added));
      else outer.push({ path: parametersPath(source), value: '', items: planned.added, role: 'the parameters' });
    });
    if (outer.length > 0) splices.push(...writeValues(app.root, outer, protectedPaths));
  }
  return { text: splices.length > 0 ? applySplices(text, splices) : text, changes };
}

export const argocdHelmParametersEditor: PinEditor = { read, edit };
