/**
 * Precompiles the shipped catalog's validators (strict mode), so that `validate` compiles no schema of the catalog at
 * run time: compiling a Deployment's schema with ajv took about 200 ms of a run's start, checking one takes microseconds.
 *
 * ajv's standalone code for every kind at once shares each definition's function among the kinds that use it; that
 * code is cut here into its top-level statements (schema literals, validator functions, helpers), each indexed with
 * the statements it names, and written as catalog-validators.js (the code) and catalog-validators.json (the index).
 * At run time (src/validate/precompiled-validators.ts) a kind's validator is the statements it needs, in their order,
 * evaluated as one function: the same thing ajv does with the code it generates, done at build time.
 *
 * scripts/build-schemas.ts runs it after writing catalog.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import ts from 'typescript';
import { CATALOG_AJV_OPTIONS, CATALOG_ID, PRECOMPILED_CODE_FILE, PRECOMPILED_INDEX_FILE, type PrecompiledIndex } from '../src/validate/catalog-ajv-options.js';
import type { SchemaCatalogFile } from './build-schemas.js';

const require = createRequire(import.meta.url);
// A CommonJS module seen from an ES module: its default import is module.exports, whose `default` is the function.
const standaloneCode = standaloneModule.default;
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;

export function buildPrecompiledValidators(catalog: SchemaCatalogFile): { code: string; index: PrecompiledIndex } {
  // Smaller code (optimize) costs compile time, which is paid here once; what the code checks is the same.
  const ajv = new Ajv({ ...CATALOG_AJV_OPTIONS, code: { source: true, optimize: true } });
  ajv.addSchema({ $id: CATALOG_ID, definitions: catalog.definitions });
  const definitions = [...new Set(Object.values(catalog.kinds))].sort();
  const exportNames = new Map(definitions.map((definition, i) => [`k${i}`, definition]));
  const source = standaloneCode(ajv, Object.fromEntries([...exportNames].map(([name, definition]) => [name, `${CATALOG_ID}#/definitions/${definition}`])));
  if (/\brequire\(/.test(source)) throw new Error('ajv standalone code requires a runtime module; precompiled-validators.ts provides none');

  const file = ts.createSourceFile('validators.js', source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const kept: Array<{ text: string; declares: string[] }> = [];
  const exported = new Map<string, string>();
  for (const statement of file.statements) {
    const text = source.slice(statement.getStart(file), statement.end);
    if (ts.isExpressionStatement(statement)) {
      const expression = statement.expression;
      // `exports.kN = validateM;` names a kind's validator; `"use strict";` goes (the run-time function is strict).
      if (ts.isBinaryExpression(expression) && ts.isPropertyAccessExpression(expression.left) && ts.isIdentifier(expression.right)) {
        exported.set(expression.left.name.text, expression.right.text);
        continue;
      }
      if (ts.isStringLiteral(expression)) continue;
      throw new Error(`unexpected statement in ajv's standalone code: ${text.slice(0, 80)}`);
    }
    if (ts.isFunctionDeclaration(statement) && statement.name) kept.push({ text, declares: [statement.name.text] });
    else if (ts.isVariableStatement(statement))
      kept.push({ text, declares: statement.declarationList.declarations.map((declaration) => (declaration.name as ts.Identifier).text) });
    else throw new Error(`unexpected statement in ajv's standalone code: ${text.slice(0, 80)}`);
  }

  const declaredIn = new Map<string, number>();
  kept.forEach((statement, i) => statement.declares.forEach((name) => declaredIn.set(name, i)));
  let offset = 0;
  const statements = kept.map((statement, i) => {
    // Every word that is a top-level name: one inside a string literal only adds a statement that is not needed.
    const uses = new Set<number>();
    for (const word of statement.text.match(/[A-Za-z_$][\w$]*/g) ?? []) {
      const at = declaredIn.get(word);
      if (at !== undefined && at !== i) uses.add(at);
    }
    const start = offset;
    offset += Buffer.byteLength(statement.text) + 1;
    return [start, offset - 1, ...[...uses].sort((a, b) => a - b)];
  });
  const index: PrecompiledIndex = { ajv: AJV_VERSION, statements, definitions: {} };
  for (const [name, definition] of exportNames) {
    const validator = exported.get(name);
    const at = validator === undefined ? undefined : declaredIn.get(validator);
    if (validator === undefined || at === undefined) throw new Error(`ajv's standalone code has no validator for ${definition}`);
    index.definitions[definition] = [at, validator];
  }
  return { code: `${kept.map((statement) => statement.text).join('\n')}\n`, index };
}

export function writePrecompiledValidators(schemasDir: string): { codeFile: string; kinds: number; statements: number } {
  const catalog = JSON.parse(readFileSync(join(schemasDir, 'catalog.json'), 'utf8')) as SchemaCatalogFile;
  const { code, index } = buildPrecompiledValidators(catalog);
  const codeFile = join(schemasDir, PRECOMPILED_CODE_FILE);
  writeFileSync(codeFile, code);
  writeFileSync(join(schemasDir, PRECOMPILED_INDEX_FILE), `${JSON.stringify(index)}\n`);
  return { codeFile, kinds: Object.keys(index.definitions).length, statements: index.statements.length };
}
