import { InputError } from '../errors.js';
import { splitList } from '../text/split-list.js';
import { countOf } from '../text/wording.js';

/** How far an environment may lag behind the one before it. */
export interface MaxSkew {
  versions?: number;
  days?: number;
}

/** `2`, `2 versions`, `1version` or `14d`, as the config's `max-skew` and the input take them. */
export function parseMaxSkew(value: number | string): MaxSkew | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { versions: value } : undefined;
  const match = /^(\d+)\s*(d|days?|versions?)?$/.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match.at(2)?.startsWith('d') ? { days: amount } : { versions: amount };
}

export const describeMaxSkew = (limit: MaxSkew): string =>
  [limit.versions !== undefined ? countOf(limit.versions, 'version') : '', limit.days !== undefined ? `${limit.days}d` : ''].filter(Boolean).join(' or ');

/** The `max-skew` input: `production=2,staging=7d` (several limits of one environment combine). */
export function parseMaxSkewInput(text: string, environments: readonly string[]): Map<string, MaxSkew> {
  const limits = new Map<string, MaxSkew>();
  for (const item of splitList(text)) {
    const parts = item.split('=', 2).map((part) => part.trim());
    const [name] = parts;
    const value = parts.at(1);
    if (!name || value === undefined) throw new InputError('max-skew', `'${item}' is not environment=limit (for example production=2 or staging=7d).`);
    if (!environments.includes(name))
      throw new InputError('max-skew', `unknown environment '${name}'; the promotion config declares ${environments.join(', ')}.`);
    const limit = parseMaxSkew(value);
    if (!limit) throw new InputError('max-skew', `'${value}' for ${name} is not a number of versions (2) or days (7d).`);
    limits.set(name, { ...limits.get(name), ...limit });
  }
  return limits;
}

/** Why a skew breaks the limit, or undefined when it does not. */
export function exceedsMaxSkew(skew: { versionsBehind?: number; daysBehind?: number }, limit: MaxSkew | undefined): string | undefined {
  if (!limit) return undefined;
  if (limit.versions !== undefined && skew.versionsBehind !== undefined && skew.versionsBehind > limit.versions) {
    return `more than ${describeMaxSkew({ versions: limit.versions })} behind`;
  }
  if (limit.days !== undefined && skew.daysBehind !== undefined && skew.daysBehind > limit.days) return `behind for more than ${limit.days}d`;
  return undefined;
}
