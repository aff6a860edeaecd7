import * as core from '@actions/core';
import { InputError, ReportedFailure, UserError, oneLineMessage } from './errors.js';
import { readRequired } from './inputs/read-inputs.js';
import { runSetImage } from './commands/set-image.js';
import { runValidate } from './commands/validate.js';
import { runWait } from './commands/wait.js';
import { runDriftCheck } from './commands/drift-check.js';
import { runPromote } from './commands/promote.js';
import { runCheckSetup } from './commands/check-setup.js';

type CommandRunner = () => Promise<void>;

/** Every command of the action; each reads its own inputs. */
export const COMMANDS: Record<string, CommandRunner> = {
  'set-image': runSetImage,
  promote: runPromote,
  'check-setup': runCheckSetup,
  validate: runValidate,
  wait: runWait,
  'drift-check': runDriftCheck,
};

/** The one place that turns a thrown error into a failed step. */
export async function run(): Promise<void> {
  try {
    const command = readRequired('command').trim();
    const runner = COMMANDS[command];
    if (!runner) {
      throw new InputError('command', `unknown command '${command}'; expected one of ${Object.keys(COMMANDS).join(', ')}.`);
    }
    await runner();
  } catch (error) {
    if (error instanceof ReportedFailure) {
      core.info(oneLineMessage(error));
      process.exitCode = 1;
      return;
    }
    if (!(error instanceof UserError) && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(oneLineMessage(error));
  }
}
