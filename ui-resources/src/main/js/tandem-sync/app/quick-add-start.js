// Quick add's start date, deadline and Someday said in words, as the desktop's WhenWords reads them
// (app/src/main/java/dev/tandem/app/text/): "start mon", "starts dec 3" set the start date, "due fri", "deadline
// dec 24" the deadline, and "someday" as the last words puts the todo away; in English and beside it the
// grammar's words ("ab Montag", "fällig Freitag", "irgendwann"; "dès lundi", "échéance vendredi", "un jour").
// Each keyword needs a title before it and a date after it ("Start the car" keeps its words). A todo never starts
// after it is due: a deadline said as a weekday moves on to or after the start, else a start said as a weekday
// moves back to on or before the deadline, else the start is kept and the warning says so. Also what quick add
// warns of (TodoDraft.warning): a date that is none, as data; warningText says it in the page's language.
import { datePhrase, notADate, WEEKDAYS } from './quick-add-when.js';
import { dayOf, inRange, iso, monthLength, readDate, weekday } from './recurrence.js';
import { dayLabel, ENGLISH, say } from './due-labels.js';

const START = ['start', 'starts', 'starting'];
const DUE = ['due', 'deadline'];

/** How many words from {@code from} make a date phrase, the longest (up to four); 0 for none. */
function dateAfter(words, from, today, g, join) {
  for (let n = Math.min(4, words.length - from); n >= 1; n--) {
    const ws = words.slice(from, from + n);
    if (!ws.some((w) => w.plain) && datePhrase(join(ws), today, g) != null) return n;
  }
  return 0;
}

/** The weekday (1 Monday .. 7) a date phrase names by its name, English's or the grammar's; null for other dates. */
const weekdayOf = (p, g) => WEEKDAYS[p.trim().toLowerCase()] ?? g?.weekday(p) ?? null;

/**
 * Takes the start, deadline and Someday words out of {@code words} (WhenWords.take), each a chip: returns
 * {start, due, dueText (the deadline's words, its keyword first), someday, warning}.
 */
export function takeWhen(words, today, g, chips, join) {
  const is = (w, list) => !w.plain && list.includes(w.text.toLowerCase());
  const said = {};
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i];
    // The keyword may be several words in a language's own table ("à partir de").
    const ownStart = !said.START && g ? g.phraseAt('start', words, i, join) : 0;
    const ownDue = !said.DATE && g ? g.phraseAt('due', words, i, join) : 0;
    const kind = !said.START && (is(w, START) || ownStart) ? 'START' : !said.DATE && (is(w, DUE) || ownDue) ? 'DATE' : null;
    if (w.plain || !kind) continue;
    const k = Math.max(1, kind === 'START' ? ownStart : ownDue);
    const n = i + k < words.length ? dateAfter(words, i + k, today, g, join) : 0;
    if (!n) continue;
    const phrase = join(words.slice(i + k, i + k + n));
    const chip = { kind, at: w.at, v: datePhrase(phrase, today, g) };
    chips.push(chip);
    said[kind] = { chip, day: weekdayOf(phrase, g), text: join(words.slice(i, i + k + n)) };
    words.splice(i, k + n);
    i--;
  }
  let someday = false;
  const last = words.length - 1;
  let own = 0;
  for (let n = Math.min(4, words.length); g && n >= 1 && !own; n--) if (g.phraseAt('someday', words, words.length - n, join) === n) own = n;
  if (last >= 1 && is(words[last], ['someday'])) own = 1;
  else if (words.length - own < 1) own = 0;
  if (own) {
    chips.push({ kind: 'SOMEDAY', at: words[words.length - own].at });
    words.splice(words.length - own);
    someday = true;
  }
  const { START: s, DATE: d } = said;
  let warning = null;
  if (s && d && s.chip.v > d.chip.v) {
    const [start, due] = [readDate(s.chip.v), readDate(d.chip.v)];
    // "start sat due fri" on a Thursday: work starts on Saturday and is due the Friday after.
    if (d.day) d.chip.v = iso(start + (d.day - weekday(start) + 7) % 7);
    // A weekday start before a deadline said as a date: the weekday on or before it.
    else if (s.day) s.chip.v = iso(due - (weekday(due) - s.day + 7) % 7);
    else warning = { key: 'startsAfterDue', dates: [s.chip.v, d.chip.v] };
  }
  return { start: s?.chip.v ?? null, due: d?.chip.v ?? null, dueText: d?.text, someday, warning };
}

/** What quick add warns of in {@code text} (TodoDraft.warning): a date that is none, else {@code when}'s. */
export function warningOf(text, g, when) {
  const p = notADate(text, g);
  if (p == null) return when;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
  // A real date written YYYY-MM-DD that Tandem does not keep (DateRange.outside).
  const out = m && m[2] >= 1 && m[2] <= 12 && m[3] >= 1 && m[3] <= monthLength(+m[1], +m[2]) && !inRange(dayOf(+m[1], +m[2], +m[3]));
  return { key: out ? 'outOfRange' : 'notADate', said: p };
}

/**
 * The warning of what quick add read ({@code read.warning}) in the words of {@code words} (/messages.json's dates),
 * as the desktop's /api/parse says it; null for none. The text it quotes is at most a date's few characters.
 */
export function warningText(read, today, words = ENGLISH) {
  const w = read.warning;
  return w == null ? null : say(words, 'quickAdd.' + w.key, ...(w.said != null ? [w.said, '1900-01-01', '2999-12-31']
    : w.dates.map((d) => dayLabel(d, today, words))));
}
