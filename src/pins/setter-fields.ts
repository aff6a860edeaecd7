import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { UserError, yamlErrorText } from '../errors.js';
import { resourceIdOf, scalarText, type PathStep, type ResourceId } from './effect-yaml.js';

/**
 * The fields a Flux setter comment marks (`image: ghcr.io/acme/web:1.4.2 #
 * {"$imagepolicy": "flux-system:web"}`), with their document, resource and
 * path, so that a render can be asked for the same field. The policy's
 * suffix says which part of the reference the field holds: none the whole
 * reference, `:tag`, `:name` or `:digest` that part.
 */

export type SetterPart = 'reference' | 'tag' | 'name' | 'digest';

export interface SetterField {
  /** The document's place in the file (documents with content only). */
  document: number;
  resource: ResourceId | undefined;
  path: PathStep[];
  value: string;
  policy: string;
  part: SetterPart;
}

const MARKER = /\{\s*"\$imagepolicy"\s*:\s*"([^"]+)"\s*\}/;

export function findSetterFields(text: string, file: string): SetterField[] {
  const fields: SetterField[] = [];
  let index = 0;
  for (const document of parseAllDocuments(text)) {
    if (!('contents' in document)) continue;
    if (document.errors.length > 0) throw new UserError(`${file} is not valid YAML: ${yamlErrorText(document.errors[0])}.`);
    if (document.contents === null) continue;
    const resource = resourceIdOf(document.toJS({ maxAliasCount: 100 }));
    const visit = (node: Node | null, path: PathStep[]): void => {
      if (isMap(node)) {
        for (const pair of node.items) visit(pair.value as Node | null, [...path, isScalar(pair.key) ? String(pair.key.value) : '']);
      } else if (isSeq(node)) {
        node.items.forEach((item, at) => {
          visit(item as Node | null, [...path, at]);
        });
      } else if (isScalar(node)) {
        const marker = MARKER.exec(node.comment ?? '');
        if (marker) fields.push({ document: index, resource, path, value: scalarText(node.value) ?? '', policy: marker[1], part: partOf(marker[1]) });
      }
    };
    visit(document.contents, []);
    index += 1;
  }
  return fields;
}

function partOf(policy: string): SetterPart {
  const suffix = policy.split(':')[2];
  return suffix === 'tag' || suffix === 'name' || suffix === 'digest' ? suffix : 'reference';
}

/** The fields of `edited` whose value the edit changed (or that it marked anew). */
export function changedSetterFields(original: readonly SetterField[], edited: readonly SetterField[]): SetterField[] {
  const before = new Map(original.map((field) => [keyOf(field), field.value]));
  return edited.filter((field) => before.get(keyOf(field)) !== field.value);
}

function keyOf(field: SetterField): string {
  return JSON.stringify([field.document, field.path]);
}

export function describePath(path: readonly PathStep[]): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}
