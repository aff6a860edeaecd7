import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { SchemaFiles, type LocatedSchema } from './schema-files.js';
import {
  expandSchemaLocationTemplate,
  isSchemaLocationTemplate,
  parseSchemaLocationTemplate,
  type SchemaLocationTemplate,
} from './schema-location-template.js';

/**
 * The user's own schemas from `schema-locations`, local paths only (no network
 * in CI): files or folders of CustomResourceDefinitions and JSON Schemas
 * (schema-files.ts), or kubeconform-style path templates such as
 * `schemas/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json`.
 * Locations are asked in the order given and the first that has a kind's
 * schema wins, as in kubeconform. Relative paths are taken from the working
 * directory, as kubeconform does.
 */
export class UserSchemaLocations {
  private readonly sources: Array<SchemaFiles | TemplateLocation> = [];
  private readonly found = new Map<string, LocatedSchema | undefined>();

  constructor(locations: readonly string[], strict: boolean, kubernetesVersion: string) {
    for (const location of locations) {
      if (isSchemaLocationTemplate(location)) {
        this.sources.push(new TemplateLocation(parseSchemaLocationTemplate(location), strict, kubernetesVersion));
        continue;
      }
      const path = resolve(location);
      if (!existsSync(path)) throw new InputError('schema-locations', `'${location}' does not exist.`);
      this.sources.push(new SchemaFiles(location, path, strict));
    }
  }

  schemaFor(apiVersion: string, kind: string): LocatedSchema | undefined {
    const key = `${apiVersion}/${kind}`;
    if (!this.found.has(key)) {
      let schema: LocatedSchema | undefined;
      for (const source of this.sources) if ((schema = source.schemaFor(apiVersion, kind))) break;
      this.found.set(key, schema);
    }
    return this.found.get(key);
  }
}

/** A kubeconform-style template: the file it names for a kind, when that file exists, is that kind's JSON Schema. */
class TemplateLocation {
  private readonly files = new Map<string, object>();

  constructor(
    private readonly template: SchemaLocationTemplate,
    private readonly strict: boolean,
    private readonly kubernetesVersion: string,
  ) {}

  schemaFor(apiVersion: string, kind: string): LocatedSchema | undefined {
    const file = resolve(expandSchemaLocationTemplate(this.template, { apiVersion, kind, strict: this.strict, kubernetesVersion: this.kubernetesVersion }));
    let schema = this.files.get(file);
    if (!schema) {
      if (!existsSync(file)) return undefined;
      try {
        schema = JSON.parse(readFileSync(file, 'utf8')) as object;
      } catch (error) {
        throw new InputError('schema-locations', `${file} is not valid JSON (${(error as Error).message}).`);
      }
      this.files.set(file, schema);
    }
    return { schema, origin: file };
  }
}

/** kubeconform's expansion of `template` for one resource (throws the InputError of a malformed template). */
export function expandTemplate(template: string, apiVersion: string, kind: string, strict: boolean, kubernetesVersion: string): string {
  return expandSchemaLocationTemplate(parseSchemaLocationTemplate(template), { apiVersion, kind, strict, kubernetesVersion });
}
