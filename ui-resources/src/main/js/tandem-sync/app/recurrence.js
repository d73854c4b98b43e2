/**
 * Repeat rules and dates as the desktop reads them (app/…/model/Recurrence.java and DateRange.java): a rule is a
 * small subset of iCalendar's RRULE ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"), read from synced text as untrusted
 * (anything not fully understood is no rule), and the next date of an occurrence depends only on the rule and that
 * occurrence's due date, so every device, this page included, computes the same next date and so the same next id.
 *
 * A second implementation of Java's: held to it by the vectors SeriesGoldenTest writes (test/vectors/), which
 * test/series-golden.test.js reads. Dates are whole days since 1970-01-01 (LocalDate.toEpochDay), computed with
 * integer arithmetic in UTC, never in the browser's zone. Java's own string rules are kept where they differ from
 * JavaScript's: String.strip and isBlank (Character.isWhitespace), split dropping trailing empty parts,
 * Integer.parseInt (ASCII digits here; Java also reads other scripts' digits, which no Tandem writes).
 */
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
export const MAX_INTERVAL = 999;
const MS_PER_DAY = 86_400_000;

/** Character.isWhitespace of one UTF-16 unit (Java's strip and isBlank). */
function javaSpace(c) {
  const n = c.charCodeAt(0);
  if ((n >= 0x09 && n <= 0x0d) || (n >= 0x1c && n <= 0x20)) return true;
  if (n === 0xa0 || n === 0x2007 || n === 0x202f) return false;
  return n === 0x1680 || (n >= 0x2000 && n <= 0x200a) || n === 0x2028 || n === 0x2029 || n === 0x205f || n === 0x3000;
}

/** String.strip. */
export function strip(s) {
  let a = 0;
  let b = s.length;
  while (a < b && javaSpace(s[a])) a++;
  while (b > a && javaSpace(s[b - 1])) b--;
  return s.slice(a, b);
}

export const isBlank = (s) => strip(s).length === 0;
/** String.stripLeading. */
export function stripLeading(s) {
  let a = 0;
  while (a < s.length && javaSpace(s[a])) a++;
  return s.slice(a);
}

/** String.split on one literal character: trailing empty parts dropped, as Java's. */
function split(s, sep) {
  const parts = s.split(sep);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Integer.parseInt on ASCII digits; NaN for anything else or past an int. */
function parseIntJava(v) {
  if (!/^[+-]?[0-9]+$/.test(v)) return NaN;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : NaN;
}

// ---- days ------------------------------------------------------------------------------------------------------

const FIRST = dayOf(1900, 1, 1);
const LAST = dayOf(2999, 12, 31);

export function dayOf(y, m, d) {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** {y, m, d} of a day (any day Date can hold: ±100,000,000 days). */
export function ymd(day) {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const monthLength = (y, m) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
/** ISO day of the week: 1 Monday … 7 Sunday. */
export const weekday = (day) => ((((day + 3) % 7) + 7) % 7) + 1;
const monday = (day) => day - (weekday(day) - 1);

export function iso(day) {
  const { y, m, d } = ymd(day);
  return String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0');
}

/** Whether a day is one Tandem keeps (DateRange.contains). */
export const inRange = (day) => day != null && day >= FIRST && day <= LAST;

/** DateRange.read: a YYYY-MM-DD that exists and is within the range, stripped as Java strips; else null. */
export function readDate(text) {
  if (typeof text !== 'string') return null;
  const s = strip(text);
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) return null;
  const day = dayOf(y, mo, d);
  return inRange(day) ? day : null;
}

export function plusMonths(day, n) {
  const { y, m, d } = ymd(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayOf(ny, nm, Math.min(d, monthLength(ny, nm)));
}

function plusYears(day, n) {
  const { y, m, d } = ymd(day);
  return dayOf(y + n, m, Math.min(d, monthLength(y + n, m)));
}

// ---- rules -----------------------------------------------------------------------------------------------------

/**
 * Recurrence.parse: {freq, interval, byDay (a Set of 1–7), byMonthDay, byMonth}, or null for a rule missing or
 * using anything the desktop does not implement.
 */
export function parseRule(rule) {
  if (typeof rule !== 'string' || isBlank(rule) || rule.length > 200) return null;
  let r = strip(rule).toUpperCase();
  if (r.startsWith('RRULE:')) r = r.slice(6);
  let freq = null;
  let interval = 1;
  const byDay = new Set();
  let byMonthDay = 0;
  let byMonth = 0;
  for (const part of split(r, ';')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const k = strip(part.slice(0, eq));
    const v = strip(part.slice(eq + 1));
    if (k === 'FREQ') {
      if (!FREQS.includes(v)) return null;
      freq = v;
    } else if (k === 'INTERVAL') {
      interval = parseIntJava(v);
      if (Number.isNaN(interval)) return null;
    } else if (k === 'BYDAY') {
      for (const d of split(v, ',')) {
        const i = DAY_CODES.indexOf(strip(d));
        if (i < 0) return null;
        byDay.add(i + 1);
      }
    } else if (k === 'BYMONTHDAY') {
      byMonthDay = parseIntJava(v);
      if (Number.isNaN(byMonthDay)) return null;
    } else if (k === 'BYMONTH') {
      byMonth = parseIntJava(v);
      if (Number.isNaN(byMonth)) return null;
    } else if (k === 'WKST') {
      if (v !== 'MO') return null;
    } else {
      return null;
    }
  }
  const yearlyOnDay = freq === 'YEARLY' && byMonthDay !== 0 && byMonth !== 0;
  if (freq == null || (byDay.size > 0 && freq !== 'WEEKLY')
    || (byMonthDay !== 0 && freq !== 'MONTHLY' && !yearlyOnDay) || (byMonth !== 0 && !yearlyOnDay)) return null;
  // The record's own checks (its constructor refuses, parse answers empty).
  if (interval < 1 || interval > MAX_INTERVAL || byMonthDay < 0 || byMonthDay > 31) return null;
  if (byMonth < 0 || byMonth > 12 || (byMonth !== 0) !== (freq === 'YEARLY' && byMonthDay !== 0)) return null;
  return { freq, interval, byDay, byMonthDay, byMonth };
}

/** Recurrence.toRule: "FREQ=WEEKLY;BYDAY=MO,WE" (INTERVAL only when not 1). */
export function toRule(rule) {
  let b = 'FREQ=' + rule.freq;
  if (rule.interval !== 1) b += ';INTERVAL=' + rule.interval;
  if (rule.byDay.size > 0) b += ';BYDAY=' + [...rule.byDay].sort((x, y) => x - y).map((d) => DAY_CODES[d - 1]).join(',');
  if (rule.byMonth !== 0) b += ';BYMONTH=' + rule.byMonth;
  if (rule.byMonthDay !== 0) b += ';BYMONTHDAY=' + rule.byMonthDay;
  return b;
}

/**
 * Recurrence.anchoredAt: the rule pinned to {@code due}'s day where the plain rule would drift (monthly from the
 * 29th to the 31st, yearly from February 29); the same object when nothing is pinned.
 */
export function anchoredAt(rule, due) {
  const { m, d } = ymd(due);
  if (rule.freq === 'MONTHLY' && rule.byMonthDay === 0 && d > 28) return { ...rule, byMonthDay: d, byMonth: 0 };
  if (rule.freq === 'YEARLY' && rule.byMonthDay === 0 && m === 2 && d === 29) return { ...rule, byMonthDay: 29, byMonth: 2 };
  return rule;
}

/** Recurrence.next: the first day after occurrence {@code day} that the rule gives. */
export function nextDay(rule, day) {
  const n = rule.interval;
  if (rule.freq === 'DAILY') return day + n;
  if (rule.freq === 'WEEKLY') {
    if (rule.byDay.size === 0) return day + 7 * n;
    const week = monday(day);
    for (let c = day + 1; ; c++) {
      if (rule.byDay.has(weekday(c)) && ((monday(c) - week) / 7) % n === 0) return c;
    }
  }
  if (rule.freq === 'MONTHLY') {
    if (rule.byMonthDay === 0) return plusMonths(day, n);
    const { y, m, d } = ymd(day);
    const same = dayOf(y, m, Math.min(rule.byMonthDay, monthLength(y, m)));
    if (same > day) return same;
    const first = plusMonths(dayOf(y, m, 1), n);
    const t = ymd(first);
    return dayOf(t.y, t.m, Math.min(rule.byMonthDay, monthLength(t.y, t.m)));
  }
  if (rule.byMonth === 0) return plusYears(day, n);
  const onYearDay = (y) => dayOf(y, rule.byMonth, Math.min(rule.byMonthDay, monthLength(y, rule.byMonth)));
  const same = onYearDay(ymd(day).y);
  return same > day ? same : onYearDay(ymd(day).y + n);
}

/**
 * SeriesStore.next: the next day within the range Tandem keeps, or null (the series ends there). Days too far
 * outside for any rule to step back in (999 years) are null without computing.
 */
export function nextInRange(rule, day) {
  if (!Number.isFinite(day) || day < FIRST - 400_000 || day > LAST + 400_000) return null;
  const d = nextDay(rule, day);
  return inRange(d) ? d : null;
}
