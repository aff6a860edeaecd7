const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/text/markdown-table.ts
function markdownTable(header, rows) {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`a table row has ${row.length} cells where the header has ${header.length}`);
  }
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}
function textCell(text, width = 80) {
  return text.split(/\r?\n/).flatMap((line) => wrapLine(line, width)).map(escapeCell).join("<br>");
}
function codeCell(text) {
  return text ? `<code>${escapeCell(text)}</code>` : "";
}
function escapeCell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;");
}
function wrapLine(line, width) {
  const lines = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (word.length > width) {
      const pieces = splitAfterSlashes(word, width);
      const last = pieces.pop() ?? "";
      if (current !== "") lines.push(current);
      lines.push(...pieces);
      current = last;
    } else if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}
function splitAfterSlashes(word, width) {
  const pieces = [];
  let current = "";
  for (const part of word.split(/(?<=\/)/)) {
    if (current !== "" && current.length + part.length > width) {
      pieces.push(current);
      current = part;
    } else {
      current += part;
    }
  }
  pieces.push(current);
  return pieces;
}

export {
  markdownTable,
  textCell,
  codeCell
};
