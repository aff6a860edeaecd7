import * as core from '@actions/core';

/** Sets a command's outputs, all in one place. */
export function setOutputs(outputs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/**
 * Appends `markdown` (when given) to the job summary and writes it. The
 * summary is a report, not the work: a run with no summary file (the CLI
 * given none) or a full disk must not fail a step whose commit landed.
 */
export async function writeSummary(markdown?: string): Promise<void> {
  if (markdown !== undefined) core.summary.addRaw(markdown, true);
  try {
    await core.summary.write();
  } catch (error) {
    core.summary.emptyBuffer();
    // @actions/core names the variable when the runner gave no summary file: nothing to write to, nothing to say.
    if (!/GITHUB_STEP_SUMMARY/.test((error as Error).message)) core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
