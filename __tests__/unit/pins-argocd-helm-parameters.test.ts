import { describe, expect, test } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { argocdHelmParametersEditor as editor, setWouldRetype } from '../../src/pins/argocd-helm-parameters-editor.js';
import { expectOnlyValueLines, expectedAt, fixtureText, fixturesOf, pinOf, valueAt, VARIANTS } from '../helpers/helm-pin-fixtures.js';
import { sparseLineDiff } from '../helpers/sparse-line-diff.js';
import type { Pin, PinnedImagePaths } from '../../src/types.js';

const SHA = `sha256:${'a'.repeat(64)}`;
const lines = (...text: string[]): string => text.join('\n');
const FILE = 'apps/web/application.yaml';

function pin(images: PinnedImagePaths[] = [{ name: 'web', paths: {} }]): Pin {
  return { kind: 'argocd-helm-parameters', file: FILE, images, digestInTag: false };
}

/** An Application whose one source is a chart, with `helm` lines (indented for spec.source.helm) or none. */
function app(...helm: string[]): string {
  return lines(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: web',
    'spec:',
    '  project: default',
    '  source:',
    '    repoURL: https://charts.example.com',
    '    chart: web',
    '    targetRevision: 1.0.0',
    ...helm,
    '  destination:',
    '    namespace: web',
    '',
  );
}

function edit(source: string, args: string[], images?: PinnedImagePaths[]) {
  return editor.edit(pin(images), source, parseImageArguments(args));
}

describe('argocd-helm-parameters: a path edited where Argo CD takes it from', () => {
  // [title, source, arguments, expected text]
  test.each<[string, string, string[], string]>([
    [
      'a parameter: its value, quoting kept',
      app(
        '    helm:',
        '      parameters:',
        '        - name: image.tag',
        '          value: "1.0.0" # CI',
        '        - name: replicaCount',
        "          value: '2'",
      ),
      ['web:1.1.0'],
      app(
        '    helm:',
        '      parameters:',
        '        - name: image.tag',
        '          value: "1.1.0" # CI',
        '        - name: replicaCount',
        "          value: '2'",
      ),
    ],
    [
      'a parameter whose new value --set would read as a number gets forceString',
      app('    helm:', '      parameters:', '        - name: image.tag', '          value: v1'),
      ['web:20240101'],
      app('    helm:', '      parameters:', '        - name: image.tag', '          value: "20240101"', '          forceString: true'),
    ],
    [
      'forceString: false becomes true for such a value',
      app('    helm:', '      parameters:', '        - {name: image.tag, value: v1, forceString: false}'),
      ['web:123'],
      app('    helm:', '      parameters:', '        - {name: image.tag, value: "123", forceString: true}'),
    ],
    [
      'a parameter wins over valuesObject: the parameter is edited',
      app('    helm:', '      valuesObject:', '        image:', '          tag: v1', '      parameters:', '      - name: image.tag', '        value: v1'),
      ['web:v2'],
      app('    helm:', '      valuesObject:', '        image:', '          tag: v1', '      parameters:', '      - name: image.tag', '        value: v2'),
    ],
    [
      'valuesObject: edited in place',
      app('    helm:', '      valuesObject:', '        image:', '          repository: ghcr.io/acme/web', '          tag: v1 # pinned'),
      ['web=ghcr.io/acme/web2:v2'],
      app('    helm:', '      valuesObject:', '        image:', '          repository: ghcr.io/acme/web2', '          tag: v2 # pinned'),
    ],
    [
      'values: the YAML in the string edited, only its line changes',
      app(
        '    helm:',
        '      values: |',
        '        image:',
        '          repository: ghcr.io/acme/web',
        '          tag: "1.0"',
        '',
        '        service:',
        '          port: 80',
      ),
      ['web:1.1'],
      app(
        '    helm:',
        '      values: |',
        '        image:',
        '          repository: ghcr.io/acme/web',
        '          tag: "1.1"',
        '',
        '        service:',
        '          port: 80',
      ),
    ],
    [
      'values is ignored when valuesObject is set (as Argo CD does): a parameter is added',
      app('    helm:', '      valuesObject:', '        replicas: 2', '      values: |', '        image:', '          tag: v1'),
      ['web:v2'],
      app(
        '    helm:',
        '      valuesObject:',
        '        replicas: 2',
        '      values: |',
        '        image:',
        '          tag: v1',
        '      parameters:',
        '      - name: image.tag',
        '        value: v2',
        '        forceString: true',
      ),
    ],
    [
      'a path set nowhere is appended to the parameters, in their style and key order',
      app('    helm:', '      parameters:', '        - value: "2"', '          name: replicaCount'),
      ['web=ghcr.io/acme/web:v2'],
      app(
        '    helm:',
        '      parameters:',
        '        - value: "2"',
        '          name: replicaCount',
        '        - value: "ghcr.io/acme/web"',
        '          name: image.repository',
        '          forceString: true',
        '        - value: "v2"',
        '          name: image.tag',
        '          forceString: true',
      ),
    ],
    [
      'flow entries get a flow entry',
      app('    helm:', '      parameters:', '      - {name: replicaCount, value: "2"}'),
      ['web:v2'],
      app('    helm:', '      parameters:', '      - {name: replicaCount, value: "2"}', '      - {name: image.tag, value: "v2", forceString: true}'),
    ],
    [
      'a flow list gets one more entry',
      app('    helm:', '      parameters: [{name: replicaCount, value: "2"}]'),
      ['web:v2'],
      app('    helm:', '      parameters: [{name: replicaCount, value: "2"}, {name: image.tag, value: "v2", forceString: true}]'),
    ],
    [
      'an empty list gets its first entry',
      app('    helm:', '      parameters: []'),
      ['web:v2'],
      app('    helm:', '      parameters: [{name: image.tag, value: v2, forceString: true}]'),
    ],
    [
      'a chart source without helm gets helm.parameters',
      app(),
      [`web:v2@${SHA}`],
      app(
        '    helm:',
        '      parameters:',
        '      - name: image.tag',
        '        value: v2',
        '        forceString: true',
        '      - name: image.digest',
        `        value: ${SHA}`,
        '        forceString: true',
      ),
    ],
    [
      'CRLF kept',
      app('    helm:', '      parameters:', '      - name: image.tag', '        value: v1').replace(/\n/g, '\r\n'),
      ['web:v2'],
      app('    helm:', '      parameters:', '      - name: image.tag', '        value: v2').replace(/\n/g, '\r\n'),
    ],
  ])('%s', (_, source, args, expected) => {
    const result = edit(source, args);
    expect(result.text).toBe(expected);
    expect(result.changes).toHaveLength(1);
    expect(edit(result.text, args)).toEqual({ text: result.text, changes: [] });
    expect(sparseLineDiff(source, result.text).removed.length).toBeLessThanOrEqual(2);
  });

  test('a parameter named in Helm --set syntax matches the pin path of the same keys', () => {
    const source = app('    helm:', '      parameters:', '      - name: images.ghcr\\.io/acme/web.tag', '        value: v1');
    const result = edit(source, ['web:v2'], [{ name: 'web', paths: { tag: 'images["ghcr.io/acme/web"].tag' } }]);
    expect(result.text).toBe(source.replace('value: v1', 'value: v2'));
  });

  test('a new parameter for a key with a dot is named as --set reads it', () => {
    const result = edit(app(), ['web:v2'], [{ name: 'web', paths: { tag: 'images["ghcr.io/acme/web"].tag' } }]);
    expect(result.text).toContain('- name: images.ghcr\\.io/acme/web.tag');
  });

  const sources = (...items: string[][]) =>
    lines('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: web', 'spec:', '  sources:', ...items.flat(), '  destination: {}', '');
  const refSource = ['  - repoURL: https://git.example.com/config.git', '    ref: values'];
  const chartSource = (name: string, ...helm: string[]) => [`  - repoURL: https://charts.example.com`, `    chart: ${name}`, ...helm];

  test('spec.sources: only the sources with helm settings are edited, and spec.source is ignored', () => {
    const source = sources(
      refSource,
      chartSource('redis'),
      chartSource('web', '    helm:', '      valueFiles: [$values/web/values.yaml]', '      parameters:', '        - name: image.tag', '          value: v1'),
    );
    const result = edit(source, ['web:v2']);
    expect(result.text).toBe(source.replace('value: v1', 'value: v2'));
    expect(result.changes[0].location).toBe('spec.sources[2].helm.parameters[0] (image.tag)');
  });

  test('spec.sources with several helm sources: the one that holds the path', () => {
    const source = sources(
      chartSource('api', '    helm:', '      valuesObject:', '        image: {repository: ghcr.io/acme/api, tag: v1}'),
      chartSource('web', '    helm:', '      valuesObject:', '        image: {repository: ghcr.io/acme/web, tag: v1}'),
    );
    const result = edit(source, ['ghcr.io/acme/web:v2'], [{ name: '', paths: {} }]);
    expect(result.text).toBe(source.replace('ghcr.io/acme/web, tag: v1', 'ghcr.io/acme/web, tag: v2'));
  });

  test('an ApplicationSet: its template is edited', () => {
    const source = lines(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata:',
      '  name: web',
      'spec:',
      '  generators: [{list: {elements: [{env: prod}]}}]',
      '  template:',
      '    metadata:',
      "      name: 'web-{{env}}'",
      '    spec:',
      '      source:',
      '        chart: web',
      '        helm:',
      '          parameters:',
      '            - name: image.tag',
      '              value: v1',
      '',
    );
    expect(edit(source, ['web:v2']).text).toBe(source.replace('value: v1', 'value: v2'));
  });

  test('read: each image where Argo CD takes it from', () => {
    const source = app(
      '    helm:',
      '      valuesObject:',
      '        image: {repository: ghcr.io/acme/web, tag: v1}',
      '      parameters:',
      '        - name: image.tag',
      '          value: v1-hotfix',
    );
    expect(editor.read(pin([{ name: '', paths: {} }]), source)).toEqual([
      {
        name: 'ghcr.io/acme/web',
        values: { newName: 'ghcr.io/acme/web', newTag: 'v1-hotfix', digest: '' },
        location: 'spec.source.helm.parameters[0] (image.tag)',
        line: 15,
      },
    ]);
  });

  test.each<[string, string, string[], string]>([
    [
      'a file with no Application',
      'apiVersion: v1\nkind: ConfigMap\n',
      ['web:v2'],
      `${FILE} holds no Argo CD Application (apiVersion argoproj.io/v1alpha1, kind Application or ApplicationSet).`,
    ],
    [
      'an Application with no Helm source',
      app().replace('    chart: web\n', '    path: overlays/prod\n'),
      ['web:v2'],
      `${FILE}: spec has no source with helm settings or a chart, so there are no Helm parameters to edit.`,
    ],
    [
      'parameters that are not a list',
      app('    helm:', '      parameters:'),
      ['web:v2'],
      `${FILE}: spec.source.helm.parameters is not a list; write it as a list of name and value (or remove it).`,
    ],
    [
      'values that are a mapping',
      app('    helm:', '      values:', '        image: {tag: v1}'),
      ['web:v2'],
      `${FILE}: spec.source.helm.values is not a string; Argo CD reads it as YAML text: write it as a block (values: |), or use valuesObject.`,
    ],
    [
      'folded values that hold the path',
      app('    helm:', '      values: >', '        image:', '          tag: v1'),
      ['web:v2'],
      `${FILE}: spec.source.helm.values is a folded (>) string; write it as a literal block (values: |) to have it edited.`,
    ],
    ['values that do not parse', app('    helm:', '      values: |', '        image: [v1'), ['web:v2'], `${FILE}: spec.source.helm.values is not valid YAML: `],
    [
      "an ApplicationSet's templated value",
      lines(
        'apiVersion: argoproj.io/v1alpha1',
        'kind: ApplicationSet',
        'spec:',
        '  template:',
        '    spec:',
        '      source:',
        '        chart: web',
        '        helm:',
        '          parameters:',
        '          - name: image.tag',
        "            value: '{{tag}}'",
        '',
      ),
      ['web:v2'],
      `${FILE}: spec.template.spec.source.helm.parameters[0] (image.tag) is '{{tag}}', which the ApplicationSet's generators fill in; ` +
        "pin the image where the generator's value comes from.",
    ],
  ])('refused in one line: %s', (_, source, args, message) => {
    const run = () => edit(source, args);
    expect(run).toThrow(UserError);
    expect(run).toThrow(message);
    expect(run).toThrow(/^[^\n]+$/);
  });

  test.each([
    ['1234', true],
    ['0', true],
    ['true', true],
    ['NULL', true],
    ['0123', false],
    ['1.10', false],
    ['1e5', false],
    ['99999999999999999999', false],
    ['v1.2.3', false],
  ])('Helm --set would retype %j: %s', (value, retyped) => {
    expect(setWouldRetype(value)).toBe(retyped);
  });
});

describe('real-world Argo CD Applications and ApplicationSets (__tests__/fixtures/pins/helm/argocd)', () => {
  const fixtures = fixturesOf(['argocd-helm-parameters']);
  const cases = fixtures
    .filter(([, entry]) => entry.refused === undefined)
    .flatMap(([file, entry]) =>
      entry.images.flatMap((image, index) =>
        VARIANTS.filter((variant) => variant.applies(image, false)).map((variant) => ({ file, entry, image, index, variant })),
      ),
    );

  test.each(cases.map((c) => [`${c.file} #${c.index} ${c.image.name}: ${c.variant.label}`, c] as const))('%s', (_, c) => {
    const { file, entry, image, index, variant } = c;
    const source = fixtureText(file);
    const pin = pinOf(file, entry, [image]);
    const [held] = editor.read(pin, source);
    const edit = editor.edit(pin, source, parseImageArguments([variant.argument(held.name)]));
    const after = variant.after(held.values);
    for (const [path, value] of expectedAt(image, after, false)) {
      expect({ path, value: valueAt(entry.kind, edit.text, path) }).toEqual({ path, value });
    }
    expect(edit.changes).toHaveLength(1);
    expect(edit.changes[0].after).toEqual(after);
    // A parameter added is up to three lines per field (name, value, forceString), plus `parameters:` when the source had none.
    expectOnlyValueLines(source, edit.text, 3);
    expect(editor.edit(pin, edit.text, parseImageArguments([variant.argument(held.name)]))).toEqual({ text: edit.text, changes: [] });
    const everyImage = pinOf(file, entry);
    const others = (images: ReturnType<typeof editor.read>) => images.filter((_, i) => i !== index).map((image) => image.values);
    expect(others(editor.read(everyImage, edit.text))).toEqual(others(editor.read(everyImage, source)));
  });

  test.each(fixtures.filter(([, entry]) => entry.refused !== undefined))('%s is refused in one line', (file, entry) => {
    const edit = () => editor.edit(pinOf(file, entry), fixtureText(file), parseImageArguments([`${entry.images[0].name}:1.2.3`]));
    expect(edit).toThrow(UserError);
    expect(edit).toThrow(entry.refused);
    expect(edit).toThrow(/^[^\n]+$/);
  });
});
