/**
 * Check boxes in a note, as the desktop finds and ticks them (app/…/text/Checklist.java and web/NoteChecks.java),
 * for the page as its own device: a box is a list item whose first line, at the index its source span begins
 * (markdown-blocks.js, as commonmark reads the note: none in code, a marker indented past its container's content
 * is no item's start), reads a list marker, spaces, then `[ ]`, `[x]` or `[X]` and a space or the line's end.
 * Ticking names a box by its words (the rest of its line, stripped) and which of the boxes with those words it is,
 * never by its line, which moves when a line is put above it on another device; it changes that one character, so
 * every other byte of the note stays and the edit merges as any edit of one line. A box no longer there is said
 * with its words and nothing is ticked; a box already as asked leaves the note as it is.
 *
 * A second implementation of Java's: held to it by the vectors CheckboxGoldenTest writes
 * (test/vectors/checkboxes.json), which test/checkboxes-golden.test.js replays.
 */
import { lines, listItemStarts } from './markdown-blocks.js';
import { strip } from './recurrence.js';

export { lines };

/** After a list item's marker: the spaces, then the box, then a space or the end (Checklist.BOX). */
const BOX = /^([-*+]|\d{1,9}[.)])([ \t]+)\[([ xX])\](?=[ \t]|$)/;

/** Every box of the note, in order: {line, column (of the mark between the brackets), checked}. */
export function boxes(text) {
  const s = typeof text === 'string' ? text : '';
  if (!s.includes('[ ]') && !s.includes('[x]') && !s.includes('[X]')) return [];
  const all = lines(s);
  const out = [];
  for (const { line, index } of listItemStarts(s)) {
    const l = all[line];
    if (index > l.length) continue;
    const m = BOX.exec(l.slice(index));
    if (m) out.push({ line, column: index + m[1].length + m[2].length + 1, checked: m[3] !== ' ' });
  }
  return out;
}

/** Where line {@code n} starts, -1 when there are fewer lines. */
function lineStart(s, n) {
  let line = 0;
  let i = 0;
  while (line < n) {
    if (i >= s.length) return -1;
    const c = s[i++];
    if (c === '\r' && s[i] === '\n') i++;
    if (c === '\n' || c === '\r') line++;
  }
  return i;
}

function lineEnd(s, start) {
  let i = start;
  while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
  return i;
}

/** The note with {@code box} ticked or cleared, nothing else changed; null when there is no box there. */
export function toggle(text, box, checked) {
  const s = typeof text === 'string' ? text : '';
  const at = lineStart(s, box.line);
  if (at < 0) return null;
  const mark = at + box.column;
  const end = lineEnd(s, at);
  if (box.column < 1 || mark + 1 >= end || s[mark - 1] !== '[' || s[mark + 1] !== ']' || !' xX'.includes(s[mark])) return null;
  if ((s[mark] !== ' ') === checked) return s;
  return s.slice(0, mark) + (checked ? 'x' : ' ') + s.slice(mark + 1);
}

/** The words after {@code box} on its line, stripped ("Eggs" of "- [ ] Eggs"); {@code all} the note's lines. */
export function words(all, box) {
  const line = all[box.line];
  return strip(line.slice(Math.min(line.length, box.column + 2)));
}

/**
 * NoteChecks.tick: {notes} with the box ticked ({@code checked}) or cleared, or {gone: words} when the note has no
 * such box. {@code occurrence} counts from 0 among the boxes with those words.
 */
export function tick(notes, text, occurrence, checked) {
  const s = typeof notes === 'string' ? notes : '';
  const wanted = strip(text);
  const all = lines(s);
  let seen = 0;
  for (const box of boxes(s)) {
    if (words(all, box) !== wanted) continue;
    if (seen++ < occurrence) continue;
    const after = toggle(s, box, checked);
    return after == null ? { gone: wanted } : { notes: after };
  }
  return { gone: wanted };
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
/** Paragraphs of escaped text split at blank lines, as NoteHtml.plainParagraphs writes a note too deep to render. */
export const plainParagraphs = (s) => s.split(/\n{2,}/).map((p) => '<p>' + escapeHtml(p).replace(/\n/g, '<br>') + '</p>').join('');

/**
 * A note as the page as its own device shows it without Markdown (a note longer than note-html.js renders, or a
 * page without it): paragraphs of escaped text split at blank lines, and each check box's line as a box the person can tick, marked as the server's NoteHtml marks one
 * ({@code <input type="checkbox" data-line data-text data-occurrence aria-label>} in an {@code li}), so the page's
 * notes.js ticks it the same way. Only escaped text and attributes: never HTML from the note.
 */
export function plainHtml(notes) {
  const s = typeof notes === 'string' ? notes : '';
  if (!s) return '';
  const found = boxes(s);
  if (!found.length) return plainParagraphs(s);
  const all = lines(s);
  const at = new Map(found.map((b) => [b.line, b]));
  const seen = new Map();
  let out = '';
  let text = [];
  let list = [];
  const flush = () => {
    if (text.length) out += '<p>' + text.map(escapeHtml).join('<br>') + '</p>';
    if (list.length) out += '<ul class="checklist">' + list.join('') + '</ul>';
    text = [];
    list = [];
  };
  for (let n = 0; n < all.length; n++) {
    const box = at.get(n);
    if (!box) {
      if (list.length) flush();
      if (all[n] === '') flush();
      else text.push(all[n]);
      continue;
    }
    if (text.length) flush();
    const w = words(all, box);
    const occurrence = seen.get(w) ?? 0;
    seen.set(w, occurrence + 1);
    const e = escapeHtml(w);
    list.push('<li class="task"><input type="checkbox" data-line="' + n + '" data-text="' + e + '" data-occurrence="'
      + occurrence + '" aria-label="' + e + '"' + (box.checked ? ' checked=""' : '') + '> ' + e + '</li>');
  }
  flush();
  return out;
}
