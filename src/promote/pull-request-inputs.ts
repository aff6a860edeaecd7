import { InputError } from '../errors.js';
import { readBoolean, readList, readString } from '../inputs/read-inputs.js';

/**
 * The inputs that decide how a change lands and what its pull request looks
 * like, shared by promote and set-image. An input left empty (undefined here)
 * takes the environment's `pull-request` config.
 */
export interface PullRequestOverrides {
  landing: '' | 'commit' | 'pull-request';
  reviewers?: string[];
  teamReviewers?: string[];
  labels?: string[];
  assignees?: string[];
  draft?: boolean;
  autoMerge?: boolean;
  mergeMethod?: 'merge' | 'squash' | 'rebase';
}

export function readPullRequestOverrides(): PullRequestOverrides {
  return {
    landing: oneOf('landing', ['commit', 'pull-request'] as const),
    reviewers: optionalList('reviewers'),
    teamReviewers: optionalList('team-reviewers'),
    labels: optionalList('labels'),
    assignees: optionalList('assignees'),
    draft: optionalBoolean('draft'),
    autoMerge: optionalBoolean('auto-merge'),
    mergeMethod: oneOf('merge-method', ['merge', 'squash', 'rebase'] as const) || undefined,
  };
}

function optionalList(name: string): string[] | undefined {
  return readString(name) === '' ? undefined : readList(name);
}

function optionalBoolean(name: string): boolean | undefined {
  return readString(name) === '' ? undefined : readBoolean(name, false);
}

function oneOf<T extends string>(name: string, allowed: readonly T[]): T | '' {
  const value = readString(name).trim();
  if (value !== '' && !allowed.includes(value as T)) throw new InputError(name, `expected one of ${allowed.join(', ')}, got '${value}'.`);
  return value as T | '';
}
