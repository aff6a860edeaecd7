/**
 * Markdown tables for job summaries: every row has the header's number of
 * cells, and long text is broken into lines. GitHub lays a summary table out
 * at its content's width (`width: max-content`), so a long kustomize error in
 * one cell would make the whole table scroll sideways; explicit line breaks
 * are what keeps it readable. No I/O.
 */

/** A table; each row must have as many cells as the header. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`a table row has ${row.length} cells where the header has ${header.length}`);
  }
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** Text for a cell: escaped, its own line breaks kept, and lines longer than `width` wrapped. */
export function textCell(text: string, width = 80): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => wrapLine(line, width))
    .map(escapeCell)
    .join('<br>');
}

/** `<code>` text for a cell (paths, resource names), or '' for none. */
export function codeCell(text: string): string {
  return text ? `<code>${escapeCell(text)}</code>` : '';
}

function escapeCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;');
}

/**
 * Breaks a line at spaces so each piece fits in `width` where it can; a word
 * longer than the width (a path) is broken after a slash.
 */
export function wrapLine(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (word.length > width) {
      // Its pieces fill lines of their own: joined with a space they would no longer be one path.
      const pieces = splitAfterSlashes(word, width);
      const last = pieces.pop() ?? '';
      if (current !== '') lines.push(current);
      lines.push(...pieces);
      current = last;
    } else if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}

function splitAfterSlashes(word: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const part of word.split(/(?<=\/)/)) {
    if (current !== '' && current.length + part.length > width) {
      pieces.push(current);
      current = part;
    } else {
      current += part;
    }
  }
  pieces.push(current);
  return pieces;
}
