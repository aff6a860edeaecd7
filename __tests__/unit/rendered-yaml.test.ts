import { describe, expect, test } from '@jest/globals';
import { parseWithDocuments, parseYamlStream } from '../../src/kustomize/rendered-yaml.js';

/**
 * The rendered stream is read with js-yaml where it can be and with `yaml`'s
 * document model otherwise; both must mean the same by every text kustomize
 * can emit. Each row is checked three ways: the fast reader, the reference
 * reader, and the value written in the row.
 */

function readBothWays(text: string): { fast: ReturnType<typeof parseYamlStream>; reference: ReturnType<typeof parseWithDocuments> } {
  return { fast: parseYamlStream(text), reference: parseWithDocuments(text) };
}

describe('plain scalars mean what YAML 1.2 core says, in both readers', () => {
  test.each([
    // YAML 1.1 booleans are strings in 1.2 core (a ConfigMap's `ENABLED: yes` stays "yes").
    ['yes', 'yes'],
    ['no', 'no'],
    ['on', 'on'],
    ['off', 'off'],
    ['y', 'y'],
    ['Yes', 'Yes'],
    ['NO', 'NO'],
    ['true', true],
    ['True', true],
    ['FALSE', false],
    ['tRue', 'tRue'],
    // Nulls.
    ['null', null],
    ['Null', null],
    ['~', null],
    ['', null],
    // Integers: a leading zero is decimal in 1.2 core (0755 is 755, not octal 493); 0o is octal; no binary, no underscores.
    ['0755', 755],
    ['0o755', 493],
    ['0x1F', 31],
    ['0b101', '0b101'],
    ['1_000', '1_000'],
    ['+12', 12],
    ['-0', -0],
    ['08', 8],
    // Past 2^53 both round the same way.
    ['12345678901234567890', Number('12345678901234567890')],
    // Floats.
    ['1e3', 1000],
    ['1.5e-3', 0.0015],
    ['.5', 0.5],
    ['5.', 5],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['.NaN', NaN],
    // No timestamps in core: dates and times stay strings; nor sexagesimal numbers.
    ['2024-01-01', '2024-01-01'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['1:30', '1:30'],
    ['12:30:00', '12:30:00'],
    // Quoted is always a string.
    ['"3"', '3'],
    ["'true'", 'true'],
    ['"0755"', '0755'],
    ['"yes"', 'yes'],
    ["'it''s'", "it's"],
    ['"\\u00e9\\x41\\t"', 'éA\t'],
    // Plain strings that look like something else.
    ['<<', '<<'],
    ['=', '='],
    ['0o8', '0o8'],
    ['1e', '1e'],
    ['a:b', 'a:b'],
    ['http://x/y?z=1#f', 'http://x/y?z=1#f'],
    ['hello!', 'hello!'],
  ])('%s → %p', (scalar, expected) => {
    const { fast, reference } = readBothWays(`v: ${scalar}\n`);
    expect(fast).toEqual(reference);
    expect(fast).toEqual({ values: [{ v: expected }], problems: [] });
  });
});

describe('mapping keys are the same strings in both readers', () => {
  test.each([
    ['1.50', '1.5'],
    ['0x1F', '31'],
    ['true', 'true'],
    ['007', '7'],
    ['.inf', 'Infinity'],
    // A null key is '' (yaml's reading, which js-yaml is told to follow).
    ['~', ''],
    ['null', ''],
    ['', ''],
    ['"null"', 'null'],
    ["''", ''],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ])('%s → %p', (key, expected) => {
    const { fast, reference } = readBothWays(`${key}: v\nz: 1\n`);
    expect(fast).toEqual(reference);
    expect(Object.keys(fast.values[0] as object)).toEqual([expected, 'z']);
  });

  test('__proto__ is a key like any other, not the prototype', () => {
    const [value] = parseYamlStream('__proto__: {polluted: 1}\n').values as Array<Record<string, unknown>>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('streams', () => {
  test.each([
    { name: 'several documents', text: 'a: 1\n---\nb: 2\n', values: [{ a: 1 }, { b: 2 }] },
    { name: 'empty documents and comments are left out', text: '---\n---\n# only a comment\n---\na: 1\n...\n', values: [{ a: 1 }] },
    { name: 'a document end marker', text: 'a: 1\n...\nb: 2\n', values: [{ a: 1 }, { b: 2 }] },
    { name: 'a leading marker and markers with trailing spaces', text: '---\na: 1\n--- \t\nb: 2\n---\n', values: [{ a: 1 }, { b: 2 }] },
    { name: 'content on a marker line', text: 'a: 1\n--- {b: 2}\n--- # c\nc: 3\n', values: [{ a: 1 }, { b: 2 }, { c: 3 }] },
    { name: 'a block scalar holding an indented ---', text: 'a: |\n  x\n  ---\n  y\n---\nb: 2\n', values: [{ a: 'x\n---\ny\n' }, { b: 2 }] },
    { name: 'a marker-like text that is not a marker', text: 'a: ---x\n---x: 1\n', values: [{ a: '---x', '---x': 1 }] },
    { name: 'block scalars', text: 'a: |\n  x\n  y\nb: >-\n  x\n  y\nc: |-\n  z\n', values: [{ a: 'x\ny\n', b: 'x y', c: 'z' }] },
    { name: 'flow collections', text: 'a: [1, two, {b: c}]\nd: {}\ne: []\n', values: [{ a: [1, 'two', { b: 'c' }], d: {}, e: [] }] },
    { name: 'a merge key is a plain key in 1.2', text: 'base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n', values: [{ base: { x: 1 }, m: { '<<': { x: 1 }, y: 2 } }] },
    { name: 'anchors and aliases', text: 'a: &x [1]\nb: *x\n', values: [{ a: [1], b: [1] }] },
    { name: 'CRLF line ends and a byte order mark', text: '\ufeffa: 1\r\nb: 2\r\n', values: [{ a: 1, b: 2 }] },
    { name: 'a document that is a list', text: '- 1\n- 2\n', values: [[1, 2]] },
    { name: 'a document that is a scalar', text: 'just text\n', values: ['just text'] },
    {
      name: 'what kustomize renders',
      text:
        'apiVersion: v1\ndata:\n  ENABLED: "yes"\n  MODE: "0755"\n  script.sh: |\n    #!/bin/sh\n    echo "on: $1"\nkind: ConfigMap\nmetadata:\n' +
        '  annotations:\n    config.kubernetes.io/origin: |\n      path: base/configmap.yaml\n  creationTimestamp: null\n  name: web\n---\n' +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n' +
        '      - image: ghcr.io/acme/web:1.4.2\n        name: web\n        resources: {}\n',
      values: [
        {
          apiVersion: 'v1',
          data: { ENABLED: 'yes', MODE: '0755', 'script.sh': '#!/bin/sh\necho "on: $1"\n' },
          kind: 'ConfigMap',
          metadata: { annotations: { 'config.kubernetes.io/origin': 'path: base/configmap.yaml\n' }, creationTimestamp: null, name: 'web' },
        },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web' },
          spec: { replicas: 3, template: { spec: { containers: [{ image: 'ghcr.io/acme/web:1.4.2', name: 'web', resources: {} }] } } },
        },
      ],
    },
  ])('$name', ({ text, values }) => {
    const { fast, reference } = readBothWays(text);
    expect(fast).toEqual(reference);
    expect(fast).toEqual({ values, problems: [] });
  });

  test.each([
    'a: b: c\n',
    'a:\n\tb: 1\n',
    'a: "x\n',
    'a: [1, 2\n',
    'a:\n  b: 1\n c: 2\n',
    'a: *x\n',
    'k: 1\nk: 2\n',
    '{a: 1, a: 2}\n',
    'a: "\\q"\n',
    'a: - b\n',
  ])('a broken document is one problem, as yaml reports it: %p', (text) => {
    const { fast, reference } = readBothWays(text);
    expect(fast).toEqual(reference);
    expect(fast.values).toEqual([]);
    expect(fast.problems).toHaveLength(1);
  });

  test('a broken document among good ones: the good ones are read, the broken one is one problem', () => {
    const { fast, reference } = readBothWays('a: 1\n---\nb: [\n---\nc: 3\n');
    expect(fast).toEqual(reference);
    expect(fast.values).toEqual([{ a: 1 }, { c: 3 }]);
    expect(fast.problems).toHaveLength(1);
  });
});

describe('where js-yaml would read differently, the stream is read by yaml', () => {
  test.each([
    // An explicit tag: yaml keeps `!!float 3` a string ('3' is not a float's text); js-yaml would make it 3.
    { text: 'v: !!float 3\n', values: [{ v: '3' }] },
    { text: 'v: !!str 3\n', values: [{ v: '3' }] },
    { text: 'v: !!int "3"\n', values: [{ v: 3 }] },
    // A tag js-yaml does not know.
    { text: 'v: !custom x\n', values: [{ v: 'x' }] },
    { text: 'v: [!custom x]\n', values: [{ v: ['x'] }] },
    // A YAML 1.1 directive: `yes` is then true.
    { text: '%YAML 1.1\n---\nv: yes\n', values: [{ v: true }] },
    // A complex key, which js-yaml's objects cannot hold.
    { text: '? [a, b]\n: c\n', values: [{ '[ a, b ]': 'c' }] },
  ])('$text', ({ text, values }) => {
    const { fast, reference } = readBothWays(text);
    expect(fast).toEqual(reference);
    expect(fast.values).toEqual(values);
  });
});
