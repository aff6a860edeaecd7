import { describe, expect, test } from '@jest/globals';
import { toHumanLine } from '../../src/cli/human-output.js';
import { readOutputFile } from '../../src/cli/output-file.js';
import { inputVariableName, parseCliArgs } from '../../src/cli/parse-cli-args.js';

const KNOWN = new Set(['path', 'overlays', 'images', 'dry-run', 'push']);

describe('parseCliArgs', () => {
  test.each([
    [['set-image', '--path', '.', '--images', 'web=*:1.2.3'], { command: 'set-image', path: '.', images: 'web=*:1.2.3' }],
    [['set-image', '--images=a:1', '--images', 'b:2'], { command: 'set-image', images: 'a:1\nb:2' }],
    [['set-image', '--dry-run', '--push', 'false'], { command: 'set-image', 'dry-run': 'true', push: 'false' }],
    [['set-image', '--dry-run'], { command: 'set-image', 'dry-run': 'true' }],
    [['set-image', '--push', 'true', '--dry-run', 'true'], { command: 'set-image', push: 'true', 'dry-run': 'true' }],
  ])('%j', (argv, inputs) => {
    expect(parseCliArgs(argv, KNOWN)).toEqual({ inputs, help: false });
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
    ['::error::Input %27x%27: bad%0Anext', "error: Input %27x%27: bad\nnext"],
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
