/**
 * Small pieces of English the messages share, so that counts agree with their
 * nouns and sentences end once. No I/O.
 */

/** `1 overlay`, `3 overlays`; `plural` for nouns that do not take an s. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** A whole number of days, as a duration: `less than a day`, `1 day`, `10 days`. */
export function daysText(days: number): string {
  return days < 1 ? 'less than a day' : countOf(days, 'day');
}

/** The text with exactly one full stop at its end (messages from elsewhere may end with one already). */
export function sentence(text: string): string {
  return `${text.trim().replace(/[.\s]+$/, '')}.`;
}

/** `a`, `a and b`, `a, b and c`. */
export function wordList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
