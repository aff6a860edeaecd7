import { InputError } from '../errors.js';
import type { Environment, PromotionConfig } from '../config/promotion-config.js';

/** Which environment's images go where. */
export interface PromotionRoute {
  source: Environment;
  target: Environment;
}

/**
 * The route the `from` and `to` inputs name. `to` alone promotes from the
 * environment before it; `from` alone promotes into the one after it. `from`
 * must come before `to` in the chain (dev → staging → production); skipping
 * an environment (dev → production) is allowed, going backwards is not.
 */
export function resolvePromotionRoute(config: PromotionConfig, from: string, to: string): PromotionRoute {
  const names = config.environments.map((env) => env.name).join(', ');
  const find = (name: string, input: string): Environment => {
    const env = config.environments.find((candidate) => candidate.name === name);
    if (!env) throw new InputError(input, `unknown environment '${name}'; the promotion config declares ${names}.`);
    return env;
  };
  if (from === '' && to === '') throw new InputError('to', 'name the environment to promote into (and optionally from), such as to: production.');
  if (to === '') {
    const source = find(from, 'from');
    const next = config.environments.filter((env) => env.from === source.name);
    if (next.length !== 1) {
      throw new InputError(
        'to',
        `'${from}' is followed by ${next.length === 0 ? 'no environment' : next.map((env) => env.name).join(' and ')}; name the environment to promote into.`,
      );
    }
    return { source, target: next[0] };
  }
  const target = find(to, 'to');
  if (from === '') {
    if (target.from === undefined)
      throw new InputError('to', `'${to}' is the first environment of the chain; nothing promotes into it. Name from as well, or use set-image.`);
    return { source: find(target.from, 'from'), target };
  }
  const source = find(from, 'from');
  if (source.name === target.name) throw new InputError('from', `'${from}' is also the target; from and to must differ.`);
  if (!upstreamOf(config, target).includes(source.name)) {
    const after = upstreamOf(config, source).includes(target.name);
    throw new InputError(
      'from',
      after
        ? `'${from}' comes after '${to}' in the promotion chain; images move ${chainText(config, target, source)}, so swap from and to.`
        : `'${from}' is not upstream of '${to}' in the promotion chain (${to} receives from ${upstreamOf(config, target).join(' ← ') || 'nothing'}).`,
    );
  }
  return { source, target };
}

/** The environments `env` receives from, nearest first. */
function upstreamOf(config: PromotionConfig, env: Environment): string[] {
  const chain: string[] = [];
  for (let name = env.from; name !== undefined && !chain.includes(name);) {
    chain.push(name);
    name = config.environments.find((candidate) => candidate.name === name)?.from;
  }
  return chain;
}

function chainText(config: PromotionConfig, first: Environment, last: Environment): string {
  return [
    ...upstreamOf(config, last)
      .slice(0, upstreamOf(config, last).indexOf(first.name) + 1)
      .reverse(),
    last.name,
  ].join(' → ');
}
