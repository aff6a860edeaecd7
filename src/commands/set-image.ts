import * as core from '@actions/core';
import { GitHubAccess } from '../github/github-connection.js';
import { readConfigFile } from '../inputs/config-inputs.js';
import { readWorkflowSettings } from '../inputs/workflow-settings.js';
import { readCommitIdentity, readGitHubTarget } from '../inputs/github-inputs.js';
import { readBoolean, readList, readRegExp, readString } from '../inputs/read-inputs.js';
import { readRepoLocation } from '../inputs/repo-location.js';
import { nameInputPins, readPinInputs } from '../inputs/pin-inputs.js';
import { COMMIT_SHA_VARIABLE, type RunContext } from '../types.js';
import { readSchemaSettings } from '../inputs/validation-inputs.js';
import { parseImageArguments } from '../kustomize/image-argument.js';
import { DEFAULT_COMMIT_MESSAGE } from '../report/commit-message.js';
import type { SetImageContext } from '../set-image/run-set-image.js';
import type { SetImageInputs, SetImageOutcome } from '../set-image/set-image-types.js';
import type { Command, Prepared } from './command.js';

export const setImageCommand: Command<Prepared<SetImageInputs, SetImageContext>, SetImageOutcome> = {
  readInputs(run: RunContext) {
    const github = readGitHubTarget(run);
    // In the order a reader scans them: where, which overlays and pins, then the images (which name the pins that say no image).
    const location = readRepoLocation(github);
    const overlays = readList('overlays');
    const pins = readPinInputs();
    const environment = readString('environment').trim();
    const images = parseImageArguments(readList('images'));
    const inputs: SetImageInputs = {
      location,
      overlays,
      pins: nameInputPins(
        pins,
        images.map((image) => image.name),
      ),
      environment,
      images,
      push: readBoolean('push', true),
      branch: readString('branch').trim(),
      commitMessage: readString('commit-message', DEFAULT_COMMIT_MESSAGE),
      author: readCommitIdentity(),
      allowDowngrade: readBoolean('allow-downgrade', false),
      allowTags: readRegExp('allow-tags'),
      verifyRender: readBoolean('verify-render', true),
      validation: readBoolean('validate', false) ? readSchemaSettings() : undefined,
      dryRun: readBoolean('dry-run', false),
      settings: readWorkflowSettings(),
      overrideHold: readBoolean('override-hold', false),
    };
    const context: SetImageContext = {
      github: new GitHubAccess(github, run, 'to land set-image through the GitHub API or a pull request'),
      configFile: readConfigFile(),
      run,
    };
    return { inputs, context };
  },
  run: async ({ inputs, context }) => (await import('../set-image/run-set-image.js')).runSetImage(inputs, context),
  async report(outcome) {
    // The renderers load with the outcome: a run refused at its inputs never needs them.
    const [{ setImageOutputs, setImageSummaryMarkdown }, { setOutputs, writeSummary }] = await Promise.all([
      import('../set-image/set-image-summary.js'),
      import('../report/job-summary.js'),
    ]);
    setOutputs(setImageOutputs(outcome));
    // A later `wait` step in the same job picks the pushed commit up from here.
    if (outcome.commitSha && outcome.pushed) core.exportVariable(COMMIT_SHA_VARIABLE, outcome.commitSha);
    await writeSummary(setImageSummaryMarkdown(outcome));
  },
};
