import type { WorkflowSettings } from '../config/environment-settings.js';
import { readChoice, readOptionalBoolean, readOptionalList, readString } from './read-inputs.js';

/** The inputs the promotion config can also set, as the workflow set them (undefined where it set none); settingsFor applies the rule. */
export function readWorkflowSettings(): WorkflowSettings {
  return {
    landing: readChoice('landing', ['commit', 'pull-request'] as const, undefined),
    reviewers: readOptionalList('reviewers'),
    teamReviewers: readOptionalList('team-reviewers'),
    labels: readOptionalList('labels'),
    assignees: readOptionalList('assignees'),
    draft: readOptionalBoolean('draft'),
    autoMerge: readOptionalBoolean('auto-merge'),
    mergeMethod: readChoice('merge-method', ['merge', 'squash', 'rebase'] as const, undefined),
    protected: readOptionalBoolean('protected'),
    requireDigest: readOptionalBoolean('require-digest'),
    controller: readChoice('controller', ['argocd', 'flux'] as const, undefined),
    fluxKind: readChoice('flux-kind', ['Kustomization', 'HelmRelease'] as const, undefined),
    fluxNamespace: readString('flux-namespace').trim() || undefined,
  };
}
