import * as core from '@actions/core';
import { InputError, ReportedFailure, UserError, oneLineMessage } from './errors.js';
import { readRequired } from './inputs/read-inputs.js';
import { runContext } from './inputs/run-context.js';
import type { Command } from './commands/command.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own inputs and outcome
type AnyCommand = Command<any, any>;

/**
 * Every command of the action, each loaded only when it runs: a run pays for
 * its own command's code, not for the others (the bundle splits each into
 * its own chunk).
 */
export const COMMANDS: Record<string, () => Promise<AnyCommand>> = {
  'set-image': async () => (await import('./commands/set-image.js')).setImageCommand,
  promote: async () => (await import('./commands/promote.js')).promoteCommand,
  rollback: async () => (await import('./commands/rollback.js')).rollbackCommand,
  release: async () => (await import('./commands/release.js')).releaseCommand,
  'check-setup': async () => (await import('./commands/check-setup.js')).checkSetupCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  wait: async () => (await import('./commands/wait.js')).waitCommand,
  'drift-check': async () => (await import('./commands/drift-check.js')).driftCheckCommand,
  'merge-reports': async () => (await import('./commands/merge-reports.js')).mergeReportsCommand,
};

/** Runs the command the `command` input names; the one place that turns a thrown error into a failed step. */
export async function run(): Promise<void> {
  try {
    const name = readRequired('command').trim();
    // Only a command of its own: `toString` is no command.
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new InputError('command', `unknown command '${name}'; expected one of ${Object.keys(COMMANDS).join(', ')}.`);
    const command = await load();
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
