import { Ajv, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { CATALOG_AJV_OPTIONS, CATALOG_ID } from './catalog-ajv-options.js';
import { crdSchemas, type KindSchemas } from './crd-schemas.js';
import { PrecompiledValidators } from './precompiled-validators.js';
import { UserSchemaLocations } from './user-schemas.js';

/**
 * The schemas offline validation checks resources against: the catalog built
 * by scripts/build-schemas.ts (Kubernetes built-ins and common GitOps CRDs,
 * shipped in dist/schemas), the user's `schema-locations`, and the CRDs an
 * overlay renders itself. The strict catalog's kinds come precompiled from the
 * build (precompiled-validators.ts); any other schema is compiled by ajv once, on first use.
 */

interface CatalogFile {
  kubernetesVersion: string;
  packages: Record<string, string>;
  kinds: Record<string, string>;
  definitions: Record<string, unknown>;
}

export interface SchemaCatalogOptions {
  strict: boolean;
  /** Where catalog.json is; by default dist/schemas beside the bundle. */
  schemaDirectory?: string;
  schemaLocations: readonly string[];
  kubernetesVersion: string;
}

export class SchemaCatalog {
  private ajvInstance: Ajv | undefined;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly compiledUserSchemas = new WeakMap<object, ValidateFunction>();
  /** By the schema's text too: an overlay's CRDs are read anew from each render, and several overlays often carry the same ones. */
  private readonly compiledUserSchemaTexts = new Map<string, ValidateFunction>();
  private readonly userSchemas: UserSchemaLocations;
  readonly kinds: ReadonlyMap<string, string>;
  readonly builtInVersion: string;
  readonly packages: Record<string, string>;

  private constructor(
    private readonly catalog: CatalogFile,
    readonly strict: boolean,
    options: SchemaCatalogOptions,
    /** The strict catalog's validators compiled at build time; none for strict: false, which compiles its relaxed schemas here. */
    private readonly precompiled: PrecompiledValidators | undefined,
  ) {
    this.kinds = new Map(Object.entries(catalog.kinds));
    this.builtInVersion = catalog.kubernetesVersion;
    this.packages = catalog.packages;
    this.userSchemas = new UserSchemaLocations(options.schemaLocations, strict, options.kubernetesVersion);
  }

  static load(options: SchemaCatalogOptions): SchemaCatalog {
    const file = findCatalogFile(options.schemaDirectory);
    const catalog = JSON.parse(readFileSync(file, 'utf8')) as CatalogFile;
    return new SchemaCatalog(catalog, options.strict, options, options.strict ? PrecompiledValidators.load(dirname(file)) : undefined);
  }

  /**
   * ajv, made when a schema must be compiled in this run: a user's or an overlay's CRD schema, the relaxed catalog,
   * or a catalog kind the build did not precompile. Compiled without ajv's optimising pass over the generated code,
   * which would double the time to compile a Deployment's schema; checking is as fast.
   */
  private get ajv(): Ajv {
    if (!this.ajvInstance) {
      this.ajvInstance = new Ajv({ ...CATALOG_AJV_OPTIONS, code: { optimize: false } });
      const { definitions } = this.catalog;
      this.ajvInstance.addSchema({ $id: CATALOG_ID, definitions: this.strict ? definitions : relaxed(definitions) });
    }
    return this.ajvInstance;
  }

  /**
   * The validator for a kind, looked up in the overlay's own CRDs, then the
   * user's schema locations, then the shipped catalog; undefined when none has it.
   */
  validatorFor(apiVersion: string, kind: string, bundle?: KindSchemas): ValidateFunction | undefined {
    const key = `${apiVersion}/${kind}`;
    const inBundle = bundle?.get(key);
    if (inBundle) return this.compileUserSchema(inBundle, `The CustomResourceDefinition of ${apiVersion} ${kind} in the overlay`);
    const located = this.userSchemas.schemaFor(apiVersion, kind);
    if (located) return this.compileUserSchema(located.schema, `The schema of ${apiVersion} ${kind} from ${located.origin}`);
    const definition = this.kinds.get(key);
    if (!definition) return undefined;
    let validate = this.compiled.get(definition);
    if (!validate) {
      validate = this.precompiled?.validatorFor(definition) ?? this.ajv.compile({ $ref: `${CATALOG_ID}#/definitions/${definition}` });
      this.compiled.set(definition, validate);
    }
    return validate;
  }

  /** The API versions the catalog knows for a kind, to suggest one when an apiVersion is unknown. */
  apiVersionsOf(kind: string): string[] {
    return [...this.kinds.keys()].filter((key) => key.endsWith(`/${kind}`)).map((key) => key.slice(0, -kind.length - 1));
  }

  /** The schemas of the CustomResourceDefinitions among an overlay's rendered objects. */
  bundleSchemas(objects: readonly Record<string, unknown>[]): KindSchemas {
    return crdSchemas(objects, this.strict);
  }

  private compileUserSchema(schema: object, what: string): ValidateFunction {
    const known = this.compiledUserSchemas.get(schema);
    if (known) return known;
    // ajv knows one JSON Schema draft; a schema file's `$schema` (kubeval's files name draft-04) need not stop it.
    const withoutDraft: Record<string, unknown> = { ...schema };
    delete withoutDraft.$schema;
    const text = JSON.stringify(withoutDraft);
    let validate = this.compiledUserSchemaTexts.get(text);
    if (!validate) {
      try {
        validate = this.ajv.compile(withoutDraft);
      } catch (error) {
        throw new UserError(`${what} does not compile: ${(error as Error).message}`);
      }
      this.compiledUserSchemaTexts.set(text, validate);
    }
    this.compiledUserSchemas.set(schema, validate);
    return validate;
  }
}

/** dist/schemas beside the bundle; from src/ (tests, tsx) the built dist/schemas of the checkout. */
function findCatalogFile(directory: string | undefined): string {
  // The name is assembled at run time so the bundler does not try to inline the file.
  const name = ['catalog', 'json'].join('.');
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = directory ? [join(directory, name)] : [join(here, 'schemas', name), join(here, '..', '..', 'dist', 'schemas', name)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new UserError(`The schema catalog is missing (looked for ${candidates.join(', ')}); build it with: tsx scripts/build-schemas.ts dist/schemas`);
  }
  return found;
}

/** The definitions with every `additionalProperties: false` removed: what `strict: false` means. */
function relaxed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relaxed);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'additionalProperties' && child === false) continue;
    result[key] = relaxed(child);
  }
  return result;
}
