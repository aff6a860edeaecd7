const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/text/shorten-at-word.ts
function shortenAtWord(text, max) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, Math.max(0, max - 1));
  const endsAWord = !/[\p{L}\p{N}_]/u.test(flat[room.length] ?? "");
  const lastBreak = Math.max(room.lastIndexOf(" "), ...[",", ";", ":", "/", ")", "]", "}"].map((mark) => room.lastIndexOf(mark) + 1));
  const breakAt = endsAWord ? room.length : lastBreak > 0 ? lastBreak : room.length;
  return `${room.slice(0, breakAt).replace(/[\s,;:]+$/, "")}\u2026`;
}

export {
  shortenAtWord
};
