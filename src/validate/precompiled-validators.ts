import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { PRECOMPILED_CODE_FILE, PRECOMPILED_INDEX_FILE, type PrecompiledIndex } from './catalog-ajv-options.js';

/**
 * The strict catalog's validators as scripts/build-validators.ts precompiled them: a kind's validator is the
 * statements of ajv's code it needs, read from the code file and evaluated as one function, the way ajv evaluates the
 * code it generates (so a run compiles no schema of the catalog). Each definition is evaluated once per run.
 */
export class PrecompiledValidators {
  private readonly made = new Map<string, ValidateFunction>();

  private constructor(
    private readonly codeFile: string,
    private readonly index: PrecompiledIndex,
  ) {}

  /**
   * The validators beside catalog.json, when the build wrote them there. The code needs nothing of ajv at run time
   * (the build refuses code that requires a module), so it holds whichever ajv the bundle carries.
   */
  static load(schemaDirectory: string): PrecompiledValidators | undefined {
    const indexFile = join(schemaDirectory, PRECOMPILED_INDEX_FILE);
    const codeFile = join(schemaDirectory, PRECOMPILED_CODE_FILE);
    if (!existsSync(indexFile) || !existsSync(codeFile)) return undefined;
    return new PrecompiledValidators(codeFile, JSON.parse(readFileSync(indexFile, 'utf8')) as PrecompiledIndex);
  }

  /** The validator of a catalog definition; undefined when the index has none for it. */
  validatorFor(definition: string): ValidateFunction | undefined {
    const known = this.made.get(definition);
    if (known) return known;
    const root = this.index.definitions[definition] as [number, string] | undefined;
    if (!root) return undefined;
    const [statement, name] = root;
    // ajv's own generated code, evaluated as ajv evaluates the code it generates.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function(`"use strict";\n${this.codeOf(this.closureOf(statement))}\nreturn ${name};`) as () => ValidateFunction;
    const validate = make();
    this.made.set(definition, validate);
    return validate;
  }

  /** The statement and every one it needs, directly or not, in the order of the code. */
  private closureOf(statement: number): number[] {
    const needed = new Set<number>();
    const pending = [statement];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (needed.has(next)) continue;
      needed.add(next);
      pending.push(...this.index.statements[next].slice(2));
    }
    return [...needed].sort((a, b) => a - b);
  }

  /**
   * The statements' text, read from the code file range by range (a Deployment needs about a twentieth of it).
   * Statements follow each other in the file, one a line, so a run of consecutive ones is one read.
   */
  private codeOf(statements: readonly number[]): string {
    const ranges: Array<[number, number]> = [];
    for (const statement of statements) {
      const [start, end] = this.index.statements[statement];
      const last = ranges.at(-1);
      if (last && last[1] + 1 === start) last[1] = end;
      else ranges.push([start, end]);
    }
    const descriptor = openSync(this.codeFile, 'r');
    try {
      return ranges
        .map(([start, end]) => {
          const bytes = Buffer.allocUnsafe(end - start);
          for (let read = 0; read < bytes.length;) {
            const got = readSync(descriptor, bytes, read, bytes.length - read, start + read);
            if (got === 0) throw new Error(`${this.codeFile} ends before byte ${end}: rebuild dist/schemas`);
            read += got;
          }
          return bytes.toString('utf8');
        })
        .join('\n');
    } finally {
      closeSync(descriptor);
    }
  }
}
