import type { Pair, Scalar } from 'yaml';
import { UserError } from '../errors.js';
import { columnOf, type Splice } from '../kustomize/yaml-text.js';
import { yamlText, type YamlText } from './yaml-source.js';

/**
 * YAML held in a string of another YAML file (Argo CD's `helm.values: |`):
 * the inner text, read and edited as a file of its own, and its splices
 * carried back into the outer file at the block's indentation, so only the
 * changed lines of the block differ. Only a literal block (`|`) keeps its
 * lines as they are; any other string is read, but not written.
 */
export interface EmbeddedYaml {
  text: YamlText;
  /** The inner splices as splices of the outer file; a string that is not a literal block is refused. */
  toOuter: (splices: readonly Splice[]) => Splice[];
}

interface InnerLine {
  /** Where the line's text (after the block's indentation) starts in the outer file, and where the line itself does. */
  contentStart: number;
  lineStart: number;
}

export function embeddedYaml(outer: YamlText, pair: Pair, node: Scalar, shownAs: string): EmbeddedYaml {
  const refuse = (): never => {
    throw new UserError(
      `${outer.file}: ${shownAs} is a ${node.type === 'BLOCK_FOLDED' ? 'folded (>)' : 'quoted or plain'} string; ` +
        `write it as a literal block (${shownAs.split('.').at(-1)}: |) to have it edited.`,
    );
  };
  const range = node.range;
  if (node.type !== 'BLOCK_LITERAL' || !range) {
    return { text: yamlText(typeof node.value === 'string' ? node.value : '', outer.file, outer.lineOf(range?.[0] ?? 0)), toOuter: refuse };
  }
  const { source } = outer;
  const header = source.slice(range[0], source.indexOf('\n', range[0]) < 0 ? range[1] : source.indexOf('\n', range[0]));
  const contentStart = Math.min(range[1], header.length + range[0] + 1);
  const region = source.slice(contentStart, range[1]);
  // An indentation indicator (`|2`, `|-2`) counts from the key's indentation; without one, the first line sets it.
  const indicator = /[1-9]/.exec(/^[|][^#\s]*/.exec(header)?.[0] ?? '');
  const keyColumn = columnOf(source, (pair.key as Scalar).range?.[0] ?? 0);
  const firstContent = /^( *)\S/m.exec(region.replace(/\r/g, ''));
  const indent = indicator ? keyColumn + Number(indicator[0]) : (firstContent?.[1].length ?? 0);

  const lines: InnerLine[] = [];
  const innerLines: string[] = [];
  let at = contentStart;
  for (const raw of region.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const skip = Math.min(indent, line.length - line.trimStart().length, line.length);
    lines.push({ lineStart: at, contentStart: at + skip });
    innerLines.push(line.slice(skip));
    at += raw.length + 1;
  }
  const inner = innerLines.join('\n');
  const innerStarts: number[] = [];
  for (let offset = 0, index = 0; index < innerLines.length; index += 1) {
    innerStarts.push(offset);
    offset += innerLines[index].length + 1;
  }
  const pad = ' '.repeat(indent);
  const lineIndexOf = (offset: number): number => {
    let index = innerStarts.length - 1;
    while (index > 0 && innerStarts[index] > offset) index -= 1;
    return index;
  };

  const toOuter = (splices: readonly Splice[]): Splice[] =>
    splices.map((splice) => {
      const index = lineIndexOf(splice.start);
      const column = splice.start - innerStarts[index];
      const end = lines[lineIndexOf(splice.end)].contentStart + (splice.end - innerStarts[lineIndexOf(splice.end)]);
      if (column === 0 && splice.start === splice.end && splice.text.endsWith('\n')) {
        // Whole lines before line `index`: each gets the block's indentation, and the line after keeps its own.
        const start = index < lines.length ? lines[index].lineStart : range[1];
        const text = splice.text
          .slice(0, -1)
          .split('\n')
          .map((line) => (line === '' ? '' : pad + line))
          .map((line) => line + outer.eol)
          .join('');
        return { start, end: start, text };
      }
      const start = lines[index].contentStart + column;
      return { start, end: Math.max(start, end), text: splice.text.replace(/\n/g, `${outer.eol}${pad}`) };
    });

  return { text: yamlText(inner, outer.file, outer.lineOf(contentStart)), toOuter };
}
