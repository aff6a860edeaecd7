import * as core from '@actions/core';

/**
 * Writes the buffered job summary. The summary is a report, not the work: a
 * runner without one (or a full disk) must not fail a step whose commit landed.
 */
export async function writeSummary(): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.summary.emptyBuffer();
    return;
  }
  try {
    await core.summary.write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
