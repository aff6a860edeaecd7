import type { Options } from 'ajv';

/**
 * How the shipped catalog's schemas are compiled, at run time (schema-catalog.ts) and at build time into the
 * precompiled validators (scripts/build-validators.ts): one set of options, so the two check alike.
 * Each definition is compiled once as its own function (inlineRefs: false), shared by every kind that refers to it;
 * allErrors and verbose give every problem of a resource with the data at fault, which the messages quote.
 */
export const CATALOG_AJV_OPTIONS = {
  strict: false,
  allErrors: true,
  verbose: true,
  validateFormats: false,
  logger: false,
  inlineRefs: false,
} as const satisfies Options;

/** The catalog's id in ajv: the kinds' schemas refer to `${CATALOG_ID}#/definitions/<definition>`. */
export const CATALOG_ID = 'gitops-promote-kubernetes';

/** The files beside catalog.json that hold the precompiled validators of the strict catalog. */
export const PRECOMPILED_CODE_FILE = 'catalog-validators.js';
export const PRECOMPILED_INDEX_FILE = 'catalog-validators.json';

/**
 * The index of the precompiled code: ajv's standalone output for every kind of the catalog, cut into its top-level
 * statements (a schema literal, a validator function, a shared helper), each with the statements it uses, so a run
 * evaluates only what the kinds it meets need.
 */
export interface PrecompiledIndex {
  /** The ajv version that wrote the code (for the record: the code needs no ajv to run). */
  ajv: string;
  /** Per statement: its byte range in the code file, then the indexes of the statements it refers to. */
  statements: number[][];
  /** Catalog definition of a kind → [index of the statement declaring its validator, the validator's name]. */
  definitions: Record<string, [number, string]>;
}
