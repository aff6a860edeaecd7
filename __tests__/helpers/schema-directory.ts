import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSchemaCatalog } from '../../scripts/build-schemas.js';
import { writePrecompiledValidators } from '../../scripts/build-validators.js';

/** The schemas the build ships (dist/schemas: the catalog and its precompiled validators), or both built here when dist/ has none. */
export async function shippedSchemaDirectory(): Promise<string> {
  const built = join(process.cwd(), 'dist', 'schemas');
  if (existsSync(join(built, 'catalog.json')) && existsSync(join(built, 'catalog-validators.json'))) return built;
  const directory = mkdtempSync(join(tmpdir(), 'schemas-'));
  await writeSchemaCatalog(directory);
  writePrecompiledValidators(directory);
  return directory;
}
