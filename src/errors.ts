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

/** The message of any thrown value, on one line. */
export function oneLineMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
