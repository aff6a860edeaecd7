import { readFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../main.js';
import { oneLineMessage } from '../errors.js';
import { CliConsole } from './cli-console.js';
import { COMMAND_INPUTS } from './command-inputs.js';
import { commandHelp, commandListHelp, type ActionInput } from './help-text.js';
import { outputLines, outputsAsJson } from './human-output.js';
import { inputVariableName, parseCliArgs, type CliRequest } from './parse-cli-args.js';
import { readOutputFile } from './output-file.js';

/**
 * action.yml's inputs, as the build wrote them beside the bundle (dist/action-inputs.json): reading JSON costs
 * nothing, where loading a YAML parser first would cost more than the rest of the CLI's start.
 */
function loadActionInputs(): Record<string, ActionInput> {
  const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), ACTION_INPUTS_FILE), 'utf8');
  return JSON.parse(text) as Record<string, ActionInput>;
}

/** Written by scripts/bundle.ts from action.yml. */
const ACTION_INPUTS_FILE = 'action-inputs.json';

/**
 * `gitops-promote <command> --flag value …`: the action's inputs from flags, the
 * same `run()`, and the outputs printed. Outside GitHub Actions (a terminal, a
 * script) the log is written for a person and the outputs are named lines;
 * inside Actions the workflow commands stay as the runner reads them.
 */
export async function runCli(argv: string[]): Promise<void> {
  const actionInputs = loadActionInputs();
  const human = process.env.GITHUB_ACTIONS !== 'true';
  let request: CliRequest;
  try {
    request = parseCliArgs(argv, new Set(Object.keys(actionInputs)));
  } catch (error) {
    new CliConsole({ human, logToStderr: true, debug: false }).problem(`error: ${oneLineMessage(error)}`);
    process.exitCode = 1;
    return;
  }
  const cli = new CliConsole({ human, logToStderr: request.json, debug: process.env.RUNNER_DEBUG === '1' });
  const command = request.inputs.command;
  if (request.help || command === undefined) {
    showHelp(cli, request, actionInputs);
    return;
  }

  // Every input gets a value, as GitHub passes every action.yml default; the CLI has no ${{ }} context.
  for (const [name, input] of Object.entries(actionInputs)) {
    const value = request.inputs[name] ?? (input.default?.includes('${{') ? '' : input.default) ?? '';
    process.env[inputVariableName(name)] = value;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-cli-'));
  try {
    const outputs = outputFile(scratch);
    if (!process.env.GITHUB_STEP_SUMMARY) writeFileSync((process.env.GITHUB_STEP_SUMMARY = join(scratch, 'summary')), '');
    // Without a GITHUB_ENV file, core.exportVariable prints ::set-env, which means nothing outside a runner.
    if (!process.env.GITHUB_ENV && human) writeFileSync((process.env.GITHUB_ENV = join(scratch, 'env')), '');
    cli.captureLog();
    await run();
    cli.flush();
    showOutputs(cli, request, outputs.read(), { human, callerFile: outputs.callerFile });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function showHelp(cli: CliConsole, request: CliRequest, actionInputs: Record<string, ActionInput>): void {
  const command = request.inputs.command;
  if (command === undefined) {
    // Asked for, the list is the answer (stdout); as the reply to a missing command it is an error (stderr).
    if (request.help) cli.result(commandListHelp(COMMAND_INPUTS));
    else {
      cli.problem(commandListHelp(COMMAND_INPUTS));
      process.exitCode = 1;
    }
    return;
  }
  // Only a command of its own: `constructor` or `toString` is no command.
  const inputs = Object.hasOwn(COMMAND_INPUTS, command) ? COMMAND_INPUTS[command] : undefined;
  if (!inputs) {
    cli.problem(`error: unknown command '${command}'; expected one of ${Object.keys(COMMAND_INPUTS).join(', ')}.`);
    process.exitCode = 1;
    return;
  }
  cli.result(commandHelp(command, inputs, actionInputs));
}

/**
 * The outputs go to a file of the CLI's own, so that they can be printed; when
 * the caller named a GITHUB_OUTPUT file, the outputs are still written to it,
 * and this run's part of it is what is printed.
 */
function outputFile(scratch: string): { callerFile: boolean; read: () => Record<string, string> } {
  const caller = process.env.GITHUB_OUTPUT;
  if (caller) {
    const start = statSync(caller, { throwIfNoEntry: false })?.size ?? 0;
    return { callerFile: true, read: () => readOutputFile(readFileSync(caller).subarray(start).toString('utf8')) };
  }
  const own = join(scratch, 'output');
  writeFileSync((process.env.GITHUB_OUTPUT = own), '');
  return { callerFile: false, read: () => readOutputFile(readFileSync(own, 'utf8')) };
}

function showOutputs(cli: CliConsole, request: CliRequest, outputs: Record<string, string>, where: { human: boolean; callerFile: boolean }): void {
  if (request.json) cli.result(JSON.stringify(outputsAsJson(outputs), null, 2));
  else if (where.human) {
    const lines = outputLines(outputs);
    if (lines.length > 0) cli.result(['', ...lines].join('\n'));
  } else if (!where.callerFile && Object.keys(outputs).length > 0) {
    // Inside Actions with no GITHUB_OUTPUT file: name=value lines, as before.
    cli.result(
      Object.entries(outputs)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n'),
    );
  }
}
