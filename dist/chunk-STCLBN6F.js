const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  InputError
} from "./chunk-KBKTDO2V.js";

// src/promote/promotion-route.ts
function resolvePromotionRoute(config, from, to) {
  const names = config.environments.map((env) => env.name).join(", ");
  const find = (name, input) => {
    const env = config.environments.find((candidate) => candidate.name === name);
    if (!env) throw new InputError(input, `unknown environment '${name}'; the promotion config declares ${names}.`);
    return env;
  };
  if (from === "" && to === "") throw new InputError("to", "name the environment to promote into (and optionally from), such as to: production.");
  if (to === "") {
    const source2 = find(from, "from");
    const next = config.environments.filter((env) => env.from === source2.name);
    if (next.length !== 1) {
      throw new InputError(
        "to",
        `'${from}' is followed by ${next.length === 0 ? "no environment" : next.map((env) => env.name).join(" and ")}; name the environment to promote into.`
      );
    }
    return { source: source2, target: next[0] };
  }
  const target = find(to, "to");
  if (from === "") {
    if (target.from === void 0)
      throw new InputError("to", `'${to}' is the first environment of the chain; nothing promotes into it. Name from as well, or use set-image.`);
    return { source: find(target.from, "from"), target };
  }
  const source = find(from, "from");
  if (source.name === target.name) throw new InputError("from", `'${from}' is also the target; from and to must differ.`);
  if (!upstreamOf(config, target).includes(source.name)) {
    const after = upstreamOf(config, source).includes(target.name);
    throw new InputError(
      "from",
      after ? `'${from}' comes after '${to}' in the promotion chain; images move ${chainText(config, target, source)}, so swap from and to.` : `'${from}' is not upstream of '${to}' in the promotion chain (${to} receives from ${upstreamOf(config, target).join(" \u2190 ") || "nothing"}).`
    );
  }
  return { source, target };
}
function upstreamOf(config, env) {
  const chain = [];
  for (let name = env.from; name !== void 0 && !chain.includes(name); ) {
    chain.push(name);
    name = config.environments.find((candidate) => candidate.name === name)?.from;
  }
  return chain;
}
function chainText(config, first, last) {
  return [
    ...upstreamOf(config, last).slice(0, upstreamOf(config, last).indexOf(first.name) + 1).reverse(),
    last.name
  ].join(" \u2192 ");
}

export {
  resolvePromotionRoute
};
