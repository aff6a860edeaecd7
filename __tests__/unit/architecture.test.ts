import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { PROJECT_ROOT } from '../helpers/action-runner.js';

// The shape docs/ARCHITECTURE.md describes, held against the code: which folder of src/ may import which,
// that no two folders import each other in a loop, where inputs are read, and how long a command file is.

const SRC = join(PROJECT_ROOT, 'src');

/** What each folder (or top-level file) of src/ may import; the ground floor imports nothing of the project. */
const MAY_IMPORT: Record<string, string[]> = {
  index: ['cli', 'main', 'runtime'],
  main: ['commands', 'errors', 'inputs', 'types'],
  cli: ['main', 'errors'],
  commands: [
    'check-setup',
    'controllers',
    'drift',
    'errors',
    'github',
    'inputs',
    'kustomize',
    'merge-reports',
    'promote',
    'report',
    'rollback',
    'set-image',
    'shard',
    'text',
    'types',
    'validate',
    'wait',
  ],
  'set-image': ['checks', 'config', 'errors', 'github', 'holds', 'kustomize', 'pins', 'promote', 'repo', 'report', 'text', 'types', 'validate'],
  promote: [
    'checks',
    'config',
    'controllers',
    'errors',
    'gates',
    'github',
    'holds',
    'kustomize',
    'log',
    'pins',
    'process',
    'repo',
    'report',
    'text',
    'types',
    'validate',
  ],
  gates: ['config', 'controllers', 'errors', 'github', 'kustomize', 'pins', 'repo', 'text', 'types'],
  rollback: ['checks', 'config', 'controllers', 'errors', 'github', 'holds', 'kustomize', 'promote', 'repo', 'report', 'text', 'types', 'validate'],
  holds: ['errors'],
  wait: ['config', 'controllers', 'errors', 'github', 'repo', 'text', 'types'],
  drift: ['config', 'controllers', 'errors', 'github', 'holds', 'kustomize', 'pins', 'policy', 'repo', 'report', 'shard', 'text', 'types'],
  'merge-reports': ['drift', 'errors', 'github', 'shard', 'text', 'types', 'validate'],
  'check-setup': ['config', 'errors', 'github', 'repo', 'text'],
  inputs: ['config', 'controllers', 'errors', 'github', 'holds', 'log', 'shard', 'text', 'types', 'validate'],
  checks: ['kustomize', 'log', 'pins', 'types', 'validate'],
  pins: ['errors', 'kustomize', 'log', 'process', 'text', 'types'],
  validate: ['config', 'errors', 'github', 'kustomize', 'log', 'pins', 'process', 'repo', 'report', 'shard', 'text', 'types'],
  controllers: ['config', 'errors', 'github', 'log', 'repo', 'text', 'types'],
  repo: ['config', 'errors', 'github', 'process', 'types'],
  kustomize: ['errors', 'log', 'policy', 'process', 'types'],
  github: ['errors', 'log', 'text', 'types'],
  report: ['kustomize', 'process', 'text', 'types'],
  config: ['errors', 'types'],
  shard: ['errors', 'text'],
  policy: [],
  text: [],
  log: [],
  process: [],
  runtime: [],
  types: [],
  errors: [],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({ path, name: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const folderOf = (file: string): string => (file.includes('/') ? file.split('/')[0] : file.replace(/\.ts$/, ''));

/** Folder → folder edges, each with the imports that make it. */
function folderImports(): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of FILES) {
    for (const [, spec] of file.text.matchAll(/(?:from\s+|import\s+|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = relative(SRC, normalize(join(dirname(file.path), spec))).replace(/\.js$/, '.ts');
      const [from, to] = [folderOf(file.name), folderOf(target)];
      if (from === to) continue;
      const out = edges.get(from) ?? new Map<string, string[]>();
      out.set(to, [...(out.get(to) ?? []), `${file.name} → ${target}`]);
      edges.set(from, out);
    }
  }
  return edges;
}

describe('the architecture of src/', () => {
  test('every folder imports only what docs/ARCHITECTURE.md allows it', () => {
    const unexpected = [...folderImports()].flatMap(([from, out]) =>
      [...out].filter(([to]) => !(MAY_IMPORT[from] ?? []).includes(to)).map(([to, why]) => `${from} → ${to} (${why.join('; ')})`),
    );
    expect(unexpected).toEqual([]);
  });

  test('no folder imports another that imports it back, however far round', () => {
    const edges = folderImports();
    const loops: string[] = [];
    const visit = (folder: string, path: string[]): void => {
      for (const next of edges.get(folder)?.keys() ?? []) {
        if (next === path[0]) loops.push([...path, next].join(' → '));
        else if (!path.includes(next) && next > path[0]) visit(next, [...path, next]);
      }
    };
    for (const folder of edges.keys()) visit(folder, [folder]);
    expect(loops).toEqual([]);
  });

  test("inputs and the runner's environment are read only in src/inputs/, the command files, main.ts and the CLI", () => {
    const reads = /core\.getInput\(|\bread(?:String|Boolean|List|Duration|Choice|Folder|RegExp|Required|OptionalBoolean|OptionalList)\(/;
    // These hand the environment on to child processes (PATH, HOME, KUBECONFIG): that is no input.
    const passesEnvironmentOn = new Set(['process/run-process.ts', 'repo/git.ts', 'validate/server-dry-run.ts']);
    const readers = FILES.filter((file) => !/^(inputs|commands|cli)\//.test(file.name) && file.name !== 'main.ts')
      .filter((file) => reads.test(file.text) || (/process\.env/.test(file.text) && !passesEnvironmentOn.has(file.name)))
      .map((file) => file.name);
    expect(readers).toEqual([]);
  });

  test('a command file reads its inputs, runs its folder and reports: about 80 lines at most', () => {
    const long = FILES.filter((file) => file.name.startsWith('commands/'))
      .filter((file) => file.text.split('\n').length > 80)
      .map((file) => file.name);
    expect(long).toEqual([]);
  });

  test('MAY_IMPORT names every folder of src/', () => {
    expect([...new Set(FILES.map((file) => folderOf(file.name)))].filter((folder) => !(folder in MAY_IMPORT))).toEqual([]);
  });
});
