/**
 * @actions/core speaks to the runner in workflow commands (`::error file=a,line=3::…`).
 * On a terminal those become plain lines: `error: a:3: …`, groups become headings,
 * and what only the runner acts on (masks, exported variables, the end of a
 * group, debug lines unless RUNNER_DEBUG=1) disappears.
 */
export function toHumanLine(line: string, debug = false): string | undefined {
  // The properties group always takes part (empty when there are none), so every group is a string.
  const command = /^::([a-z-]+)((?: [^:]*)?)::(.*)$/.exec(line);
  if (!command) return line;
  const [, name, rawProperties, rawMessage] = command;
  const message = decode(rawMessage);
  const properties = Object.fromEntries(
    rawProperties
      .trim()
      .split(',')
      .filter((part) => part.includes('='))
      .map((part) => [part.slice(0, part.indexOf('=')), decode(part.slice(part.indexOf('=') + 1))]),
  );
  switch (name) {
    case 'error':
    case 'warning':
    case 'notice': {
      const where = properties.file ? `${properties.file}${properties.line ? `:${properties.line}` : ''}: ` : '';
      return `${name}: ${where}${message}`;
    }
    case 'group':
      return `▸ ${message}`;
    case 'debug':
      return debug ? `debug: ${message}` : undefined;
    case 'endgroup':
    case 'add-mask':
    case 'set-output':
    case 'set-env':
    case 'add-path':
    case 'save-state':
    case 'echo':
    case 'add-matcher':
    case 'remove-matcher':
      return undefined;
    default:
      return line;
  }
}

function decode(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** Cuts a stream of chunks into whole lines; the last, unfinished line waits for the next chunk or `flush`. */
export class LineSplitter {
  private pending = '';

  push(chunk: string): string[] {
    const lines = (this.pending + chunk).split('\n');
    this.pending = lines.pop() ?? '';
    return lines;
  }

  flush(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}

/** The outputs whose value is JSON (action.yml says so of each); a terminal gets their size, `--json` their value. */
export const JSON_OUTPUTS: ReadonlySet<string> = new Set(['images', 'report', 'apps', 'problems']);

/**
 * The outputs as a person reads them: `name: value`, in the order the command
 * set them; empty ones left out; a JSON value described, not dumped.
 */
export function outputLines(outputs: Readonly<Record<string, string>>): string[] {
  const lines = Object.entries(outputs)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `  ${name}: ${JSON_OUTPUTS.has(name) ? describeJson(value) : value.replace(/\n/g, `\n    `)}`);
  return lines.length > 0 ? ['Outputs:', ...lines] : [];
}

function describeJson(value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (Array.isArray(parsed)) return parsed.length === 0 ? 'none' : `${parsed.length} ${parsed.length === 1 ? 'entry' : 'entries'} (--json prints them)`;
  return 'a JSON object (--json prints it)';
}

/** `--json`: every output by name; a JSON-valued one as its value, the rest as the strings a workflow gets. */
export function outputsAsJson(outputs: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => {
      if (!JSON_OUTPUTS.has(name) || value === '') return [name, value];
      try {
        return [name, JSON.parse(value) as unknown];
      } catch {
        return [name, value];
      }
    }),
  );
}
