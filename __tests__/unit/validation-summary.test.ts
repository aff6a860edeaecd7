import { describe, expect, test } from '@jest/globals';
import { markdownTable, textCell, wrapLine } from '../../src/text/markdown-table.js';
import { emptyOverlayReport, type Finding, type OverlayReport, type ValidationReport } from '../../src/validate/findings.js';
import { describeRenderError } from '../../src/validate/render-errors.js';
import { validationSummaryMarkdown } from '../../src/validate/validation-summary.js';

function overlay(path: string, findings: Finding[] = [], resources = 2): OverlayReport {
  return {
    ...emptyOverlayReport(path, `${path}/kustomization.yaml`),
    resources,
    errors: findings.filter((finding) => finding.severity === 'error'),
    warnings: findings.filter((finding) => finding.severity === 'warning'),
    notices: findings.filter((finding) => finding.severity === 'notice'),
    renderMs: 12,
    validateMs: 3,
    validateCpuMs: 2,
  };
}

function report(...overlays: OverlayReport[]): ValidationReport {
  return { valid: overlays.every((entry) => entry.errors.length === 0), overlays, kubernetesVersion: '1.34', serverDryRun: false };
}

/** The cells of every row of every table in the Markdown (header and separator rows included). */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

// What kubectl 1.32 (kustomize 5.5) prints for a resource entry that does not exist, after render.ts has cut klog's timestamp.
const MISSING_BASE =
  `"command failed" err="accumulating resources: accumulation err='accumulating resources from '../../basex': ` +
  `evalsymlink failure on '/tmp/repo/apps/web/basex' : lstat /tmp/repo/apps/web/basex: no such file or directory': ` +
  `must build at directory: not a valid directory: evalsymlink failure on '/tmp/repo/apps/web/basex' : lstat /tmp/repo/apps/web/basex: ` +
  `no such file or directory"`;

describe('validationSummaryMarkdown', () => {
  const renderError: Finding = {
    severity: 'error',
    rule: 'render',
    message: `kustomize could not render apps/web/overlays/dev: ${describeRenderError(MISSING_BASE, ['/tmp/repo'])}`,
    file: 'apps/web/overlays/dev/kustomization.yaml',
    line: 6,
  };
  const schemaError: Finding = {
    severity: 'error',
    rule: 'schema',
    message: 'spec.replicas: expected integer',
    resource: 'Deployment/web-dev/web',
    file: 'apps/web/base/deployment.yaml',
    line: 7,
  };
  const warning: Finding = { severity: 'warning', rule: 'unknown-kind', message: 'no schema for Widget/x | y <z>', resource: 'Widget/x' };

  test.each([
    [
      'a valid report says so, with counts in the singular where there is one',
      report(overlay('apps/web/overlays/dev', [], 1)),
      [
        '## gitops-promote validate: valid',
        'Kubernetes 1.34 schemas; 1 overlay.',
        '### ✅ apps/web/overlays/dev',
        '1 resource, 0 errors, 0 warnings; rendered in 12 ms, validated in 3 ms.',
      ],
      [],
    ],
    [
      'a render error: a row of five cells, the Resource cell empty, the path once and repo-relative',
      report(overlay('apps/web/overlays/dev', [renderError], 0)),
      [
        '## gitops-promote validate: invalid',
        '### ❌ apps/web/overlays/dev',
        '0 resources, 1 error, 0 warnings',
        "accumulating resources from '../../basex': apps/web/basex does not exist",
      ],
      ['/tmp/repo', '<td>', 'evalsymlink'],
    ],
    [
      'findings are escaped inside cells',
      report(overlay('apps/api/overlays/dev', [warning])),
      ['### ⚠️ apps/api/overlays/dev', 'no schema for Widget/x &#124; y &lt;z&gt;'],
      ['x | y'],
    ],
    [
      'two overlays, two sections',
      report(overlay('a', [schemaError]), overlay('b')),
      ['### ❌ a', '### ✅ b', '<code>apps/web/base/deployment.yaml:7</code>', '<code>Deployment/web-dev/web</code>'],
      [],
    ],
  ])('%s', (_name, given, contains, excludes) => {
    const markdown = validationSummaryMarkdown(given);
    const unwrapped = markdown.replace(/<br>/g, ' ');
    for (const text of contains) expect(unwrapped).toContain(text);
    for (const text of excludes) expect(markdown).not.toContain(text);
    for (const row of tableRows(markdown)) expect(row).toHaveLength(5);
  });

  test('long text is broken into lines of at most 80 characters in its cell', () => {
    const long: Finding = { ...renderError, message: `kustomize could not render x: ${'word '.repeat(60).trim()}` };
    const cell = tableRows(validationSummaryMarkdown(report(overlay('x', [long]))))[2][4];
    expect(cell.split('<br>').length).toBeGreaterThan(3);
    for (const line of cell.split('<br>')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('describeRenderError', () => {
  test.each([
    [
      'a missing resource folder: the file attempt, the path once and relative',
      MISSING_BASE,
      "accumulating resources from '../../basex': apps/web/basex does not exist",
    ],
    [
      'a missing entry inside a base: where, then the real cause',
      `"command failed" err="accumulating resources: accumulation err='accumulating resources from '../base': ` +
        `'/tmp/repo/f/base' must resolve to a file': recursed accumulation of path '/tmp/repo/f/base': accumulating resources: ` +
        `accumulation err='accumulating resources from '../nothere': evalsymlink failure on '/tmp/repo/f/nothere' : lstat /tmp/repo/f/nothere: ` +
        `no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/tmp/repo/f/nothere' : ` +
        `lstat /tmp/repo/f/nothere: no such file or directory"`,
      "in f/base: accumulating resources from '../nothere': f/nothere does not exist",
    ],
    [
      'malformed YAML in a base',
      `"command failed" err="accumulating resources: accumulation err='accumulating resources from '../base': ` +
        `'/tmp/repo/g/base' must resolve to a file': recursed accumulation of path '/tmp/repo/g/base': accumulating resources: ` +
        `accumulating resources from 'deployment.yaml': MalformedYAMLError: yaml: mapping values are not allowed in this context in File: ` +
        `deployment.yaml"`,
      "in g/base: accumulating resources from 'deployment.yaml': MalformedYAMLError: yaml: " +
        'mapping values are not allowed in this context in File: deployment.yaml',
    ],
    [
      'a file outside the overlay: the security refusal, not the folder attempt',
      `"command failed" err="accumulating resources: accumulation err='accumulating resources from '../base/deployment.yaml': security; ` +
        `file '/tmp/repo/base/deployment.yaml' is not in or below '/tmp/repo/c'': must build at directory: '/tmp/repo/base/deployment.yaml': ` +
        `file is not directory"`,
      "accumulating resources from '../base/deployment.yaml': security; file 'base/deployment.yaml' is not in or below 'c'",
    ],
    [
      'an unknown kustomization field, with its quotes unescaped',
      `"command failed" err="invalid Kustomization: json: unknown field \\"resourcs\\""`,
      'invalid Kustomization: json: unknown field "resourcs"',
    ],
    [
      'kustomize build prints Error:',
      "Error: accumulating resources: accumulation err='accumulating resources from 'x.yaml': evalsymlink failure on '/tmp/repo/x.yaml' : " +
        "lstat /tmp/repo/x.yaml: no such file or directory': must build at directory: not a valid directory: " +
        "evalsymlink failure on '/tmp/repo/x.yaml' : lstat /tmp/repo/x.yaml: no such file or directory",
      "accumulating resources from 'x.yaml': x.yaml does not exist",
    ],
    [
      'a klog line as kubectl prints it',
      'E1202 17:07:05.821181   27973 run.go:72] "command failed" err="invalid Kustomization: json: unknown field \\"x\\""',
      'invalid Kustomization: json: unknown field "x"',
    ],
    [
      'a path outside the repo stays absolute; a sibling folder with a longer name is not cut',
      "accumulating resources from '../../../x': /tmp/other/x does not exist in /tmp/repo2/y",
      "accumulating resources from '../../../x': /tmp/other/x does not exist in /tmp/repo2/y",
    ],
  ])('%s', (_name, error, described) => {
    expect(describeRenderError(error, ['/tmp/repo'])).toBe(described);
  });

  test('the checkout root and its real path are both cut', () => {
    expect(describeRenderError("file '/private/tmp/repo/a.yaml' and '/tmp/repo/b.yaml'", ['/private/tmp/repo', '/tmp/repo'])).toBe(
      "file 'a.yaml' and 'b.yaml'",
    );
  });
});

describe('markdown tables', () => {
  test('a row with the wrong number of cells is refused', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow('a table row has 1 cells where the header has 2');
  });

  test.each([
    ['short text stays one line', 'a b c', 10, ['a b c']],
    ['breaks at spaces', 'aaaa bbbb cccc', 9, ['aaaa bbbb', 'cccc']],
    [
      'a long path breaks after slashes, never with a space inside',
      'see apps/web/overlays/production/kustomization.yaml now',
      20,
      ['see', 'apps/web/overlays/', 'production/', 'kustomization.yaml', 'now'],
    ],
  ])('%s', (_name, line, width, lines) => {
    expect(wrapLine(line, width)).toEqual(lines);
  });

  test('a cell keeps the text’s own line breaks', () => {
    expect(textCell('one\ntwo | three')).toBe('one<br>two &#124; three');
  });
});
