import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { InputError } from '../errors.js';
import { crdSchemas, type KindSchemas } from './crd-schemas.js';

/**
 * The user's own schemas from `schema-locations`, local paths only (no network
 * in CI): a folder or file of CustomResourceDefinitions (YAML or JSON), or a
 * kubeconform-style path template such as
 * `schemas/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json`.
 * Relative paths are taken from the working directory, as kubeconform does.
 */
export class UserSchemaLocations {
  private readonly fromCrds: KindSchemas = new Map();
  private readonly templates: string[] = [];
  private readonly templateCache = new Map<string, object | undefined>();

  constructor(
    locations: readonly string[],
    private readonly strict: boolean,
    private readonly kubernetesVersion: string,
  ) {
    for (const location of locations) {
      if (location.includes('{{')) {
        this.templates.push(location);
        continue;
      }
      const path = resolve(location);
      if (!existsSync(path)) throw new InputError('schema-locations', `'${location}' does not exist.`);
      for (const [key, schema] of crdSchemas(readCrdFiles(path), strict)) this.fromCrds.set(key, schema);
    }
  }

  schemaFor(apiVersion: string, kind: string): object | undefined {
    const fromCrd = this.fromCrds.get(`${apiVersion}/${kind}`);
    if (fromCrd || this.templates.length === 0) return fromCrd;
    const key = `${apiVersion}/${kind}`;
    if (!this.templateCache.has(key)) this.templateCache.set(key, this.fromTemplates(apiVersion, kind));
    return this.templateCache.get(key);
  }

  private fromTemplates(apiVersion: string, kind: string): object | undefined {
    for (const template of this.templates) {
      const file = resolve(expandTemplate(template, apiVersion, kind, this.strict, this.kubernetesVersion));
      if (!existsSync(file)) continue;
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as object;
      } catch (error) {
        throw new InputError('schema-locations', `${file} is not valid JSON (${(error as Error).message}).`);
      }
    }
    return undefined;
  }
}

/** kubeconform's template variables. */
export function expandTemplate(template: string, apiVersion: string, kind: string, strict: boolean, kubernetesVersion: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  const values: Record<string, string> = {
    Group: group!,
    ResourceKind: kind.toLowerCase(),
    ResourceAPIVersion: version!,
    KindSuffix: group ? `-${group.split('.')[0]}-${version}` : `-${version}`,
    StrictSuffix: strict ? '-strict' : '',
    NormalizedKubernetesVersion: `v${kubernetesVersion}.0`,
  };
  return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function readCrdFiles(path: string): Record<string, unknown>[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => (['.yaml', '.yml', '.json'].includes(extname(name)) || statSync(join(path, name)).isDirectory() ? readCrdFiles(join(path, name)) : []));
  }
  const objects: Record<string, unknown>[] = [];
  for (const document of parseAllDocuments(readFileSync(path, 'utf8'))) {
    if (!('contents' in document) || document.errors.length > 0) {
      throw new InputError('schema-locations', `${path} is not valid YAML or JSON.`);
    }
    const value = document.toJS() as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) objects.push(value as Record<string, unknown>);
  }
  return objects;
}
