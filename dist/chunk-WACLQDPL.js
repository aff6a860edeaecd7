const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/text/wording.ts
function countOf(count, noun, plural = `${noun}s`) {
  return `${count} ${count === 1 ? noun : plural}`;
}
function daysText(days) {
  return days < 1 ? "less than a day" : countOf(days, "day");
}
function sentence(text) {
  return `${text.trim().replace(/[.\s]+$/, "")}.`;
}
function wordList(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export {
  countOf,
  daysText,
  sentence,
  wordList
};
