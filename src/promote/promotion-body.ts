import type { Environment } from '../config/promotion-config.js';
import type { GitHubConnection } from '../github/github-connection.js';
import type { Snapshot } from '../repo/config-repo.js';
import type { Verified } from '../checks/check-edits.js';
import type { RunContext } from '../types.js';
import { buildPullRequestBody, compareUrl, type AppSection, type ChecklistItem } from '../report/pull-request-body.js';
import { toOverlayChange } from '../report/overlay-changes.js';
import type { PromotionKey } from './promotion-names.js';
import { promotionMarker } from './promotion-names.js';
import type { AppPromotion } from './promotion-plan.js';
import type { OverlayChange } from '../types.js';
import { gateChecklist } from '../gates/gate-report.js';
import type { GateVerdict } from '../gates/gate-types.js';

export interface PromotionBodyContext {
  apps: readonly AppPromotion[];
  key: PromotionKey;
  snapshot: Snapshot;
  branch: string;
  github: GitHubConnection;
  target: Environment;
  verified: Verified;
  renderedDiff: string | undefined;
  sourceRepositories: ReadonlyMap<string, string>;
  /** Links: GitHub's web address and the run's page. */
  run: Pick<RunContext, 'serverUrl' | 'runUrl'>;
  /** The target's gates as this run judged them. */
  gates?: GateVerdict;
}

export function promotionBodyFor(context: PromotionBodyContext): string {
  const { serverUrl, runUrl } = context.run;
  const sections: AppSection[] = context.apps
    .map((app) => {
      const changes = app.edits.flatMap((edit) => edit.changes.map((change) => toOverlayChange(edit.overlay.path, edit.overlay.file, change)));
      const repository = context.sourceRepositories.get(app.app) ?? context.sourceRepositories.get('*') ?? '';
      const link = changes.map((change) => compareUrl(serverUrl, repository, change.old, change.new)).find(Boolean);
      return {
        app: app.app,
        rows: changes.map((change) => ({ overlay: change.overlay, image: change.image, current: change.old, promoted: change.new })),
        compareUrl: link,
      };
    })
    .filter((section) => section.rows.length > 0);
  return buildPullRequestBody({
    marker: promotionMarker(context.key),
    from: context.key.from,
    to: context.key.to,
    repositoryUrl: `${serverUrl}/${context.github.repository}`,
    sourceCommit: context.snapshot.commit,
    targetBranch: context.branch,
    runUrl,
    apps: sections,
    checklist: checklist(context.target, context.verified, context.gates),
    skipped: context.apps.flatMap((app) => app.skipped ?? []),
    renderedDiff: context.renderedDiff,
  });
}

/** The config's items for people, then the checks the action makes itself, ticked only when they ran and passed. */
export function checklist(target: Environment, verified: Verified, gates?: GateVerdict): ChecklistItem[] {
  return [
    ...target.pullRequest.checklist.map((text) => ({ text, checked: false })),
    ...(gates ? gateChecklist(gates) : []),
    {
      text: 'Every promoted image renders in the target overlays (kustomize build)',
      checked: verified.render,
      note: verified.renderNote ?? 'not checked by this run',
    },
    { text: `The ${target.name} overlays validate (schemas and policy)`, checked: verified.validation, note: 'not checked by this run; set validate: true' },
  ];
}

export function promotionCommitMessage(title: string, changes: readonly OverlayChange[], runUrl: string): string {
  const lines = changes.map((change) => `- ${change.overlay}: ${change.image} ${change.old || '(new entry)'} -> ${change.new}`);
  return [title, '', ...lines, ...(runUrl ? ['', `Run: ${runUrl}`] : [])].join('\n') + '\n';
}
