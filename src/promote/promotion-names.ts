import { createHash } from 'node:crypto';

/** GitHub refuses titles of 256 characters or more; branch names must stay under 255 bytes. */
export const MAX_TITLE_LENGTH = 250;
export const MAX_BRANCH_LENGTH = 250;

/** What identifies one promotion pull request: one open PR per (from, to[, apps]). */
export interface PromotionKey {
  from: string;
  to: string;
  /** The apps input, when it names a subset; empty for all apps. */
  apps: string[];
}

/** `promote/staging-to-production`, or `promote/staging-to-production/api+web` for a subset of apps. */
export function promotionBranchName(key: PromotionKey): string {
  const base = `promote/${refPart(key.from)}-to-${refPart(key.to)}`;
  const apps = [...key.apps].sort().map(refPart);
  const name = apps.length === 0 ? base : `${base}/${apps.join('+')}`;
  if (name.length <= MAX_BRANCH_LENGTH) return name;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 12);
  return `${name.slice(0, MAX_BRANCH_LENGTH - 13).replace(/[./+-]+$/, '')}-${digest}`;
}

/** A piece of a ref name that git accepts: no spaces, `..`, `~^:?*[\`, control characters, or leading dots. */
export function refPart(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- git refuses control characters in a ref name: they are replaced on purpose.
      .replace(/[\s~^:?*[\\\x00-\x1f\x7f]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/^[.-]+|[.]+$/g, '')
      .replace(/\.lock$/i, '') || 'x'
  );
}

/** The hidden marker a run uses to recognise its pull request. */
export function promotionMarker(key: PromotionKey): string {
  const apps = key.apps.length === 0 ? '*' : [...key.apps].sort().join(',');
  return `<!-- gitops-promote:promotion from=${key.from} to=${key.to} apps=${apps} -->`;
}

export const DEFAULT_TITLE_TEMPLATE = 'Promote {apps} from {from} to {to}';

/**
 * The title from the config's `title-template`: {from}, {to}, {apps} (names,
 * or a count beyond three), {images} (name:tag pairs, or a count beyond three).
 */
export function promotionTitle(template: string | undefined, values: { from: string; to: string; apps: string[]; images: string[] }): string {
  const list = (items: string[], noun: string): string => (items.length <= 3 ? items.join(', ') : `${items.length} ${noun}`);
  const apps = values.apps.filter((app) => app !== '');
  const filled = (template || DEFAULT_TITLE_TEMPLATE).replace(/\{(from|to|apps|images)\}/g, (_whole, name: string) => {
    if (name === 'from') return values.from;
    if (name === 'to') return values.to;
    if (name === 'apps') return apps.length > 0 ? list(apps, 'apps') : 'images';
    return list(values.images, 'images');
  });
  const title = filled.replace(/\s+/g, ' ').trim();
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}
