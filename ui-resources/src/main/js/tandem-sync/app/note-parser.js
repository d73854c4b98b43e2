/*
 * The page's own Markdown reader for notes (note-html.js): commonmark.js, read as commonmark-java 0.21 with GFM
 * tables reads a note (app/…/text/Checklist.java), so the tree it gives renders to NoteHtml's HTML.
 *
 * Design. commonmark.js is commonmark-java's origin: the same block and inline algorithm. Where the two read a note
 * apart, this changes one parser's blocks, block starts and inline methods, never the package:
 *  - GFM tables (note-tables.js): a paragraph of one line with a pipe, then a line of dashes, colons and pipes with
 *    at least as many columns, is a table; a row is any following line with a pipe (one of only a pipe ends it),
 *    and a line that starts no other block becomes a row too (the table's lazy continuation, as GFM), also when a
 *    container above the table is not continued. commonmark.js has no hook for a block that starts on a paragraph's
 *    second line (lines not starting with one of its marks skip the block starts), so the paragraph's own
 *    `continue` starts it; and the lazy row is taken where commonmark.js would start a paragraph for that line, the
 *    table kept open until then (closeUnmatchedBlocks deferred while a block start may still come).
 *  - A paragraph's link reference definitions are not its lines, as commonmark-java counts them: a table's header
 *    or a list starting at another number than 1 may follow them.
 *  - Link targets as written (unescaped, not percent-encoded); a block's text trimmed of spaces and tabs only; a
 *    line's two trailing spaces remembered as commonmark-java remembers them; a tab in a fence's indentation kept.
 *  - Where commonmark-java's list item span begins (Checklist.boxOf reads a box from there): `spanIndex`.
 *
 * Cost. Linear in the note or near it: commonmark.js bounds its look-backs and walks without recursion, so a note
 * nested ten thousand deep reads as any other; its patterns that backtrack through a long line (a fence's, a
 * thematic break's) and its scan of a link's target are answered before they run.
 */
import { Node, Parser } from 'commonmark';
import { decodeHTMLStrict } from 'entities';
import { readTables, separator, skipSpaceTab, split } from './note-tables.js';

const ESCAPABLE = '[!"#$%&\'()*+,./:;<=>?@[\\\\\\]^_`{|}~-]';
const ENTITY_OR_ESCAPE = new RegExp('\\\\' + ESCAPABLE + '|&(?:#x[a-f0-9]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});', 'gi');
const unescape = (s) => s.replace(ENTITY_OR_ESCAPE, (m) => (m[0] === '\\' ? m[1] : decodeHTMLStrict(m)));

/**
 * The note's tree as commonmark-java reads it: commonmark.js's nodes, a table a node of type 'table' with its
 * {@code columns} (alignments), {@code head} and {@code body} (rows of cells, each a node of inlines).
 */
export function parseNote(text) {
  const parser = makeParser();
  // A last line ended by a lone CR ends the note, as commonmark-java reads it (commonmark.js would add a blank line).
  const doc = parser.parse(text.endsWith('\r') ? text.slice(0, -1) + '\n' : text);
  readTables(doc, parser.inlineParser);
  return doc;
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

/** A commonmark.js parser that reads a note as commonmark-java does. */
function makeParser() {
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
