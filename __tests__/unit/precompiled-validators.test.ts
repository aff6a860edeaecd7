import { beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaCatalogFile } from '../../scripts/build-schemas.js';
import { shippedSchemaDirectory } from '../helpers/schema-directory.js';
import { CATALOG_AJV_OPTIONS, CATALOG_ID } from '../../src/validate/catalog-ajv-options.js';
import { PrecompiledValidators } from '../../src/validate/precompiled-validators.js';
import { SchemaCatalog } from '../../src/validate/schema-catalog.js';
import { checkAgainstSchema } from '../../src/validate/schema-validation.js';

/**
 * The validators the build precompiles must check exactly as ajv compiling the same catalog at run time does:
 * the same verdict and the same errors (keyword, place, parameters, data), for every kind of the catalog.
 */

let schemaDirectory: string;
let catalog: SchemaCatalogFile;
let precompiled: PrecompiledValidators;
let ajv: Ajv;

beforeAll(async () => {
  schemaDirectory = await shippedSchemaDirectory();
  catalog = JSON.parse(readFileSync(join(schemaDirectory, 'catalog.json'), 'utf8')) as SchemaCatalogFile;
  precompiled = PrecompiledValidators.load(schemaDirectory)!;
  ajv = new Ajv({ ...CATALOG_AJV_OPTIONS, code: { optimize: false } });
  ajv.addSchema({ $id: CATALOG_ID, definitions: catalog.definitions });
}, 120_000);

const compiledHere = (key: string): ValidateFunction => ajv.compile({ $ref: `${CATALOG_ID}#/definitions/${catalog.kinds[key]}` });

/** What a run can see of an error: everything but the schema objects, which are equal copies, not the same objects. */
const seen = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(({ keyword, instancePath, schemaPath, params, data, message }) => ({ keyword, instancePath, schemaPath, params, data, message }));

function verdicts(key: string, object: unknown) {
  const here = compiledHere(key);
  const built = precompiled.validatorFor(catalog.kinds[key]);
  if (!built) throw new Error(`no precompiled validator for ${key}`);
  const expected = { valid: here(object), errors: seen(here.errors) };
  const actual = { valid: built(object), errors: seen(built.errors) };
  return { expected, actual };
}

const container = { name: 'web', image: 'nginx:1.27', resources: { limits: { cpu: '500m', memory: '1Gi' } } };
const podTemplate = { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } };

describe('precompiled validators check as ajv compiling at run time does', () => {
  test.each([
    {
      key: 'apps/v1/Deployment',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate },
      },
    },
    {
      key: 'apps/v1/Deployment',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: '2', template: podTemplate } },
    },
    {
      key: 'apps/v1/Deployment',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', labelz: {} },
        spec: { selector: {}, template: { spec: { containers: [{ ...container, resources: { limits: { cpu: 'lots' } } }] } } },
      },
    },
    { key: 'v1/Service', object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'Sideways', ports: [{ port: '80' }] } } },
    { key: 'v1/ConfigMap', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' }, data: { replicas: 3 } } },
    {
      key: 'batch/v1/CronJob',
      object: {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'nightly' },
        spec: { schedule: 5, jobTemplate: { spec: { template: podTemplate } } },
      },
    },
    {
      key: 'argoproj.io/v1alpha1/Application',
      object: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'web' },
        spec: { destination: {}, project: 'default', sources: 'x' },
      },
    },
    {
      key: 'helm.toolkit.fluxcd.io/v2/HelmRelease',
      object: { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'web' }, spec: { interval: '5m', chart: { spec: {} } } },
    },
    {
      key: 'cert-manager.io/v1/Certificate',
      object: {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'web' },
        spec: { secretName: 'tls', issuerRef: { name: 'letsencrypt' }, duration: 90 },
      },
    },
  ])('$key: $object.spec', ({ key, object }) => {
    const { expected, actual } = verdicts(key, object);
    expect(actual).toEqual(expected);
  });

  test('every kind of the catalog: the same verdict and errors on an object with no spec and on one with a stray field', () => {
    const differences: string[] = [];
    for (const key of Object.keys(catalog.kinds)) {
      const [apiVersion, kind] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
      for (const object of [
        { apiVersion, kind, metadata: { name: 'x' } },
        { apiVersion, kind, metadata: { name: 'x', namespace: 7 }, spec: { stray: true } },
      ]) {
        const { expected, actual } = verdicts(key, object);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(key);
      }
    }
    expect(differences).toEqual([]);
  }, 60_000);

  // ajv marks what it compiles with its schema environment; the precompiled functions carry none.
  const compiledByAjv = (validate: ValidateFunction | undefined): boolean => (validate as { schemaEnv?: unknown } | undefined)?.schemaEnv !== undefined;

  test('a run of the strict catalog uses them (strict: false compiles its relaxed schemas), with the same messages', () => {
    const strict = SchemaCatalog.load({ strict: true, schemaDirectory, schemaLocations: [], kubernetesVersion: '1.34' });
    const relaxed = SchemaCatalog.load({ strict: false, schemaDirectory, schemaLocations: [], kubernetesVersion: '1.34' });
    const validate = strict.validatorFor('apps/v1', 'Deployment');
    expect(compiledByAjv(validate)).toBe(false);
    expect(compiledByAjv(relaxed.validatorFor('apps/v1', 'Deployment'))).toBe(true);
    expect(compiledByAjv(compiledHere('apps/v1/Deployment'))).toBe(true);
    const object = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replica: 2, template: podTemplate } };
    expect(checkAgainstSchema(validate!, object)).toEqual(checkAgainstSchema(compiledHere('apps/v1/Deployment'), object));
    expect(checkAgainstSchema(validate!, object).map((issue) => issue.message)).toEqual([
      'missing required field "spec.selector"',
      'unknown field "spec.replica"',
    ]);
  });

  test('a directory without them (a catalog built by hand) still validates, compiling at run time', () => {
    expect(PrecompiledValidators.load(tmpdir())).toBeUndefined();
  });
});
