import * as core from '@actions/core';
import { InputError, ReportedFailure } from '../errors.js';
import { readConfigFile } from '../config/load-config.js';
import { parsePromotionConfig, type PromotionConfig } from '../config/promotion-config.js';
import { connectToGitHub, type GitHubConnection } from '../github/github-connection.js';
import { gatherSetupFacts, judgeSetup, type SetupNeeds } from '../github/setup-checks.js';
import { statusOf } from '../github/request-errors.js';
import { writeSummary } from '../report/job-summary.js';
import { setupSummaryMarkdown } from '../report/setup-summary.js';
import { countOf } from '../report/wording.js';

/**
 * check-setup: what the token may do on the config repo, and what the
 * promotion config needs of it, in words, before a failed run teaches it.
 * Every check is printed (✓ for those that pass), each problem once as an
 * annotation; the step fails when a writing command could not work at all.
 */
export async function runCheckSetup(): Promise<void> {
  const github = connectToGitHub('to check the set-up');
  const configFile = readConfigFile();
  const config = await readConfigThroughApi(github, configFile);
  const needs: SetupNeeds = {
    pullRequests: config?.environments.some((env) => env.landing === 'pull-request') ?? true,
    autoMerge: config?.environments.some((env) => env.landing === 'pull-request' && env.pullRequest.autoMerge) ?? false,
    teamReviewers: [...new Set(config?.environments.flatMap((env) => env.pullRequest.teamReviewers) ?? [])],
    workflowRepository: process.env.GITHUB_REPOSITORY ?? '',
  };
  const findings = judgeSetup(await gatherSetupFacts(github, needs), needs);
  const configNote = config
    ? `Read the promotion config ${configFile.file} (${countOf(config.environments.length, 'environment')}).`
    : `No promotion config (${configFile.file}) on the default branch: checked as if changes land through pull requests.`;
  core.info(configNote);
  for (const finding of findings) {
    if (finding.level === 'error') core.error(finding.message);
    else if (finding.level === 'warning') core.warning(finding.message);
    else core.info(`✓ ${finding.message}`);
  }
  core.setOutput('problems', JSON.stringify(findings.filter((finding) => finding.level !== 'ok')));
  core.summary.addRaw(setupSummaryMarkdown(github.repository, configNote, findings), true);
  await writeSummary();
  const errors = findings.filter((finding) => finding.level === 'error');
  if (errors.length > 0) throw new ReportedFailure(`check-setup found ${countOf(errors.length, 'problem')} that ${errors.length === 1 ? 'stops' : 'stop'} the writing commands (above).`);
}


/**
 * The promotion config at the default branch, when the token can read it. A
 * config the input names must be there; the default one may be absent. When
 * the repo itself cannot be read, the findings say why.
 */
async function readConfigThroughApi(github: GitHubConnection, { file, named }: { file: string; named: boolean }): Promise<PromotionConfig | undefined> {
  let text: string;
  try {
    const { data } = await github.client.rest.repos.getContent({ owner: github.owner, repo: github.repo, path: file });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw new InputError('config', `'${file}' is not a file in ${github.repository}.`);
    text = Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (statusOf(error) === 404 && named && (await repoIsVisible(github))) throw new InputError('config', `'${file}' does not exist in ${github.repository}.`);
    if (statusOf(error) !== undefined) return undefined;
    throw error;
  }
  return parsePromotionConfig(text, file);
}

async function repoIsVisible(github: GitHubConnection): Promise<boolean> {
  try {
    await github.client.rest.repos.get({ owner: github.owner, repo: github.repo });
    return true;
  } catch {
    return false;
  }
}
