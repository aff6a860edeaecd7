import { splitLines, type LineDiff } from './line-diff.js';

/**
 * The same answer as lineDiff (which lines went, which came), by Myers'
 * O((N+M)·D) walk: an edit of a 4,000-line values file touches a handful of
 * lines, where the full table of lineDiff would hold millions of cells.
 */
export function sparseLineDiff(before: string, after: string): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  const max = a.length + b.length;
  const offset = max + 1;
  const frontier = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      frontier[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers, collecting the lines each step removed or added.
  const removed: string[] = [];
  const added: string[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d -= 1) {
    const previous = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && previous[offset + k - 1] < previous[offset + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
    }
    if (down) added.unshift(b[previousY]);
    else removed.unshift(a[previousX]);
    x = previousX;
    y = previousY;
  }
  return { removed, added };
}
