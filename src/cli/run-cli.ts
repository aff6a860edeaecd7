import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { COMMANDS, run } from '../main.js';
import { oneLineMessage } from '../errors.js';
import { inputVariableName, parseCliArgs } from './parse-cli-args.js';
import { readOutputFile } from './output-file.js';
import { installHumanOutput } from './human-output.js';

interface ActionInput {
  description?: string;
  default?: string;
}

/** action.yml sits one folder above dist/index.js, in a checkout and in the npm package alike. */
function loadActionInputs(): Record<string, ActionInput> {
  // Built at run time so the bundler does not try to inline the file as an asset.
  const metadata = ['action', 'yml'].join('.');
  const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', metadata), 'utf8');
  return (parse(text) as { inputs: Record<string, ActionInput> }).inputs;
}

function usage(inputs: Record<string, ActionInput>): string {
  const lines = ['Usage: gitops-promote <command> [--input value]...', '', `Commands: ${Object.keys(COMMANDS).join(', ')}`, '', 'Flags (the action inputs):'];
  for (const [name, input] of Object.entries(inputs)) {
    if (name === 'command') continue;
    const fallback = input.default && !input.default.includes('${{') ? ` (default: ${input.default})` : '';
    lines.push(`  --${name}${fallback}`, `      ${(input.description ?? '').trim().replace(/\s+/g, ' ')}`);
  }
  return lines.join('\n');
}

export async function runCli(argv: string[]): Promise<void> {
  const actionInputs = loadActionInputs();
  let request;
  try {
    request = parseCliArgs(argv, new Set(Object.keys(actionInputs)));
  } catch (error) {
    process.stderr.write(`Error: ${oneLineMessage(error)}\n`);
    process.exitCode = 1;
    return;
  }
  if (request.help || request.inputs.command === undefined) {
    process.stdout.write(`${usage(actionInputs)}\n`);
    if (!request.help) process.exitCode = 1;
    return;
  }
  // Defaults from action.yml apply only where GitHub would apply them: the CLI has no ${{ }} context.
  for (const [name, input] of Object.entries(actionInputs)) {
    const value = request.inputs[name] ?? (input.default?.includes('${{') ? '' : input.default) ?? '';
    process.env[inputVariableName(name)] = value;
  }

  const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-cli-'));
  const ownOutput = process.env.GITHUB_OUTPUT ? undefined : join(scratch, 'output');
  if (ownOutput) writeFileSync((process.env.GITHUB_OUTPUT = ownOutput), '');
  if (!process.env.GITHUB_STEP_SUMMARY) writeFileSync((process.env.GITHUB_STEP_SUMMARY = join(scratch, 'summary')), '');
  installHumanOutput();
  try {
    await run();
    if (ownOutput) {
      const outputs = readOutputFile(readFileSync(ownOutput, 'utf8'));
      for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}=${value}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
