import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { InputError } from '../errors.js';
import { crdSchemas, isCustomResourceDefinition } from './crd-schemas.js';

/**
 * The schemas in one `schema-locations` file or folder. A file may hold
 * CustomResourceDefinitions (each served version's schema), or be a JSON
 * Schema of one kind: the kind its `x-kubernetes-group-version-kind` names
 * (as kubernetes-json-schema's files carry) or, without one, the kind its
 * file name says, in the names kubeconform's schema tools give:
 * `<kind>_<version>.json` (openapi2jsonschema; Datree's CRDs-catalog keeps
 * them in a folder named for the group), `<kind>-<group>-<version>.json` and,
 * for the core group, `<kind>-<version>.json` (kubernetes-json-schema, whose
 * `<group>` is the group's first label). A folder may mix both; files in it
 * that are neither (a kustomization.yaml) are passed over. Never ignored in
 * silence: a JSON Schema whose kind cannot be told, or a location with no
 * schema at all, is refused.
 */

export interface LocatedSchema {
  schema: object;
  /** The file it came from, as the user would name it. */
  origin: string;
}

/** What a schema file's name says about the kind it describes; `kind` lower-case, as kubeconform writes it. */
export interface SchemaFileName {
  kind: string;
  version: string;
  /** exact: the whole group; firstLabel: the group's first label; core: the core group; any: the name does not say. */
  group: { exact: string } | { firstLabel: string } | 'core' | 'any';
}

const VERSION = 'v\\d+(?:(?:alpha|beta)\\d+)?';
const KIND_UNDERSCORE_VERSION = new RegExp(`^([a-z0-9]+)_(${VERSION})$`);
const KIND_VERSION = new RegExp(`^([a-z0-9]+)-(${VERSION})$`);
const KIND_GROUP_VERSION = new RegExp(`^([a-z0-9]+)-([a-z0-9][a-z0-9.-]*)-(${VERSION})$`);
const API_GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/;
const SCHEMA_FILE_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** `relativePath`: the file's path inside the folder given (its parent there may be the group), or its bare name. */
export function schemaFileName(relativePath: string): SchemaFileName | undefined {
  const name = basename(relativePath, extname(relativePath)).toLowerCase();
  const parent = basename(dirname(relativePath));
  let match = KIND_UNDERSCORE_VERSION.exec(name);
  if (match) return { kind: match[1], version: match[2], group: API_GROUP.test(parent) ? { exact: parent } : 'any' };
  match = KIND_VERSION.exec(name);
  if (match) return { kind: match[1], version: match[2], group: 'core' };
  match = KIND_GROUP_VERSION.exec(name);
  if (match) return { kind: match[1], version: match[3], group: match[2].includes('.') ? { exact: match[2] } : { firstLabel: match[2] } };
  return undefined;
}

export function fileNameMatches(name: SchemaFileName, apiVersion: string, kind: string): boolean {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  if (name.kind !== kind.toLowerCase() || name.version !== version) return false;
  if (name.group === 'any') return true;
  if (name.group === 'core') return group === '';
  return 'exact' in name.group ? group === name.group.exact : group !== '' && group.split('.')[0] === name.group.firstLabel;
}

/**
 * The JSON Schema of a resource: an object schema, not a Kubernetes object
 * (which has apiVersion and kind) nor another data file. kubernetes-json-schema's
 * `_definitions.json` and `all.json` (a `oneOf` of every kind) are not one.
 */
export function isResourceSchema(document: Record<string, unknown>): boolean {
  if (typeof document.apiVersion === 'string' && typeof document.kind === 'string') return false;
  if ('x-kubernetes-group-version-kind' in document || document.type === 'object') return true;
  return typeof document.properties === 'object' && document.properties !== null && !Array.isArray(document.properties);
}

/** `apiVersion/kind` keys from `x-kubernetes-group-version-kind` (one object or a list; the core group is ""). */
export function groupVersionKinds(document: Record<string, unknown>): string[] {
  const declared = document['x-kubernetes-group-version-kind'];
  const entries = (Array.isArray(declared) ? declared : declared ? [declared] : []) as Array<Record<string, unknown> | null>;
  const keys: string[] = [];
  for (const entry of entries) {
    const { group, version, kind } = entry ?? {};
    if (typeof kind !== 'string' || typeof version !== 'string') continue;
    keys.push(`${typeof group === 'string' && group !== '' ? `${group}/` : ''}${version}/${kind}`);
  }
  return keys;
}

export class SchemaFiles {
  private readonly byKey = new Map<string, LocatedSchema>();
  private readonly byFileName: Array<{ name: SchemaFileName } & LocatedSchema> = [];

  /** `location` as given (for messages), `path` resolved. */
  constructor(location: string, path: string, strict: boolean) {
    const folder = statSync(path).isDirectory();
    for (const file of folder ? filesIn(path) : [path]) {
      const origin = folder ? join(location, relative(path, file)) : location;
      this.addFile(file, origin, folder ? relative(path, file) : basename(file), strict);
    }
    if (this.byKey.size === 0 && this.byFileName.length === 0) {
      throw new InputError(
        'schema-locations',
        `'${location}' holds no CustomResourceDefinition and no JSON Schema${folder ? ' (in its .yaml, .yml or .json files)' : ''}.`,
      );
    }
  }

  schemaFor(apiVersion: string, kind: string): LocatedSchema | undefined {
    return this.byKey.get(`${apiVersion}/${kind}`) ?? this.byFileName.find((entry) => fileNameMatches(entry.name, apiVersion, kind));
  }

  private addFile(file: string, origin: string, nameInFolder: string, strict: boolean): void {
    const documents = readDocuments(file, origin);
    for (const [key, schema] of crdSchemas(documents, strict)) this.byKey.set(key, { schema, origin });
    const schemas = documents.filter((document) => !isCustomResourceDefinition(document) && isResourceSchema(document));
    for (const schema of schemas) {
      const keys = groupVersionKinds(schema);
      for (const key of keys) this.byKey.set(key, { schema, origin });
      if (keys.length > 0) continue;
      const name = schemas.length === 1 ? schemaFileName(nameInFolder) : undefined;
      if (!name) {
        throw new InputError(
          'schema-locations',
          `${origin} is a JSON Schema, but of which kind cannot be told: give it an x-kubernetes-group-version-kind, ` +
            'or name the file <kind>_<version>.json or <kind>-<group>-<version>.json.',
        );
      }
      this.byFileName.push({ name, schema, origin });
    }
  }
}

function filesIn(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) return filesIn(full);
      return SCHEMA_FILE_EXTENSIONS.includes(extname(name).toLowerCase()) ? [full] : [];
    });
}

function readDocuments(file: string, origin: string): Record<string, unknown>[] {
  const documents: Record<string, unknown>[] = [];
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (!('contents' in document) || document.errors.length > 0) {
      throw new InputError('schema-locations', `${origin} is not valid YAML or JSON.`);
    }
    const value = document.toJS() as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) documents.push(value as Record<string, unknown>);
  }
  return documents;
}
