/**
 * Builds the offline schema catalog that `validate` reads at run time
 * (dist/schemas/catalog.json) from the published `kubernetes-models` and
 * `@kubernetes-models/*` packages.
 *
 * Why from the declarations: those packages ship their schemas only as
 * precompiled validators, which accept any unknown field. Their .d.ts files
 * carry the same schema (every property, its type, whether it is required,
 * the values of an enum, which objects are maps), so walking them with the
 * TypeScript checker gives JSON Schemas that can also reject unknown fields
 * (`strict`). What TypeScript cannot say (integer or number; int-or-string or
 * quantity) is asked of the precompiled validators themselves, field by field
 * (scripts/generated-validators.ts). The packages are build-time
 * devDependencies: nothing of them is bundled into dist/index.js.
 *
 * It then writes the catalog's validators, precompiled (scripts/build-validators.ts).
 *
 * Usage: tsx scripts/build-schemas.ts [outDir]   (default dist/schemas)
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { QUANTITY_PATTERN } from '../src/validate/kubernetes-quantity.js';
import { writePrecompiledValidators } from './build-validators.js';
import {
  loadGeneratedValidators,
  numberKindAt,
  stringRuleAt,
  type GeneratedValidator,
  type NumberKind,
  type ProbeSite,
  type ProbeStep,
} from './generated-validators.js';

/** The packages whose kinds the catalog covers; each a devDependency of the project. */
export const SCHEMA_PACKAGES = [
  'kubernetes-models',
  '@kubernetes-models/argo-cd',
  '@kubernetes-models/argo-rollouts',
  '@kubernetes-models/flux-cd',
  '@kubernetes-models/cert-manager',
  '@kubernetes-models/external-secrets',
  '@kubernetes-models/sealed-secrets',
  '@kubernetes-models/prometheus-operator',
  '@kubernetes-models/gateway-api',
] as const;

/** The Kubernetes minor whose built-in kinds kubernetes-models 5.x describes (has resource.k8s.io/v1, GA in 1.34). */
export const SCHEMA_KUBERNETES_VERSION = '1.34';

type JsonSchema = Record<string, unknown>;

export interface SchemaCatalogFile {
  kubernetesVersion: string;
  packages: Record<string, string>;
  /** `apiVersion/kind` → key in definitions. */
  kinds: Record<string, string>;
  definitions: Record<string, JsonSchema>;
}

const require = createRequire(import.meta.url);

function packageRoot(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function declarationFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_schemas' && name !== 'node_modules') walk(full);
      } else if (name.endsWith('.d.ts') && name !== 'index.d.ts') {
        files.push(full);
      }
    }
  };
  walk(root);
  return files;
}

/** How many TypeScript `number`s the generated validators placed, by OpenAPI type; `unprobed` kept `number`. */
export type NumberCounts = Record<NumberKind | 'unprobed', number>;

/** The site one step further in, when there is a site at all. */
function stepInto(site: ProbeSite | undefined, step: ProbeStep): ProbeSite | undefined {
  return site && { validate: site.validate, path: [...site.path, step] };
}

class SchemaWriter {
  readonly definitions: Record<string, JsonSchema> = {};
  readonly numbers: NumberCounts = { int32: 0, integer: 0, number: 0, unprobed: 0 };
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly nodeModules: string,
    /** Declaration file → the generated validator of the model it declares. */
    private readonly validators: ReadonlyMap<string, GeneratedValidator>,
  ) {}

  /** A stable definition key for a named interface: its package path and name, without slashes (JSON pointer friendly). */
  private keyOf(symbol: ts.Symbol): string | undefined {
    const declaration = symbol.declarations?.[0];
    if (!declaration || !ts.isInterfaceDeclaration(declaration)) return undefined;
    const file = relative(this.nodeModules, declaration.getSourceFile().fileName)
      .split(sep)
      .join('/')
      .replace(/\.d\.ts$/, '');
    return `${file}.${symbol.name}`.replace(/[/~]/g, '.');
  }

  /** `site`: where the value sits in a model whose generated validator can be asked about it. */
  schemaOf(type: ts.Type, site?: ProbeSite): JsonSchema {
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (flags & ts.TypeFlags.NumberLiteral) {
      const value = (type as ts.NumberLiteralType).value;
      return { type: Number.isInteger(value) ? 'integer' : 'number', enum: [value] };
    }
    if (flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (flags & ts.TypeFlags.String) return { type: 'string' };
    if (flags & ts.TypeFlags.Number) return this.numberSchema(site);
    if (flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isUnion()) return this.unionSchema(type.types, site);
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: element ? this.schemaOf(element, stepInto(site, 'item')) : {} };
    }
    if (flags & ts.TypeFlags.Object || type.isIntersection()) return this.objectSchema(type, site);
    return {};
  }

  private numberKind(site: ProbeSite | undefined): NumberKind | undefined {
    const kind = site && numberKindAt(site);
    this.numbers[kind ?? 'unprobed']++;
    return kind;
  }

  private numberSchema(site: ProbeSite | undefined): JsonSchema {
    const kind = this.numberKind(site);
    if (kind === 'int32') return { type: 'integer', format: 'int32' };
    return { type: kind === 'integer' ? 'integer' : 'number' };
  }

  /** `number | string`: an int-or-string (IntOrString, or a CRD's x-kubernetes-int-or-string) or a quantity. */
  private numberOrStringSchema(site: ProbeSite | undefined): JsonSchema {
    const kind = this.numberKind(site);
    const schema: JsonSchema = { type: [kind === 'int32' || kind === 'integer' ? 'integer' : 'number', 'string'] };
    const rule = site && stringRuleAt(site);
    if (rule && 'quantity' in rule) schema.pattern = QUANTITY_PATTERN;
    else if (rule) schema.pattern = rule.pattern;
    return schema;
  }

  private unionSchema(members: readonly ts.Type[], site: ProbeSite | undefined): JsonSchema {
    const present = members.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const isPrimitive = (flag: ts.TypeFlags) => present.some((member) => member.flags === flag);
    if (present.length === 2 && isPrimitive(ts.TypeFlags.Number) && isPrimitive(ts.TypeFlags.String)) return this.numberOrStringSchema(site);
    // TypeScript spells `boolean` as the union `true | false`.
    const isBoolean = (member: ts.Type): boolean => (member.flags & ts.TypeFlags.BooleanLiteral) !== 0;
    const rest = present.filter((member) => !isBoolean(member));
    const parts = [...(rest.length < present.length ? [{ type: 'boolean' }] : []), ...rest.map((member) => this.schemaOf(member, site))];
    if (parts.length === 1) return parts[0];
    // A union of literals is an enum (`"Always" | "Never"`, `301 | 302`).
    if (parts.every((part) => part.type === parts[0].type && Array.isArray(part.enum))) {
      return { type: parts[0].type, enum: parts.flatMap((part) => part.enum as unknown[]) };
    }
    if (parts.some((part) => Object.keys(part).length === 0)) return {};
    if (parts.every((part) => Object.keys(part).length === 1 && typeof part.type === 'string')) {
      return { type: [...new Set(parts.map((part) => part.type as string))].sort() };
    }
    return { anyOf: parts };
  }

  private objectSchema(type: ts.Type, site: ProbeSite | undefined): JsonSchema {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const key = symbol ? this.keyOf(symbol) : undefined;
    if (key) {
      if (!this.definitions[key] && !this.inProgress.has(key)) {
        this.inProgress.add(key);
        const validate = this.validators.get(symbol!.declarations![0].getSourceFile().fileName);
        this.definitions[key] = this.inlineObjectSchema(type, validate && { validate, path: [] });
        this.inProgress.delete(key);
      }
      return { $ref: `#/definitions/${key}` };
    }
    return this.inlineObjectSchema(type, site);
  }

  private inlineObjectSchema(type: ts.Type, site: ProbeSite | undefined): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration || ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration)) continue;
      properties[property.name] = this.schemaOf(this.checker.getTypeOfSymbolAtLocation(property, declaration), stepInto(site, { property: property.name }));
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    const index = this.checker.getIndexTypeOfType(type, ts.IndexKind.String);
    // An empty interface is how the models spell "any JSON value" (apiextensions' JSON, JSONSchemaPropsOrBool…).
    if (Object.keys(properties).length === 0 && !index) return {};
    const schema: JsonSchema = { type: 'object' };
    if (Object.keys(properties).length > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required;
    // `additionalProperties: false` is what `strict` means; the loader strips it when strict is off.
    schema.additionalProperties = index ? this.schemaOf(index, stepInto(site, 'entry')) : false;
    return schema;
  }
}

/** A declared kind: an exported interface whose apiVersion and kind are string literals. */
function kindOf(checker: ts.TypeChecker, node: ts.InterfaceDeclaration): { apiVersion: string; kind: string; type: ts.Type } | undefined {
  const type = checker.getTypeAtLocation(node);
  const literal = (name: string): string | undefined => {
    const property = checker.getPropertyOfType(type, name);
    if (!property) return undefined;
    const propertyType = checker.getTypeOfSymbolAtLocation(property, node);
    return propertyType.flags & ts.TypeFlags.StringLiteral ? (propertyType as ts.StringLiteralType).value : undefined;
  };
  const apiVersion = literal('apiVersion');
  const kind = literal('kind');
  return apiVersion && kind ? { apiVersion, kind, type } : undefined;
}

export interface BuiltSchemaCatalog {
  catalog: SchemaCatalogFile;
  numbers: NumberCounts;
}

export async function buildSchemaCatalog(): Promise<BuiltSchemaCatalog> {
  const roots = SCHEMA_PACKAGES.map(packageRoot);
  const nodeModules = resolve(roots[0], '..');
  const files = roots.flatMap(declarationFiles);
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  // Every model the walk can reach, the listed packages' and those they import (apimachinery's ObjectMeta, Quantity…).
  const modelFiles = program
    .getSourceFiles()
    .map((source) => source.fileName)
    .filter((name) => /[\\/]node_modules[\\/](kubernetes-models|@kubernetes-models)[\\/]/.test(name) && name.endsWith('.d.ts'));
  const writer = new SchemaWriter(checker, nodeModules, await loadGeneratedValidators(modelFiles));
  const kinds: Record<string, string> = {};
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const found = kindOf(checker, statement);
      // List kinds (FooList) are what kubectl returns, never what a repo applies.
      if (!found || found.kind.endsWith('List')) continue;
      const reference = writer.schemaOf(found.type);
      // schemaOf puts a named type into definitions and answers with a reference to it.
      const key = String((reference.$ref as string | undefined) ?? '').replace('#/definitions/', '');
      if (key) kinds[`${found.apiVersion}/${found.kind}`] ??= key;
    }
  }
  const packages = Object.fromEntries(
    SCHEMA_PACKAGES.map((name, i) => [name, (JSON.parse(readFileSync(join(roots[i], 'package.json'), 'utf8')) as { version: string }).version]),
  );
  const sortedKinds = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)));
  const sortedDefinitions = Object.fromEntries(Object.entries(writer.definitions).sort(([a], [b]) => a.localeCompare(b)));
  return { catalog: { kubernetesVersion: SCHEMA_KUBERNETES_VERSION, packages, kinds: sortedKinds, definitions: sortedDefinitions }, numbers: writer.numbers };
}

export const CATALOG_FILE_NAME = 'catalog.json';

export async function writeSchemaCatalog(outDir: string): Promise<{ file: string; numbers: NumberCounts }> {
  const { catalog, numbers } = await buildSchemaCatalog();
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, CATALOG_FILE_NAME);
  writeFileSync(file, JSON.stringify(catalog));
  return { file, numbers };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? 'dist/schemas');
  const started = Date.now();
  const { file, numbers } = await writeSchemaCatalog(outDir);
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as SchemaCatalogFile;
  console.log(
    `Wrote ${relative(process.cwd(), file)}: ${Object.keys(catalog.kinds).length} kinds, ${Object.keys(catalog.definitions).length} definitions, ` +
      `${Math.round(statSync(file).size / 1024)} KiB in ${Date.now() - started} ms; numeric fields by their validators: ` +
      `${numbers.int32} int32, ${numbers.integer} other integer, ${numbers.number} number, ${numbers.unprobed} not reached (kept as number).`,
  );
  // Beside the catalog, its validators compiled once here, so that a run compiles none (scripts/build-validators.ts).
  const compiling = Date.now();
  const validators = writePrecompiledValidators(outDir);
  console.log(
    `Wrote ${relative(process.cwd(), validators.codeFile)}: the validators of ${validators.kinds} kinds, ${validators.statements} statements, ` +
      `${Math.round(statSync(validators.codeFile).size / 1024)} KiB in ${Date.now() - compiling} ms.`,
  );
}
