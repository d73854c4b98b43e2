/*
 * Where a note's list items start, as the desktop's Markdown reader finds them: the block structure of
 * commonmark-java 0.21 with GFM tables (the parser of app/…/text/Checklist.java), ported for one question only,
 * "at which line and index does each list item's first source span begin". Inline content is never parsed.
 *
 * Design. The line-by-line algorithm of commonmark's DocumentParser.parseLine: the open blocks (document, block
 * quote, list, list item, paragraph, fenced and indented code, HTML block, heading, thematic break, table) each try
 * to continue on a line, in order; where they stop, block starts are tried in the factories' order (table first,
 * then quote, heading, fence, HTML, break, list, indented code); a line no block took is a lazy continuation of an
 * open paragraph or table. Positions are indices and columns with tab stops of 4, a tab partly consumed as there.
 * A list item's first span begins at the index before the indentation that preceded its marker, as
 * DocumentParser's sourceIndex: so Checklist's box, read at that index, needs the marker there.
 *
 * Not ported, as nothing here depends on it: inline parsing, and the link reference definitions a paragraph may
 * open with (which only make a setext underline or table header see fewer paragraph lines). Linear in the text:
 * every line visits the open blocks once, and the deepest nesting is bounded by the line's length.
 */
const CODE_INDENT = 4;
const tabStop = (column) => 4 - (column % 4);
const LETTER = /\p{L}/u;

const TAGNAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = '(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)';
const OPENTAG = '<' + TAGNAME + ATTRIBUTE + '*\\s*/?>';
const CLOSETAG = '</' + TAGNAME + '\\s*[>]';
/** HtmlBlockParser's seven kinds: opener and closer (null: ended by a blank line). */
const HTML = [
  null,
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<[?]/, /\?>/],
  [/^<![A-Z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [new RegExp('^</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|'
    + 'dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|'
    + 'html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|'
    + 'table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\\s|[/]?[>]|$)', 'i'), null],
  [new RegExp('^(?:' + OPENTAG + '|' + CLOSETAG + ')\\s*$', 'i'), null],
];

const CONTAINERS = new Set(['document', 'quote', 'list', 'item']);
const LAZY = new Set(['paragraph', 'table']);

/** The lines as the parser numbers them: ended by \n, \r\n or \r. */
export function lines(text) {
  return String(text ?? '').split(/\r\n|\r|\n/);
}

const isSpaceTab = (s, i) => i < s.length && (s[i] === ' ' || s[i] === '\t');
const spaceTabOrEnd = (s, i) => i >= s.length || s[i] === ' ' || s[i] === '\t';
function skipSpaceTab(s, i) {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}
function skip(c, s, i) {
  while (i < s.length && s[i] === c) i++;
  return i;
}

/** ThematicBreakParser.isThematicBreak over counts: dashes, underscores and asterisks of the rest. */
const isBreak = (dashes, unders, stars) => (dashes >= 3 && !unders && !stars) || (unders >= 3 && !dashes && !stars)
  || (stars >= 3 && !dashes && !unders);

/** Lines longer than this read the break's counts from arrays made once for the line, not by a scan per block. */
const SCAN_UP_TO = 256;

/**
 * Whether the rest of line {@code s} from {@code i} is a thematic break. The parser asks at every block start of a
 * line, and a line of a million nested markers ("- * - * …") has as many: a scan of the rest each time would take
 * hours, so a long line's counts from each index to its end are made once (the answers are the same).
 */
function breakTest(s) {
  if (s.length <= SCAN_UP_TO) {
    return (i) => {
      let dashes = 0; let unders = 0; let stars = 0;
      for (; i < s.length; i++) {
        const c = s[i];
        if (c === '-') dashes++;
        else if (c === '_') unders++;
        else if (c === '*') stars++;
        else if (c !== ' ' && c !== '\t') return false;
      }
      return isBreak(dashes, unders, stars);
    };
  }
  let made = null;
  return (i) => {
    if (!made) {
      const n = s.length;
      made = { dashes: new Int32Array(n + 1), unders: new Int32Array(n + 1), stars: new Int32Array(n + 1),
        other: new Uint8Array(n + 1) };
      for (let k = n - 1; k >= 0; k--) {
        const c = s[k];
        made.dashes[k] = made.dashes[k + 1] + (c === '-' ? 1 : 0);
        made.unders[k] = made.unders[k + 1] + (c === '_' ? 1 : 0);
        made.stars[k] = made.stars[k + 1] + (c === '*' ? 1 : 0);
        made.other[k] = made.other[k + 1] || (c !== '-' && c !== '_' && c !== '*' && c !== ' ' && c !== '\t') ? 1 : 0;
      }
    }
    return !made.other[i] && isBreak(made.dashes[i], made.unders[i], made.stars[i]);
  };
}

function atxHeading(s, i) {
  const after = skip('#', s, i);
  const level = after - i;
  return level >= 1 && level <= 6 && spaceTabOrEnd(s, after);
}

function setextLevel(s, i) {
  const rest = (c) => skipSpaceTab(s, skip(c, s, i + 1)) >= s.length;
  // As HeadingParser's switch, whose '=' case falls through to '-'.
  if (s[i] === '=' && rest('=')) return 1;
  if ((s[i] === '=' || s[i] === '-') && rest('-')) return 2;
  return 0;
}

/** A list marker at {@code i}: {bullet or delimiter, start number, index after it}, or null. */
function listMarker(s, i) {
  const c = s[i];
  if (c === '-' || c === '+' || c === '*') return spaceTabOrEnd(s, i + 1) ? { kind: 'b' + c, start: 0, after: i + 1 } : null;
  let digits = 0;
  for (let k = i; k < s.length; k++) {
    const d = s[k];
    if (d >= '0' && d <= '9') {
      if (++digits > 9) return null;
    } else if ((d === '.' || d === ')') && digits >= 1 && spaceTabOrEnd(s, k + 1)) {
      return { kind: 'o' + d, start: Number(s.slice(i, k)), after: k + 1 };
    } else {
      return null;
    }
  }
  return null;
}

/**
 * TableBlockParser.parseSeparator: the delimiter row's alignments (null, 'left', 'center', 'right' a column), or
 * null when it is none; note-tables.js reads a table's columns with it too.
 */
export function separator(s) {
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

/** TableBlockParser.split's count of a header row's cells. */
function headerCells(row) {
  const nonSpace = skipSpaceTab(row, 0);
  let start = nonSpace;
  let end = row.length;
  if (row[nonSpace] === '|') {
    start = nonSpace + 1;
    end = start;
    for (let k = row.length - 1; k >= start; k--) if (row[k] !== ' ' && row[k] !== '\t') { end = k + 1; break; }
  }
  let cells = 0; let pending = 0;
  for (let i = start; i < end; i++) {
    if (row[i] === '\\') { pending++; if (i + 1 < end && row[i + 1] === '|') i++; }
    else if (row[i] === '|') { cells++; pending = 0; }
    else pending++;
  }
  return cells + (pending > 0 ? 1 : 0);
}

/**
 * Every list item's first position, in document order: [{line, index}] with 0-based line and the index into that
 * line where its first source span begins.
 */
export function listItemStarts(text) {
  const all = lines(text);
  const out = [];
  const doc = { type: 'document', children: 0 };
  const open = [{ block: doc, sourceIndex: 0 }];
  let s = '';
  let thematicBreak = null;
  let index = 0; let column = 0; let inTab = false;
  let nextNonSpace = 0; let nextNonSpaceColumn = 0; let indent = 0; let blank = true;

  // A long line's next non-blank index and count of tabs before each index, made once for the line: a note of
  // deeply nested items asks for the next non-blank at every level of every line, across the same indentation.
  let spans = null;
  const findNextNonSpace = () => {
    if (s.length > SCAN_UP_TO) {
      if (!spans) {
        spans = { next: new Int32Array(s.length + 1), tabs: new Int32Array(s.length + 1) };
        spans.next[s.length] = s.length;
        for (let k = s.length - 1; k >= 0; k--) spans.next[k] = s[k] === ' ' || s[k] === '\t' ? spans.next[k + 1] : k;
        for (let k = 0; k < s.length; k++) spans.tabs[k + 1] = spans.tabs[k] + (s[k] === '\t' ? 1 : 0);
      }
      const to = spans.next[index];
      if (spans.tabs[to] === spans.tabs[index]) {
        blank = to === s.length;
        nextNonSpace = to; nextNonSpaceColumn = column + (to - index); indent = to - index;
        return;
      }
    }
    let i = index; let cols = column;
    blank = true;
    while (i < s.length) {
      if (s[i] === ' ') { i++; cols++; } else if (s[i] === '\t') { i++; cols += tabStop(cols); } else { blank = false; break; }
    }
    nextNonSpace = i; nextNonSpaceColumn = cols; indent = cols - column;
  };
  const advance = () => {
    column += s[index] === '\t' ? tabStop(column) : 1;
    index++;
  };
  const setIndex = (n) => {
    if (n >= nextNonSpace) { index = nextNonSpace; column = nextNonSpaceColumn; }
    while (index < n && index !== s.length) advance();
    inTab = false;
  };
  const setColumn = (n) => {
    if (n >= nextNonSpaceColumn) { index = nextNonSpace; column = nextNonSpaceColumn; }
    while (column < n && index !== s.length) advance();
    if (column > n) { index--; column = n; inTab = true; } else inTab = false;
  };
  const active = () => open[open.length - 1].block;
  const close = (n) => { open.length -= n; };
  const canContain = (parent, child) => (parent.type === 'list' ? child.type === 'item'
    : CONTAINERS.has(parent.type) && parent.type !== 'list');
  const addChild = (block, sourceIndex) => {
    while (!canContain(active(), block)) close(1);
    active().children = (active().children ?? 0) + 1;
    open.push({ block, sourceIndex });
  };
  /** The rest of the line as the active leaf is given it (a partly consumed tab's columns as spaces). */
  const content = () => (inTab ? ' '.repeat(tabStop(column)) + s.slice(index + 1) : s.slice(index));
  const addLine = () => {
    const b = active();
    const c = content();
    if (b.type === 'paragraph') b.lines.push(c);
    else if (b.type === 'html' && b.closer && b.closer.test(c)) b.finished = true;
  };

  /** The block starts in the factories' order: {blocks: [...], index|column, replace}, or null. */
  function blockStart(matched) {
    const paragraph = matched.type === 'paragraph' ? matched.lines : [];
    if (paragraph.length === 1 && paragraph[0].includes('|')) {
      const columns = separator(s.slice(index));
      if (columns && columns.length >= headerCells(paragraph[0])) {
        return { blocks: [{ type: 'table', lazy: true }], index, replace: true };
      }
    }
    const c = s[nextNonSpace];
    if (indent < CODE_INDENT && c === '>') {
      return { blocks: [{ type: 'quote' }], column: column + indent + 1 + (isSpaceTab(s, nextNonSpace + 1) ? 1 : 0) };
    }
    if (indent < CODE_INDENT) {
      if (c === '#' && atxHeading(s, nextNonSpace)) return { blocks: [{ type: 'heading' }], index: s.length };
      const level = setextLevel(s, nextNonSpace);
      if (level > 0 && paragraph.length) return { blocks: [{ type: 'heading' }], index: s.length, replace: true };
      // FencedCodeBlockParser.checkOpener counts both characters over their one run.
      let ticks = 0;
      let tildes = 0;
      for (let i = nextNonSpace; i < s.length && (s[i] === '`' || s[i] === '~'); i++) if (s[i] === '`') ticks++; else tildes++;
      if ((ticks >= 3 && !tildes && !s.includes('`', nextNonSpace + ticks)) || (tildes >= 3 && !ticks)) {
        const length = ticks + tildes;
        return { blocks: [{ type: 'fence', fence: ticks ? '`' : '~', length, indent }], index: nextNonSpace + length };
      }
      if (c === '<') {
        for (let kind = 1; kind <= 7; kind++) {
          if (kind === 7 && (matched.type === 'paragraph' || LAZY.has(active().type) && active().lazy !== false)) continue;
          if (HTML[kind][0].test(s.slice(nextNonSpace))) return { blocks: [{ type: 'html', closer: HTML[kind][1] }], index };
        }
      }
      if (thematicBreak(nextNonSpace)) return { blocks: [{ type: 'break' }], index: s.length };
      const list = listStart(matched, paragraph.length > 0);
      if (list) return list;
    }
    if (indent >= CODE_INDENT && !blank && active().type !== 'paragraph') {
      return { blocks: [{ type: 'code' }], column: column + CODE_INDENT };
    }
    return null;
  }

  /** ListBlockParser.Factory.tryStart. */
  function listStart(matched, inParagraph) {
    const marker = listMarker(s, nextNonSpace);
    if (!marker) return null;
    const afterMarker = nextNonSpaceColumn + (marker.after - nextNonSpace);
    let contentColumn = afterMarker;
    let hasContent = false;
    for (let i = marker.after; i < s.length; i++) {
      if (s[i] === '\t') contentColumn += tabStop(contentColumn);
      else if (s[i] === ' ') contentColumn++;
      else { hasContent = true; break; }
    }
    if (inParagraph && ((marker.kind[0] === 'o' && marker.start !== 1) || !hasContent)) return null;
    if (!hasContent || contentColumn - afterMarker > CODE_INDENT) contentColumn = afterMarker + 1;
    const item = { type: 'item', contentIndent: contentColumn - column, children: 0 };
    if (matched.type !== 'list' || matched.kind !== marker.kind) {
      return { blocks: [{ type: 'list', kind: marker.kind }, item], column: contentColumn };
    }
    return { blocks: [item], column: contentColumn };
  }

  /** BlockParser.tryContinue: {index}|{column}|{finished}, or null for none. */
  function tryContinue(b) {
    switch (b.type) {
      case 'document': case 'list': return { index };
      case 'quote':
        if (indent < CODE_INDENT && s[nextNonSpace] === '>') {
          return { column: column + indent + 1 + (isSpaceTab(s, nextNonSpace + 1) ? 1 : 0) };
        }
        return null;
      case 'item':
        if (blank) return b.children ? { index: nextNonSpace } : null;
        return indent >= b.contentIndent ? { column: column + b.contentIndent } : null;
      case 'fence': {
        if (indent < CODE_INDENT && s[nextNonSpace] === b.fence) {
          const fences = skip(b.fence, s, nextNonSpace) - nextNonSpace;
          if (fences >= b.length && skipSpaceTab(s, nextNonSpace + fences) === s.length) return { finished: true };
        }
        let at = index;
        for (let k = b.indent; k > 0 && at < s.length && s[at] === ' '; k--) at++;
        return { index: at };
      }
      case 'code':
        if (indent >= CODE_INDENT) return { column: column + CODE_INDENT };
        return blank ? { index: nextNonSpace } : null;
      case 'html':
        if (b.finished || (blank && !b.closer)) return null;
        return { index };
      case 'paragraph': return blank ? null : { index };
      case 'table': {
        const pipe = s.indexOf('|', nextNonSpace);
        if (pipe < 0) return null;
        if (pipe === nextNonSpace && skipSpaceTab(s, pipe + 1) === s.length) { b.lazy = false; return null; }
        return { index };
      }
      default: return null;
    }
  }

  for (let lineIndex = 0; lineIndex < all.length; lineIndex++) {
    s = all[lineIndex];
    thematicBreak = breakTest(s);
    spans = null;
    index = 0; column = 0; inTab = false;
    let matches = 1;
    let finished = false;
    for (let i = 1; i < open.length; i++) {
      findNextNonSpace();
      const r = tryContinue(open[i].block);
      if (!r) break;
      open[i].sourceIndex = index;
      if (r.finished) { close(open.length - i); finished = true; break; }
      if (r.index !== undefined) setIndex(r.index); else setColumn(r.column);
      matches++;
    }
    if (finished) continue;
    let unmatched = open.length - matches;
    let matched = open[matches - 1].block;
    let started = false;
    let lastIndex = index;
    let tryStarts = matched.type === 'paragraph' || CONTAINERS.has(matched.type);
    while (tryStarts) {
      lastIndex = index;
      findNextNonSpace();
      if (blank || (indent < CODE_INDENT && LETTER.test(String.fromCodePoint(s.codePointAt(nextNonSpace))))) {
        setIndex(nextNonSpace);
        break;
      }
      const start = blockStart(matched);
      if (!start) { setIndex(nextNonSpace); break; }
      started = true;
      const sourceIndex = index;
      if (unmatched > 0) { close(unmatched); unmatched = 0; }
      if (start.index !== undefined) setIndex(start.index); else setColumn(start.column);
      if (start.replace) open.pop();
      for (const b of start.blocks) {
        addChild(b, sourceIndex);
        if (b.type === 'item') out.push({ line: lineIndex, index: sourceIndex });
        if (b.type === 'paragraph') b.lines = [];
        matched = b;
        tryStarts = CONTAINERS.has(b.type);
      }
    }
    const act = active();
    if (!started && !blank && LAZY.has(act.type) && act.lazy !== false) {
      addLine();
    } else {
      if (unmatched > 0) close(unmatched);
      if (!CONTAINERS.has(matched.type)) addLine();
      else if (!blank) { addChild({ type: 'paragraph', lines: [] }, lastIndex); addLine(); }
    }
  }
  return out;
}

