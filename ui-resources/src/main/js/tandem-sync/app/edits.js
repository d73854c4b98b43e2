/**
 * Editing a todo's details as the page's edit does on the server (app/…/web/WebEdits.java over the model), for the
 * page as its own device: title, notes, due date, time, length, priority, tags, reminder, repeat, start date and
 * Someday, each written to the same column in the same encoding (a time "HH:MM" in dueTime, minutes in
 * durationMinutes, the reminder's epoch milliseconds in remindAt, the rule as Recurrence.toRule writes it with the
 * todo its own series, Someday 1 or null, tags as rows under ids derived from item and tag, a removed one keeping its
 * row with removedAt). And what the page's editor shows of a row (ItemJson.field): the time, the length, the rule
 * described in the page's language (Recurrence.describe, with the words /messages.json carries; English without
 * them), read from synced rows as untrusted (a damaged value shows as none).
 *
 * Order, as WebEdits.decide: every field is checked and applied to a copy of the row (the first bad value refuses
 * the whole edit, nothing written); then a start date set takes the todo out of Someday unless the edit says
 * otherwise; a time needs a due date; a changed title must not be blank. The tags are merged against the base the
 * page saw (what it added is added, what it removed is removed, another device's tag it never saw stays). Only then
 * are the rows written. The tag rows' ids need SHA-1 (asynchronous in a browser), so they are computed before.
 *
 * A second implementation of Java's: held to it by the vectors EditGoldenTest writes (test/vectors/todo-edits.json),
 * which test/edits-golden.test.js replays, and by those DateWordsGoldenTest writes (test/vectors/date-words.json:
 * a rule described, and the repeat field read, in English, German and French), which test/date-words-golden.test.js
 * replays. The repeat field reads English and, given quick add's grammar of the page's language, that language's
 * phrases, as RepeatPhrases.field reads the language in effect.
 */
import { ITEM_COLUMNS, TAG_COLUMNS } from './items.js';
import { first, onDay, repeatPhrase } from './quick-add-when.js';
import { fill } from './message-format.js';
import { ENGLISH } from './due-labels.js';
import { monthLength, parseRule, readDate, strip, toRule } from './recurrence.js';
import { normalizeTag } from './series.js';
import { tagId } from './derived-ids.js';

/** The longest length (Durations.MAX_MINUTES: a week). */
export const MAX_MINUTES = 7 * 24 * 60;
const DAY_MS = 86_400_000;
/** DateRange.containsMillis: 1900-01-01 to 2999-12-31 in UTC, with a day's slack either side. */
const FIRST_MS = Date.UTC(1900, 0, 1) - DAY_MS;
const END_MS = Date.UTC(3000, 0, 1) + DAY_MS;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** The most tags one edit names (a page shows a handful; the rest is an attacker's). */
const TAGS_MAX = 200;

/** An edit refused: {@code key} is the server's message key (server.edit.…), {@code args} its arguments. */
export class EditRefused extends Error {
  constructor(key, ...args) {
    super(key);
    this.key = key;
    this.args = args;
  }
}

const num = (v) => (typeof v === 'bigint' ? Number(v) : v);

/** Item.clock: a stored or typed "HH:MM" read (stripped), else null. */
export function clock(v) {
  if (typeof v !== 'string') return null;
  const m = CLOCK.exec(strip(v));
  return m ? m[0] : null;
}

/** DateRange.read: "YYYY-MM-DD" (stripped) that exists and lies within 1900–2999, else null. */
const dateIn = (v) => (typeof v === 'string' && readDate(v) != null ? strip(v) : null);

/**
 * RepeatPhrases.field: a whole phrase, in English or in the language of {@code g} (quick add's grammar of the page's
 * language, app/quick-add-grammar.js) as quick add reads it ("jeden 2. Tag", "tous les 2 jours"), or an English
 * phrase without its "every" ("monday", "2 weeks"); a day of the month or year after a rule too ("every year on Dec 24").
 */
export function repeatField(text, g = null) {
  if (typeof text !== 'string' || strip(text) === '' || text.length > 200) return null;
  const t = strip(text);
  const read = (s) => repeatPhrase(s, g) ?? onDay(s, g);
  return read(t) ?? (t.toLowerCase().startsWith('every ') ? null : read('every ' + t));
}

// English's names, as due-labels.js has them.
const { weekdays: DAYS, monthsShort: MONTHS } = ENGLISH;
const UNITS = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
const ordinal = (n) => n + ((n % 100 >= 11 && n % 100 <= 13) ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');

/**
 * Recurrence.describe in the page's language: {@code words} is /messages.json's {@code dates} (the catalogue's
 * patterns, repeat.* among them, the weekdays' full and short names from Monday, the months' short names) with
 * {@code lang} beside it; without them, English. Null for no rule the desktop reads.
 */
export function describe(ruleText, words = null) {
  const r = parseRule(ruleText);
  if (!r) return null;
  return words && words.patterns ? describeIn(r, words) : describeEnglish(r);
}

function describeEnglish(r) {
  const unit = UNITS[r.freq];
  const base = r.interval === 1 ? 'every ' + unit : 'every ' + r.interval + ' ' + unit + 's';
  if (r.byDay.size) {
    const days = [...r.byDay].sort((a, b) => a - b);
    if (r.interval === 1 && days.join() === '1,2,3,4,5') return 'every weekday';
    const names = days.map((d) => (days.length === 1 ? DAYS[d - 1] : DAYS[d - 1].slice(0, 3))).join(', ');
    return r.interval === 1 ? 'every ' + names : base + ' on ' + names;
  }
  if (r.byMonth) return base + ' on ' + MONTHS[r.byMonth - 1] + ' ' + r.byMonthDay;
  if (r.byMonthDay) return base + ' on the ' + ordinal(r.byMonthDay);
  return base;
}

/** As Recurrence.describe, with the language's patterns and names (Formats.weekday, weekdayShort, monthShort). */
function describeIn(r, w) {
  const say = (key, ...args) => fill(w.patterns['repeat.' + key] ?? key, args, w.lang);
  const unit = r.freq.toLowerCase();
  const base = r.interval === 1 ? say('every.' + unit) : say('everyN.' + unit, String(r.interval));
  if (r.byDay.size) {
    const days = [...r.byDay].sort((a, b) => a - b);
    if (r.interval === 1 && days.join() === '1,2,3,4,5') return say('weekdays');
    const names = days.map((d) => String((days.length === 1 ? w.weekdays : w.weekdaysShort)?.[d - 1] ?? DAYS[d - 1]))
      .join(', ');
    return r.interval === 1 ? say('onDays', names) : say('everyNOnDays', base, names);
  }
  if (r.byMonth) return say('onYearDay', base, String(w.monthsShort?.[r.byMonth - 1] ?? MONTHS[r.byMonth - 1]), String(r.byMonthDay));
  if (r.byMonthDay) return say('onMonthDay', base, r.byMonthDay);
  return base;
}

/** A reminder's moment from a synced row, when it falls on a date Tandem keeps; else null. */
export function remindMs(v) {
  const n = num(v);
  return Number.isSafeInteger(n) && n >= FIRST_MS && n < END_MS ? n : null;
}

/**
 * ItemJson.field of the details, from an items row as synced (untrusted): {time, lengthMinutes, repeat,
 * remindAt, start, someday}. A time without a valid due date, a length outside 1 to an int, a rule not read, a
 * reminder off the range, a date not a date: none.
 */
export function details(row, words = null) {
  const due = dateIn(row.due);
  const minutes = num(row.durationMinutes);
  return {
    time: due ? clock(row.dueTime) : null,
    lengthMinutes: Number.isSafeInteger(minutes) && minutes > 0 && minutes <= 2147483647 ? minutes : null,
    repeat: describe(row.repeat, words),
    remindAt: remindMs(row.remindAt),
    start: dateIn(row.start),
    someday: row.someday != null && row.someday !== 0n && row.someday !== 0,
  };
}

/** A JSON number as Java's Number.longValue reads it; refused otherwise. */
function whole(v, field) {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EditRefused('server.edit.notANumber', field);
  return Math.trunc(v);
}

function date(v) {
  if (typeof v !== 'string') throw new EditRefused('server.edit.notADate', String(v));
  const ok = dateIn(v);
  if (ok) return ok;
  // LocalDate.parse of the text as sent: a date that exists is only out of the range, anything else no date.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const [y, mo, d] = m ? m.slice(1).map(Number) : [0, 0, 0];
  if (!m || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) throw new EditRefused('server.edit.notADate', v);
  throw new EditRefused('server.edit.dateOutOfRange', v, '1900-01-01', '2999-12-31');
}

const blank = (v) => v == null || (typeof v === 'string' && strip(v) === '');

/** One field applied to {@code next} (WebEdits.with); {@code today} an ISO date. */
function withField(next, field, v, today, grammar) {
  switch (field) {
    case 'due': next.due = blank(v) ? null : date(v); return;
    case 'time': {
      if (blank(v)) { next.dueTime = null; return; }
      const t = clock(typeof v === 'string' ? v : String(v));
      if (!t) throw new EditRefused('server.edit.notATime', String(v));
      next.dueTime = t;
      return;
    }
    case 'lengthMinutes': {
      if (v == null) { next.durationMinutes = null; return; }
      const m = whole(v, field);
      if (m < 1 || m > MAX_MINUTES) throw new EditRefused('server.edit.length', String(MAX_MINUTES));
      next.durationMinutes = BigInt(m);
      return;
    }
    case 'remindAt': {
      if (v == null) { next.remindAt = null; return; }
      const at = whole(v, field);
      if (remindMs(at) == null) throw new EditRefused('server.edit.remindOutOfRange', '1900-01-01', '2999-12-31');
      next.remindAt = BigInt(at);
      return;
    }
    case 'repeat': {
      if (blank(v)) { next.repeat = null; return; }
      const rule = repeatField(String(v), grammar);
      if (!rule) throw new EditRefused('server.edit.repeat', strip(String(v)));
      // SeriesStore.withRule: the todo is its own series, and a rule without a date starts on its first day.
      next.repeat = toRule(rule);
      next.seriesId = next.seriesId ?? next.id;
      if (dateIn(next.due) == null) next.due = first(rule, today);
      return;
    }
    case 'start': next.start = blank(v) ? null : date(v); return;
    case 'someday':
      if (typeof v !== 'boolean') throw new EditRefused('server.edit.notBoolean', field);
      next.someday = v ? 1n : null;
      return;
    default: throw new EditRefused('server.field.unknown', field);
  }
}

/** A tag list as the page sends it, each normalised (WebEdits.strings); refused unless a list. */
function tagList(v) {
  if (v == null) return [];
  if (!Array.isArray(v) || v.length > TAGS_MAX) throw new EditRefused('server.edit.tagsList');
  return v.map((t) => normalizeTag(String(t)));
}

/** The item's live tags, as their rows name them. */
export function tagsOf(replica, id) {
  const out = [];
  for (const e of replica.entities.values()) {
    if (e.table !== 'item_tags') continue;
    const r = replica.row('item_tags', e.entity);
    if (r && r.itemId === id && r.removedAt == null && typeof r.tag === 'string') out.push(r.tag);
  }
  return out.sort();
}

/**
 * Applies {@code set} (fields of the details: time, lengthMinutes, tags, remindAt, repeat, start, someday, due)
 * to item {@code id} at {@code now} (ms) on {@code today} (ISO), with {@code base} the values the page saw (only
 * the tags' is read); the other fields (title, notes, priority, list) are the caller's. Throws EditRefused before
 * writing anything. Returns whether a row was written.
 */
export async function applyDetails(replica, id, set, base, now, today, grammar = null) {
  const row = replica.row('items', id);
  const next = { ...row, id };
  let tags = null;
  for (const [f, v] of Object.entries(set)) {
    if (f === 'tags') {
      const have = tagsOf(replica, id);
      const seen = base && Object.hasOwn(base, 'tags') ? tagList(base.tags) : have;
      const wanted = tagList(v);
      const out = new Set(have);
      for (const t of wanted) if (!seen.includes(t)) out.add(t);
      for (const t of seen) if (!wanted.includes(t)) out.delete(t);
      tags = { have, want: [...out] };
    } else {
      withField(next, f, v, today, grammar);
    }
  }
  // As the desktop's editor: a start date set takes the todo out of Someday, unless the edit says otherwise.
  if (dateIn(next.start) != null && next.start !== row.start && !Object.hasOwn(set, 'someday')) next.someday = null;
  if (set.time != null && dateIn(next.due) == null) throw new EditRefused('server.edit.timeNeedsDue');
  const writes = [];
  if (tags) {
    for (const t of tags.want) {
      if (!t || tags.have.includes(t)) continue;
      const tid = await tagId(id, t);
      const cur = replica.row('item_tags', tid);
      if (cur && cur.removedAt == null) continue;
      writes.push([tid, { itemId: id, tag: t, removedAt: null }]);
    }
    for (const t of tags.have) {
      if (tags.want.includes(t)) continue;
      const tid = await tagId(id, normalizeTag(t));
      const cur = replica.row('item_tags', tid);
      if (!cur || cur.removedAt != null) continue;
      writes.push([tid, { itemId: id, tag: normalizeTag(t), removedAt: BigInt(now) }]);
    }
  }
  delete next.id;
  const changed = ITEM_COLUMNS.some((c) => next[c] !== row[c]);
  if (changed) replica.save('items', id, next, ITEM_COLUMNS);
  for (const [tid, r] of writes) replica.save('item_tags', tid, r, TAG_COLUMNS);
  return changed || writes.length > 0;
}
