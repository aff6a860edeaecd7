import * as core from '@actions/core';
import { InputError, ReportedFailure, UserError, oneLineMessage } from './errors.js';
import { readRequired } from './inputs/read-inputs.js';
import { runContext } from './inputs/run-context.js';
import type { Command } from './commands/command.js';
import { setImageCommand } from './commands/set-image.js';
import { validateCommand } from './commands/validate.js';
import { waitCommand } from './commands/wait.js';
import { driftCheckCommand } from './commands/drift-check.js';
import { promoteCommand } from './commands/promote.js';
import { checkSetupCommand } from './commands/check-setup.js';

/** Every command of the action. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own inputs and outcome
export const COMMANDS: Record<string, Command<any, any>> = {
  'set-image': setImageCommand,
  promote: promoteCommand,
  'check-setup': checkSetupCommand,
  validate: validateCommand,
  wait: waitCommand,
  'drift-check': driftCheckCommand,
};

/** Runs the command the `command` input names; the one place that turns a thrown error into a failed step. */
export async function run(): Promise<void> {
  try {
    const name = readRequired('command').trim();
    const command = COMMANDS[name];
    if (!command) throw new InputError('command', `unknown command '${name}'; expected one of ${Object.keys(COMMANDS).join(', ')}.`);
    const context = runContext();
    const inputs: unknown = command.readInputs(context);
    const outcome: unknown = await command.run(inputs, context);
    await command.report(outcome, inputs, context);
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
