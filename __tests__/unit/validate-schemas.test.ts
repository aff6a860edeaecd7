import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSchemaCatalog } from '../../scripts/build-schemas.js';
import { crdSchemas } from '../../src/validate/crd-schemas.js';
import { removedIn, parseKubernetesVersion } from '../../src/validate/kubernetes-versions.js';
import { SchemaCatalog } from '../../src/validate/schema-catalog.js';
import { checkAgainstSchema, fieldPath } from '../../src/validate/schema-validation.js';
import { expandTemplate } from '../../src/validate/user-schemas.js';

/** The catalog the build ships (dist/schemas), or one built here when dist/ has none. */
let schemaDirectory: string;
beforeAll(() => {
  const built = join(process.cwd(), 'dist', 'schemas');
  if (existsSync(join(built, 'catalog.json'))) schemaDirectory = built;
  else {
    schemaDirectory = mkdtempSync(join(tmpdir(), 'schemas-'));
    writeSchemaCatalog(schemaDirectory);
  }
}, 120_000);

const load = (strict: boolean, schemaLocations: string[] = []) => SchemaCatalog.load({ strict, schemaDirectory, schemaLocations, kubernetesVersion: '1.34' });

const deployment = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', creationTimestamp: null }, spec });
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1' }] } };
const selector = { matchLabels: { app: 'web' } };

describe('the shipped schema catalog', () => {
  test('covers the built-in kinds and the CRDs GitOps repos hold', () => {
    const catalog = load(true);
    for (const key of [
      'apps/v1/Deployment', 'v1/Service', 'batch/v1/CronJob', 'networking.k8s.io/v1/Ingress',
      'argoproj.io/v1alpha1/Application', 'argoproj.io/v1alpha1/Rollout', 'kustomize.toolkit.fluxcd.io/v1/Kustomization',
      'helm.toolkit.fluxcd.io/v2/HelmRelease', 'cert-manager.io/v1/Certificate', 'external-secrets.io/v1/ExternalSecret',
      'bitnami.com/v1alpha1/SealedSecret', 'monitoring.coreos.com/v1/ServiceMonitor', 'gateway.networking.k8s.io/v1/HTTPRoute',
    ]) expect(catalog.kinds.has(key)).toBe(true);
  });

  test.each([
    { name: 'valid', spec: { replicas: 2, selector, template }, strict: true, messages: [] },
    { name: 'wrong type', spec: { replicas: '2', selector, template }, strict: true, messages: ['spec.replicas: expected number, got string'] },
    { name: 'missing required', spec: { template }, strict: true, messages: ['missing required field "spec.selector"'] },
    { name: 'unknown field, strict', spec: { replica: 2, selector, template }, strict: true, messages: ['unknown field "spec.replica"'] },
    { name: 'unknown field, not strict', spec: { replica: 2, selector, template }, strict: false, messages: [] },
    { name: 'enum', spec: { selector, template: { ...template, spec: { containers: [{ name: 'w', image: 'a:1', imagePullPolicy: 'Sometimes' }] } } }, strict: true, messages: ['spec.template.spec.containers[0].imagePullPolicy: "Sometimes" is not one of "Never", "Always", "IfNotPresent"'] },
  ])('Deployment, $name → $messages', ({ spec, strict, messages }) => {
    const validate = load(strict).validatorFor('apps/v1', 'Deployment')!;
    expect(checkAgainstSchema(validate, deployment(spec)).map((issue) => issue.message)).toEqual(messages);
  });

  test('an unknown kind has no validator; its group\'s other versions are listed', () => {
    const catalog = load(true);
    expect(catalog.validatorFor('apps/v2', 'Deployment')).toBeUndefined();
    expect(catalog.apiVersionsOf('Deployment')).toContain('apps/v1');
  });
});

describe('custom resource schemas', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'Widget' },
      versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'integer' }, port: { 'x-kubernetes-int-or-string': true }, extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } } } } }],
    },
  };
  const widget = (spec: Record<string, unknown>) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });

  test.each([
    { spec: { size: 1, port: 'http', extra: { anything: 1 } }, messages: [] },
    { spec: { size: 'big' }, messages: ['spec.size: expected integer, got string'] },
    { spec: {}, messages: ['missing required field "spec.size"'] },
    { spec: { size: 1, colour: 'red' }, messages: ['unknown field "spec.colour"'] },
  ])('from a CRD in the same overlay: $spec → $messages', ({ spec, messages }) => {
    const catalog = load(true);
    const validate = catalog.validatorFor('example.com/v1', 'Widget', crdSchemas([crd], true))!;
    expect(checkAgainstSchema(validate, widget(spec)).map((issue) => issue.message)).toEqual(messages);
  });

  test('from schema-locations: a folder of CRDs, and a kubeconform-style template', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crds-'));
    writeFileSync(join(folder, 'widget.yaml'), JSON.stringify(crd));
    const templateDir = mkdtempSync(join(tmpdir(), 'tpl-'));
    writeFileSync(join(templateDir, 'gadget_v1.json'), JSON.stringify({ type: 'object', required: ['spec'] }));
    const catalog = load(true, [folder, `${templateDir}/{{ .ResourceKind }}_{{.ResourceAPIVersion}}.json`]);
    expect(catalog.validatorFor('example.com/v1', 'Widget')).toBeDefined();
    const gadget = catalog.validatorFor('example.com/v1', 'Gadget')!;
    expect(checkAgainstSchema(gadget, { apiVersion: 'example.com/v1', kind: 'Gadget' }).map((issue) => issue.message)).toEqual(['missing required field "spec"']);
  });

  test.each([
    ['{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json', 'example.com/v1', 'Widget', 'example.com/widget_v1.json'],
    ['{{ .NormalizedKubernetesVersion }}{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json', 'apps/v1', 'Deployment', 'v1.34.0-strict/deployment-apps-v1.json'],
  ])('expandTemplate(%s, %s %s) = %s', (template, apiVersion, kind, expected) => {
    expect(expandTemplate(template, apiVersion, kind, true, '1.34')).toBe(expected);
  });
});

describe('kubernetes-version', () => {
  test.each([
    ['batch/v1beta1', 'CronJob', '1.24', undefined],
    ['batch/v1beta1', 'CronJob', '1.25', 25],
    ['extensions/v1beta1', 'Deployment', '1.16', 16],
    ['extensions/v1beta1', 'Ingress', '1.21', undefined],
    ['extensions/v1beta1', 'Ingress', 'v1.22.3', 22],
    ['apps/v1', 'Deployment', '1.34', undefined],
  ])('%s %s at %s → removed in %s', (apiVersion, kind, version, minor) => {
    expect(removedIn(apiVersion, kind, parseKubernetesVersion(version))).toBe(minor);
  });

  test('a malformed version names the input', () => {
    expect(() => parseKubernetesVersion('latest')).toThrow("Input 'kubernetes-version'");
  });

  test('fieldPath prints kubectl-style paths', () => {
    expect(fieldPath('/spec/template/spec/containers/0/image')).toBe('spec.template.spec.containers[0].image');
    expect(fieldPath('/metadata/annotations/a~1b')).toBe('metadata.annotations.a/b');
  });
});
