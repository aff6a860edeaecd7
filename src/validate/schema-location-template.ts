import { InputError } from '../errors.js';

/**
 * A kubeconform-style `schema-locations` template such as
 * `schemas/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`.
 * kubeconform fills these with Go's text/template and refuses, at start, a
 * template that names a field it does not have; so does this parser, so a
 * misspelt variable cannot make every lookup miss in silence. Only what
 * kubeconform's locations use is supported: `{{ .Variable }}` with or without
 * spaces, and Go's `{{-`/`-}}` trim markers.
 */

/** kubeconform's template variables (pkg/registry/registry.go, schemaPath). */
export const TEMPLATE_VARIABLES = ['NormalizedKubernetesVersion', 'StrictSuffix', 'ResourceKind', 'ResourceAPIVersion', 'Group', 'KindSuffix'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export interface SchemaLocationTemplate {
  text: string;
  /** Literal text and variables, in order. */
  parts: ReadonlyArray<string | { variable: TemplateVariable }>;
}

export interface TemplateResource {
  apiVersion: string;
  kind: string;
  strict: boolean;
  /** `major.minor`, as `kubernetes-version` is read. */
  kubernetesVersion: string;
}

export function isSchemaLocationTemplate(location: string): boolean {
  return location.includes('{{');
}

const ACTION = /\{\{(-\s)?\s*(.*?)\s*(\s-)?\}\}/gs;
const VARIABLE_LIST = TEMPLATE_VARIABLES.map((name) => `.${name}`).join(', ');

export function parseSchemaLocationTemplate(text: string): SchemaLocationTemplate {
  const parts: Array<string | { variable: TemplateVariable }> = [];
  let last = 0;
  let trimNext = false;
  for (const match of text.matchAll(ACTION)) {
    const [action, , body] = match;
    // The trim markers are optional groups: undefined when absent.
    const trimBefore = match.at(1);
    const trimAfter = match.at(3);
    parts.push(trimText(text.slice(last, match.index), trimNext, trimBefore !== undefined));
    parts.push({ variable: variableOf(text, action, body) });
    last = match.index + action.length;
    trimNext = trimAfter !== undefined;
  }
  const rest = trimText(text.slice(last), trimNext, false);
  if (rest.includes('{{')) throw new InputError('schema-locations', `'${text}' has a '{{' with no closing '}}'.`);
  parts.push(rest);
  return { text, parts: parts.filter((part) => part !== '') };
}

/** Go's trim markers: `{{- ` drops the white space before the action, ` -}}` the white space after it. */
function trimText(literal: string, trimStart: boolean, trimEnd: boolean): string {
  const start = trimStart ? literal.trimStart() : literal;
  return trimEnd ? start.trimEnd() : start;
}

function variableOf(text: string, action: string, body: string): TemplateVariable {
  const name = /^\.(\w+)$/.exec(body)?.[1];
  const known = TEMPLATE_VARIABLES.find((variable) => variable === name);
  if (known) return known;
  const sameLetters = name && TEMPLATE_VARIABLES.find((variable) => variable.toLowerCase() === name.toLowerCase());
  const hint = sameLetters ? ` (did you mean .${sameLetters}?)` : '';
  const what = name ? `the unknown template variable .${name}${hint}` : `'${action}', which is not a template variable`;
  throw new InputError('schema-locations', `'${text}' uses ${what}; the variables are ${VARIABLE_LIST}, as in kubeconform.`);
}

export function expandSchemaLocationTemplate(template: SchemaLocationTemplate, resource: TemplateResource): string {
  const values = templateValues(resource);
  return template.parts.map((part) => (typeof part === 'string' ? part : values[part.variable])).join('');
}

/** kubeconform's values for one resource, computed as its schemaPath does. */
function templateValues({ apiVersion, kind, strict, kubernetesVersion }: TemplateResource): Record<TemplateVariable, string> {
  const groupParts = apiVersion.split('/');
  const version = groupParts[groupParts.length - 1];
  const kindSuffix = `-${groupParts[0].split('.')[0].toLowerCase()}${groupParts.length > 1 ? `-${version.toLowerCase()}` : ''}`;
  return {
    NormalizedKubernetesVersion: `v${kubernetesVersion}.0`,
    StrictSuffix: strict ? '-strict' : '',
    ResourceKind: kind.toLowerCase(),
    ResourceAPIVersion: version,
    // As kubeconform: the part before the slash, which for a core kind (`v1`) is the version itself.
    Group: groupParts[0],
    KindSuffix: kindSuffix,
  };
}

/**
 * Throws the InputError of the first malformed template among `locations`: to refuse bad input before any work.
 * Here, beside the parser, so reading the inputs loads no schema reader.
 */
export function checkSchemaLocations(locations: readonly string[]): void {
  for (const location of locations) if (isSchemaLocationTemplate(location)) parseSchemaLocationTemplate(location);
}
