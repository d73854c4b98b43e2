// The English words of quick add that say when: dates, times, lengths and repeat rules, read as the desktop's
// DatePhrases, TimePhrases, Durations and RepeatPhrases read them (app/src/main/java/dev/tandem/app/text/).
// Pure: today is an ISO date ("2026-11-25") passed in; dates are ISO strings, times "HH:MM", rules as the
// desktop's Recurrence.toRule writes them. Held to Java by test/vectors/quick-add-en.json.

import { dayOf, inRange, iso, monthLength, nextDay, plusMonths, readDate, toRule as ruleText, weekday, ymd } from './recurrence.js';

/** Lower-case weekday names and abbreviations to 1 (Monday) .. 7 (Sunday), as Weekdays.NAMES. */
export const WEEKDAYS = Object.fromEntries('mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday'
  .split(' ').map((w) => [w, 1 + ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].indexOf(w.slice(0, 2))]));
const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
const MONTHS = Object.fromEntries(MONTH_NAMES.flatMap((m, i) => [[m, i + 1], [m.slice(0, 3), i + 1]]).concat([['sept', 9]]));

const norm = (s) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const pad = (n) => String(n).padStart(2, '0');
/** The ISO date {@code n} days after an ISO date. */
export const plusDays = (day, n) => iso(readDate(day) + n);
const has = (o, k) => Object.hasOwn(o, k);

function nextMonthDay(month, day, today) {
  if (month < 1 || month > 12 || day < 1 || day > monthLength(2000, month)) return null;
  const y0 = ymd(today).y;
  for (let y = y0; y <= y0 + 8; y++) {
    if (day <= monthLength(y, month) && dayOf(y, month, day) >= today) return dayOf(y, month, day);
  }
  return null;
}

/** "the 15th" (after "due", "on" or "by"): the day of the month; 0 for none. */
export function dayOfMonth(phrase) {
  const m = /^the (\d{1,2})(?:st|nd|rd|th)$/.exec(norm(phrase).replace(/^((due|on|by) )+/, ''));
  const d = m ? Number(m[1]) : 0;
  return d >= 1 && d <= 31 ? d : 0;
}

/** The date (ISO) an English phrase means, as DatePhrases.english, within the dates Tandem keeps; null for none. */
export function datePhrase(phrase, todayIso) {
  const d = englishDate(phrase, readDate(todayIso));
  return d != null && inRange(d) ? iso(d) : null;
}

function englishDate(phrase, today) {
  let p = norm(phrase);
  if (p.startsWith('due ')) p = p.slice(4);
  else if (p.startsWith('on ')) p = p.slice(3);
  if (['today', 'tonight', 'tod', 'this morning', 'this afternoon', 'this evening'].includes(p)) return today;
  if (['tomorrow', 'tmr', 'tmrw', 'tom'].includes(p)) return today + 1;
  if (p === 'next month') return plusMonths(today, 1);
  if (p === 'weekend' || p === 'this weekend') p = weekday(today) === 6 ? 'today' : 'sat';
  if (p === 'today') return today;
  if (has(WEEKDAYS, p)) return today + (((WEEKDAYS[p] - weekday(today) + 7) % 7) || 7);
  let m = /^in ([a-z]+)$/.exec(p);
  if (m && has(MONTHS, m[1])) {
    const { y, m: tm } = ymd(today);
    const first = dayOf(y, MONTHS[m[1]], 1);
    return tm === MONTHS[m[1]] ? today : first > today ? first : dayOf(y + 1, MONTHS[m[1]], 1);
  }
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
  if (dom > 0) return firstDay(every('MONTHLY', 1, [], dom), today);
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(p);
  return m && p !== '24/7' ? nextMonthDay(Number(m[2]), Number(m[1]), today) : null;
}

// ---- times ----

const SPOKEN = /^(half past|quarter past|quarter to) (\d{1,2}|[a-z]+)$/;
const HOURS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const hm = (h, m) => pad(h) + ':' + pad(m);

/** "9am", "9:30pm", "18:00", "noon" as TodoDraft.time; null for anything else. */
export function clockWord(word) {
  const w = word.trim().toLowerCase();
  if (w === 'noon') return '12:00';
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/.exec(w);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3] !== undefined) {
    if (h < 1 || h > 12) return null;
    h = h % 12 + (m[3] === 'pm' ? 12 : 0);
  }
  return h > 23 || min > 59 ? null : hm(h, min);
}

function inWords(hour, minute) {
  const h = hour === 0 ? 12 : hour;
  return hm(h < 7 ? h + 12 : h, minute);
}

/** A time alone in English (TimePhrases.time); a bare hour when {@code bare}. */
function timeAlone(phrase, bare) {
  const p = norm(phrase);
  if (!p.includes(' ')) {
    const t = clockWord(p);
    if (t) return t;
  }
  const s = SPOKEN.exec(p);
  if (s) {
    const h = /^\d+$/.test(s[2]) ? Number(s[2]) : HOURS.indexOf(s[2]) + 1 || null;
    if (h != null && h >= 1 && h <= 12) {
      return s[1] === 'half past' ? inWords(h, 30) : s[1] === 'quarter past' ? inWords(h, 15) : inWords(h - 1, 45);
    }
  }
  if (bare && /^\d{1,2}$/.test(p) && Number(p) <= 23) return hm(Number(p), 0);
  return null;
}

const minutesOf = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

function span(p) {
  let left;
  let right;
  const m = /^(.+?)\s*[-–]\s*(.+)$/s.exec(p);
  if (m) {
    [left, right] = [m[1], m[2]];
  } else {
    for (const to of ['to', 'until']) {
      const i = p.indexOf(' ' + to + ' ');
      if (i > 0) {
        [left, right] = [p.slice(0, i), p.slice(i + to.length + 2)];
        break;
      }
    }
    if (left === undefined) return null;
  }
  const end = timeAlone(right, false);
  if (!end) return null;
  const unit = right.replace(/^\d{1,2}(?::\d{2})?/, '');
  const start = timeAlone(left, false) ?? timeAlone(left + unit, false);
  if (!start || minutesOf(end) <= minutesOf(start)) return null;
  return { time: start, minutes: minutesOf(end) - minutesOf(start) };
}

/** A time or span the whole phrase says (TimePhrases.read): { time, minutes } or null. bare: 'never' | 'always'. */
export function timePhrase(phrase, bare) {
  let p = norm(phrase).replace(/’/g, "'");
  let from = false;
  for (const w of ['at', '@']) {
    if (p.startsWith(w + ' ')) {
      p = p.slice(w.length + 1);
      break;
    }
  }
  if (p === norm(phrase).replace(/’/g, "'") && p.startsWith('from ')) {
    p = p.slice(5);
    from = true;
  }
  const s = span(p);
  if (s || from) return s;
  const t = timeAlone(p, bare === 'always');
  return t ? { time: t, minutes: null } : null;
}

// ---- lengths ----

/** "30 min", "1h", "1.5 hours", "1h 30m" in minutes (Durations.parse); null for none. */
export function duration(text) {
  const t = text.trim().toLowerCase();
  let minutes;
  const h = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*(h|hr|hrs|hour|hours)(?:\s*(\d{1,2})\s*(m|min|mins|minute|minutes)?)?$/.exec(t);
  if (h) {
    const extra = h[3] === undefined ? 0 : Number(h[3]);
    if (extra > 59) return null;
    minutes = Math.round(Number(h[1].replace(',', '.')) * 60) + extra;
  } else {
    const m = /^(\d{1,5})\s*(m|min|mins|minute|minutes)?$/.exec(t);
    if (!m) return null;
    minutes = Number(m[1]);
  }
  return minutes < 1 || minutes > 7 * 24 * 60 ? null : minutes;
}

// ---- repeats ----

const every = (freq, interval, byDay = [], byMonthDay = 0) => ({ freq, interval, byDay: new Set(byDay), byMonthDay, byMonth: 0 });

function days(said) {
  const out = new Set();
  for (const w of said.split(/\s*(?:,|\band\b)\s*|\s+/)) {
    if (!w) continue;
    if (!Object.hasOwn(WEEKDAYS, w)) return null;
    out.add(WEEKDAYS[w]);
  }
  return out.size ? out : null;
}

/** The rule an English repeat phrase means (RepeatPhrases.english), or null. */
export function repeatPhrase(phrase) {
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

/** As Recurrence.toRule. */
export const toRule = ruleText;

/** The first day on or after today the rule gives (Recurrence.first), for the rules quick add reads. */
function firstDay(r, today) {
  if (r.byDay.size && !r.byDay.has(weekday(today))) return nextDay({ ...r, interval: 1 }, today);
  const { y, m, d } = ymd(today);
  return r.byMonthDay && d !== Math.min(r.byMonthDay, monthLength(y, m)) ? nextDay(r, today) : today;
}

/** As firstDay, on ISO dates. */
export const first = (r, todayIso) => iso(firstDay(r, readDate(todayIso)));
