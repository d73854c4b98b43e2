/*
 * A row's due label as the desktop's DueDates says it, for the page as its own device: the day relative to today
 * ("Today", "Tomorrow", "Yesterday", a weekday's name within the coming week, else "Fri 27 Nov", or "27 Nov 2027"
 * when it is not this year's), then the time and the length ("Tomorrow 14:00 · 30 min", "Fri 27 Nov · 45 min"); under a
 * day's heading the time and length alone ("14:30 · 45 min"). In the page's language with the words /messages.json
 * carries ({@code dates}: the catalogue's patterns, the formats.day, dateYear and time patterns of Java's
 * DateTimeFormatter and the names Formats gives); without them, in English as the desktop says it.
 *
 * Held to the desktop by the vectors DueLabelGoldenTest writes (test/vectors/due-labels.json), which
 * test/due-labels-golden.test.js replays. Imports only the core's message-format.js.
 */
import { fill } from './message-format.js';

export const ENGLISH = {
  lang: 'en',
  patterns: { 'day.today': 'Today', 'day.tomorrow': 'Tomorrow', 'day.yesterday': 'Yesterday',
    'length.minutes': '{0} min', 'length.hours': '{0} h', 'length.hoursMinutes': '{0} h {1} min',
    'chip.due': 'Due: {0}', 'chip.repeat': 'Repeats: {0}', 'chip.reminder': 'Reminder {0}', 'chip.time': 'At {0}',
    'chip.length': 'For {0}', 'chip.note': 'Note', 'chip.start': 'Starts: {0}', 'chip.someday': 'Someday' },
  formats: { day: 'EEE d MMM', dateYear: 'd MMM yyyy', time: 'H:mm' },
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** Days since the epoch of an ISO date (the calendar's, no time zone), or null. */
function epochDay(iso) {
  const m = ISO.exec(iso ?? '');
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/** The pattern {@code key} of the words {@code w} (English's where they have none), filled with {@code args}. */
export const say = (w, key, ...args) => fill(w.patterns?.[key] ?? ENGLISH.patterns[key], args, w.lang);

/**
 * A date (y, m from 1, d, weekday from 1 = Monday) or a time (h, min) in a DateTimeFormatter pattern of the
 * letters the catalogue's formats use: EEEE, EEE, d, dd, MMMM (as MMM), MMM, MM, M, yyyy, yy, H, HH, h, hh, mm, a;
 * 'quoted' text and other characters as written.
 */
export function formatPattern(pattern, v, w) {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const text = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += text === '' ? "'" : text;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) { out += c; i++; continue; }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    const two = (x) => String(x).padStart(2, '0');
    switch (c) {
      case 'E': out += (n >= 4 ? w.weekdays ?? ENGLISH.weekdays : w.weekdaysShort ?? ENGLISH.weekdaysShort)[v.weekday - 1]; break;
      case 'd': out += n >= 2 ? two(v.d) : String(v.d); break;
      case 'M': out += n >= 3 ? (w.monthsShort ?? ENGLISH.monthsShort)[v.m - 1] : n === 2 ? two(v.m) : String(v.m); break;
      case 'y': case 'u': out += n === 2 ? two(v.y % 100) : String(v.y); break;
      case 'H': out += n >= 2 ? two(v.h) : String(v.h); break;
      case 'h': { const h12 = v.h % 12 === 0 ? 12 : v.h % 12; out += n >= 2 ? two(h12) : String(h12); break; }
      case 'm': out += two(v.min); break;
      case 'a': out += v.h < 12 ? 'AM' : 'PM'; break;
      default: out += c.repeat(n);
    }
  }
  return out;
}

/** DueDates.format(due, today): the day said relative to {@code today}; '' for no date. */
export function dayLabel(dueIso, todayIso, w = ENGLISH) {
  const due = epochDay(dueIso);
  const today = epochDay(todayIso);
  if (due == null || today == null) return '';
  const days = due - today;
  if (days === 0) return say(w, 'day.today');
  if (days === 1) return say(w, 'day.tomorrow');
  if (days === -1) return say(w, 'day.yesterday');
  const d = new Date(due * DAY_MS);
  const v = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
  if (days > 1 && days < 7) return (w.weekdays ?? ENGLISH.weekdays)[v.weekday - 1];
  const sameYear = v.y === Number(todayIso.slice(0, 4));
  return formatPattern((w.formats ?? ENGLISH.formats)[sameYear ? 'day' : 'dateYear'], v, w);
}

/** Durations.format: "45 min", "2 h", "1 h 30 min". */
export function lengthLabel(minutes, w = ENGLISH) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return say(w, 'length.minutes', m);
  return m === 0 ? say(w, 'length.hours', h) : say(w, 'length.hoursMinutes', h, m);
}

/** DueDates.timeAndLength: "14:30 · 45 min", "9:30", "30 min", ''. {@code time} "HH:MM" or null; minutes > 0 or none. */
export function timeAndLength(time, minutes, w = ENGLISH) {
  const m = CLOCK.exec(time ?? '');
  const clock = m ? formatPattern((w.formats ?? ENGLISH.formats).time, { h: Number(m[1]), min: Number(m[2]) }, w) : '';
  const length = Number.isSafeInteger(minutes) && minutes > 0 ? lengthLabel(minutes, w) : '';
  return clock === '' || length === '' ? clock + length : clock + ' · ' + length;
}

/** A row's dueLabel as ItemJson gives it: DueDates.format(due, time, minutes, today) with a date, '' without one. */
export function dueLabel(dueIso, time, minutes, todayIso, w = ENGLISH) {
  const day = dayLabel(dueIso, todayIso, w);
  if (day === '') return '';
  const timed = day !== '' && CLOCK.test(time ?? '');
  const at = timeAndLength(timed ? time : null, minutes, w);
  return day === '' || at === '' ? day + at : day + (timed ? ' ' : ' · ') + at;
}
