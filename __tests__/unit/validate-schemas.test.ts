import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedSchemaDirectory } from '../helpers/schema-directory.js';
import { crdSchemas } from '../../src/validate/crd-schemas.js';
import { removedIn, parseKubernetesVersion } from '../../src/validate/kubernetes-versions.js';
import { SchemaCatalog } from '../../src/validate/schema-catalog.js';
import { checkAgainstSchema, fieldPath } from '../../src/validate/schema-validation.js';

/** The catalog the build ships (dist/schemas), or one built here when dist/ has none. */
let schemaDirectory: string;
beforeAll(async () => {
  schemaDirectory = await shippedSchemaDirectory();
}, 120_000);

const loaded = new Map<boolean, SchemaCatalog>();
/** The catalog, loaded once per strictness when no schema-locations are given (ajv compiles each kind once per load). */
const load = (strict: boolean, schemaLocations: string[] = []): SchemaCatalog => {
  if (schemaLocations.length > 0) return SchemaCatalog.load({ strict, schemaDirectory, schemaLocations, kubernetesVersion: '1.34' });
  if (!loaded.has(strict)) loaded.set(strict, SchemaCatalog.load({ strict, schemaDirectory, schemaLocations, kubernetesVersion: '1.34' }));
  return loaded.get(strict)!;
};

const deployment = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', creationTimestamp: null }, spec });
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1' }] } };
const selector = { matchLabels: { app: 'web' } };

describe('the shipped schema catalog', () => {
  test('covers the built-in kinds and the CRDs GitOps repos hold', () => {
    const catalog = load(true);
    for (const key of [
      'apps/v1/Deployment',
      'v1/Service',
      'batch/v1/CronJob',
      'networking.k8s.io/v1/Ingress',
      'argoproj.io/v1alpha1/Application',
      'argoproj.io/v1alpha1/Rollout',
      'kustomize.toolkit.fluxcd.io/v1/Kustomization',
      'helm.toolkit.fluxcd.io/v2/HelmRelease',
      'cert-manager.io/v1/Certificate',
      'external-secrets.io/v1/ExternalSecret',
      'bitnami.com/v1alpha1/SealedSecret',
      'monitoring.coreos.com/v1/ServiceMonitor',
      'gateway.networking.k8s.io/v1/HTTPRoute',
    ])
      expect(catalog.kinds.has(key)).toBe(true);
  });

  test.each([
    { name: 'valid', spec: { replicas: 2, selector, template }, strict: true, messages: [] },
    { name: 'wrong type', spec: { replicas: '2', selector, template }, strict: true, messages: ['spec.replicas: expected integer, got string'] },
    { name: 'missing required', spec: { template }, strict: true, messages: ['missing required field "spec.selector"'] },
    { name: 'unknown field, strict', spec: { replica: 2, selector, template }, strict: true, messages: ['unknown field "spec.replica"'] },
    { name: 'unknown field, not strict', spec: { replica: 2, selector, template }, strict: false, messages: [] },
    {
      name: 'enum',
      spec: { selector, template: { ...template, spec: { containers: [{ name: 'w', image: 'a:1', imagePullPolicy: 'Sometimes' }] } } },
      strict: true,
      messages: ['spec.template.spec.containers[0].imagePullPolicy: "Sometimes" is not one of "Never", "Always", "IfNotPresent"'],
    },
  ])('Deployment, $name → $messages', ({ spec, strict, messages }) => {
    const validate = load(strict).validatorFor('apps/v1', 'Deployment')!;
    expect(checkAgainstSchema(validate, deployment(spec)).map((issue) => issue.message)).toEqual(messages);
  });

  test("an unknown kind has no validator; its group's other versions are listed", () => {
    const catalog = load(true);
    expect(catalog.validatorFor('apps/v2', 'Deployment')).toBeUndefined();
    expect(catalog.apiVersionsOf('Deployment')).toContain('apps/v1');
  });
});

/** Each leaf schema of the shipped catalog with its place, to find how a field is typed. */
function catalogLeaves(value: unknown, at: string, found: Array<{ at: string; schema: Record<string, unknown> }>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) return value.forEach((item, index) => catalogLeaves(item, `${at}[${index}]`, found));
  found.push({ at, schema: value as Record<string, unknown> });
  for (const [key, child] of Object.entries(value)) if (key !== 'enum') catalogLeaves(child, `${at}.${key}`, found);
}

describe("the shipped catalog keeps what Kubernetes' OpenAPI says", () => {
  const container = (fields: Record<string, unknown>) => ({ name: 'web', image: 'nginx:1', ...fields });
  const withContainer = (fields: Record<string, unknown>) => deployment({ selector, template: { ...template, spec: { containers: [container(fields)] } } });
  const service = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', ...metadata },
    spec,
  });
  const customResourceDefinition = (size: Record<string, unknown>) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { kind: 'Widget', plural: 'widgets' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { size } } } }],
    },
  });
  const containerField = 'spec.template.spec.containers[0]';

  test.each([
    {
      probe: 'integer: replicas 2.5 is refused, saying integer',
      object: deployment({ replicas: 2.5, selector, template }),
      messages: ['spec.replicas: expected integer, got number'],
    },
    { probe: 'integer: replicas 3', object: deployment({ replicas: 3, selector, template }), messages: [] },
    {
      probe: 'integer: containerPort 8080.5',
      object: withContainer({ ports: [{ containerPort: 8080.5 }] }),
      messages: [`${containerField}.ports[0].containerPort: expected integer, got number`],
    },
    {
      probe: 'integer, not int-or-string: containerPort "http"',
      object: withContainer({ ports: [{ containerPort: 'http' }] }),
      messages: [`${containerField}.ports[0].containerPort: expected integer, got string`],
    },
    { probe: "number: a CRD schema's maximum takes 2.5", object: customResourceDefinition({ type: 'number', minimum: 0.5, maximum: 2.5 }), messages: [] },
    {
      probe: 'number: a string is still refused',
      object: customResourceDefinition({ type: 'number', maximum: '2.5' }),
      messages: ['spec.versions[0].schema.openAPIV3Schema.properties.size.maximum: expected number, got string'],
    },
    { probe: 'int-or-string: targetPort "http"', object: service({ ports: [{ port: 80, targetPort: 'http' }] }), messages: [] },
    { probe: 'int-or-string: targetPort 8080', object: service({ ports: [{ port: 80, targetPort: 8080 }] }), messages: [] },
    {
      probe: 'int-or-string: targetPort 80.5',
      object: service({ ports: [{ port: 80, targetPort: 80.5 }] }),
      messages: ['spec.ports[0].targetPort: expected integer or string, got number'],
    },
    {
      probe: 'int-or-string: maxSurge "25%" and maxUnavailable 1',
      object: deployment({ selector, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } }),
      messages: [],
    },
    {
      probe: 'quantities: "500m", 1, "1Gi", 0.5',
      object: withContainer({ resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: 1, memory: 0.5 } } }),
      messages: [],
    },
    {
      probe: 'quantities: "1Gb" is not one',
      object: withContainer({ resources: { limits: { memory: '1Gb' } } }),
      messages: [`${containerField}.resources.limits.memory: "1Gb" is not a quantity (such as 500m, 1Gi or 2)`],
    },
    {
      probe: 'quantities: a boolean is not one',
      object: withContainer({ resources: { requests: { cpu: true } } }),
      messages: [`${containerField}.resources.requests.cpu: expected number or string, got boolean`],
    },
    {
      probe: 'enum: imagePullPolicy "Sometimes"',
      object: withContainer({ imagePullPolicy: 'Sometimes' }),
      messages: [`${containerField}.imagePullPolicy: "Sometimes" is not one of "Never", "Always", "IfNotPresent"`],
    },
    {
      probe: 'enum: Service type "Internal"',
      object: service({ type: 'Internal', ports: [{ port: 80 }] }),
      messages: ['spec.type: "Internal" is not one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    },
    {
      probe: 'required: a port without its port',
      object: service({ ports: [{ targetPort: 8080 }] }),
      messages: ['missing required field "spec.ports[0].port"'],
    },
    {
      probe: 'closed object, strict: an unknown field of a port',
      object: service({ ports: [{ port: 80, targetPortt: 8080 }] }),
      messages: ['unknown field "spec.ports[0].targetPortt"'],
    },
    {
      probe: 'closed object, strict: an unknown field of metadata',
      object: service({ ports: [{ port: 80 }] }, { labelz: { app: 'web' } }),
      messages: ['unknown field "metadata.labelz"'],
    },
    { probe: 'closed object, not strict: an unknown field passes', object: service({ ports: [{ port: 80, targetPortt: 8080 }] }), strict: false, messages: [] },
    {
      probe: 'map: labels and annotations take any key',
      object: service({ ports: [{ port: 80 }] }, { labels: { 'app.kubernetes.io/name': 'web', anything: 'x' }, annotations: { 'example.com/note': 'y' } }),
      messages: [],
    },
    {
      probe: 'map: a label value is a string',
      object: service({ ports: [{ port: 80 }] }, { labels: { replicas: 3 } }),
      messages: ['metadata.labels.replicas: expected string, got integer'],
    },
    {
      probe: 'map: ConfigMap data takes any key',
      object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { LOG_LEVEL: 'info', 'app.properties': 'a=b' } },
      messages: [],
    },
  ])('$probe', ({ object, strict, messages }) => {
    const validate = load(strict ?? true).validatorFor(String(object.apiVersion), String(object.kind))!;
    expect(checkAgainstSchema(validate, object as Record<string, unknown>).map((issue) => issue.message)).toEqual(messages);
  });

  test("no field is typed number but those Kubernetes declares number (a CRD schema's bounds)", () => {
    const catalog = JSON.parse(readFileSync(join(schemaDirectory, 'catalog.json'), 'utf8')) as { definitions: Record<string, unknown> };
    const found: Array<{ at: string; schema: Record<string, unknown> }> = [];
    for (const [key, definition] of Object.entries(catalog.definitions)) catalogLeaves(definition, key, found);
    const numbers = found.filter(({ schema }) => schema.type === 'number' || (Array.isArray(schema.type) && schema.type.includes('number') && !schema.pattern));
    expect([...new Set(numbers.map(({ at }) => at.replace(/^.*\.(I\w+)\.properties\./, '$1.')))].sort()).toEqual([
      'IJSONSchemaProps.maximum',
      'IJSONSchemaProps.minimum',
      'IJSONSchemaProps.multipleOf',
    ]);
    expect(found.filter(({ schema }) => schema.type === 'integer').length).toBeGreaterThan(500);
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
      versions: [
        {
          name: 'v1',
          served: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  required: ['size'],
                  properties: {
                    size: { type: 'integer' },
                    port: { 'x-kubernetes-int-or-string': true },
                    extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  },
                },
              },
            },
          },
        },
      ],
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
    expect(checkAgainstSchema(gadget, { apiVersion: 'example.com/v1', kind: 'Gadget' }).map((issue) => issue.message)).toEqual([
      'missing required field "spec"',
    ]);
  });

  test('from schema-locations: one folder holding CRDs and plain JSON Schemas, each checking its kind', () => {
    const folder = mkdtempSync(join(tmpdir(), 'schemas-'));
    mkdirSync(join(folder, 'crds'));
    writeFileSync(join(folder, 'crds', 'widget.yaml'), JSON.stringify(crd));
    writeFileSync(join(folder, 'kustomization.yaml'), 'resources:\n  - crds/widget.yaml\n');
    const sizeSchema = { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'integer' } } } } };
    writeFileSync(join(folder, 'gadget_v1.json'), JSON.stringify(sizeSchema));
    writeFileSync(
      join(folder, 'gizmo.json'),
      JSON.stringify({ ...sizeSchema, 'x-kubernetes-group-version-kind': [{ group: 'example.com', kind: 'Gizmo', version: 'v1beta1' }] }),
    );
    const catalog = load(true, [folder]);
    const messages = (apiVersion: string, kind: string, spec: Record<string, unknown>) =>
      checkAgainstSchema(catalog.validatorFor(apiVersion, kind)!, { apiVersion, kind, metadata: { name: 'x' }, spec }).map((issue) => issue.message);
    expect(messages('example.com/v1', 'Widget', { size: 'big' })).toEqual(['spec.size: expected integer, got string']);
    expect(messages('example.com/v1', 'Gadget', {})).toEqual(['missing required field "spec.size"']);
    expect(messages('example.com/v1beta1', 'Gizmo', { size: 2.5 })).toEqual(['spec.size: expected integer, got number']);
    expect(catalog.validatorFor('example.com/v1', 'Gizmo')).toBeUndefined();
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
