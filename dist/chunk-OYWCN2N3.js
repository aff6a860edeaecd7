import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);

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

export {
  countOf,
  daysText,
  sentence
};
