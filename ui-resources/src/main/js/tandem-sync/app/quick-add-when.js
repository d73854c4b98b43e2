// The words of quick add that say when: dates, times, lengths and repeat rules, read as the desktop's
// DatePhrases, TimePhrases, Durations and RepeatPhrases read them (app/src/main/java/dev/tandem/app/text/):
// English here, and beside it the language's own words when a grammar (quick-add-grammar.js) is passed, as the
// desktop reads its Grammar beside English. Pure: today is an ISO date ("2026-11-25") passed in; dates are ISO
// strings, times "HH:MM", rules as the desktop's Recurrence.toRule writes them. Held to Java by
// test/vectors/quick-add-LANG.json.

import { dayOf, inRange, iso, monthLength, nextDay, plusMonths, readDate, strip, toRule as ruleText, weekday, ymd } from './recurrence.js';

/** Lower-case weekday names and abbreviations to 1 (Monday) .. 7 (Sunday), as Weekdays.NAMES. */
export const WEEKDAYS = Object.fromEntries('mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday'
  .split(' ').map((w) => [w, 1 + ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].indexOf(w.slice(0, 2))]));
const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
const MONTHS = Object.fromEntries(MONTH_NAMES.flatMap((m, i) => [[m, i + 1], [m.slice(0, 3), i + 1]]).concat([['sept', 9]]));

/**
 * TypedSpaces.plain: every space separator (Zs: a no-break space a phone's keyboard put in, "12 déc.", "18 h"; a thin
 * or ideographic one) a plain space, one for one, before quick add or a filter reads the text, as the desktop does.
 */
export const plainSpaces = (s) => s.replace(/\p{Zs}/gu, ' ');
// Java's strip, and its \s: ASCII's six white spaces, so a zero-width no-break space or a line separator stays in a word.
const norm = (s) => strip(s).toLowerCase().replace(/[\t-\r ]+/g, ' ');
const pad = (n) => String(n).padStart(2, '0');
/** The ISO date {@code n} days after an ISO date. */
export const plusDays = (day, n) => iso(readDate(day) + n);
const has = (o, k) => Object.hasOwn(o, k);

/** The next day (today included) that is this day of this month; null when there is none ("feb 30"). */
export function nextMonthDay(month, day, today) {
  if (month < 1 || month > 12 || day < 1 || day > monthLength(2000, month)) return null;
  const y0 = ymd(today).y;
  for (let y = y0; y <= y0 + 8; y++) {
    if (day <= monthLength(y, month) && dayOf(y, month, day) >= today) return dayOf(y, month, day);
  }
  return null;
}

/** "the 15th" (after "due", "on" or "by"), or the language's "am 15.": the day of the month; 0 for none. */
export function dayOfMonth(phrase, g = null) {
  const own = g ? g.dayOfMonth(phrase) : 0;
  if (own > 0) return own;
  const m = /^the (\d{1,2})(?:st|nd|rd|th)$/.exec(norm(phrase).replace(/^((due|on|by) )+/, ''));
  const d = m ? Number(m[1]) : 0;
  return d >= 1 && d <= 31 ? d : 0;
}

/**
 * The date (ISO) a phrase means, in English or the grammar's words, within the dates Tandem keeps; null for none.
 * "next week" and "next fri" count from {@code ws}, the first day of next week (1 Monday … 7 Sunday).
 */
export function datePhrase(phrase, todayIso, g = null, ws = 1) {
  const today = readDate(todayIso);
  const d = englishDate(phrase, today, ws) ?? (g ? g.date(phrase, today, ws) : null);
  return d != null && inRange(d) ? iso(d) : null;
}

/** DatePhrases.nextWeek: the next day (never today) that is the week's first, {@code ws} (1 Monday … 7 Sunday). */
export const nextWeek = (today, ws = 1) => today + (((ws - weekday(today) + 7) % 7) || 7);
/** DatePhrases.ofNextWeek: "next tue", the first Tuesday on or after next week's first day. */
export const ofNextWeek = (wd, today, ws = 1) => { const m = nextWeek(today, ws); return m + ((wd - weekday(m) + 7) % 7); };

/** "in january": the 1st of the next January, or today within January (DatePhrases.inMonth). */
export function inMonth(month, today) {
  const { y, m } = ymd(today);
  const first = dayOf(y, month, 1);
  return m === month ? today : first > today ? first : dayOf(y + 1, month, 1);
}

/** "on the 15th": the first day of the monthly rule on that day (Recurrence.monthlyOn(d).first). */
export const monthlyFirst = (d, today) => firstDay(every('MONTHLY', 1, [], d), today);

function englishDate(phrase, today, ws) {
  let p = norm(phrase);
  if (p.startsWith('due ')) p = p.slice(4);
  else if (p.startsWith('on ')) p = p.slice(3);
  if (['today', 'tonight', 'tod', 'this morning', 'this afternoon', 'this evening'].includes(p)) return today;
  if (['tomorrow', 'tmr', 'tmrw', 'tom'].includes(p)) return today + 1;
  if (p === 'next week') return nextWeek(today, ws);
  if (p === 'next month') return plusMonths(today, 1);
  if (p === 'weekend' || p === 'this weekend') p = weekday(today) === 6 ? 'today' : 'sat';
  if (p === 'today') return today;
  if (has(WEEKDAYS, p)) return today + (((WEEKDAYS[p] - weekday(today) + 7) % 7) || 7);
  if (p.startsWith('next ') && has(WEEKDAYS, p.slice(5))) return ofNextWeek(WEEKDAYS[p.slice(5)], today, ws);
  let m = /^in ([a-z]+)$/.exec(p);
  if (m && has(MONTHS, m[1])) return inMonth(MONTHS[m[1]], today);
  m = /^in (\d{1,3}) (day|week|month)s?$/.exec(p);
  if (m) return m[2] === 'month' ? plusMonths(today, Number(m[1])) : today + Number(m[1]) * (m[2] === 'day' ? 1 : 7);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
  if (m) {
    const [y, mo, d] = m.slice(1).map(Number);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= monthLength(y, mo) ? dayOf(y, mo, d) : null;
  }
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?$/.exec(p);
  if (m && has(MONTHS, m[1])) return nextMonthDay(MONTHS[m[1]], Number(m[2]), today);
  const dom = dayOfMonth(p);
  if (dom > 0) return monthlyFirst(dom, today);
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(p);
  return m && p !== '24/7' ? nextMonthDay(Number(m[2]), Number(m[1]), today) : null;
}

// ---- parts of the day ----

/** DayParts' times of the parts of a day, after a date ("tomorrow morning"); English's longer words for them. */
const PARTS = { morning: '09:00', afternoon: '15:00', evening: '19:00', night: '22:00' };
const PART_SAID = { 'in the morning': 'morning', 'in the afternoon': 'afternoon', 'in the evening': 'evening', 'at night': 'night' };
/** GrammarTable.norm: Java's strip and lower case, typographic apostrophes plain, words apart at ASCII spaces only. */
const javaNorm = (s) => strip(s).toLowerCase().replace(/’/g, "'").replace(/[ \t\n\x0B\f\r]+/g, ' ');

/** The time of a part of the day said alone ("evening", "abends": DayParts.part), English's or the grammar's; null for none. */
export function dayPart(phrase, g = null) {
  const p = javaNorm(phrase);
  const k = has(PARTS, p) ? p : has(PART_SAID, p) ? PART_SAID[p]
    : Object.keys(PARTS).find((n) => g?.words('partOfDay.' + n).includes(p));
  return k ? PARTS[k] : null;
}

/**
 * "tomorrow morning", "morgen früh", "vendredi soir": { date: the words before the part, time: the part's }, the
 * longest part of one to three words after at least one word (DayParts.split); null when the phrase ends in none.
 */
export function splitPart(phrase, g = null) {
  const w = javaNorm(phrase).split(' ');
  for (let n = Math.min(3, w.length - 1); n >= 1; n--) {
    const time = dayPart(w.slice(-n).join(' '), g);
    if (time) return { date: w.slice(0, -n).join(' '), time };
  }
  return null;
}

/** Trailing and leading punctuation off a word (DatePhrases.trimPunctuation). */
const bare = (w) => w.replace(/[.,;:!?)"”]+$/, '').replace(/^[("“]+/, '');

/**
 * What quick add warns of in {@code text} (TodoDraft.warning): the first words that look like a date but are none
 * (DatePhrases.notADate: "feb 30", "31/2", "2026-02-30"; "3000-01-01" is out of range), as {key, said}; else
 * {@code other}. What it quotes is at most a month's name and a number however long the text: the patterns bound it.
 */
export function warningOf(text, g, other) {
  const ws = text.split(/[ \t\n\v\f\r]+/).filter(Boolean);
  const none = (p) => datePhrase(p, '2000-01-01', g) == null;
  for (let i = 0; i < ws.length; i++) {
    const w = bare(ws[i]);
    const l = w.toLowerCase();
    const p = w + ' ' + bare(ws[i + 1] ?? '');
    const m = i + 1 < ws.length && /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?$/.exec(p.toLowerCase());
    if (m && has(MONTHS, m[1]) && none(p)) return { key: 'notADate', said: p };
    const dm = /^(\d{1,2})\/(\d{1,2})$/.exec(l);
    if ((dm ? dm[1] > 0 && dm[1] < 32 && dm[2] > 0 && dm[2] < 32 : /^\d{4}-\d{2}-\d{2}$/.test(l)) && none(l)) {
      // A real date written YYYY-MM-DD that Tandem does not keep (DateRange.outside).
      return { key: !dm && englishDate(l) != null ? 'outOfRange' : 'notADate', said: w };
    }
  }
  return other;
}

/**
 * Takes the start date, deadline and Someday said in words out of {@code words} (WhenWords.take), each a chip:
 * "start mon", "due fri", "someday" as the last words, and the grammar's ("ab Montag", "échéance vendredi",
 * "irgendwann"), each keyword with a title before it and a date after it. A todo never starts after it is due: a
 * deadline said as a weekday moves to on or after the start, else a start said as a weekday to on or before the
 * deadline, else the warning says so. Returns {start, due, dueText (its words, keyword first), someday, warning}.
 */
export function takeWhen(words, today, g, chips, join, ws = 1) {
  const said = {};
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i];
    let kind = null;
    let k = 0;
    // The keyword may be several words in a language's own table ("à partir de").
    for (const [K, key, english] of [['START', 'start', /^start(s|ing)?$/], ['DATE', 'due', /^(due|deadline)$/]]) {
      const own = said[K] || !g ? 0 : g.phraseAt(key, words, i, join);
      if (!kind && !said[K] && (own || english.test(w.text.toLowerCase()))) [kind, k] = [K, own || 1];
    }
    if (w.plain || !kind) continue;
    // The longest date phrase after it, up to four words.
    let n = Math.min(4, words.length - i - k);
    const at = (n) => words.slice(i + k, i + k + n);
    while (n > 0 && (at(n).some((x) => x.plain) || datePhrase(join(at(n)), today, g, ws) == null)) n--;
    if (!n) continue;
    const phrase = join(at(n));
    const chip = { kind, at: w.at, v: datePhrase(phrase, today, g, ws) };
    chips.push(chip);
    said[kind] = { chip, day: WEEKDAYS[strip(phrase).toLowerCase()] ?? g?.weekday(phrase), text: join(words.splice(i, k + n)) };
    i--;
  }
  let own = 0;
  for (let n = Math.min(4, words.length); g && n > 0 && !own; n--) if (g.phraseAt('someday', words, words.length - n, join) === n) own = n;
  const last = words[words.length - 1];
  if (words.length > 1 && !last.plain && last.text.toLowerCase() === 'someday') own = 1;
  else if (own >= words.length) own = 0;
  if (own) chips.push({ kind: 'SOMEDAY', at: words.splice(words.length - own)[0].at });
  const { START: s, DATE: d } = said;
  let warning = null;
  if (s && d && s.chip.v > d.chip.v) {
    const [start, due] = [readDate(s.chip.v), readDate(d.chip.v)];
    // "start sat due fri" on a Thursday: work starts on Saturday and is due the Friday after.
    if (d.day) d.chip.v = iso(start + (d.day - weekday(start) + 7) % 7);
    else if (s.day) s.chip.v = iso(due - (weekday(due) - s.day + 7) % 7);
    else warning = { key: 'startsAfterDue', dates: [s.chip.v, d.chip.v] };
  }
  return { start: s?.chip.v ?? null, due: d?.chip.v ?? null, dueText: d?.text, someday: own > 0, warning };
}

// ---- times ----

const SPOKEN = /^(half past|quarter past|quarter to) (\d{1,2}|[a-z]+)$/;
const HOURS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
export const hm = (h, m) => pad(h) + ':' + pad(m);

/** "9am", "9:30pm", "18:00", "noon" as TodoDraft.time; null for anything else. */
export function clockWord(word) {
  const w = strip(word).toLowerCase();
  if (w === 'noon') return '12:00';
  const m = /^(\d{1,2})(?::(\d{2}))?[\t-\r ]*(am|pm)?$/.exec(w);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3] !== undefined) {
    if (h < 1 || h > 12) return null;
    h = h % 12 + (m[3] === 'pm' ? 12 : 0);
  }
  return h > 23 || min > 59 ? null : hm(h, min);
}

/** An hour said in words on a 12-hour clock: an hour before 7 is in the afternoon (TimePhrases.inWords). */
export function inWords(hour, minute) {
  const h = hour === 0 ? 12 : hour;
  return hm(h < 7 ? h + 12 : h, minute);
}

/**
 * English's clock in one word, or a number and "am" or "pm" after one space ("9:41 PM", as a calendar writes it; never
 * "PM" alone): TimePhrases.clock, {@code p} normalised.
 */
const clock = (p) => (!p.includes(' ') || /^\d{1,2}(?::\d{2})? [ap]m$/.test(p) ? clockWord(p) : null);

/** A time alone in English or the grammar's words (TimePhrases.time); a bare hour when {@code bare}. */
function timeAlone(phrase, bare, g) {
  const p = norm(phrase);
  const t = clock(p);
  if (t) return t;
  const s = SPOKEN.exec(p);
  if (s) {
    const h = /^\d+$/.test(s[2]) ? Number(s[2]) : HOURS.indexOf(s[2]) + 1 || null;
    if (h != null && h >= 1 && h <= 12) {
      return s[1] === 'half past' ? inWords(h, 30) : s[1] === 'quarter past' ? inWords(h, 15) : inWords(h - 1, 45);
    }
  }
  const own = g ? g.time(p) : null;
  if (own) return own;
  if (bare && /^\d{1,2}$/.test(p) && Number(p) <= 23) return hm(Number(p), 0);
  return null;
}

const minutesOf = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

function span(p, g) {
  let left;
  let right;
  const m = /^(.+?)[\t-\r ]*[-–][\t-\r ]*(.+)$/s.exec(p);
  if (m) {
    [left, right] = [m[1], m[2]];
  } else {
    for (const to of words(['to', 'until'], g, 'rangeTo')) {
      const i = p.indexOf(' ' + to + ' ');
      if (i > 0) {
        [left, right] = [p.slice(0, i), p.slice(i + to.length + 2)];
        break;
      }
    }
    if (left === undefined) return null;
  }
  const end = timeAlone(right, false, g);
  if (!end) return null;
  const unit = right.replace(/^\d{1,2}(?::\d{2})?/, '');
  const start = timeAlone(left, false, g) ?? timeAlone(left + unit, false, g);
  if (!start || minutesOf(end) <= minutesOf(start)) return null;
  return { time: start, minutes: minutesOf(end) - minutesOf(start) };
}

/** English words of a kind and the grammar's, lower case (TimePhrases.atWords, fromWords, toWords). */
const words = (english, g, kind) => (g ? english.concat(g.words(kind)) : english).map((w) => w.toLowerCase());

/** Takes the first of the words {@code p} starts with (and its space) off: [the rest, whether one was]. */
function lead(p, ws) {
  for (const w of ws) if (p.startsWith(w + ' ')) return [p.slice(w.length + 1), true];
  return [p, false];
}

/** A time or span the whole phrase says (TimePhrases.read): { time, minutes } or null. bare: 'never' | 'always'. */
export function timePhrase(phrase, bare, g = null) {
  let [p, at] = lead(norm(phrase).replace(/’/g, "'"), words(['at', '@'], g, 'at'));
  let from = false;
  if (!at) [p, from] = lead(p, words(['from'], g, 'rangeFrom'));
  const s = span(p, g);
  if (s || from) return s;
  const t = timeAlone(p, bare === 'always', g);
  return t ? { time: t, minutes: null } : null;
}

/**
 * A time of one to three words, English's in one or two ("9am", "9 pm") or the grammar's ("8 Uhr"), as
 * TodoDraft.timeOf.
 */
export function clockOf(phrase, english, g = null) {
  return (english ? clock(norm(phrase)) : null) ?? (g ? g.time(phrase) : null);
}

// ---- lengths ----

/** The longest length taken: a week (Durations.MAX_MINUTES). */
export const MAX_MINUTES = 7 * 24 * 60;

/** "30 min", "1h", "1.5 hours", "1h 30m", or the grammar's "30 Minuten", in minutes (Durations.parse); null for none. */
export function duration(text, g = null) {
  return english(text) ?? (g ? g.minutes(text) : null);
}

function english(text) {
  const t = strip(text).toLowerCase();
  let minutes;
  const h = /^(\d{1,3}(?:[.,]\d{1,2})?)[\t-\r ]*(h|hr|hrs|hour|hours)(?:[\t-\r ]*(\d{1,2})[\t-\r ]*(m|min|mins|minute|minutes)?)?$/.exec(t);
  if (h) {
    const extra = h[3] === undefined ? 0 : Number(h[3]);
    if (extra > 59) return null;
    minutes = Math.round(Number(h[1].replace(',', '.')) * 60) + extra;
  } else {
    const m = /^(\d{1,5})[\t-\r ]*(m|min|mins|minute|minutes)?$/.exec(t);
    if (!m) return null;
    minutes = Number(m[1]);
  }
  return minutes < 1 || minutes > MAX_MINUTES ? null : minutes;
}

// ---- repeats ----

const every = (freq, interval, byDay = [], byMonthDay = 0) => ({ freq, interval, byDay: new Set(byDay), byMonthDay, byMonth: 0 });

function days(said) {
  const out = new Set();
  for (const w of said.split(/[\t-\r ]*(?:,|\band\b)[\t-\r ]*|[\t-\r ]+/)) {
    if (!w) continue;
    if (!Object.hasOwn(WEEKDAYS, w)) return null;
    out.add(WEEKDAYS[w]);
  }
  return out.size ? out : null;
}

/** The rule a repeat phrase means in English or the grammar's words (RepeatPhrases.parse), or null. */
export function repeatPhrase(phrase, g = null) {
  return englishRepeat(phrase) ?? (g ? g.repeat(phrase) : null);
}

function englishRepeat(phrase) {
  const p = norm(phrase);
  switch (p) {
    case 'every day': case 'daily': return every('DAILY', 1);
    case 'every weekday': case 'every workday': return every('WEEKLY', 1, [1, 2, 3, 4, 5]);
    case 'every week': case 'weekly': return every('WEEKLY', 1);
    case 'every month': case 'monthly': return every('MONTHLY', 1);
    case 'every year': case 'yearly': case 'annually': return every('YEARLY', 1);
    case 'every fortnight': case 'fortnightly': case 'biweekly': return every('WEEKLY', 2);
    default:
  }
  let m = /^every (\d{1,3}|other|\d{1,3}(?:st|nd|rd|th)) (day|days|week|weeks|month|months|year|years)$/.exec(p);
  if (m) {
    const n = m[1] === 'other' ? 2 : Number(m[1].replace(/\D/g, ''));
    if (n < 1) return null;
    const f = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY' }[m[2].replace(/s$/, '')] ?? 'YEARLY';
    return every(f, n);
  }
  m = /^every month on the (\d{1,2})(st|nd|rd|th)?$/.exec(p);
  if (m) {
    const d = Number(m[1]);
    return d >= 1 && d <= 31 ? every('MONTHLY', 1, [], d) : null;
  }
  m = /^every other ([a-z]+)$/.exec(p);
  if (m && Object.hasOwn(WEEKDAYS, m[1])) return every('WEEKLY', 2, [WEEKDAYS[m[1]]]);
  m = /^every (\d{1,3}|other) weeks? on (.+)$/.exec(p);
  if (m) {
    const n = m[1] === 'other' ? 2 : Number(m[1]);
    const d = n < 1 ? null : days(m[2]);
    return d ? every('WEEKLY', n, d) : null;
  }
  if (p.startsWith('every ')) {
    const d = days(p.slice(6));
    return d ? every('WEEKLY', 1, d) : null;
  }
  return null;
}

/** RepeatPhrases.onDay: a plain monthly or yearly rule, then its day ("every 2 months on the 2nd", "jedes Jahr am 24. Dez."). */
export function onDay(phrase, g) {
  const w = norm(phrase).split(' ');
  for (let i = 1; i < w.length; i++) {
    const r = repeatPhrase(w.slice(0, i).join(' '), g);
    const said = w.slice(i).join(' ');
    const m = /^on (?:the (\d{1,2})(?:st|nd|rd|th)|([a-z]+) (\d{1,2}))$/.exec(said);
    const [mo, d] = m ? [m[2] ? (has(MONTHS, m[2]) ? MONTHS[m[2]] : -1) : 0, Number(m[1] ?? m[3])] : g?.ruleDay(said) ?? [];
    // A plain rule: repeatPhrase's have no month, so no weekdays and no day of the month.
    if (r && d && !r.byDay.size && !r.byMonthDay
      && (r.freq === 'MONTHLY' ? !mo && d <= 31 : r.freq === 'YEARLY' && mo > 0 && d <= monthLength(2000, mo))) {
      return { ...r, byMonthDay: d, byMonth: mo };
    }
  }
  return null;
}

/** As Recurrence.toRule. */
export const toRule = ruleText;

/** The first day on or after today the rule gives (Recurrence.first), for the rules quick add reads. */
function firstDay(r, today) {
  if (r.byDay.size && !r.byDay.has(weekday(today))) return nextDay({ ...r, interval: 1 }, today);
  const { y, m, d } = ymd(today);
  return r.byMonthDay && (d !== Math.min(r.byMonthDay, monthLength(y, m)) || r.byMonth && r.byMonth !== m) ? nextDay(r, today) : today;
}

/** As firstDay, on ISO dates. */
export const first = (r, todayIso) => iso(firstDay(r, readDate(todayIso)));
