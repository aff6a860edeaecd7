import type { RunContext } from '../types.js';

/**
 * The shape of every command: read and resolve its inputs into one typed
 * object (every input it reads is read here), run (in the command's own
 * folder: src/set-image/, src/promote/, …), and report the outcome (outputs,
 * job summary, annotations; a failed outcome throws its one line here).
 * main.ts runs the three in order; a new command is one entry there.
 */
export interface Command<Inputs, Outcome> {
  readInputs(context: RunContext): Inputs;
  run(inputs: Inputs, context: RunContext): Promise<Outcome>;
  report(outcome: Outcome, inputs: Inputs, context: RunContext): Promise<void>;
}

/** What most commands' readInputs returns: the typed inputs, and what the run needs beside them (GitHub access, the config file, the run). */
export interface Prepared<Inputs, Context> {
  inputs: Inputs;
  context: Context;
}
