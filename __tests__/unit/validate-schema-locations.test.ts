import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { fileNameMatches, isResourceSchema, schemaFileName, type SchemaFileName } from '../../src/validate/schema-files.js';
import { expandTemplate, UserSchemaLocations } from '../../src/validate/user-schemas.js';
import { checkSchemaLocations } from '../../src/validate/schema-location-template.js';

/** `schema-locations`: kubeconform-style templates, and files or folders of CRDs and JSON Schemas. */

const VARIABLES = '.NormalizedKubernetesVersion, .StrictSuffix, .ResourceKind, .ResourceAPIVersion, .Group, .KindSuffix';

describe('kubeconform-style templates', () => {
  test.each([
    ['{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json', 'example.com/v1', 'Widget', true, 'example.com/widget_v1.json'],
    [
      '{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json',
      'monitoring.coreos.com/v1',
      'ServiceMonitor',
      true,
      'monitoring.coreos.com/servicemonitor_v1.json',
    ],
    ['{{  .ResourceKind  }}.json', 'apps/v1', 'Deployment', true, 'deployment.json'],
    [
      '{{ .NormalizedKubernetesVersion }}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json',
      'apps/v1',
      'Deployment',
      true,
      'v1.34.0-standalone-strict/deployment-apps-v1.json',
    ],
    [
      '{{ .NormalizedKubernetesVersion }}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json',
      'v1',
      'Service',
      false,
      'v1.34.0-standalone/service-v1.json',
    ],
    ['{{.ResourceKind}}{{.KindSuffix}}.json', 'networking.k8s.io/v1', 'Ingress', true, 'ingress-networking-v1.json'],
    // kubeconform's Group is the part before the slash: for a core kind, the version.
    ['{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json', 'v1', 'ConfigMap', true, 'v1/configmap_v1.json'],
    // Go's trim markers drop the white space beside the action.
    ['schemas/ {{- .ResourceKind -}} .json', 'v1', 'Secret', true, 'schemas/secret.json'],
  ])('%s for %s %s (strict %s) → %s', (template, apiVersion, kind, strict, expected) => {
    expect(expandTemplate(template, apiVersion, kind, strict, '1.34')).toBe(expected);
  });

  test.each([
    [
      'foo {{ .Foo }}',
      `Input 'schema-locations': 'foo {{ .Foo }}' uses the unknown template variable .Foo; the variables are ${VARIABLES}, as in kubeconform.`,
    ],
    [
      'schemas/{{ .resourceKind }}.json',
      `Input 'schema-locations': 'schemas/{{ .resourceKind }}.json' uses the unknown template variable .resourceKind (did you mean .ResourceKind?); ` +
        `the variables are ${VARIABLES}, as in kubeconform.`,
    ],
    [
      'schemas/{{ printf "%s" .Group }}.json',
      `Input 'schema-locations': 'schemas/{{ printf "%s" .Group }}.json' uses '{{ printf "%s" .Group }}', which is not a template variable; ` +
        `the variables are ${VARIABLES}, as in kubeconform.`,
    ],
    [
      'schemas/{{}}.json',
      `Input 'schema-locations': 'schemas/{{}}.json' uses '{{}}', which is not a template variable; the variables are ${VARIABLES}, as in kubeconform.`,
    ],
    ['schemas/{{ .Group', "Input 'schema-locations': 'schemas/{{ .Group' has a '{{' with no closing '}}'."],
  ])('%s is refused in one line naming the input', (template, message) => {
    expect(() => checkSchemaLocations(['crds/', template])).toThrow(new InputError('schema-locations', message.replace("Input 'schema-locations': ", '')));
    expect(() => new UserSchemaLocations([template], true, '1.34')).toThrow(message);
  });
});

describe("JSON Schema file names, as kubeconform's tools write them", () => {
  test.each<[string, SchemaFileName | undefined]>([
    ['widget_v1.json', { kind: 'widget', version: 'v1', group: 'any' }],
    ['Widget_V1alpha1.json', { kind: 'widget', version: 'v1alpha1', group: 'any' }],
    ['example.com/widget_v1beta2.json', { kind: 'widget', version: 'v1beta2', group: { exact: 'example.com' } }],
    ['not-a-group/widget_v1.json', { kind: 'widget', version: 'v1', group: 'any' }],
    ['deployment-apps-v1.json', { kind: 'deployment', version: 'v1', group: { firstLabel: 'apps' } }],
    ['certificate-cert-manager-v1.json', { kind: 'certificate', version: 'v1', group: { firstLabel: 'cert-manager' } }],
    ['certificate-cert-manager.io-v1.yaml', { kind: 'certificate', version: 'v1', group: { exact: 'cert-manager.io' } }],
    ['service-v1.json', { kind: 'service', version: 'v1', group: 'core' }],
    ['widget.json', undefined],
    ['_definitions.json', undefined],
    ['widget_latest.json', undefined],
  ])('%s → %j', (path, expected) => {
    expect(schemaFileName(path)).toEqual(expected);
  });

  test.each<[string, string, string, boolean]>([
    ['widget_v1.json', 'example.com/v1', 'Widget', true],
    ['widget_v1.json', 'other.io/v1', 'Widget', true],
    ['widget_v1.json', 'example.com/v2', 'Widget', false],
    ['example.com/widget_v1.json', 'example.com/v1', 'Widget', true],
    ['example.com/widget_v1.json', 'other.io/v1', 'Widget', false],
    ['deployment-apps-v1.json', 'apps/v1', 'Deployment', true],
    ['certificate-cert-manager-v1.json', 'cert-manager.io/v1', 'Certificate', true],
    ['certificate-cert-manager-v1.json', 'acme.cert-manager.io/v1', 'Certificate', false],
    ['service-v1.json', 'v1', 'Service', true],
    ['service-v1.json', 'serving.knative.dev/v1', 'Service', false],
  ])('%s describes %s %s: %s', (path, apiVersion, kind, expected) => {
    expect(fileNameMatches(schemaFileName(path)!, apiVersion, kind)).toBe(expected);
  });

  test.each<[Record<string, unknown>, boolean]>([
    [{ type: 'object', properties: {} }, true],
    [{ properties: { spec: {} } }, true],
    [{ 'x-kubernetes-group-version-kind': [{ group: '', kind: 'Service', version: 'v1' }], oneOf: [] }, true],
    [{ apiVersion: 'v1', kind: 'ConfigMap', data: {} }, false],
    [{ definitions: {} }, false],
    [{ name: 'a-package', type: 'module' }, false],
  ])('%j is a resource schema: %s', (document, expected) => {
    expect(isResourceSchema(document)).toBe(expected);
  });
});

describe('files and folders of schemas', () => {
  const write = (root: string, files: Record<string, unknown>): string => {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return root;
  };
  const folder = (files: Record<string, unknown>): string => write(mkdtempSync(join(tmpdir(), 'schema-locations-')), files);
  const schema = (title: string, extra: Record<string, unknown> = {}) => ({ title, type: 'object', ...extra });

  test('a plain JSON Schema file is the schema of the kind its name or its x-kubernetes-group-version-kind says', () => {
    const root = folder({
      'gadget_v1.json': schema('gadget'),
      'example.org/gizmo_v1.json': schema('gizmo'),
      'deployment.json': schema('deployment', { 'x-kubernetes-group-version-kind': [{ group: 'apps', kind: 'Deployment', version: 'v1' }] }),
      'service-v1.json': schema('service'),
      'kustomization.yaml': 'resources: []\n',
      '_definitions.json': { definitions: {} },
      'notes.txt': 'not a schema',
    });
    const locations = new UserSchemaLocations([root], true, '1.34');
    const title = (apiVersion: string, kind: string) => (locations.schemaFor(apiVersion, kind)?.schema as { title?: string } | undefined)?.title;
    expect(title('example.com/v1', 'Gadget')).toBe('gadget');
    expect(title('example.org/v1', 'Gizmo')).toBe('gizmo');
    expect(title('example.com/v1', 'Gizmo')).toBeUndefined();
    expect(title('apps/v1', 'Deployment')).toBe('deployment');
    expect(title('v1', 'Service')).toBe('service');
    expect(locations.schemaFor('example.com/v1', 'Gadget')?.origin).toBe(join(root, 'gadget_v1.json'));
  });

  test('a JSON Schema file given by itself is used too', () => {
    const root = folder({ 'gadget_v1.json': schema('gadget') });
    expect(new UserSchemaLocations([join(root, 'gadget_v1.json')], true, '1.34').schemaFor('example.com/v1', 'Gadget')?.origin).toBe(
      join(root, 'gadget_v1.json'),
    );
  });

  test('locations are asked in the order given; the first that has the kind wins', () => {
    const first = folder({ 'gadget_v1.json': schema('first') });
    const second = folder({ 'gadget_v1.json': schema('second'), 'gizmo_v1.json': schema('gizmo') });
    const locations = new UserSchemaLocations([first, second], true, '1.34');
    expect((locations.schemaFor('example.com/v1', 'Gadget')?.schema as { title: string }).title).toBe('first');
    expect((locations.schemaFor('example.com/v1', 'Gizmo')?.schema as { title: string }).title).toBe('gizmo');
  });

  test.each([
    [
      'a JSON Schema whose kind neither its name nor its content says',
      { 'widget.json': schema('w') },
      'widget.json',
      new RegExp(
        String.raw`widget\.json is a JSON Schema, but of which kind cannot be told: give it an x-kubernetes-group-version-kind, ` +
          String.raw`or name the file <kind>_<version>\.json or <kind>-<group>-<version>\.json\.$`,
      ),
    ],
    [
      'a file with no CRD and no JSON Schema',
      { 'configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
      'configmap.yaml',
      /configmap\.yaml' holds no CustomResourceDefinition and no JSON Schema\.$/,
    ],
    [
      'a folder with no CRD and no JSON Schema',
      { 'kustomization.yaml': 'resources: []\n' },
      '',
      /' holds no CustomResourceDefinition and no JSON Schema \(in its \.yaml, \.yml or \.json files\)\.$/,
    ],
  ])('%s is refused, never passed over', (_name, files, entry, message) => {
    const root = folder(files);
    const location = entry ? join(root, entry) : root;
    expect(() => new UserSchemaLocations([location], true, '1.34')).toThrow(InputError);
    expect(() => new UserSchemaLocations([location], true, '1.34')).toThrow(message);
  });
});
