/**
 * Shortens a message to at most `max` characters (whitespace folded to single spaces) without cutting a
 * word: the cut falls at the last space or punctuation mark that fits, and an ellipsis
 * says something was left out. A single run of characters with no break at all (a token, a hash) is
 * the only thing ever cut inside.
 */
export function shortenAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, Math.max(0, max - 1));
  const endsAWord = !/[\p{L}\p{N}_]/u.test(flat[room.length] ?? '');
  const lastBreak = Math.max(room.lastIndexOf(' '), ...[',', ';', ':', '/', ')', ']', '}'].map((mark) => room.lastIndexOf(mark) + 1));
  const breakAt = endsAWord ? room.length : lastBreak > 0 ? lastBreak : room.length;
  // A separator right before the cut would dangle before the ellipsis.
  return `${room.slice(0, breakAt).replace(/[\s,;:]+$/, '')}…`;
}
