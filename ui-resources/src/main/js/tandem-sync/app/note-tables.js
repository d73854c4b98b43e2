/*
 * GFM tables as commonmark-java's TableBlockParser (0.21) reads them, for the page's own Markdown reader
 * (note-parser.js): which line is a table's separator and its columns' alignment, and how a row splits into cells.
 * Where a table starts and ends is note-parser.js's; rendering, note-html.js's.
 */
import { Node } from 'commonmark';
import { separator } from './markdown-blocks.js';

export { separator };

export const skipSpaceTab = (s, from, to) => {
  let i = from;
  while (i < to && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
};
export const skipSpaceTabBack = (s, last, min) => {
  let i = last;
  while (i >= min && (s[i] === ' ' || s[i] === '\t')) i--;
  return i >= min ? i : min - 1;
};

/** A row's cells: pipes split them, `\|` is a pipe in a cell, outer pipes and spaces go. */
export function split(row) {
  const nonSpace = skipSpaceTab(row, 0, row.length);
  let start = nonSpace;
  let end = row.length;
  if (row[nonSpace] === '|') {
    start = nonSpace + 1;
    end = skipSpaceTabBack(row, row.length - 1, start) + 1;
  }
  const cells = [];
  let sb = '';
  for (let i = start; i < end; i++) {
    const c = row[i];
    if (c === '\\') {
      if (i + 1 < end && row[i + 1] === '|') {
        sb += '|';
        i++;
      } else {
        sb += '\\';
      }
    } else if (c === '|') {
      cells.push(sb);
      sb = '';
    } else {
      sb += c;
    }
  }
  if (sb.length) cells.push(sb);
  return cells;
}

/** Each table's rows parsed into cells (head, body), each cell's inlines as a paragraph's are by {@code inline}. */
export function readTables(doc, inline) {
  const walker = doc.walker();
  const found = [];
  let e;
  while ((e = walker.next())) {
    if (e.entering && e.node.type === 'table') found.push(e.node);
  }
  for (const table of found) {
    const rows = table._string_content.split('\n');
    rows.pop();
    const header = split(rows[0]);
    const cell = (text) => {
      const start = skipSpaceTab(text, 0, text.length);
      const end = skipSpaceTabBack(text, text.length - 1, start);
      const c = new Node('document');
      c._string_content = text.slice(start, end + 1);
      inline.parse(c);
      return c;
    };
    table.head = header.map(cell);
    table.body = rows.slice(2).map((r) => {
      const cells = split(r);
      return header.map((_, i) => cell(i < cells.length ? cells[i] : ''));
    });
  }
}
