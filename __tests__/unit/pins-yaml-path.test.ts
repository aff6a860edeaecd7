import { describe, expect, test } from '@jest/globals';
import { parseDocument } from 'yaml';
import { UserError } from '../../src/errors.js';
import { applySplices } from '../../src/kustomize/yaml-text.js';
import { embeddedYaml } from '../../src/pins/embedded-yaml.js';
import { formatHelmSetName, formatValuesPath, parseValuesPath, sameValuesPath, tryParseValuesPath, type PathSegment } from '../../src/pins/values-path.js';
import { lookupPath, readValue, writeValues, type ValueWrite } from '../../src/pins/yaml-path.js';
import { parseYamlDocument, yamlText } from '../../src/pins/yaml-source.js';
import { sparseLineDiff } from '../helpers/sparse-line-diff.js';
import type { Scalar, YAMLMap } from 'yaml';

const lines = (...text: string[]): string => text.join('\n');
const FILE = 'values.yaml';

describe('parseValuesPath', () => {
  test.each<[string, PathSegment[]]>([
    ['image.tag', [{ key: 'image' }, { key: 'tag' }]],
    ['images.web.tag', [{ key: 'images' }, { key: 'web' }, { key: 'tag' }]],
    ['sidecars[0].image.tag', [{ key: 'sidecars' }, { index: 0 }, { key: 'image' }, { key: 'tag' }]],
    ['matrix[2][10]', [{ key: 'matrix' }, { index: 2 }, { index: 10 }]],
    ['images["ghcr.io/acme/web"].tag', [{ key: 'images' }, { key: 'ghcr.io/acme/web' }, { key: 'tag' }]],
    ["images['a.b'].tag", [{ key: 'images' }, { key: 'a.b' }, { key: 'tag' }]],
    ['podAnnotations.prometheus\\.io/scrape', [{ key: 'podAnnotations' }, { key: 'prometheus.io/scrape' }]],
    ['redis-ha.exporter.image', [{ key: 'redis-ha' }, { key: 'exporter' }, { key: 'image' }]],
    [
      'controllers.app.containers.gatus-sidecar.image',
      [{ key: 'controllers' }, { key: 'app' }, { key: 'containers' }, { key: 'gatus-sidecar' }, { key: 'image' }],
    ],
    ['[1].tag', [{ index: 1 }, { key: 'tag' }]],
  ])('%s', (text, segments) => {
    expect(parseValuesPath(text, 'pin')).toEqual(segments);
    expect(tryParseValuesPath(text)).toEqual(segments);
    expect(parseValuesPath(formatValuesPath(segments), 'pin')).toEqual(segments);
    expect(parseValuesPath(formatHelmSetName(segments), 'pin')).toEqual(segments);
  });

  test.each([
    ['', 'is empty'],
    ['a..b', 'has an empty key at character 3'],
    ['a.', 'ends with a dot'],
    ['.a', 'has an empty key at character 1'],
    ['a[', "has an unclosed '[' at character 2"],
    ['a[x]', "has '[x]', which is not a list index"],
    ['a[-1]', "has '[-1]', which is not a list index"],
    ['a[01]', "has '[01]', which is not a list index"],
    ['a]b', "has a ']' with no '[' at character 2"],
    ['a[0]b', 'needs a dot before character 5'],
    ['a\\', 'ends with a backslash'],
    ['a["b', 'has an unclosed [" at character 2'],
    ['a[""]', 'has an empty key at character 2'],
  ])('%j is refused: %s', (text, problem) => {
    expect(() => parseValuesPath(text, 'helm-values: values.yaml')).toThrow(
      new UserError(
        `helm-values: values.yaml: the path '${text}' ${problem}; write keys separated by dots, list indexes as [0], and a key with a dot in it as ["a.b"].`,
      ),
    );
    expect(tryParseValuesPath(text)).toBeNull();
  });

  test.each<[PathSegment[], string, string]>([
    [[{ key: 'image' }, { key: 'tag' }], 'image.tag', 'image.tag'],
    [[{ key: 'a.b' }, { index: 0 }, { key: 'c' }], '["a.b"][0].c', 'a\\.b[0].c'],
    [[{ key: 'x=y,z' }], 'x=y,z', 'x\\=y\\,z'],
    [[{ key: 'a b' }], '["a b"]', 'a b'],
  ])('formats %j as %s and as Helm --set writes it, %s', (segments, path, helm) => {
    expect(formatValuesPath(segments)).toBe(path);
    expect(formatHelmSetName(segments)).toBe(helm);
    expect(sameValuesPath(segments, parseValuesPath(helm, 'pin'))).toBe(true);
  });
});

function root(source: string) {
  const text = yamlText(source, FILE);
  return { text, document: parseYamlDocument(text) };
}

const path = (text: string): PathSegment[] => parseValuesPath(text, 'pin');
const write = (at: string, value: string): ValueWrite => ({ path: path(at), value, role: 'the tag' });

function written(source: string, writes: ValueWrite[], protectedPaths: string[] = []): string {
  return applySplices(source, writeValues(root(source), writes, new Set(protectedPaths)));
}

describe('writeValues: a scalar set in its style, missing keys added in the file style', () => {
  // [title, source, writes, expected]
  test.each<[string, string, ValueWrite[], string]>([
    ['plain, comment on the line kept', 'image:\n  tag: 1.2.3 # pinned\n', [write('image.tag', '1.2.4')], 'image:\n  tag: 1.2.4 # pinned\n'],
    ['double-quoted stays double-quoted', 'image:\n  tag: "1.2.3"\n', [write('image.tag', 'v2')], 'image:\n  tag: "v2"\n'],
    ["single-quoted stays single-quoted, with '' inside", "image:\n  tag: 'v1'\n", [write('image.tag', "it's")], "image:\n  tag: 'it''s'\n"],
    ['a plain number-looking tag is quoted: 1.10', 'image:\n  tag: v1\n', [write('image.tag', '1.10')], 'image:\n  tag: "1.10"\n'],
    ['a plain hex-looking tag is quoted: 0e12ab4', 'image:\n  tag: v1\n', [write('image.tag', '0e12ab4')], 'image:\n  tag: "0e12ab4"\n'],
    ['an integer tag is quoted', 'image:\n  tag: v1\n', [write('image.tag', '20240101')], 'image:\n  tag: "20240101"\n'],
    ['the float 1.10 is not the string 1.10: rewritten quoted', 'image:\n  tag: 1.10\n', [write('image.tag', '1.10')], 'image:\n  tag: "1.10"\n'],
    ['a value that is already there: nothing changes', 'image:\n  tag: "1.2"\n', [write('image.tag', '1.2')], 'image:\n  tag: "1.2"\n'],
    ['flow mapping, in place', 'image: {repository: web, tag: v1}\n', [write('image.tag', 'v2')], 'image: {repository: web, tag: v2}\n'],
    ['flow mapping, a key added', 'image: {repository: web}\n', [write('image.tag', 'v2')], 'image: {repository: web, tag: v2}\n'],
    ['padded flow mapping, a key added', 'image: { repository: web }\n', [write('image.tag', 'v2')], 'image: { repository: web, tag: v2 }\n'],
    ['empty flow mapping, a key added', 'image: {}\nother: 1\n', [write('image.tag', 'v2')], 'image: {tag: v2}\nother: 1\n'],
    [
      'missing key after the siblings, at their indentation',
      lines('image:', '  repository: web', '  pullPolicy: Always', '', 'service: {}', ''),
      [write('image.tag', 'v2')],
      lines('image:', '  repository: web', '  pullPolicy: Always', '  tag: v2', '', 'service: {}', ''),
    ],
    [
      'missing mappings, in the file indentation (4)',
      lines('replicas: 1', 'service:', '    port: 80', ''),
      [write('web.image.tag', 'v2'), write('web.image.repository', 'ghcr.io/a/web')],
      lines('replicas: 1', 'service:', '    port: 80', 'web:', '    image:', '        tag: v2', '        repository: ghcr.io/a/web', ''),
    ],
    [
      'added keys quoted as their siblings are',
      lines('image:', '  repository: "ghcr.io/a/web"', ''),
      [write('image.tag', 'v2')],
      lines('image:', '  repository: "ghcr.io/a/web"', '  tag: "v2"', ''),
    ],
    ['a key with no value gets keys below it', lines('image:', 'other: 1', ''), [write('image.tag', 'v2')], lines('image:', '  tag: v2', 'other: 1', '')],
    [
      'a key whose value is ~ gets keys below it',
      lines('image: ~ # set by CI', 'other: 1', ''),
      [write('image.tag', 'v2')],
      lines('image: # set by CI', '  tag: v2', 'other: 1', ''),
    ],
    [
      'an empty scalar is filled',
      lines('image:', '  tag:', '  pullPolicy: Always', ''),
      [write('image.tag', 'v2')],
      lines('image:', '  tag: v2', '  pullPolicy: Always', ''),
    ],
    ['an empty scalar with a comment is filled, comment kept', 'image:\n  tag:  # the tag\n', [write('image.tag', 'v2')], 'image:\n  tag: v2  # the tag\n'],
    [
      'null and ~ are replaced',
      'image:\n  tag: null\n  digest: ~\n',
      [write('image.tag', 'v2'), write('image.digest', 'sha256:abc')],
      'image:\n  tag: v2\n  digest: sha256:abc\n',
    ],
    [
      'CRLF kept, in place and added',
      'image:\r\n  repository: web\r\n  tag: v1\r\n',
      [write('image.tag', 'v2'), write('image.digest', 'sha256:abc')],
      'image:\r\n  repository: web\r\n  tag: v2\r\n  digest: sha256:abc\r\n',
    ],
    ['a file without a final line break', 'image:\n  repository: web', [write('image.tag', 'v2')], 'image:\n  repository: web\n  tag: v2'],
    ['an empty file', '', [write('image.tag', 'v2')], 'image:\n  tag: v2\n'],
    ['a file of comments only', '# values for dev\n', [write('image.tag', 'v2')], '# values for dev\nimage:\n  tag: v2\n'],
    [
      'a list index',
      lines('sidecars:', '  - name: proxy', '    image:', '      tag: v1', '  - name: log', '    image:', '      tag: v1', ''),
      [write('sidecars[1].image.tag', 'v2')],
      lines('sidecars:', '  - name: proxy', '    image:', '      tag: v1', '  - name: log', '    image:', '      tag: v2', ''),
    ],
    [
      'a key quoted in the file',
      lines('images:', '  "ghcr.io/a/web": v1', ''),
      [write('images["ghcr.io/a/web"]', 'v2')],
      lines('images:', '  "ghcr.io/a/web": v2', ''),
    ],
    [
      'an alias whose every use gets the value: edited at the anchor',
      lines('version: &version 1.0.0', 'web:', '  tag: *version', 'api:', '  tag: *version', ''),
      [write('web.tag', '1.1.0'), write('api.tag', '1.1.0')],
      lines('version: &version 1.1.0', 'web:', '  tag: *version', 'api:', '  tag: *version', ''),
    ],
    [
      'an anchor on the image itself, and its one alias, set together',
      lines('web:', '  tag: &tag v1', 'worker:', '  tag: *tag', ''),
      [write('web.tag', 'v2'), write('worker.tag', 'v2')],
      lines('web:', '  tag: &tag v2', 'worker:', '  tag: *tag', ''),
    ],
    [
      'a scalar a merge key supplies: overridden beside the <<',
      lines('defaults: &defaults', '  repository: web', '  tag: v1', 'web:', '  <<: *defaults', '  replicas: 2', ''),
      [write('web.tag', 'v2')],
      lines('defaults: &defaults', '  repository: web', '  tag: v1', 'web:', '  <<: *defaults', '  replicas: 2', '  tag: v2', ''),
    ],
    [
      'an anchor elsewhere in the file is no concern',
      lines('port: &port 80', 'probe:', '  port: *port', 'image:', '  tag: v1', ''),
      [write('image.tag', 'v2')],
      lines('port: &port 80', 'probe:', '  port: *port', 'image:', '  tag: v2', ''),
    ],
  ])('%s', (_, source, writes, expected) => {
    const text = written(source, writes);
    expect(text).toBe(expected);
    // Only the changed lines differ, or only lines are added.
    const diff = sparseLineDiff(source, text);
    expect(diff.removed.length).toBeLessThanOrEqual(writes.length);
    expect(written(text, writes)).toBe(text);
  });

  test('a block scalar becomes a one-line scalar', () => {
    expect(written(lines('image:', '  tag: |', '    v1', 'other: 1', ''), [write('image.tag', 'v2')])).toBe(lines('image:', '  tag: v2', 'other: 1', ''));
  });

  test.each<[string, string, ValueWrite[], string, ...string[]]>([
    [
      'a path that ends at a mapping',
      'image:\n  tag:\n    value: 1\n',
      [write('image.tag', 'v2')],
      'values.yaml: image.tag is a mapping, not a scalar; name the scalar that holds the tag.',
    ],
    [
      'a path that ends at a list',
      'image:\n  tag: [a]\n',
      [write('image.tag', 'v2')],
      'values.yaml: image.tag is a list, not a scalar; name the scalar that holds the tag.',
    ],
    [
      'a path that crosses a scalar',
      'image: nginx:1.2\n',
      [write('image.tag', 'v2')],
      "values.yaml: image is 'nginx:1.2', not a mapping, so it has no key 'tag'; " +
        'name the path that holds the tag (a whole image reference is a reference path).',
    ],
    [
      'a key into a list',
      'sidecars:\n  - image: {tag: v1}\n',
      [write('sidecars.image.tag', 'v2')],
      "values.yaml: sidecars is a list, not a mapping, so it has no key 'image'; write sidecars[0] and the keys after it.",
    ],
    ['an index into a mapping', 'image: {tag: v1}\n', [write('image[0]', 'v2')], 'values.yaml: image is a mapping, not a list, so image[0] does not exist.'],
    [
      'a list entry that does not exist',
      'sidecars:\n  - name: a\n',
      [write('sidecars[2].image.tag', 'v2')],
      'values.yaml: sidecars[2] does not exist, so sidecars[2].image.tag cannot be set; add that list entry first.',
    ],
    [
      'an alias whose other use is not set',
      lines('version: &version 1.0.0', 'web:', '  tag: *version', 'api:', '  tag: *version', ''),
      [write('web.tag', '1.1.0')],
      'values.yaml: web.tag is the alias *version (line 3) of the anchor &version on line 1, which api.tag (line 5) also uses; ' +
        'set both to the same value in this edit, or give web.tag its own value instead of the alias.',
    ],
    [
      'an alias set to two values',
      lines('version: &version 1.0.0', 'web:', '  tag: *version', 'api:', '  tag: *version', ''),
      [write('web.tag', '1.1.0'), write('api.tag', '1.2.0')],
      'values.yaml: web.tag is the alias *version (line 3) of the anchor &version on line 1, which api.tag (line 5) also uses; ' +
        'set both to the same value in this edit, or give web.tag its own value instead of the alias.',
    ],
    [
      'an anchored value edited where an alias elsewhere reads it',
      lines('web:', '  tag: &tag v1', 'worker:', '  tag: *tag', ''),
      [write('web.tag', 'v2')],
      'values.yaml: web.tag holds the anchor &tag (line 2), which worker.tag (line 4) also uses; ' +
        'set both to the same value in this edit, or give web.tag its own value instead of the alias.',
    ],
    [
      'an alias whose anchor is another image of the pin',
      lines('web:', '  tag: &tag v1', 'worker:', '  tag: *tag', ''),
      [write('worker.tag', 'v2')],
      'values.yaml: worker.tag is the alias *tag (line 4) of the anchor &tag on line 2, which web.tag (line 2) also uses; ' +
        'set both to the same value in this edit, or give worker.tag its own value instead of the alias.',
      'web.tag',
      'worker.tag',
    ],
    [
      'a mapping reached through an alias',
      lines('web:', '  image: &image {repository: web, tag: v1}', 'worker:', '  image: *image', ''),
      [write('worker.image.tag', 'v2')],
      'values.yaml: worker.image.tag is the alias *image (line 4) of the anchor &image on line 2, which web.image.tag (line 2) also uses; ' +
        'set both to the same value in this edit, or give worker.image.tag its own value instead of the alias.',
    ],
    [
      'a key added to a mapping two paths share',
      lines('web:', '  image: &image {repository: web}', 'worker:', '  image: *image', ''),
      [write('web.image.tag', 'v2')],
      'values.yaml: web.image.tag would be added to a mapping that web.image (line 2) and worker.image (line 4) share through an anchor; ' +
        'add the key there by hand, or give each its own mapping.',
    ],
    [
      'a key below a merged mapping',
      lines('defaults: &defaults', '  image: {repository: web, tag: v1}', 'web:', '  <<: *defaults', ''),
      [write('web.image.tag', 'v2')],
      'values.yaml: web.image.tag comes from the merge key (<<) on line 4; give web.image its own keys to set it here.',
    ],
    [
      'one path, two values',
      'image:\n  tag: v1\n',
      [write('image.tag', 'v2'), write('image.tag', 'v3')],
      "values.yaml: image.tag would be set to both 'v2' and 'v3'; give it one value.",
    ],
  ])('refused: %s', (_, source, writes, message, ...protectedPaths) => {
    expect(() => written(source, writes, protectedPaths)).toThrow(new UserError(message));
  });

  test('a file that does not parse is refused in one line naming it', () => {
    expect(() => root('image:\n  tag: [v1\n')).toThrow(/^values\.yaml is not valid YAML: [^\n]+\.$/);
  });
});

describe('lookupPath and readValue', () => {
  test.each<[string, string, { value: string; exists: boolean; line: number }]>([
    ['image:\n  tag: 1.10\n', 'image.tag', { value: '1.10', exists: true, line: 2 }],
    ['image:\n  tag: "v1"\n', 'image.tag', { value: 'v1', exists: true, line: 2 }],
    ['image:\n  tag:\n', 'image.tag', { value: '', exists: true, line: 2 }],
    ['image:\n  repository: web\n', 'image.tag', { value: '', exists: false, line: 2 }],
    ['v: &v 1.0\nweb:\n  tag: *v\n', 'web.tag', { value: '1.0', exists: true, line: 3 }],
    ['d: &d {tag: v9}\nweb:\n  <<: *d\n', 'web.tag', { value: 'v9', exists: true, line: 1 }],
    ['', 'image.tag', { value: '', exists: false, line: 1 }],
  ])('%j at %s', (source, at, expected) => {
    const values = root(source);
    const held = readValue(values, path(at), 'the tag');
    expect({ value: held.value, exists: held.exists, line: values.text.lineOf(held.offset) }).toEqual(expected);
  });

  test('a missing key reports where it would go', () => {
    const found = lookupPath(root('image:\n  repository: web\n'), path('image.tag'), 'the tag');
    expect(found.kind).toBe('missing');
    expect(found.kind === 'missing' && found.rest).toEqual([{ key: 'tag' }]);
  });
});

describe('embeddedYaml: YAML inside a literal block, edited line by line', () => {
  function inner(source: string) {
    const outer = yamlText(source, 'app.yaml');
    const document = parseDocument(source);
    const pair = (document.contents as YAMLMap).items[0];
    return embeddedYaml(outer, pair, pair.value as Scalar, 'values');
  }

  test.each<[string, string, ValueWrite[], string]>([
    [
      'in place',
      lines('values: |', '  image:', '    tag: v1', 'other: 1', ''),
      [write('image.tag', 'v2')],
      lines('values: |', '  image:', '    tag: v2', 'other: 1', ''),
    ],
    [
      'a key added before a blank line',
      lines('values: |', '  image:', '    repository: web', '', '  service: {}', 'other: 1', ''),
      [write('image.tag', 'v2')],
      lines('values: |', '  image:', '    repository: web', '    tag: v2', '', '  service: {}', 'other: 1', ''),
    ],
    [
      'a key added at the end of the block',
      lines('values: |-', '  image:', '    repository: web', 'other: 1', ''),
      [write('image.tag', 'v2')],
      lines('values: |-', '  image:', '    repository: web', '    tag: v2', 'other: 1', ''),
    ],
    [
      'a mapping added to the block',
      lines('values: |', '  replicas: 1', 'other: 1', ''),
      [write('image.tag', 'v2')],
      lines('values: |', '  replicas: 1', '  image:', '    tag: v2', 'other: 1', ''),
    ],
    [
      'CRLF',
      'values: |\r\n  image:\r\n    repository: web\r\nother: 1\r\n',
      [write('image.tag', 'v2')],
      'values: |\r\n  image:\r\n    repository: web\r\n    tag: v2\r\nother: 1\r\n',
    ],
    [
      'an explicit indentation indicator',
      lines('values: |4', '    image:', '      tag: v1', 'other: 1', ''),
      [write('image.tag', 'v2')],
      lines('values: |4', '    image:', '      tag: v2', 'other: 1', ''),
    ],
  ])('%s', (_, source, writes, expected) => {
    const embedded = inner(source);
    const document = parseYamlDocument(embedded.text);
    const text = applySplices(source, embedded.toOuter(writeValues({ text: embedded.text, document }, writes)));
    expect(text).toBe(expected);
    expect(parseDocument(text).errors).toEqual([]);
  });

  test('lines of the inner YAML are the lines of the file', () => {
    const embedded = inner(lines('values: |', '  image:', '    tag: v1', ''));
    expect(embedded.text.lineOf(embedded.text.source.indexOf('tag'))).toBe(3);
  });

  test.each([
    ['values: >\n  image:\n    tag: v1\n', 'app.yaml: values is a folded (>) string; write it as a literal block (values: |) to have it edited.'],
    ['values: "image: {tag: v1}"\n', 'app.yaml: values is a quoted or plain string; write it as a literal block (values: |) to have it edited.'],
  ])('%j is read, but not written', (source, message) => {
    const embedded = inner(source);
    expect(parseYamlDocument(embedded.text).toJS()).toEqual({ image: { tag: 'v1' } });
    expect(() => embedded.toOuter([{ start: 0, end: 0, text: 'x' }])).toThrow(new UserError(message));
  });
});
