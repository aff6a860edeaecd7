import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { readString } from '../inputs/read-inputs.js';
import { parsePromotionConfig, DEFAULT_CONFIG_FILE, type PromotionConfig } from '../config/promotion-config.js';
import { connectToGitHub, type GitHubConnection } from '../github/github-connection.js';
import { gatherSetupFacts, judgeSetup, type SetupNeeds } from '../github/setup-checks.js';
import { statusOf } from '../github/request-errors.js';

/**
 * check-setup: what the token may do on the config repo, and what the
 * promotion config needs of it, in words, before a failed run teaches it.
 * Fails when a writing command could not work at all; warns otherwise.
 */
export async function runCheckSetup(): Promise<void> {
  const github = connectToGitHub('to check the set-up');
  const config = await readConfigThroughApi(github);
  const needs: SetupNeeds = {
    pullRequests: config?.environments.some((env) => env.landing === 'pull-request') ?? true,
    autoMerge: config?.environments.some((env) => env.landing === 'pull-request' && env.pullRequest.autoMerge) ?? false,
    teamReviewers: [...new Set(config?.environments.flatMap((env) => env.pullRequest.teamReviewers) ?? [])],
    workflowRepository: process.env.GITHUB_REPOSITORY ?? '',
  };
  const findings = judgeSetup(await gatherSetupFacts(github, needs), needs);
  for (const finding of findings) {
    if (finding.level === 'error') core.error(finding.message);
    else if (finding.level === 'warning') core.warning(finding.message);
    else core.info(`✓ ${finding.message}`);
  }
  const errors = findings.filter((finding) => finding.level === 'error');
  core.setOutput('problems', JSON.stringify(findings.filter((finding) => finding.level !== 'ok')));
  if (errors.length > 0) throw new UserError(`check-setup found ${errors.length} problem${errors.length > 1 ? 's' : ''}: ${errors.map((finding) => finding.message).join(' ')}`);
}

/** The promotion config at the default branch, when the token can read it. */
async function readConfigThroughApi(github: GitHubConnection): Promise<PromotionConfig | undefined> {
  const file = readString('config', DEFAULT_CONFIG_FILE);
  try {
    const { data } = await github.client.rest.repos.getContent({ owner: github.owner, repo: github.repo, path: file });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return parsePromotionConfig(Buffer.from(data.content, 'base64').toString('utf8'), file);
  } catch (error) {
    if (statusOf(error) !== undefined) return undefined; // The findings say why the repo cannot be read.
    throw error;
  }
}
