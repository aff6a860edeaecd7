/**
 * What the generated validators of kubernetes-models know and their type
 * declarations lost: TypeScript has one `number`, but Kubernetes' OpenAPI says
 * `integer` (mostly int32) for counts, ports and seconds, and `number` for a
 * few ratios; `IntOrString` and `Quantity` are both `number | string`.
 *
 * Each model's .js registers a validator that ajv compiled from the original
 * OpenAPI schema (`setValidateFunc(Model, validate)` with `validate` imported
 * from `_schemas/…`). Asking that validator about a probe value placed at a
 * field's path gives the field's real type: 0.5 refused as "must be integer"
 * means integer; 2^31 refused by the int32 format means int32; a string refused
 * by the quantity format (or a pattern) means a quantity.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type GeneratedValidator = ((data: unknown) => boolean) & { errors?: ValidatorError[] | null };

/** One step from a model's root to a field: a property, an array's item, or a map's entry. */
export type ProbeStep = { property: string } | 'item' | 'entry';

/** Where a field sits: the validator of the model it belongs to, and the path inside that model. */
export interface ProbeSite {
  validate: GeneratedValidator;
  path: readonly ProbeStep[];
}

export type NumberKind = 'int32' | 'integer' | 'number';

/** What the validator requires of a string that may stand for a number (an int-or-string or a quantity). */
export type StringRule = { quantity: true } | { pattern: string } | undefined;

const ENTRY_KEY = 'probe';

/** The validators of the models declared in `declarationFiles` (X.d.ts → the `_schemas` module X.js imports). */
export async function loadGeneratedValidators(declarationFiles: readonly string[]): Promise<Map<string, GeneratedValidator>> {
  const validators = new Map<string, GeneratedValidator>();
  for (const declarationFile of declarationFiles) {
    const modelFile = declarationFile.replace(/\.d\.ts$/, '.js');
    if (!existsSync(modelFile)) continue;
    const specifier = /import\s*\{\s*validate\s*\}\s*from\s*"([^"]+)"/.exec(readFileSync(modelFile, 'utf8'))?.[1];
    if (!specifier || !specifier.startsWith('.')) continue;
    const module = (await import(pathToFileURL(resolve(dirname(modelFile), specifier)).href)) as { validate?: GeneratedValidator };
    if (typeof module.validate === 'function') validators.set(declarationFile, module.validate);
  }
  return validators;
}

/** The validator's errors exactly at the site's field when `value` is put there. */
function errorsAt(site: ProbeSite, value: unknown): ValidatorError[] {
  let instance = value;
  for (const step of [...site.path].reverse()) {
    instance = step === 'item' ? [instance] : step === 'entry' ? { [ENTRY_KEY]: instance } : { [step.property]: instance };
  }
  const segments = site.path.map((step) => (step === 'item' ? '0' : step === 'entry' ? ENTRY_KEY : step.property.replace(/~/g, '~0').replace(/\//g, '~1')));
  const pointer = segments.map((segment) => `/${segment}`).join('');
  site.validate(instance);
  return (site.validate.errors ?? []).filter((error) => error.instancePath === pointer);
}

/**
 * The OpenAPI type behind a TypeScript `number` at the site; undefined when the
 * validator does not reach the field (it accepts a boolean there), so the
 * caller keeps what the declaration says.
 */
export function numberKindAt(site: ProbeSite): NumberKind | undefined {
  if (errorsAt(site, true).length === 0) return undefined;
  const isInteger = errorsAt(site, 0.5).some((error) => error.keyword === 'type' && [error.params.type].flat().includes('integer'));
  if (!isInteger) return 'number';
  return errorsAt(site, 2 ** 31).some((error) => error.keyword === 'format' && error.params.format === 'int32') ? 'int32' : 'integer';
}

/** What a string at the site must look like, when the validator says more than "a string". */
export function stringRuleAt(site: ProbeSite): StringRule {
  for (const error of errorsAt(site, 'not a number')) {
    if (error.keyword === 'format' && error.params.format === 'quantity') return { quantity: true };
    if (error.keyword === 'pattern' && typeof error.params.pattern === 'string') return { pattern: error.params.pattern };
  }
  return undefined;
}
