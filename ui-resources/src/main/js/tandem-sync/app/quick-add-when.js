// The English words of quick add that say when: dates, times, lengths and repeat rules, read as the desktop's
// DatePhrases, TimePhrases, Durations and RepeatPhrases read them (app/src/main/java/dev/tandem/app/text/).
// Pure: today is an ISO date ("2026-11-25") passed in; dates are ISO strings, times "HH:MM", rules as the
// desktop's Recurrence.toRule writes them. Held to Java by test/vectors/quick-add-en.json.

const DAY_MS = 86400000;
const FIRST = '1900-01-01';
const LAST = '2999-12-31';

/** Lower-case weekday names and abbreviations to 1 (Monday) .. 7 (Sunday), as Weekdays.NAMES. */
export const WEEKDAYS = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
const MONTHS = Object.fromEntries(MONTH_NAMES.flatMap((m, i) => [[m, i + 1], [m.slice(0, 3), i + 1]]).concat([['sept', 9]]));

const norm = (s) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** An ISO date's parts; a date as a UTC Date for arithmetic. */
function parts(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}
function utc(iso) {
  const { y, m, d } = parts(iso);
  return new Date(Date.UTC(y, m - 1, d));
}
function iso(date) {
  return pad(date.getUTCFullYear(), 4) + '-' + pad(date.getUTCMonth() + 1) + '-' + pad(date.getUTCDate());
}
export function plusDays(day, n) {
  return iso(new Date(utc(day).getTime() + n * DAY_MS));
}
function monthLength(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
/** As Java's plusMonths: the same day, clamped to the month's end. */
function plusMonths(day, n) {
  const { y, m, d } = parts(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total % 12 + 1;
  return pad(ny, 4) + '-' + pad(nm) + '-' + pad(Math.min(d, monthLength(ny, nm)));
}
/** 1 (Monday) .. 7 (Sunday). */
export function dayOfWeek(day) {
  return ((utc(day).getUTCDay() + 6) % 7) + 1;
}
/** The next such weekday, 1 to 7 days ahead. */
function nextWeekday(day, wd) {
  return plusDays(day, ((wd - dayOfWeek(day) + 7) % 7) || 7);
}

/** A real calendar date, or null ("2026-02-30"). */
function validIso(p) {
  const { y, m, d } = parts(p);
  return m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m) ? p : null;
}

function nextMonthDay(month, day, today) {
  if (month < 1 || month > 12 || day < 1 || day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]) return null;
  const y0 = parts(today).y;
  for (let y = y0; y <= y0 + 8; y++) {
    const d = pad(y, 4) + '-' + pad(month) + '-' + pad(day);
    if (day <= monthLength(y, month) && d >= today) return d;
  }
  return null;
}

/** "the 15th" (after "due", "on" or "by"): the day of the month; 0 for none. */
export function dayOfMonth(phrase) {
  const p = norm(phrase).replace(/^((due|on|by) )+/, '');
  const m = /^the (\d{1,2})(?:st|nd|rd|th)$/.exec(p);
  if (!m) return 0;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : 0;
}

/** The date an English phrase means, as DatePhrases.english, within the dates Tandem keeps; null for none. */
export function datePhrase(phrase, today) {
  const d = englishDate(phrase, today);
  return d != null && d >= FIRST && d <= LAST ? d : null;
}

function englishDate(phrase, today) {
  let p = norm(phrase);
  if (p.startsWith('due ')) p = p.slice(4);
  else if (p.startsWith('on ')) p = p.slice(3);
  if (['today', 'tonight', 'tod', 'this morning', 'this afternoon', 'this evening'].includes(p)) return today;
  if (['tomorrow', 'tmr', 'tmrw', 'tom'].includes(p)) return plusDays(today, 1);
  if (p === 'next month') return plusMonths(today, 1);
  if (p === 'weekend' || p === 'this weekend') return dayOfWeek(today) === 6 ? today : nextWeekday(today, 6);
  if (Object.hasOwn(WEEKDAYS, p)) return nextWeekday(today, WEEKDAYS[p]);
  let m = /^in ([a-z]+)$/.exec(p);
  if (m && Object.hasOwn(MONTHS, m[1])) {
    const month = MONTHS[m[1]];
    const { y, m: tm } = parts(today);
    if (tm === month) return today;
    const first = pad(y, 4) + '-' + pad(month) + '-01';
    return first > today ? first : pad(y + 1, 4) + '-' + pad(month) + '-01';
  }
  m = /^in (\d{1,3}) (day|days|week|weeks|month|months)$/.exec(p);
  if (m) {
    const n = Number(m[1]);
    if (m[2].startsWith('day')) return plusDays(today, n);
    if (m[2].startsWith('week')) return plusDays(today, 7 * n);
    return plusMonths(today, n);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return validIso(p);
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?$/.exec(p);
  if (m && Object.hasOwn(MONTHS, m[1])) return nextMonthDay(MONTHS[m[1]], Number(m[2]), today);
  const dom = dayOfMonth(p);
  if (dom > 0) return first({ freq: 'MONTHLY', interval: 1, byDay: [], byMonthDay: dom }, today);
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(p);
  if (m && p !== '24/7') return nextMonthDay(Number(m[2]), Number(m[1]), today);
  return null;
}

// ---- times ----

const SPOKEN = /^(half past|quarter past|quarter to) (\d{1,2}|[a-z]+)$/;
const HOURS = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12 };
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
    const h = /^\d+$/.test(s[2]) ? Number(s[2]) : HOURS[s[2]];
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

const every = (freq, interval, byDay = [], byMonthDay = 0) => ({ freq, interval, byDay, byMonthDay });

function days(said) {
  const out = new Set();
  for (const w of said.split(/\s*(?:,|\band\b)\s*|\s+/)) {
    if (!w) continue;
    if (!Object.hasOwn(WEEKDAYS, w)) return null;
    out.add(WEEKDAYS[w]);
  }
  return out.size ? [...out].sort() : null;
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
export function toRule(r) {
  let s = 'FREQ=' + r.freq;
  if (r.interval !== 1) s += ';INTERVAL=' + r.interval;
  if (r.byDay.length) s += ';BYDAY=' + r.byDay.map((d) => CODES[d - 1]).join(',');
  if (r.byMonthDay) s += ';BYMONTHDAY=' + r.byMonthDay;
  return s;
}

/** The first date on or after today the rule gives (Recurrence.first), for the rules quick add reads. */
export function first(r, today) {
  if (r.byDay.length && !r.byDay.includes(dayOfWeek(today))) {
    let d = plusDays(today, 1);
    while (!r.byDay.includes(dayOfWeek(d))) d = plusDays(d, 1);
    return d;
  }
  if (r.byMonthDay) {
    const { y, m, d } = parts(today);
    const clamp = (yy, mm) => Math.min(r.byMonthDay, monthLength(yy, mm));
    if (d === clamp(y, m)) return today;
    const same = pad(y, 4) + '-' + pad(m) + '-' + pad(clamp(y, m));
    if (same > today) return same;
    const next = plusMonths(pad(y, 4) + '-' + pad(m) + '-01', r.interval);
    const n = parts(next);
    return next.slice(0, 8) + pad(clamp(n.y, n.m));
  }
  return today;
}
