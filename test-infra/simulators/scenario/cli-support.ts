/** What both standalone simulator CLIs share: flags, reading a scenario file, running until Ctrl-C. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

export interface SimulatorCliArgs {
  scenarioPath: string;
  scenario: unknown;
  port: number;
  tls?: boolean;
  stepMs?: number;
}

export function readCliArgs(argv: string[], defaultPort: number, usage: string): SimulatorCliArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      port: { type: 'string' },
      tls: { type: 'boolean' },
      'no-tls': { type: 'boolean' },
      'step-ms': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.scenario) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  const port = values.port === undefined ? defaultPort : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);
  let scenario: unknown;
  try {
    scenario = parse(readFileSync(values.scenario, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read scenario file ${values.scenario}: ${(err as Error).message}`, { cause: err });
  }
  return {
    scenarioPath: values.scenario,
    scenario,
    port,
    tls: values['no-tls'] ? false : values.tls,
    stepMs: values['step-ms'] === undefined ? undefined : Number(values['step-ms']),
  };
}

/** Keep the process alive until SIGINT/SIGTERM, then close the simulator. */
export function runUntilSignal(close: () => Promise<void>): void {
  const stop = (): void => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The simulator's timers are unref'd so tests can exit; a CLI must stay up.
  setInterval(() => undefined, 1 << 30);
}
