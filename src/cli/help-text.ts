import { CLI_FALLBACKS, type CommandInputs } from './command-inputs.js';

/** An input as action.yml declares it. */
export interface ActionInput {
  description?: string;
  default?: string;
}

const WIDTH = 100;

/** `gitops-promote --help`: the commands, one line each, and how to ask for one command's inputs. */
export function commandListHelp(commands: Readonly<Record<string, CommandInputs>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: gitops-promote <command> [--input value]... [--json]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, command]) => hanging(`  ${name.padEnd(width)}  `, command.summary)),
    '',
    ...FLAGS_NOTE,
    '',
    'Run gitops-promote <command> --help for the inputs of one command.',
  ].join('\n');
}

const FLAGS_NOTE = [
  'Every input of the action is the flag of the same name: a repeated flag adds a line, and a flag',
  'with no value is true. The flags of the CLI itself:',
  '  --json  print the outputs as one JSON object on stdout (the log goes to stderr)',
  "  --help  this text; after a command, that command's inputs",
];

/** `gitops-promote <command> --help`: that command's inputs, grouped, each with one line and its default. */
export function commandHelp(name: string, command: CommandInputs, actionInputs: Readonly<Partial<Record<string, ActionInput>>>): string {
  const width = Math.max(...command.groups.flatMap((group) => group.inputs.map((input) => input.length + 2)));
  const lines = [hanging('', `gitops-promote ${name}: ${command.summary}`), '', `Usage: gitops-promote ${name} [--input value]... [--json]`];
  for (const group of command.groups) {
    lines.push('', `${group.title}:`);
    for (const input of group.inputs) {
      const declared = actionInputs[input];
      const fallback = defaultOf(input, declared);
      const text = oneLineDescription(declared?.description ?? '', name) + (fallback ? ` Default: ${fallback}.` : '');
      lines.push(hanging(`  ${`--${input}`.padEnd(width)}  `, text));
    }
  }
  lines.push('', ...FLAGS_NOTE);
  return lines.join('\n');
}

/** action.yml's default, or what the CLI falls back to where that is a `${{ }}` expression or empty. */
function defaultOf(input: string, declared: ActionInput | undefined): string | undefined {
  return declared?.default && !declared.default.includes('${{') ? declared.default : CLI_FALLBACKS[input];
}

/**
 * The sentence of an action.yml description that concerns `command`: the
 * first sentence, without a leading "validate: " or "promote, set-image
 * (pull-request landing): " that names the commands it is for; where the
 * description gives each command its own clause ("wait: …; promote: …"),
 * the clause of this command.
 */
export function oneLineDescription(description: string, command: string): string {
  const sentences = splitTopLevel(description.trim().replace(/\s+/g, ' '), '. ').map((sentence) => sentence.replace(/\.$/, ''));
  for (const sentence of sentences) {
    const clauses = splitTopLevel(sentence, '; ');
    const scoped = clauses.map((clause) => scopeOf(clause));
    if (scoped.every((clause) => clause.commands === undefined)) return capitalise(`${sentence}.`);
    const own = scoped.find((clause) => clause.commands?.includes(command));
    if (own) return capitalise(`${own.text}.`);
  }
  // No clause names this command (the description lags behind the code): its first clause, unscoped.
  return sentences[0] ? capitalise(`${scopeOf(sentences[0]).text}.`) : '';
}

const COMMAND_LIST = /^((?:[a-z][a-z-]*(?: \([^)]*\))?)(?:(?:, and |, | and )[a-z][a-z-]*(?: \([^)]*\))?)*): (.*)$/;

function scopeOf(clause: string): { commands?: string[]; text: string } {
  const match = COMMAND_LIST.exec(clause);
  if (!match) return { text: clause };
  const commands = match[1]
    .replace(/\([^)]*\)/g, '')
    .split(/,? and |, /)
    .map((word) => word.trim());
  return { commands, text: match[2] };
}

/** Splits at `separator` outside parentheses and backticks; a sentence keeps its full stop. */
function splitTopLevel(text: string, separator: '. ' | '; '): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '`') quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !quoted && text.startsWith(separator, i)) {
      parts.push(text.slice(start, separator === '. ' ? i + 1 : i));
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `prefix` then `text` wrapped to the help width, continuation lines under the text. */
function hanging(prefix: string, text: string): string {
  const indent = ' '.repeat(prefix.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && prefix.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines
    .map((text, index) => `${index === 0 ? prefix : indent}${text}`)
    .join('\n')
    .trimEnd();
}
