/*
 * A note as HTML for the page as its own device, as the served page shows it (app/…/web/NoteHtml.java, commonmark-java
 * with GFM tables): headings, emphasis, lists, links, code, quotes and tables, raw HTML shown as text, a link or image
 * to anything but http, https or mailto (or a relative one) left without a target, and each check box an
 * {@code <input type="checkbox" data-line data-text data-occurrence aria-label>} in an {@code li class="task"}, which
 * the page's notes.js ticks as it ticks the server's. Held to NoteHtml byte for byte by the vectors NoteHtmlGoldenTest
 * writes (test/vectors/note-html.json, test/note-html-golden.test.js).
 *
 * Design. The note is read by note-parser.js (commonmark.js read as commonmark-java reads); here its check boxes are
 * found where the desktop finds them (checkboxes.js, Checklist.boxOf) and counted in document order, and the tree is
 * written by commonmark.js's renderer changed where commonmark-java's CoreHtmlNodeRenderer writes otherwise: link
 * targets sanitized as its DefaultUrlSanitizer, with rel="nofollow"; raw HTML escaped, a block of it in a paragraph;
 * an image's alt its text only; a code block's language its info up to the first space; tables as its table
 * renderer. `attachment:` references: NoteHtml shows the file; the device shows the reference as written, as text
 * (its files are listed under the note), as it did before it rendered Markdown.
 *
 * Cost. Reading is linear in the note (note-parser.js), and the renderer walks the tree without recursion. A tree
 * deeper than MAX_DEPTH is shown as plain paragraphs, as NoteHtml shows it (its renderer recurses, and a note nested
 * ten thousand deep overflowed its stack). A note longer than NOTES_MAX is shown as plain paragraphs with its boxes
 * (checkboxes.js plainHtml): more than the page lets anyone write.
 */
import { HtmlRenderer, Node } from 'commonmark';
import { lines } from './markdown-blocks.js';
import { plainHtml, plainParagraphs, words } from './checkboxes.js';
import { strip, stripLeading } from './recurrence.js';
import { parseNote } from './note-parser.js';

/** The longest note rendered as Markdown: the page's own bound on a note (device-edits.js). */
export const NOTES_MAX = 1000000;
/**
 * The deepest a note's tree renders as Markdown, the document 0 and each node one below its parent (NoteHtml.MAX_DEPTH:
 * its renderer recurses once per level); a deeper note is plain paragraphs on both sides.
 */
export const MAX_DEPTH = 100;

const BOX = /^([-*+]|\d{1,9}[.)])([ \t]+)\[([ xX])\](?=[ \t]|$)/;
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const ALLOWED = new Set(['http', 'https', 'mailto']);
const ATTACHMENT = 'attachment:';

/** DefaultUrlSanitizer.sanitizeLinkUrl: HTML spaces off the ends; a scheme other than http(s) or mailto, none. */
export function sanitize(url) {
  const u = url.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, '');
  for (let i = 0; i < u.length; i++) {
    const c = u[i];
    if (c === '/' || c === '#' || c === '?') break;
    if (c === ':') return ALLOWED.has(u.slice(0, i).toLowerCase()) ? u : '';
  }
  return u;
}

/**
 * The note as NoteHtml renders it. {@code boxLine(n)}: a box's name for a screen reader when it has no words, n its
 * line counted from 1 (the page's "Check box on line n").
 */
export function noteHtml(notes, boxLine = (n) => 'Check box on line ' + n.toLocaleString('en')) {
  const s = typeof notes === 'string' ? notes : '';
  if (!s.trim()) return '';
  if (s.length > NOTES_MAX) return plainHtml(s);
  const doc = parseNote(s);
  if (deeperThan(doc, MAX_DEPTH)) return plainParagraphs(s);
  const boxes = collect(doc, lines(s), boxLine);
  prepare(doc);
  return renderer(boxes).render(doc);
}

/** Whether a node of {@code doc} is more than {@code max} below it (NoteHtml.deeperThan); the walker does not recurse. */
function deeperThan(doc, max) {
  const walker = doc.walker();
  let depth = -1;
  for (let e; (e = walker.next());) {
    if (!e.entering) depth--;
    else if (e.node.isContainer) {
      if (++depth > max) return true;
    } else if (depth + 1 > max) return true;
    else if (e.node.type === 'table' && deeperTable(e.node, depth + 1, max)) return true;
  }
  return false;
}

/**
 * A table at {@code at}, as commonmark-java's tree holds it: its head and body one below, their rows two below, each
 * cell three below with its inlines under it (here the cells are documents of inlines beside the tree).
 */
function deeperTable(table, at, max) {
  if (at + 3 > max) return true;
  return [...table.head, ...table.body.flat()].some((cell) => deeperThan(cell, max - (at + 3)));
}

// ---- Check boxes (NoteHtml.collect) ----

function mergeTexts(node) {
  for (let c = node._firstChild; c; c = c._next) {
    while (c.type === 'text' && c._next && c._next.type === 'text') {
      c.literal += c._next.literal;
      c._next.unlink();
    }
  }
}

function firstText(node) {
  for (let c = node._firstChild; c; c = c._firstChild) {
    if (c.type === 'text') return c;
  }
  return null;
}

/** What a screen reader says for a box: its first block's words without marks. */
function label(first, line, boxLine) {
  let words = '';
  const walker = first ? first.walker() : null;
  let e;
  while (walker && (e = walker.next())) {
    if (!e.entering) continue;
    const t = e.node.type;
    if (t === 'text' || t === 'code' || t === 'html_inline') words += e.node.literal;
    else if (t === 'softbreak' || t === 'linebreak') words += ' ';
  }
  const l = strip(words);
  return l || boxLine(line + 1);
}

/** The list items that start with a box (as Checklist.boxOf finds them), their box taken out of their text. */
function collect(doc, all, boxLine) {
  const boxes = new Map();
  const seen = new Map();
  const walker = doc.walker();
  let e;
  while ((e = walker.next())) {
    if (!e.entering) continue;
    const n = e.node;
    if (n.isContainer) mergeTexts(n);
    if (n.type !== 'item' || !n.sourcepos) continue;
    const line = n.sourcepos[0][0] - 1;
    const index = n.spanIndex ?? n.sourcepos[0][1] - 1;
    if (line >= all.length || index > all[line].length) continue;
    const m = BOX.exec(all[line].slice(index));
    if (!m) continue;
    const box = { line, column: index + m[1].length + m[2].length + 1, checked: m[3] !== ' ' };
    const w = words(all, box);
    const occurrence = seen.get(w) ?? 0;
    seen.set(w, occurrence + 1);
    // Its paragraph's inlines are merged before the walker reaches them: merge them now to read the box's text.
    for (let c = n; c; c = c._firstChild) mergeTexts(c);
    const first = firstText(n);
    if (first && first.literal.length >= 3 && first.literal[0] === '[') {
      first.literal = stripLeading(first.literal.slice(3));
      boxes.set(n, { box, words: w, occurrence, label: label(n._firstChild, line, boxLine) });
    }
  }
  return boxes;
}

// ---- Rendering (commonmark-java's CoreHtmlNodeRenderer, where commonmark.js writes otherwise) ----

const attr = (pairs) => pairs.map(([k, v]) => [k, esc(v)]);

/** Alt text as commonmark-java's AltTextVisitor: text and line breaks only. */
function altText(image) {
  let s = '';
  const walker = image.walker();
  let e;
  while ((e = walker.next())) {
    if (!e.entering || e.node === image) continue;
    const t = e.node.type;
    if (t === 'text') s += e.node.literal;
    else if (t === 'softbreak' || t === 'linebreak') s += '\n';
  }
  return s;
}

/** The text of a node's inlines, for an attachment reference shown as written. */
function plain(node) {
  let s = '';
  const walker = node.walker();
  let e;
  while ((e = walker.next())) {
    if (e.entering && (e.node.type === 'text' || e.node.type === 'code')) s += e.node.literal;
  }
  return s;
}

/**
 * Before rendering: an image's alt is its text, its inlines not written (no tags inside an attribute); an
 * {@code attachment:} reference becomes its text as written ("![name](attachment:ID)"), as the device showed it.
 */
function prepare(root) {
  const found = [];
  const tables = [];
  const walker = root.walker();
  let e;
  while ((e = walker.next())) {
    const t = e.node.type;
    if (e.entering && (t === 'image' || t === 'link')) found.push(e.node);
    if (e.entering && t === 'table') tables.push(e.node);
  }
  for (const t of tables) {
    for (const cell of [...t.head, ...t.body.flat()]) prepare(cell);
  }
  for (const n of found.reverse()) {
    if (n.destination.startsWith(ATTACHMENT)) {
      const text = new Node('text');
      text.literal = (n.type === 'image' ? '!' : '') + '[' + plain(n) + '](' + n.destination + ')';
      n.insertBefore(text);
      n.unlink();
    } else if (n.type === 'image') {
      n.alt = altText(n);
      while (n._firstChild) n._firstChild.unlink();
    }
  }
}

function renderer(boxes) {
  const r = new HtmlRenderer();
  const cells = new HtmlRenderer();
  for (const h of [r, cells]) {
    const lit = h.lit;
    h.lit = function litNonEmpty(str) {
      if (str) lit.call(this, str);
    };
    h.html_inline = function htmlInline(node) {
      this.out(node.literal);
    };
    h.html_block = function htmlBlock(node) {
      this.cr();
      this.tag('p');
      this.out(node.literal);
      this.tag('/p');
      this.cr();
    };
    h.link = function link(node, entering) {
      if (entering) {
        const a = [['rel', 'nofollow'], ['href', sanitize(node.destination)]];
        if (node.title) a.push(['title', node.title]);
        this.tag('a', attr(a));
      } else {
        this.tag('/a');
      }
    };
    h.image = function image(node, entering) {
      if (!entering) return;
      const a = [['src', sanitize(node.destination)], ['alt', node.alt]];
      if (node.title) a.push(['title', node.title]);
      this.tag('img', attr(a), true);
    };
    h.code_block = function codeBlock(node) {
      const info = node.info || '';
      const space = info.indexOf(' ');
      this.cr();
      this.tag('pre');
      this.tag('code', info ? attr([['class', 'language-' + (space < 0 ? info : info.slice(0, space))]]) : []);
      this.out(node.literal);
      this.tag('/code');
      this.tag('/pre');
      this.cr();
    };
  }
  r.item = function item(node, entering) {
    if (!entering) {
      this.tag('/li');
      this.cr();
      return;
    }
    const b = boxes.get(node);
    if (!b) {
      this.tag('li');
      return;
    }
    this.tag('li', [['class', 'task']]);
    const a = [['type', 'checkbox'], ['data-line', String(b.box.line)], ['data-text', b.words],
      ['data-occurrence', String(b.occurrence)], ['aria-label', b.label]];
    if (b.box.checked) a.push(['checked', '']);
    this.tag('input', attr(a), true);
    this.lit(' ');
  };
  const row = (tag, columns, row) => '<tr>' + (row.length ? '\n' : '') + row.map((c, i) => {
    const align = i < columns.length && columns[i] ? ' align="' + columns[i] + '"' : '';
    return '<' + tag + align + '>' + cells.render(c) + '</' + tag + '>\n';
  }).join('') + '</tr>\n';
  r.table = function table(node) {
    this.cr();
    this.lit('<table>\n<thead>\n' + row('th', node.columns, node.head) + '</thead>\n'
      + (node.body.length ? '<tbody>\n' + node.body.map((b) => row('td', node.columns, b)).join('') + '</tbody>\n' : '')
      + '</table>');
    this.lit('\n');
  };
  return r;
}
