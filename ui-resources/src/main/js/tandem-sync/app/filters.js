/**
 * Saved filters ("smart lists", docs/FILTERS.md) read and run as the desktop reads and runs them, for the page as
 * its own device: parse is FilterParser.parse (the same tree, the same refusals at the same place), run is what
 * FilterSql's condition and FilteredItems' order find over the replica's todos, in memory. Held to Java by the
 * vectors FilterGoldenTest writes (test/vectors/filters.json), which test/filters-golden.test.js replays.
 *
 * A query is synced data (any device may have written it), so nothing in it is trusted. Read within Java's bounds
 * before anything is built: MAX_CHARS characters, MAX_DEPTH levels of "(" and "!", MAX_CONDITIONS conditions. A
 * name with "*" never becomes a regular expression: match() walks its literal pieces left to right, each found at
 * its first place (indexOf), which is exact for "*" alone and costs a scan of the name per piece, never the
 * backtracking a pattern such as "*a*a*a*a*b" costs a regex. Names of lists, tags and sections are matched once per
 * run (as SQL's subqueries are read once), then looked up per todo. A run counts its work in steps (a condition
 * read for one todo, a piece of a name scanned) and stops past its budget with TooSlow, as the desktop's
 * QueryCost stops a query: the caller says which.
 *
 * Where it differs from the desktop, said here and in docs/WEB.md: "search:" matches as the page's own search
 * (device-search.js): every word begins a word of the title or notes, accents and case aside, words split at
 * anything not a letter or digit; the desktop's full-text index (FTS5, unicode61) splits and folds letters by its
 * own tables, so words in scripts or symbols it reads otherwise may differ. "shared" finds nothing (the page
 * shares no list). Dates in words read as the desktop's DatePhrases reads them, through quick-add-when.js (English,
 * and the page's language with its grammar), a day with its part ("tomorrow morning", "morgen früh") as the day:
 * the desktop keeps a weekday said in its language ("freitag") as "fri" where this reads the day it names, which
 * is the same day, since both read a saved query afresh on the day it runs.
 */
import { datePhrase, ofNextWeek, plainSpaces, splitPart, WEEKDAYS } from './quick-add-when.js';
import { dayOf, plusMonths, strip, weekday, ymd } from './recurrence.js';
import { normalizeTag } from './series.js';

export const MAX_CHARS = 1000;
export const MAX_DEPTH = 32;
export const MAX_CONDITIONS = 100;

/** A query that does not read: {@code key} names the sentence (filter.error.KEY), {@code at} where (from 0). */
export class FilterError extends Error {
  constructor(key, at, ...args) {
    super(key);
    this.key = key;
    this.at = at;
    this.args = args;
  }
}

/** A run past its budget of steps ({@code steps}: what it took before it stopped). */
export class TooSlow extends Error {
  constructor(steps) {
    super('too slow');
    this.steps = steps;
  }
}

const JSPACE = /[\t-\r\x1c-\x20\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]/;
const lowerWs = (s) => s.toLowerCase().replace(/[ \t\n\x0B\f\r]+/g, ' ');
const FLAGS = ['overdue', 'no date', 'recurring', 'no start', 'someday', 'subtask', 'shared', 'done', 'no tags'];
const KEYED = /^((?:due|date)[ \t\n\x0B\f\r]+before|(?:due|date)[ \t\n\x0B\f\r]+after|due|date|start[ \t\n\x0B\f\r]+before|start[ \t\n\x0B\f\r]+after|created[ \t\n\x0B\f\r]+after|created[ \t\n\x0B\f\r]+before|search|section|has)[ \t\n\x0B\f\r]*:[ \t\n\x0B\f\r]*([^]*)$/i;
const ASSIGNED = /^(?:assigned([ \t\n\x0B\f\r]+(to|by)[ \t\n\x0B\f\r]*:[^]*)?|added[ \t\n\x0B\f\r]+by[ \t\n\x0B\f\r]*:[^]*)$/i;
const NEXT_DAYS = /^(?:next )?(\d{1,3}) days?$/;
const RELATIVE_WORDS = /^(?:([+-]) ?|in )?(\d{1,4}) ?(d|days?|w|weeks?|m|months?|y|years?)( ago)?$/;
const RELATIVE = /^([+-])(\d{1,4})([dwmy])$/;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** The Inbox's names (NamePattern.INBOX): English's, each shipped language's sidebar word, French's earlier one. */
const INBOX = ['inbox', 'eingang', 'boîte de réception', 'réception'];

/** Queries.ftsMatch's words: split at whitespace, ASCII punctuation but "_" taken out; whether any is left. */
const ftsWords = (s) => strip(s).split(/[ \t\n\x0B\f\r]+/).some((w) => strip(w.replace(/[!-/:-@[-^`{-~]/g, ' ')) !== '');

/**
 * The query's tree, its dates read on {@code today} (ISO); throws FilterError. {@code grammar}: quick add's words
 * of the page's language (dates said in words), or none; {@code weekStart}: 1 Monday … 7 Sunday ("next fri").
 */
export function parse(query, today, { grammar = null, weekStart = 1 } = {}) {
  if (typeof query === 'string' && query.length > MAX_CHARS) throw new FilterError('tooLong', MAX_CHARS, MAX_CHARS);
  // Within the bound, Unicode spaces read as plain ones, one character for one (FilterParser.parse).
  const q = typeof query === 'string' ? plainSpaces(query) : '';
  if (strip(q) === '') throw new FilterError('empty', 0);
  const commas = [];
  let level = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === '(') level++;
    else if (q[i] === ')') level = Math.max(0, level - 1);
    else if (q[i] === ',' && level === 0) commas.push(i);
  }
  const ctx = { q, today, grammar, weekStart };
  if (!commas.length) return reader(ctx, 0, q.length, 0).finish();
  // Todoist's groups, one list holding them all as "|" would; a part that does not read alone keeps its comma.
  const parts = [];
  let from = 0;
  let counted = 0;
  try {
    for (let i = 0; i <= commas.length; i++) {
      const to = i < commas.length ? commas[i] : q.length;
      const p = reader(ctx, from, to, counted);
      parts.push(p.finish());
      counted = p.conditions;
      from = to + 1;
    }
    return { or: parts };
  } catch (problem) {
    try {
      return reader(ctx, 0, q.length, 0).finish();
    } catch (e) {
      throw problem;
    }
  }
}

function reader({ q, today, grammar, weekStart }, from, end, counted) {
  let pos = from;
  let depth = 0;
  const self = { conditions: counted };
  const skip = () => { while (pos < end && JSPACE.test(q[pos])) pos++; };
  const peek = (c) => { skip(); return pos < end && q[pos] === c; };
  const nested = (inner) => {
    if (++depth > MAX_DEPTH) throw new FilterError('tooDeep', pos, pos + 1, MAX_DEPTH);
    try { return inner(); } finally { depth--; }
  };
  const many = (op, next, kind) => {
    const parts = [next()];
    while (peek(op)) { pos++; parts.push(next()); }
    return parts.length === 1 ? parts[0] : { [kind]: parts };
  };
  const or = () => many('|', and, 'or');
  const and = () => many('&', unary, 'and');
  function unary() {
    skip();
    if (peek('!')) { pos++; return nested(() => ({ not: unary() })); }
    if (peek('(')) {
      const open = pos++;
      const inner = nested(or);
      if (!peek(')')) throw new FilterError('unclosed', open, open + 1);
      pos++;
      return inner;
    }
    return condition();
  }
  const name = (n, said, at) => {
    const s = strip(n);
    if (!s) throw new FilterError('noName', at, at + 1, said);
    return s;
  };
  function condition() {
    skip();
    const start = pos;
    while (pos < end && !'&|)'.includes(q[pos])) pos++;
    const raw = strip(q.slice(start, pos));
    if (!raw) throw new FilterError('expectedCondition', start, start + 1);
    if (++self.conditions > MAX_CONDITIONS) throw new FilterError('tooMany', start, MAX_CONDITIONS);
    const word = lowerWs(raw);
    if (raw.startsWith('#')) return { list: name(raw.replace(/^##?/, ''), raw, start) };
    if (raw.startsWith('@')) return { tag: name(raw.slice(1), raw, start) };
    const p = /^p([1-4])$/.exec(word);
    if (p) return { priority: Number(p[1]) };
    if (word === 'no priority') return { priority: 0 };
    if (word === 'today' || word === 'tomorrow' || word === 'yesterday') return { due: [word, word] };
    if (word === 'no date' || word === 'no due date') return { is: 'no date' };
    if (['no labels', 'no label', 'no tags', 'no tag'].includes(word)) return { is: 'no tags' };
    const days = NEXT_DAYS.exec(word);
    if (days && Number(days[1]) >= 1) return nextDays(Number(days[1]));
    if (ASSIGNED.test(raw)) throw new FilterError('assigned', start, start + 1, raw);
    if (FLAGS.includes(word)) return { is: word };
    const km = KEYED.exec(raw);
    if (!km) throw new FilterError('unknown', start, start + 1, raw);
    const arg = strip(km[2]);
    const argAt = start + raw.length - km[2].length;
    const key = lowerWs(km[1]);
    if (key === 'search') {
      if (!ftsWords(arg)) throw new FilterError('noName', argAt, argAt + 1, 'search:');
      return { search: arg };
    }
    if (key === 'section') return { section: name(arg, 'section:', argAt) };
    if (key === 'has') {
      const a = arg.toLowerCase();
      if (a === 'notes' || a === 'note') return { is: 'has notes' };
      if (['attachment', 'attachments', 'file', 'files'].includes(a)) return { is: 'has attachment' };
      throw new FilterError('has', argAt, argAt + 1, arg);
    }
    if (key === 'due' || key === 'date') {
      const nd = NEXT_DAYS.exec(lowerWs(arg));
      if (nd && Number(nd[1]) >= 1) return nextDays(Number(nd[1]));
      const d = date(arg, argAt);
      return { due: [d, d] };
    }
    const d = date(arg, argAt);
    return { [{ 'due before': 'dueBefore', 'date before': 'dueBefore', 'due after': 'dueAfter', 'date after': 'dueAfter',
      'start before': 'startBefore', 'start after': 'startAfter', 'created after': 'createdAfter' }[key] ?? 'createdBefore']: d };
  }
  function date(arg, at) {
    const a = lowerWs(strip(arg));
    if (a && on(a, today, weekStart) != null) return a;
    const rel = RELATIVE_WORDS.exec(a);
    if (rel && !(rel[1] === '-' && rel[4])) return (rel[1] === '-' || rel[4] ? '-' : '+') + Number(rel[2]) + rel[3][0];
    const next = a.startsWith('next ');
    const wd = WEEKDAYS[next ? a.slice(5) : a];
    if (Object.hasOwn(WEEKDAYS, next ? a.slice(5) : a)) return (next ? 'next ' : '') + DAYS[wd - 1];
    const day = a ? wordsDate(a, today, grammar, weekStart) : null;
    if (day != null) return day;
    throw new FilterError('badDate', at, at + 1, strip(arg));
  }
  self.finish = () => {
    const f = or();
    skip();
    if (pos < end) throw new FilterError(q[pos] === ')' ? 'unopened' : 'expectedOperator', pos, pos + 1);
    return f;
  };
  return self;
}

const nextDays = (n) => ({ due: ['today', '+' + (n - 1) + 'd'] });

/**
 * DatePhrases.parse's day of a phrase in words (ISO), "next week" and "next fri" counted from the week's first day
 * {@code ws}, in English and the grammar's words ("nächsten freitag", "la semaine prochaine"). A phrase that ends in
 * a part of the day ("tomorrow morning", "morgen früh", "vendredi soir": quick add's DayParts) is the day of the
 * words before it.
 */
function wordsDate(a, today, grammar, ws) {
  const day = datePhrase(a, today, grammar, ws);
  const s = day == null ? splitPart(a, grammar) : null;
  return s ? datePhrase(s.date, today, grammar, ws) : day;
}

const readIso = (s) => { const [y, m, d] = s.split('-').map(Number); return dayOf(y, m, d); };
/** LocalDate.toString: four digits at least, a "+" past 9999. */
function isoOf(day) {
  const { y, m, d } = ymd(day);
  const year = y > 9999 ? '+' + y : y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
  return year + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0');
}

/** DateSaid.on: the ISO day a kept date means on {@code today} (ISO), or null. */
export function on(text, today, ws = 1) {
  const t = strip(text).toLowerCase();
  const day = readIso(today);
  if (t === 'today') return today;
  if (t === 'tomorrow') return isoOf(day + 1);
  if (t === 'yesterday') return isoOf(day - 1);
  const m = RELATIVE.exec(t);
  if (m) {
    const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
    return isoOf(m[3] === 'd' ? day + n : m[3] === 'w' ? day + 7 * n : plusMonths(day, m[3] === 'm' ? n : 12 * n));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) {
    const [y, mo, d] = iso.slice(1).map(Number);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const len = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
    return mo >= 1 && mo <= 12 && d >= 1 && d <= len ? t : null;
  }
  const next = t.startsWith('next ');
  const wd = DAYS.indexOf(next ? t.slice(5) : t) + 1;
  if (!wd) return null;
  return isoOf(next ? ofNextWeek(wd, day, ws) : day + (((wd - weekday(day) + 7) % 7) || 7));
}

/** ASCII letters folded, as SQLite's NOCASE and LIKE fold them. */
const ascii = (s) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/**
 * Whether {@code name} is what {@code pattern} says (NamePattern.matches, SQL's LIKE): ASCII case aside, each "*"
 * any characters. Linear in the name per literal piece; {@code cost} counts the pieces scanned.
 */
export function match(pattern, name, cost = () => {}) {
  if (typeof name !== 'string') return false;
  const p = ascii(pattern);
  const n = ascii(name);
  if (!p.includes('*')) return p === n;
  const pieces = p.split('*');
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (n.length < first.length + last.length || !n.startsWith(first) || !n.endsWith(last)) return false;
  let at = first.length;
  const stop = n.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    cost(1 + (n.length >> 6));
    if (!pieces[i]) continue;
    const found = n.indexOf(pieces[i], at);
    if (found < 0 || found + pieces[i].length > stop) return false;
    at = found + pieces[i].length;
  }
  return true;
}

const namesInbox = (pattern) => INBOX.some((n) => match(pattern, n));
const namesDone = (f) => (f.and ?? f.or ?? []).some(namesDone) || (f.not ? namesDone(f.not) : f.is === 'done');
const num = (v) => (typeof v === 'bigint' ? Number(v) : v);
const present = (v) => v != null && v !== '';
/** A date SQL's DateRange.sql takes: text from 1900-01-01 to 2999-12-31, compared as text. */
const dated = (v) => typeof v === 'string' && v >= '1900-01-01' && v <= '2999-12-31';

/** Text as the page's search compares it (device-search.js): accents off, lower case, split at non-letters. */
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const SEPARATOR = /[^\p{L}\p{N}]+/u;
function searchWords(q) {
  const words = [...new Set(fold(q).split(SEPARATOR).filter((w) => w !== ''))];
  const kept = [];
  for (const w of words.slice().sort((a, b) => b.length - a.length)) if (!kept.some((k) => k.startsWith(w))) kept.push(w);
  return words.filter((w) => kept.includes(w)).slice(0, 32);
}

/**
 * A todo as a filter reads it, from its row in {@code items} (values as the replica keeps them, bigint or number)
 * and its live tags.
 */
export function todoOf(id, row, tags) {
  return { id, listId: row.listId ?? null, title: row.title, notes: row.notes, due: row.due ?? null,
    dueTime: row.dueTime ?? null, start: row.start ?? null, someday: num(row.someday), repeat: row.repeat,
    parentId: row.parentId, sectionId: row.sectionId, done: num(row.done) ?? 0, createdAt: num(row.createdAt) ?? 0,
    priority: num(row.priority), kind: row.kind, trashed: row.trashedAt != null, tags };
}

/**
 * The todos {@code tree} finds among {@code todos} (todoOf's), in the desktop's order (due day, undated last, time,
 * priority, none last, made, id): {total, items: the first {@code limit}, steps}. {@code world}: today (ISO), lists
 * (id → name), sections (id → name), attached (ids of todos with a file), midnight(iso) → epoch ms of that day's
 * start where the todos were made. Throws TooSlow past {@code budget} steps.
 */
export function run(tree, todos, world, { limit = Infinity, budget = Infinity, count = false } = {}) {
  let steps = 0;
  const cost = (n) => { steps += n; if (steps > budget) throw new TooSlow(steps); };
  const test = compile(tree, world, todos, cost);
  const open = namesDone(tree);
  const found = [];
  for (const it of todos) {
    cost(1);
    if (it.trashed || it.kind === 'note' || (!open && it.done !== 0)) continue;
    if (test(it)) found.push(it);
  }
  if (count) return { total: found.length, items: [], steps };
  cost(found.length);
  return { total: found.length, items: found.sort(order).slice(0, limit), steps };
}

const nullFirst = (a, b) => (a == null ? (b == null ? 0 : -1) : b == null ? 1 : a < b ? -1 : a > b ? 1 : 0);
function order(a, b) {
  const undated = (it) => (present(it.due) ? 0 : 1);
  const p0 = (it) => ((it.priority ?? 0) === 0 ? 1 : 0);
  return undated(a) - undated(b) || nullFirst(a.due, b.due) || nullFirst(a.dueTime, b.dueTime) || p0(a) - p0(b)
    || nullFirst(a.priority, b.priority) || nullFirst(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compile(f, world, todos, cost) {
  const { today } = world;
  const day = (said) => on(said, today, world.weekStart);
  if (f.and || f.or) {
    const parts = [...new Map((f.and ?? f.or).map((p) => [JSON.stringify(p), p])).values()]
      .map((p) => compile(p, world, todos, cost));
    return f.and ? (it) => parts.every((p) => p(it)) : (it) => parts.some((p) => p(it));
  }
  if (f.not) { const p = compile(f.not, world, todos, cost); return (it) => !p(it); }
  const at = (test) => (it) => { cost(1); return test(it); };
  if (f.list != null) {
    const ids = new Set();
    for (const [id, n] of world.lists) { cost(1); if (match(f.list, n, cost)) ids.add(id); }
    const inbox = namesInbox(f.list);
    return at((it) => (it.listId != null && ids.has(it.listId)) || (inbox && (it.listId == null || !world.lists.has(it.listId))));
  }
  if (f.tag != null) {
    const tag = normalizeTag(f.tag);
    const wild = tag.includes('*');
    const prefix = wild ? tag.slice(0, tag.indexOf('*')) : tag;
    const tags = new Map();
    const matches = (t) => {
      if (!tags.has(t)) tags.set(t, typeof t === 'string' && (wild ? t.startsWith(prefix) && match(tag, t, cost) : t === tag));
      return tags.get(t);
    };
    return at((it) => { cost(it.tags.length); return it.tags.some(matches); });
  }
  if (f.priority != null) return at((it) => (it.priority ?? 0) === f.priority);
  if (f.due) {
    const [from, to] = f.due.map(day);
    return at((it) => dated(it.due) && it.due >= from && it.due <= to);
  }
  const compare = (key, field, before) => { const d = day(f[key]); return at((it) => dated(it[field]) && (before ? it[field] < d : it[field] > d)); };
  if (f.dueBefore) return compare('dueBefore', 'due', true);
  if (f.dueAfter) return compare('dueAfter', 'due', false);
  if (f.startBefore) return compare('startBefore', 'start', true);
  if (f.startAfter) return compare('startAfter', 'start', false);
  if (f.createdAfter) { const ms = world.midnight(isoOf(readIso(day(f.createdAfter)) + 1)); return at((it) => it.createdAt >= ms); }
  if (f.createdBefore) { const ms = world.midnight(day(f.createdBefore)); return at((it) => it.createdAt < ms); }
  if (f.search != null) {
    const words = searchWords(f.search);
    const mine = new Map();
    return at((it) => {
      if (!words.length) return false;
      let own = mine.get(it);
      if (!own) {
        own = [...new Set([it.title, it.notes].filter((v) => typeof v === 'string').map(fold).join(' ').split(SEPARATOR))];
        mine.set(it, own);
      }
      cost(own.length);
      return words.every((w) => own.some((m) => m.startsWith(w)));
    });
  }
  if (f.section != null) {
    const ids = new Set();
    for (const [id, n] of world.sections) { cost(1); if (typeof n === 'string' && ascii(n) === ascii(f.section)) ids.add(id); }
    return at((it) => ids.has(it.sectionId ?? ''));
  }
  switch (f.is) {
    case 'overdue': return at((it) => dated(it.due) && it.due < today);
    case 'no date': return at((it) => !dated(it.due));
    case 'recurring': return at((it) => present(it.repeat));
    case 'no start': return at((it) => !dated(it.start));
    case 'someday': return at((it) => it.someday === 1);
    case 'has notes': return at((it) => it.notes != null && String(it.notes).replace(/^ +| +$/g, '') !== '');
    case 'has attachment': return at((it) => world.attached.has(it.id));
    case 'subtask': return at((it) => present(it.parentId));
    case 'done': return at((it) => it.done === 1);
    case 'no tags': return at((it) => it.tags.length === 0);
    default: return () => false; // shared: no list is shared on the page.
  }
}
