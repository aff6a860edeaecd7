import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { COMMAND_INPUTS } from '../../src/cli/command-inputs.js';
import { CONFIG_SETTABLE_INPUTS } from '../../src/config/environment-settings.js';

/**
 * The documentation's YAML is what a new user copies: every ```yaml block of
 * the README and every YAML file under examples/ must parse, and every step
 * that uses the action must name a command it has and inputs that command
 * reads. `${{ … }}` stays as written: in a block value it is a plain string to
 * YAML, and in a flow mapping (`with: { a: ${{ x }} }`) it is an error, as on GitHub.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const ACTION_INPUTS = new Set(Object.keys((parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs));
const COMMANDS = Object.keys(COMMAND_INPUTS);
const inputsOf = (command: string): string[] => COMMAND_INPUTS[command].groups.flatMap((group) => group.inputs);

interface FencedBlock {
  /** Where a reader finds it: `README.md:<line of the opening fence>`. */
  where: string;
  lang: string;
  text: string;
}

/** The fenced code blocks of a Markdown text (``` or ~~~ fences, not indented). */
function fencedBlocks(markdown: string, file: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const close = new RegExp(`^${open[1][0]}{${open[1].length},}\\s*$`);
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ where: `${file}:${start + 1}`, lang: open[2].toLowerCase(), text: body.join('\n') });
  }
  return blocks;
}

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const readmeBlocks = fencedBlocks(README, 'README.md').filter((block) => block.lang === 'yaml' || block.lang === 'yml');
const exampleFiles = yamlFilesUnder(join(ROOT, 'examples'));
const documents: Array<{ where: string; text: string }> = [
  ...readmeBlocks,
  ...exampleFiles.map((file) => ({ where: relative(ROOT, file), text: readFileSync(file, 'utf8') })),
];

/** The parser's errors (and warnings), one line each; [] when the text is valid YAML. */
function yamlProblems(text: string): string[] {
  return parseAllDocuments(text).flatMap((doc) => [...doc.errors, ...doc.warnings].map((problem) => problem.message.split('\n')[0]));
}

describe('every YAML block of the README and every YAML file under examples/ parses', () => {
  test('there is something to check', () => {
    expect(readmeBlocks.length).toBeGreaterThan(10);
    expect(exampleFiles.length).toBeGreaterThan(10);
  });

  test.each(documents.map((doc) => [doc.where, doc.text]))('%s', (_where, text) => {
    expect(yamlProblems(text)).toEqual([]);
  });

  test('a flow mapping with a ${{ }} value does not parse (what the check is for)', () => {
    expect(yamlProblems('with: { app-id: ${{ vars.APP_ID }}, repositories: config }')).not.toEqual([]);
    expect(yamlProblems('with:\n  app-id: ${{ vars.APP_ID }}\n  repositories: config\n')).toEqual([]);
  });
});

interface ActionStep {
  where: string;
  uses: string;
  with: Record<string, unknown>;
}

/** Every mapping with `uses: acme/gitops-promote@…`, anywhere in a document (a workflow, a job, a list of steps). */
function actionSteps(value: unknown, where: string, found: ActionStep[] = []): ActionStep[] {
  if (Array.isArray(value)) for (const item of value) actionSteps(item, where, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.uses === 'string' && /^acme\/gitops-promote@/.test(record.uses)) {
      found.push({ where, uses: record.uses, with: (record.with ?? {}) as Record<string, unknown> });
    }
    for (const child of Object.values(record)) actionSteps(child, where, found);
  }
  return found;
}

const workflowTexts = [
  ...readmeBlocks,
  ...exampleFiles
    .filter((file) => relative(ROOT, file).startsWith(join('examples', 'workflows')))
    .map((file) => ({ where: relative(ROOT, file), text: readFileSync(file, 'utf8') })),
];
const steps = workflowTexts.flatMap(({ where, text }) => {
  const docs = parseAllDocuments(text);
  if (docs.some((doc) => doc.errors.length > 0)) return []; // reported above
  return docs.flatMap((doc) => actionSteps(doc.toJS(), where));
});

/** What is wrong with a step's `with:`, one line per problem. */
function stepProblems(step: ActionStep): string[] {
  const command = step.with.command;
  if (typeof command !== 'string' || !COMMANDS.includes(command)) return [`command '${String(command)}' is not one of ${COMMANDS.join(', ')}`];
  const read = new Set(inputsOf(command));
  return Object.keys(step.with).flatMap((key) => {
    if (key === 'command') return [];
    if (!ACTION_INPUTS.has(key)) return [`'${key}' is not an input of action.yml`];
    if (!read.has(key)) return [`'${key}' is not read by ${command}`];
    return [];
  });
}

describe('every step that uses the action names a command and inputs that command reads', () => {
  test('there are steps to check, of every command', () => {
    expect(new Set(steps.map((step) => step.with.command))).toEqual(new Set(COMMANDS));
  });

  test.each(steps.map((step): [string, ActionStep] => [`${step.where} (${String(step.with.command)})`, step]))('%s', (_name, step) => {
    expect(stepProblems(step)).toEqual([]);
  });

  test('the check finds a misspelt input and an unknown command', () => {
    expect(stepProblems({ where: 'x', uses: 'acme/gitops-promote@v1', with: { command: 'promote', reviewer: 'octocat' } })).toEqual([
      "'reviewer' is not an input of action.yml",
    ]);
    expect(stepProblems({ where: 'x', uses: 'acme/gitops-promote@v1', with: { command: 'validate', images: 'web:1' } })).toEqual([
      "'images' is not read by validate",
    ]);
    expect(stepProblems({ where: 'x', uses: 'acme/gitops-promote@v1', with: { command: 'deploy' } })[0]).toMatch(/^command 'deploy' is not one of/);
  });
});

/** The rows of the first table under `### Inputs` in the README section `## \`<command>\`…`: the input names of each row's first cell, and the row. */
function inputRows(command: string): Array<{ names: string[]; row: string }> | undefined {
  const lines = README.split('\n');
  const section = lines.findIndex((line) => line.startsWith(`## \`${command}\``));
  if (section < 0) return undefined;
  const end = lines.findIndex((line, index) => index > section && line.startsWith('## '));
  const body = lines.slice(section + 1, end < 0 ? undefined : end);
  const heading = body.findIndex((line) => /^### Inputs\s*$/.test(line));
  if (heading < 0) return undefined;
  const rows: Array<{ names: string[]; row: string }> = [];
  let inTable = false;
  for (const line of body.slice(heading + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const first = line.split('|')[1];
    if (/^\s*-+\s*$/.test(first) || /^\s*input\s*$/.test(first)) continue; // the separator and the header
    rows.push({ names: [...first.matchAll(/`([a-z][a-z0-9-]*)`/g)].map((match) => match[1]), row: line });
  }
  return rows;
}

describe('each command section of the README lists exactly the inputs the command reads (src/cli/command-inputs.ts)', () => {
  test.each(COMMANDS.map((command) => [command]))('%s', (command) => {
    const rows = inputRows(command);
    expect(rows).toBeDefined();
    const listed = rows!.flatMap((row) => row.names).filter((name) => name !== 'command');
    const expected = inputsOf(command);
    expect({ missing: expected.filter((name) => !listed.includes(name)), unread: listed.filter((name) => !expected.includes(name)) }).toEqual({
      missing: [],
      unread: [],
    });
    expect(listed.filter((name, index) => listed.indexOf(name) !== index)).toEqual([]);
  });

  // An input the promotion config can also set has no default in action.yml: the table says where its value comes from.
  test.each(COMMANDS.map((command) => [command]))('%s: an input the config can also set says "(from the config, else …)"', (command) => {
    const settable = new Set<string>(CONFIG_SETTABLE_INPUTS);
    const unsaid = (inputRows(command) ?? []).filter((row) => row.names.some((name) => settable.has(name)) && !/\(from the config[^|]*, else /.test(row.row));
    expect(unsaid.map((row) => row.names.join(', '))).toEqual([]);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; a repeated one gets -1, -2, … */
function headingAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  const outsideFences = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...outsideFences.matchAll(/^#{1,6} (.+)$/gm)].map((match) => {
    const slug = match[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    return count === 0 ? slug : `${slug}-${count}`;
  });
}

describe('the README finds its way around', () => {
  const anchors = new Set(headingAnchors(README));

  test('every #link points at a heading', () => {
    const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });

  test('the contents list links every ## section, in order', () => {
    const contents = README.slice(README.indexOf('## Contents'), README.indexOf('\n## ', README.indexOf('## Contents') + 1));
    const listed = [...contents.matchAll(/^- \[.+\]\(#([^)]+)\)$/gm)].map((match) => match[1]);
    const sections = headingAnchors(README.replace(/^#{3,6} .*$/gm, '').replace(/^# .*$/gm, '')).filter((anchor) => anchor !== 'contents');
    expect(listed).toEqual(sections);
  });
});
