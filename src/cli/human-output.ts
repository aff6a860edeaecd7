/**
 * @actions/core speaks to the runner in workflow commands (`::error file=a,line=3::…`).
 * On a terminal those become plain lines: `error: a:3: …`, groups become headings,
 * masks and debug lines (unless RUNNER_DEBUG=1) disappear.
 */
export function toHumanLine(line: string, debug = false): string | undefined {
  const command = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line);
  if (!command) return line;
  const [, name, rawProperties, rawMessage] = command;
  const message = decode(rawMessage!);
  const properties = Object.fromEntries(
    (rawProperties ?? '')
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
    case 'save-state':
      return undefined;
    default:
      return line;
  }
}

function decode(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** Routes everything the action writes to stdout through `toHumanLine`. */
export function installHumanOutput(stream: NodeJS.WriteStream = process.stdout, debug = process.env.RUNNER_DEBUG === '1'): void {
  const write = stream.write.bind(stream) as (chunk: string) => boolean;
  let pending = '';
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const out = lines.map((line) => toHumanLine(line, debug)).filter((line): line is string => line !== undefined);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (out.length > 0) return write(`${out.join('\n')}\n`), callback?.(), true;
    callback?.();
    return true;
  }) as typeof stream.write;
}
