/*
 * A note as HTML for the page as its own device, as the served page shows it (app/…/web/NoteHtml.java, commonmark-java
 * with GFM tables): headings, emphasis, lists, links, code, quotes and tables, raw HTML shown as text, a link or image
 * to anything but http, https or mailto (or a relative one) left without a target, and each check box an
 * {@code <input type="checkbox" data-line data-text data-occurrence aria-label>} in an {@code li class="task"}, which
 * the page's notes.js ticks as it ticks the server's. Held to NoteHtml byte for byte by the vectors NoteHtmlGoldenTest
 * writes (test/vectors/note-html.json, test/note-html-golden.test.js).
 *
 * Design. commonmark.js is commonmark-java's origin: the same block and inline algorithm, the same HTML. What it
 * does not do as NoteHtml does is changed on one parser and one renderer, never in the package:
 *  - GFM tables, as commonmark-java's TableBlockParser (0.21): a paragraph of one line with a pipe, then a line of
 *    dashes, colons and pipes with at least as many columns, is a table; a row is any following line with a pipe
 *    (one of only a pipe ends it), and a line without one becomes a row too when it starts no other block (the
 *    table's lazy continuation, as GFM). commonmark.js has no hook for a new block that starts on a paragraph's
 *    second line (lines not starting with one of its marks skip the block starts), so the paragraph's own
 *    `continue` starts it; and the lazy row is taken where commonmark.js would start a paragraph for that line,
 *    the table kept open until then (closeUnmatchedBlocks deferred while a block start may still come).
 *  - Link targets as written (unescaped, not percent-encoded) and sanitized as commonmark-java's DefaultUrlSanitizer,
 *    with rel="nofollow"; raw HTML escaped, a block of it in a paragraph; an image's alt its text only; a code block's
 *    language its info up to the first space; text trimmed of spaces and tabs only, not of every Unicode space.
 *  - Check boxes found where the desktop finds them (checkboxes.js, Checklist.boxOf) and counted in document order.
 * `attachment:` references: NoteHtml shows the file; the device shows the reference as written, as text (its
 * files are listed under the note), as it did before it rendered Markdown.
 *
 * Cost. Everything is linear in the note or near it (commonmark.js bounds its look-backs), the renderer walks the
 * tree without recursion, so a note nested ten thousand deep renders as any other (NoteHtml overflows its stack on
 * one). A note longer than NOTES_MAX is shown as plain paragraphs (checkboxes.js plainHtml): more than the page lets
 * anyone write.
 */
import { HtmlRenderer, Node, Parser } from 'commonmark';
import { decodeHTMLStrict } from 'entities';
import { lines } from './markdown-blocks.js';
import { plainHtml, words } from './checkboxes.js';
import { strip, stripLeading } from './recurrence.js';

/** The longest note rendered as Markdown: the page's own bound on a note (device-edits.js). */
export const NOTES_MAX = 1000000;

const BOX = /^([-*+]|\d{1,9}[.)])([ \t]+)\[([ xX])\](?=[ \t]|$)/;
const ESCAPABLE = '[!"#$%&\'()*+,./:;<=>?@[\\\\\\]^_`{|}~-]';
const ENTITY_OR_ESCAPE = new RegExp('\\\\' + ESCAPABLE + '|&(?:#x[a-f0-9]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});', 'gi');
const unescape = (s) => s.replace(ENTITY_OR_ESCAPE, (m) => (m[0] === '\\' ? m[1] : decodeHTMLStrict(m)));
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
  const parser = tableParser();
  // A last line ended by a lone CR ends the note, as commonmark-java reads it (commonmark.js would add a blank line).
  const doc = parser.parse(s.endsWith('\r') ? s.slice(0, -1) + '\n' : s);
  tables(doc, parser.inlineParser);
  const boxes = collect(doc, lines(s), boxLine);
  prepare(doc);
  return renderer(boxes).render(doc);
}

// ---- Tables (commonmark-java 0.21's TableBlockParser) ----

const skipSpaceTab = (s, from, to) => {
  let i = from;
  while (i < to && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
};
const skipSpaceTabBack = (s, last, min) => {
  let i = last;
  while (i >= min && (s[i] === ' ' || s[i] === '\t')) i--;
  return i >= min ? i : min - 1;
};

/** The separator line's alignments (null, 'left', 'center', 'right' a column), or null when it is none. */
function separator(s) {
  const columns = [];
  let pipes = 0;
  let valid = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '|') {
      i++;
      if (++pipes > 1) return null;
      valid = true;
    } else if (c === '-' || c === ':') {
      if (pipes === 0 && columns.length) return null;
      const left = c === ':';
      if (left) i++;
      let dash = false;
      while (i < s.length && s[i] === '-') {
        i++;
        dash = true;
      }
      if (!dash) return null;
      const right = i < s.length && s[i] === ':';
      if (right) i++;
      columns.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
      pipes = 0;
    } else if (c === ' ' || c === '\t') {
      i++;
    } else {
      return null;
    }
  }
  return valid ? columns : null;
}

/** A row's cells: pipes split them, `\|` is a pipe in a cell, outer pipes and spaces go. */
function split(row) {
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

/** Text of a block as commonmark-java parses it: spaces and tabs (not every Unicode space) off its ends. */
const TRIM = /^[ \t\n]+|[ \t\n]+$/g;

/**
 * A paragraph's lines after its link reference definitions, as commonmark-java counts them. Read again from where the
 * last definition read starts (the ones before it are final), so a paragraph asked at each line costs its lines once.
 */
function paragraphLines(p, container) {
  let at = container.definitionAt ?? 0;
  let rest = container._string_content.slice(at);
  for (let n; rest[0] === '[' && (n = p.inlineParser.parseReference(rest, {}));) {
    container.definitionAt = at;
    at += n;
    rest = rest.slice(n);
  }
  return rest;
}

/** For each thematic break mark, the first index from which the line holds only that mark, spaces and tabs. */
function breakFrom(line) {
  const from = {};
  for (const mark of '-*_') {
    let i = line.length;
    while (i > 0 && (line[i - 1] === mark || line[i - 1] === ' ' || line[i - 1] === '\t')) i--;
    from[mark] = i;
  }
  return from;
}

/** A commonmark.js parser that reads GFM tables and keeps link targets as written. */
function tableParser() {
  const parser = new Parser();
  const base = parser.blocks;
  // Only acceptsLines is read from the package's own table of blocks (a leaf that takes lines); the rest from ours.
  base.table ??= { acceptsLines: true };
  const blocks = Object.create(base);
  let lazy = null;
  blocks.paragraph = {
    ...base.paragraph,
    continue(p, container) {
      if (p.blank) return 1;
      const columns = separator(p.currentLine.slice(p.offset));
      if (!columns || !columns.length) return 0;
      const head = paragraphLines(p, container);
      const defs = container._string_content.length - head.length;
      if (head.indexOf('\n') !== head.length - 1 || !head.includes('|')) return 0;
      if (columns.length < split(head.slice(0, -1)).length) return 0;
      const table = new Node('table', container.sourcepos);
      table._string_content = head + p.currentLine.slice(p.offset) + '\n';
      table.columns = columns;
      table.lazyRows = true;
      table._open = true;
      container.insertAfter(table);
      if (defs) {
        // The definitions stay a paragraph of their own, closed: the parser reads them from it at the end.
        container._string_content = container._string_content.slice(0, defs);
        container._open = false;
      } else {
        container.unlink();
      }
      p.tip = table;
      p.lastLineLength = p.currentLine.length;
      return 2;
    },
  };
  blocks.code_block = {
    ...base.code_block,
    continue(p, container) {
      if (!container._isFenced) return base.code_block.continue(p, container);
      const { offset, column, partiallyConsumedTab } = p;
      const went = base.code_block.continue(p, container);
      if (went !== 0) return went;
      // Within a fence only spaces of its indentation go, as commonmark-java's: a tab stays in the code.
      Object.assign(p, { offset, column, partiallyConsumedTab });
      for (let i = container._fenceOffset; i > 0 && p.currentLine[p.offset] === ' '; i--) p.advanceOffset(1, true);
      return 0;
    },
  };
  blocks.table = {
    continue(p, container) {
      const line = p.currentLine;
      const pipe = line.indexOf('|', p.nextNonspace);
      if (pipe === -1) return 1;
      if (pipe === p.nextNonspace && skipSpaceTab(line, pipe + 1, line.length) === line.length) {
        container.lazyRows = false;
        return 1;
      }
      return 0;
    },
    finalize() {},
    canContain: () => false,
    acceptsLines: true,
  };
  parser.blocks = blocks;
  // Where a list item's source span begins for commonmark-java, which Checklist.boxOf reads its box from: the index
  // its start was tried at (before the item's indentation), not its marker's, which commonmark.js keeps.
  const FENCE = 2;
  const THEMATIC_BREAK = 5;
  const LIST_ITEM = 6;
  let breaks = null;
  let listStart = false;
  parser.blockStarts = parser.blockStarts.map((start, k) => function spanned(p, container) {
    const at = p.offset;
    // A run of backticks with another backtick after it on its line is no fence; commonmark.js's pattern for it
    // (a lookahead after a greedy run) backtracks through the whole run to say so: a line of ten thousand
    // backticks would cost a hundred million steps.
    if (k === FENCE && p.currentLine[p.nextNonspace] === '`') {
      const line = p.currentLine;
      let end = p.nextNonspace;
      while (line[end] === '`') end++;
      if (line.indexOf('`', end) >= 0) return 0;
    }
    // commonmark.js tries its thematic break's pattern on the rest of the line at each block start, which backtracks
    // through it: a line of ten thousand "- " nests that many lists at that many times the line. Where the rest of
    // the line can be one is known once a line: after the last character that is no mark, space or tab.
    if (k === THEMATIC_BREAK) {
      if (breaks?.line !== p.currentLine) breaks = { line: p.currentLine, from: breakFrom(p.currentLine) };
      const c = p.currentLine[p.nextNonspace];
      if (!(c in breaks.from) || p.nextNonspace < breaks.from[c]) return 0;
    }
    const tip = p.tip;
    // A paragraph of link reference definitions only is no paragraph to commonmark-java's list start: a list
    // starting at another number than 1, or an empty item, may follow it.
    const definitionsOnly = k === LIST_ITEM && container.type === 'paragraph' && container._string_content[0] === '['
      && !paragraphLines(p, container);
    // A list item's start reads the tip once the unmatched blocks are closed (to add to the list there): it closes
    // them at once, a table's lazy row is no list item anyway.
    listStart = k === LIST_ITEM;
    const started = start(p, definitionsOnly ? { type: 'document' } : container);
    listStart = false;
    if (started && p.tip !== tip && p.tip.type === 'item') p.tip.spanIndex = at;
    return started;
  });
  const incorporate = parser.incorporateLine;
  parser.incorporateLine = function incorporateLine(ln) {
    lazy = null;
    incorporate.call(this, ln);
  };
  const close = parser.closeUnmatchedBlocks;
  const add = parser.addChild;
  // A table left unmatched by a line (no pipe in it, or a container above it not continued) stays open until the
  // line is known to start no other block: then the line is its row, as commonmark-java's lazy continuation.
  parser.closeUnmatchedBlocks = function closeUnmatched() {
    if (!listStart && !this.allClosed && !this.blank && this.tip.type === 'table' && this.tip.lazyRows
      && this.tip._open) {
      lazy = this.tip;
      return;
    }
    close.call(this);
  };
  parser.addChild = function addChild(tag, offset) {
    const table = lazy;
    lazy = null;
    if (table && tag === 'paragraph' && this.tip === table) {
      this.allClosed = true;
      return table;
    }
    close.call(this);
    return add.call(this, tag, offset);
  };
  const processInlines = parser.processInlines;
  parser.processInlines = function withoutBlankParagraphs(doc) {
    // A paragraph emptied by reading its definitions where a setext heading was tried is none (commonmark.js would
    // write an empty one).
    const blank = [];
    const walker = doc.walker();
    let e;
    while ((e = walker.next())) {
      if (e.entering && e.node.type === 'paragraph' && !e.node._string_content.trim()) blank.push(e.node);
    }
    for (const b of blank) b.unlink();
    processInlines.call(this, doc);
  };
  const inline = parser.inlineParser;
  const destination = inline.parseLinkDestination;
  inline.parseLinkDestination = function linkDestination() {
    const from = this.pos;
    // commonmark-java takes no more than 32 parentheses open in a target (its guard against pathological notes):
    // looked for before commonmark.js scans the target to its end, so a note of ten thousand "[a](" costs no more
    // than a note of ten thousand letters.
    const sub = this.subject;
    if (sub[from] !== '<') {
      for (let i = from, open = 0; i < sub.length && sub[i] !== ' ' && sub[i] > '\u001f'; i++) {
        if (sub[i] === '\\') i++;
        else if (sub[i] === ')' && --open < 0) break;
        else if (sub[i] === '(' && ++open > 32) return null;
      }
    }
    if (destination.call(this) === null) return null;
    const raw = sub.slice(from, this.pos);
    return unescape(raw[0] === '<' ? raw.slice(1, -1) : raw);
  };
  const autolink = inline.parseAutolink;
  inline.parseAutolink = function autolinkAsWritten(block) {
    const from = this.pos;
    if (!autolink.call(this, block)) return false;
    const raw = this.subject.slice(from + 1, this.pos - 1);
    block._lastChild._destination = raw.includes(':') ? raw : 'mailto:' + raw;
    return true;
  };
  // commonmark-java remembers a line's trailing spaces only where a run of plain text ends the line, and keeps them
  // until the next such line: a line ending in a tag, a code span, a closing mark or a link after a line that ended
  // in two spaces breaks hard there too. Its HTML is the one to match, so the page breaks where it does.
  let trailing = 0;
  for (const name of ['parseBackslash', 'parseBackticks', 'handleDelim', 'parseOpenBracket', 'parseBang',
    'parseCloseBracket', 'parseEntity']) {
    const f = inline[name];
    inline[name] = function notRun(...args) {
      const block = args[args.length - 1];
      const before = block._lastChild;
      const done = f.apply(this, args);
      if (block._lastChild !== before && block._lastChild) block._lastChild.notRun = true;
      return done;
    };
  }
  const newline = inline.parseNewline;
  inline.parseNewline = function javaNewline(block) {
    const last = block._lastChild;
    if (last && last.type === 'text' && !last.notRun) {
      trailing = last.literal.length - last.literal.replace(/ +$/, '').length;
      return newline.call(this, block);
    }
    newline.call(this, block);
    if (trailing >= 2 && block._lastChild.type === 'softbreak') block._lastChild._type = 'linebreak';
    return true;
  };
  inline.parse = function parse(block) {
    trailing = 0;
    // The package's own parse trims with String.prototype.trim, which takes every Unicode space.
    this.subject = block._string_content.replace(TRIM, '');
    this.pos = 0;
    this.delimiters = null;
    this.brackets = null;
    while (this.parseInline(block)) { /* each inline in turn */ }
    block._string_content = null;
    this.processEmphasis(null);
  };
  return parser;
}

/** Each table's rows parsed into cells, each cell's inlines as a paragraph's (the table's own rendering below). */
function tables(doc, inline) {
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
      prepare(c);
      return c;
    };
    table.head = header.map(cell);
    table.body = rows.slice(2).map((r) => {
      const cells = split(r);
      return header.map((_, i) => cell(i < cells.length ? cells[i] : ''));
    });
  }
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
  const walker = root.walker();
  let e;
  while ((e = walker.next())) {
    const t = e.node.type;
    if (e.entering && (t === 'image' || t === 'link')) found.push(e.node);
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
