import { LineSplitter, toHumanLine } from './human-output.js';

export interface ConsoleMode {
  /** Rewrite workflow commands as plain lines (a terminal); inside GitHub Actions the runner reads them as they are. */
  human: boolean;
  /** Send the log to stderr, so that stdout carries the result alone (`--json`). The runner reads workflow commands on both. */
  logToStderr: boolean;
  /** Show debug lines (RUNNER_DEBUG=1). */
  debug: boolean;
}

type Write = (text: string) => void;

/**
 * Where the CLI's text goes. @actions/core writes the log to process.stdout;
 * that write is taken over here, line by line, and the outputs are written
 * apart from the log. A reader that goes away (`… | head -1`) closes the pipe:
 * from then on the text for it is dropped without a word, and the run goes on
 * to its end and exit code, because stopping a set-image or promote between
 * its push and its pull request would leave the work half done for the sake
 * of text nobody reads.
 */
export class CliConsole {
  private readonly splitter = new LineSplitter();
  private readonly stdout: Write;
  private readonly stderr: Write;

  constructor(private readonly mode: ConsoleMode) {
    this.stdout = guardedWriter(process.stdout);
    this.stderr = guardedWriter(process.stderr);
  }

  /** Routes everything written to process.stdout from now on through the log. */
  captureLog(): void {
    process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      this.log(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      (rest.find((arg) => typeof arg === 'function') as (() => void) | undefined)?.();
      return true;
    };
  }

  /** The text the action would have written to stdout. */
  log(chunk: string): void {
    this.writeLines(this.splitter.push(chunk));
  }

  /** Writes a log line left unfinished. */
  flush(): void {
    this.writeLines(this.splitter.flush());
  }

  /** The run's result (its outputs): always stdout. */
  result(text: string): void {
    this.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The CLI's own messages (a bad flag, a help request for an unknown command): stderr. */
  problem(text: string): void {
    this.stderr(text.endsWith('\n') ? text : `${text}\n`);
  }

  private writeLines(lines: readonly string[]): void {
    const shown = this.mode.human ? lines.map((line) => toHumanLine(line, this.mode.debug)).filter((line) => line !== undefined) : lines;
    if (shown.length > 0) (this.mode.logToStderr ? this.stderr : this.stdout)(`${shown.join('\n')}\n`);
  }
}

/**
 * The stream's own write, silent once its reader has gone: Node reports a
 * closed pipe as an EPIPE 'error' event, which unhandled ends the process with
 * a stack trace. Any other stream error is still thrown.
 */
function guardedWriter(stream: NodeJS.WriteStream): Write {
  const write = stream.write.bind(stream);
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (closed || error.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (!closed && !stream.destroyed) write(text);
  };
}
