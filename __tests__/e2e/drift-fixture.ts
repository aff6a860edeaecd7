// Shared pieces of the drift-check end-to-end tests: dated overlay commits, what Argo CD would report, the report output.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectRenderedImages } from '../../src/kustomize/render.js';
import type { AppReport, DriftReport } from '../../src/drift/drift-types.js';
import type { ActionRun } from '../helpers/action-runner.js';
import { git } from '../helpers/git-fixtures.js';

export const DAY = 86_400_000;

export const overlayFile = (app: string, env: string): string => `apps/${app}/overlays/${env}/kustomization.yaml`;

/** What Argo CD would report for an app that runs its overlay: every rendered image. */
export function renderedImages(dir: string, app: string, env: string): string[] {
  return collectRenderedImages(execFileSync('kubectl', ['kustomize', join(dir, 'apps', app, 'overlays', env)], { encoding: 'utf8' }));
}

/** Commits an edit of one overlay in `dir`, dated `daysAgo`; returns the commit. */
export function commitOverlay(dir: string, app: string, env: string, edit: (text: string) => string, daysAgo = 0, message = `${app} ${env}`): string {
  const file = join(dir, overlayFile(app, env));
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const date = new Date(Date.now() - daysAgo * DAY).toISOString();
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qam', message], {
    cwd: dir,
    env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
  });
  return git(dir, 'rev-parse', 'HEAD');
}

/** An edit that sets the first `newTag:` of a kustomization. */
export const setTag =
  (tag: string) =>
  (text: string): string =>
    text.replace(/newTag: [^\n]+/, `newTag: ${tag}`);

export const reportOf = (run: ActionRun): DriftReport => JSON.parse(run.outputs.report ?? 'null') as DriftReport;

export const appReport = (report: DriftReport, env: string, name: string): AppReport =>
  report.environments.find((e) => e.name === env)!.apps.find((a) => a.app === name)!;
