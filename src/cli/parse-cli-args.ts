import { InputError, UserError } from '../errors.js';

export interface CliRequest {
  /** Input name → value, as the action would receive them; an input without a flag is absent. */
  inputs: Partial<Record<string, string>>;
  help: boolean;
  /** `--json`: the outputs as one JSON object on stdout, the log on stderr. */
  json: boolean;
}

/**
 * Turns `set-image --path . --images a=b:1 --images c:2 --dry-run` into action inputs.
 * Each flag is the action input of the same name; a repeated flag builds a
 * newline-separated list; a flag with no value is `true`.
 */
export function parseCliArgs(argv: readonly string[], knownInputs: ReadonlySet<string>): CliRequest {
  const inputs: Partial<Record<string, string>> = {};
  let help = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (inputs.command !== undefined) {
        throw new InputError('command', `unexpected argument '${arg}'; flags are written --name value.`);
      }
      inputs.command = arg;
      continue;
    }
    const [flag, inlineValue] = splitFlag(arg.slice(2));
    if (!knownInputs.has(flag)) {
      throw new UserError(`unknown flag --${flag}; run with --help to list the flags.`);
    }
    let value = inlineValue;
    if (value === undefined) {
      const next = argv.at(i + 1);
      value = next === undefined || next.startsWith('--') ? 'true' : next;
      if (value !== 'true' || next === 'true') i++;
    }
    inputs[flag] = inputs[flag] === undefined ? value : `${inputs[flag]}\n${value}`;
  }
  return { inputs, help, json };
}

function splitFlag(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** The environment variable GitHub uses for an input (hyphens stay). */
export function inputVariableName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
}
