/*
 * Search and tags on the page as its own device, in the shapes of the Java web layer (ApiRoutes.items, the sidebar's
 * tags from TagStore.COUNTS).
 *
 * Search reads plain words as the server's full-text index does (Queries.ftsMatch over items_fts, tokenizer unicode61
 * with diacritics removed): every word, punctuation taken out, must begin a word of the title or the notes, in any
 * case and with or without accents; a word that begins another one asked for is left out (it adds only work).
 * Todos and notes, open or done, not in the Trash; open ones first, then in the order they were made (the index's
 * relevance rank is SQLite's own and is not matched). @tag, #list, p1 and operators are read as words here.
 * White space as the desktop's search box reads it (SearchBoxQuery): every Unicode space separator a plain space
 * first (TypedSpaces.plain: a phone's no-break or narrow space), then Java's String.strip (Character.isWhitespace:
 * U+001C-U+001F and the line separators go, U+FEFF stays), so the title and the bound are the server's.
 * Bounded as the server's: the query is at most QUERY_MAX characters once stripped (longer answers no rows and a
 * sentence, as the search parser refuses it), at most WORDS_MAX words are kept, and each row's text is read once
 * per search, so the work is that of the replica's text; the answer holds at most the rows asked for.
 *
 * A tag view (tag:NAME, the name normalised as ItemTag.normalize) lists the open todos and notes carrying it, in the
 * order they were made; the sidebar's tags count each tag's open todos, most first, at most TAGS_MAX of them.
 *
 * Imports nothing: the rows and the words come in.
 */
const QUERY_MAX = 1000;
const WORDS_MAX = 32;
const TAGS_MAX = 500;
const TAG_MAX = 100;

/** Text as the index compares it: accents off, lower case. */
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/** Character.isWhitespace: Zs but the no-break ones, ASCII's controls U+0009-U+000D and U+001C-U+001F, the line separators. */
const WS = /[\t-\r\x1c-\x20\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/;
/** String.strip, in one pass (a pattern anchored at the end would retry every run of spaces: quadratic). */
function strip(s) {
  let a = 0;
  let b = s.length;
  while (a < b && WS.test(s[a])) a++;
  while (b > a && WS.test(s[b - 1])) b--;
  return s.slice(a, b);
}
/** What the search box read: TypedSpaces.plain, then stripped. */
const typed = (q) => (typeof q === 'string' ? strip(q.replace(/\p{Zs}/gu, ' ')) : '');

/** A tag as ItemTag.normalize writes it: Java's strip, and its \s (ASCII's six) made a dash. */
export function normalizeTag(tag) {
  if (typeof tag !== 'string') return '';
  const t = strip(strip(tag).replace(/^@+/, '').normalize('NFC').toLowerCase()).replace(/[ \t\n\v\f\r]+/g, '-');
  return t.length > TAG_MAX ? t.slice(0, TAG_MAX) : t;
}

/** The words of a query that the index would look for, or null when it is too long. */
export function searchWords(q) {
  const text = typed(q);
  if (text.length > QUERY_MAX) return null;
  const words = [...new Set(fold(text).split(SEPARATOR).filter((w) => w !== ''))];
  const kept = [];
  for (const w of words.slice().sort((a, b) => b.length - a.length)) {
    if (!kept.some((k) => k.startsWith(w))) kept.push(w);
  }
  return words.filter((w) => kept.includes(w)).slice(0, WORDS_MAX);
}

export function makeSearch({ t }) {
  /** The search view over {@code rows} (not trashed, in the order made); {@code row} writes one. */
  function search(rows, q, limit, row) {
    const shown = typed(q);
    const title = t('page.view.search', shown.length > QUERY_MAX ? shown.slice(0, 40) + '…' : shown);
    const words = searchWords(q);
    if (words == null) {
      return { view: 'search', title, total: 0, items: [], problem: t('page.device.searchTooLong', String(QUERY_MAX)) };
    }
    if (!words.length) return { view: 'search', title, total: 0, items: [] };
    const found = rows.filter((it) => {
      const text = [it.title, it.notes].filter((v) => typeof v === 'string').map(fold).join(' ');
      const mine = new Set(text.split(SEPARATOR));
      return words.every((w) => { for (const m of mine) if (m.startsWith(w)) return true; return false; });
    });
    found.sort((a, b) => (a.done ? 1 : 0) - (b.done ? 1 : 0));
    return { view: 'search', title, total: found.length, items: found.slice(0, limit).map(row) };
  }

  /** The tag view over the listed rows (open todos and notes); null for a tag that normalises to nothing. */
  function tagView(rows, name, limit, row) {
    const tag = normalizeTag(name);
    if (!tag) return null;
    const found = rows.filter((it) => it.tags.includes(tag));
    return { view: 'tag:' + tag, title: '#' + tag, total: found.length, items: found.slice(0, limit).map(row) };
  }

  /** The sidebar's tags over the listed rows: {tag, count of open todos}, most first, then by name. */
  function counts(rows) {
    const n = new Map();
    for (const it of rows) {
      for (const tag of it.tags) {
        if (typeof tag !== 'string' || !tag) continue;
        n.set(tag, (n.get(tag) ?? 0) + (it.kind !== 'note' && !it.done ? 1 : 0));
      }
    }
    return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, TAGS_MAX)
      .map(([tag, count]) => ({ tag, count }));
  }

  return { search, tagView, counts };
}
