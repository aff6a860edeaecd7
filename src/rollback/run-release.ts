import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { settingsFor } from '../config/environment-settings.js';
import { requirePromotionConfig } from '../config/load-config.js';
import { findEnvironment } from '../config/promotion-config.js';
import { InputError } from '../errors.js';
import { describeRefusal } from '../github/pull-requests.js';
import { describeHold, holdFilePath } from '../holds/hold-file.js';
import { readHold } from '../holds/read-hold.js';
import { landPromotionPullRequest } from '../promote/promotion-pull-request.js';
import type { ChangedFile } from '../repo/config-repo.js';
import { landCommit } from '../repo/land-commit.js';
import { inConfigRepoToLand } from '../repo/open-config-repo.js';
import { releaseBranch, releaseMarker } from './rollback-report.js';
import type { RollbackContext } from './run-rollback.js';
import type { ReleaseInputs, ReleaseOutcome } from './rollback-types.js';

/** release: removes the environment's hold file, by a commit or a PR as the environment lands; nothing to do without one. */
export async function runRelease(inputs: ReleaseInputs, context: RollbackContext): Promise<ReleaseOutcome> {
  return inConfigRepoToLand(
    inputs.location,
    {
      branch: inputs.branch,
      push: true,
      github: context.github,
      configFile: context.configFile,
      environmentBranch: (config) => (config ? findEnvironment(config, inputs.environment, 'environment').branch : undefined),
    },
    async (opened) => {
      const config = requirePromotionConfig(opened.config, 'config', 'release (to know the environment and how it lands)');
      const env = findEnvironment(config, inputs.environment, 'environment');
      const settings = settingsFor(inputs.settings, env);
      const { snapshot, branch } = opened;
      const file = holdFilePath(env.name);
      const outcome: ReleaseOutcome = { environment: env.name, landing: settings.landing, holdFile: '', commitSha: '', dryRun: inputs.dryRun };
      if (!existsSync(join(snapshot.root, file))) {
        core.info(`${env.name} has no hold (${file}); nothing to release.`);
        return outcome;
      }
      // A hold file that does not parse is still removed: releasing is how it gets fixed.
      const described = await readHold(snapshot.root, env.name).then(
        (found) => (found ? describeHold(found.hold, found.file) : file),
        () => `${file} (which does not parse)`,
      );
      core.info(`Releasing: ${described}.`);
      if (inputs.dryRun) return { ...outcome, holdFile: file };
      if (!branch) throw new InputError('branch', 'the checkout is on a detached HEAD; name the branch to push to.');
      const removal: ChangedFile = { path: file, content: '', deleted: true };
      const title = `Release the hold on ${env.name}`;
      const message = `${title}\n\n${inputs.reason ? `${inputs.reason}\n\n` : ''}Removes ${file}.${context.run.runUrl ? `\n\n${context.run.runUrl}` : ''}`;
      if (settings.landing === 'commit') {
        const landed = await landCommit({
          repo: opened.repo,
          snapshot,
          target: { branch, mode: 'fast-forward' },
          author: inputs.author,
          apply: (current) => Promise.resolve({ files: existsSync(join(current.root, file)) ? [removal] : [], changes: [], superseded: [] }),
          message: () => message,
        });
        return { ...outcome, holdFile: file, commitSha: landed.commitSha };
      }
      const github = await context.github.connect();
      const body = [
        `Removes the hold on **${env.name}**: ${described}.`,
        '',
        ...(inputs.reason ? [`Why: ${inputs.reason}`, ''] : []),
        `Once merged, set-image and promote move ${env.name} again.`,
        '',
        releaseMarker(env.name),
        '',
      ].join('\n');
      const landed = await landPromotionPullRequest(
        opened.repo,
        github,
        snapshot,
        { branch: releaseBranch(env.name), base: branch, marker: releaseMarker(env.name), title, body, files: [removal], message, author: inputs.author },
        { ...settings.pullRequest, labels: [...new Set([...settings.pullRequest.labels.filter((label) => label !== 'promotion'), 'rollback'])] },
      );
      for (const refusal of landed.refusals) core.warning(`The pull request was made, but ${describeRefusal(refusal)}`);
      return {
        ...outcome,
        holdFile: file,
        commitSha: landed.commitSha,
        pullRequest: { number: landed.pull.number, url: landed.pull.url, created: landed.created, moved: landed.moved },
      };
    },
  );
}
