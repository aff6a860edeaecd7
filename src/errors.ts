/**
 * An error the user can fix: bad input, a broken file, a refused push.
 * main.ts prints its message as one line and exits 1, with no stack trace.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A user error that names the action input (or CLI flag) at fault. */
export class InputError extends UserError {
  constructor(
    readonly input: string,
    problem: string,
  ) {
    super(`Input '${input}': ${problem}`);
    this.name = 'InputError';
  }
}

/**
 * A failure whose reasons the command has already printed as annotations (one
 * per problem): the step fails without a further error line repeating them.
 */
export class ReportedFailure extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ReportedFailure';
  }
}

/** The message of any thrown value: an Error's message, anything else as String() writes it. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The message of any thrown value, on one line. */
export function oneLineMessage(error: unknown): string {
  const text = messageOf(error);
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * A YAML parser's error as one clause: its first line without the code frame
 * that follows it (`… at line 3, column 1:` then the source), the place in brackets.
 */
export function yamlErrorText(error: unknown): string {
  const first = messageOf(error).split('\n')[0].trim();
  const place = /^(.*?)\s+at line (\d+), column (\d+):?$/.exec(first);
  return place ? `${place[1]} (line ${place[2]}, column ${place[3]})` : first.replace(/:$/, '');
}
