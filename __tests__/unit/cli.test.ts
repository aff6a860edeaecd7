import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { COMMAND_INPUTS } from '../../src/cli/command-inputs.js';
import { commandHelp, commandListHelp, oneLineDescription, type ActionInput } from '../../src/cli/help-text.js';
import { JSON_OUTPUTS, LineSplitter, outputLines, outputsAsJson, toHumanLine } from '../../src/cli/human-output.js';
import { COMMANDS } from '../../src/main.js';
import { readOutputFile } from '../../src/cli/output-file.js';
import { inputVariableName, parseCliArgs } from '../../src/cli/parse-cli-args.js';

const ACTION = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string }>;
};

const KNOWN = new Set(['path', 'overlays', 'images', 'dry-run', 'push']);

describe('parseCliArgs', () => {
  test.each([
    [['set-image', '--path', '.', '--images', 'web=*:1.2.3'], { command: 'set-image', path: '.', images: 'web=*:1.2.3' }],
    [['set-image', '--images=a:1', '--images', 'b:2'], { command: 'set-image', images: 'a:1\nb:2' }],
    [['set-image', '--dry-run', '--push', 'false'], { command: 'set-image', 'dry-run': 'true', push: 'false' }],
    [['set-image', '--dry-run'], { command: 'set-image', 'dry-run': 'true' }],
    [['set-image', '--push', 'true', '--dry-run', 'true'], { command: 'set-image', push: 'true', 'dry-run': 'true' }],
  ])('%j', (argv, inputs) => {
    expect(parseCliArgs(argv, KNOWN)).toEqual({ inputs, help: false, json: false });
  });

  test('an unknown flag is one clear error', () => {
    expect(() => parseCliArgs(['set-image', '--imgs', 'x'], KNOWN)).toThrow('unknown flag --imgs; run with --help to list the flags.');
  });

  test('a second positional argument is refused', () => {
    expect(() => parseCliArgs(['set-image', 'promote'], KNOWN)).toThrow("unexpected argument 'promote'");
  });

  test('input names become the variables GitHub sets, hyphens kept', () => {
    expect(inputVariableName('allow-downgrade')).toBe('INPUT_ALLOW-DOWNGRADE');
  });
});

describe('toHumanLine', () => {
  test.each([
    ['::error::Input %27x%27: bad%0Anext', 'error: Input %27x%27: bad\nnext'],
    ['::error title=t,file=apps/web/k.yaml,line=12::latest tag', 'error: apps/web/k.yaml:12: latest tag'],
    ['::warning::careful', 'warning: careful'],
    ['::group::Validating', '▸ Validating'],
    ['::endgroup::', undefined],
    ['::add-mask::secret', undefined],
    ['::debug::details', undefined],
    ['plain text', 'plain text'],
  ])('%s', (line, human) => {
    expect(toHumanLine(line)).toBe(human);
  });
});

describe('readOutputFile', () => {
  test('reads name=value lines and heredoc blocks as @actions/core writes them', () => {
    const text = 'changed=true\nimages<<ghadelimiter_1\n[{"a":1}]\nline two\nghadelimiter_1\ncommit-sha<<ghadelimiter_2\nabc\nghadelimiter_2\n';
    expect(readOutputFile(text)).toEqual({ changed: 'true', images: '[{"a":1}]\nline two', 'commit-sha': 'abc' });
  });
});

describe('toHumanLine: what only the runner acts on disappears', () => {
  test.each([
    ['::set-env name=GITOPS_PROMOTE_COMMIT_SHA::abc', undefined],
    ['::add-path::/x', undefined],
    ['::debug::details', undefined],
    ['::set-output name=changed::true', undefined],
  ])('%s', (line, human) => {
    expect(toHumanLine(line)).toBe(human);
  });

  test('debug lines show with RUNNER_DEBUG', () => {
    expect(toHumanLine('::debug::details', true)).toBe('debug: details');
  });
});

describe('LineSplitter', () => {
  test('a line split over chunks comes out whole; the unfinished rest on flush', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('::gro')).toEqual([]);
    expect(splitter.push('up::Validating\nnext\npart')).toEqual(['::group::Validating', 'next']);
    expect(splitter.flush()).toEqual(['part']);
    expect(splitter.flush()).toEqual([]);
  });
});

describe('outputs on a terminal and with --json', () => {
  const outputs = {
    changed: 'true',
    'commit-sha': 'a'.repeat(40),
    'pull-request-number': '',
    images: '[{"overlay":"apps/web/overlays/dev","image":"web"},{"overlay":"apps/api/overlays/dev","image":"api"}]',
    problems: '[]',
    report: '{"drifted":false}',
  };

  test('named lines, empty ones left out, JSON described and not dumped', () => {
    expect(outputLines(outputs)).toEqual([
      'Outputs:',
      '  changed: true',
      `  commit-sha: ${'a'.repeat(40)}`,
      '  images: 2 entries (--json prints them)',
      '  problems: none',
      '  report: a JSON object (--json prints it)',
    ]);
    expect(outputLines({})).toEqual([]);
  });

  test('--json: JSON-valued outputs as values, the rest as the strings a workflow gets', () => {
    expect(outputsAsJson(outputs)).toEqual({
      changed: 'true',
      'commit-sha': 'a'.repeat(40),
      'pull-request-number': '',
      images: [
        { overlay: 'apps/web/overlays/dev', image: 'web' },
        { overlay: 'apps/api/overlays/dev', image: 'api' },
      ],
      problems: [],
      report: { drifted: false },
    });
  });

  test('the JSON outputs are those action.yml describes as JSON', () => {
    const described = Object.entries(ACTION.outputs)
      .filter(([, output]) => /\bJSON\b/.test(output.description))
      .map(([name]) => name);
    expect([...JSON_OUTPUTS].sort()).toEqual(described.sort());
  });
});

describe('parseCliArgs: --json and --help are the CLI’s own flags', () => {
  test.each([
    [['validate', '--json'], { inputs: { command: 'validate' }, help: false, json: true }],
    [['validate', '--help'], { inputs: { command: 'validate' }, help: true, json: false }],
    [['--help'], { inputs: {}, help: true, json: false }],
  ])('%j', (argv, request) => {
    expect(parseCliArgs(argv, KNOWN)).toEqual(request);
  });
});

describe('the inputs of each command (gitops-promote <command> --help)', () => {
  const declared = new Set(Object.keys(ACTION.inputs));
  const listed = Object.values(COMMAND_INPUTS).flatMap((command) => command.groups.flatMap((group) => group.inputs));

  test('the table has exactly the commands the action runs', () => {
    expect(Object.keys(COMMAND_INPUTS).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  test('every action.yml input (but command) is read by at least one command', () => {
    expect([...declared].filter((name) => name !== 'command' && !listed.includes(name))).toEqual([]);
  });

  test('every input in the table is an action.yml input, listed once per command', () => {
    expect(listed.filter((name) => !declared.has(name))).toEqual([]);
    for (const [name, command] of Object.entries(COMMAND_INPUTS)) {
      const inputs = command.groups.flatMap((group) => group.inputs);
      expect({ name, duplicates: inputs.filter((input, index) => inputs.indexOf(input) !== index) }).toEqual({ name, duplicates: [] });
    }
  });

  test('validate --help shows validate’s inputs only, grouped, with defaults and one line each', () => {
    const help = commandHelp('validate', COMMAND_INPUTS.validate, ACTION.inputs);
    expect(help).toMatch(/^gitops-promote validate: Render overlays/);
    expect(help).toContain('\nValidation:\n');
    expect(help).toContain('\nServer dry-run:\n');
    expect(help).toMatch(/--kubernetes-version +The Kubernetes minor the manifests must suit \(for example 1\.30\)\.\s+Default: [\d.]+\./);
    expect(help).toMatch(/--strict +Reject fields a schema does not know \(kubectl --validate=strict\)\.\s+Default: true\./);
    for (const other of ['--images', '--argocd-server', '--flux-name', '--from', '--reviewers', '--issue']) expect(help).not.toContain(other);
    expect(help.split('\n').length).toBeLessThan(60);
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  test('gitops-promote --help lists every command with one line and says how to see its inputs', () => {
    const help = commandListHelp(COMMAND_INPUTS);
    for (const name of Object.keys(COMMANDS)) expect(help).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(help).toContain('gitops-promote <command> --help');
    expect(help).not.toContain('--kubernetes-version');
  });

  test.each([
    [
      'a description scoped to commands loses its scope',
      'validate: reject fields a schema does not know (kubectl --validate=strict).',
      'validate',
      'Reject fields a schema does not know (kubectl --validate=strict).',
    ],
    [
      'the first sentence only',
      'The promotion config, relative to the root (default x.yaml). Inputs override what it says.',
      'promote',
      'The promotion config, relative to the root (default x.yaml).',
    ],
    [
      'each command gets its own clause',
      'wait, drift-check: apps to wait on (or report); promote: the apps to promote (a subset). One per line.',
      'promote',
      'The apps to promote (a subset).',
    ],
    [
      'each command gets its own clause (2)',
      'wait, drift-check: apps to wait on (or report); promote: the apps to promote (a subset). One per line.',
      'drift-check',
      'Apps to wait on (or report).',
    ],
    [
      'scopes with parentheses and "and"',
      'validate (server-dry-run), wait and drift-check (Flux): the contents of a kubeconfig. It is masked.',
      'wait',
      'The contents of a kubeconfig.',
    ],
    [
      'a scope that does not name the command: its text all the same',
      'set-image: validate the edited overlays before committing.',
      'promote',
      'Validate the edited overlays before committing.',
    ],
    [
      'a full stop inside parentheses or backticks does not end the sentence',
      'A regex (for example ^v?\\d+\\. x) with `a. b` in it. Then more.',
      'set-image',
      'A regex (for example ^v?\\d+\\. x) with `a. b` in it.',
    ],
  ])('%s', (_name, description, command, line) => {
    expect(oneLineDescription(description, command)).toBe(line);
  });
});
