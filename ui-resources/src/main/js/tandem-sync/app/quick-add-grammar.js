// Quick add's words in a language other than English, read from that language's rule table as the desktop's
// Grammar and GrammarTable read it (app/src/main/java/dev/tandem/app/text/): the same table, the catalogue's
// quickadd_TAG.properties, which the page gets in its /messages.json ("quickadd") for its own language only.
// English is read by quick-add.js's own code; a table is read beside it, so "morgen" and "tomorrow" both work.
//
// Design, as GrammarTable's: the names (numbers, weekdays, months) are read before any rule is compiled, since a
// rule's placeholders become alternatives of them; each phrase is matched whole, placeholders as named groups and
// every other character literally, so a table can hold any character and nothing in it runs but the matching.
// Compiled once per table. "next fri" and "next week" in the language's words (date.nextWeekday, date.nextWeek)
// count from the week's first day, passed in (1 Monday … 7 Sunday). Left out with what quick-add.js leaves out: the
// parts of the day
// (partOfDay.*: only saved filters read them, through quick-add-when.js's splitPart), and the past (past.*, for
// "--as-of": not compiled here).
import { dayOf, monthLength, plusMonths, strip, stripLeading, weekday as weekdayOf } from './recurrence.js';
import { MAX_MINUTES, hm, inMonth, inWords, monthlyFirst, nextMonthDay, nextWeek, ofNextWeek } from './quick-add-when.js';

/** Lower case, one space between words, typographic apostrophes made plain (GrammarTable.norm). */
const norm = (s) => strip(s).toLowerCase().replace(/’/g, "'").replace(/[\t-\r ]+/g, ' ');
const quote = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Alternatives longest first, so "mo." is tried before "mo" (a stable sort, as Java's). */
const alt = (ws) => [...ws].sort((a, b) => b.length - a.length).map(quote).join('|');
const alternatives = (v) => (typeof v === 'string' ? v.split('|').map(norm).filter(Boolean) : []);
const SEP = '(?:[\\t-\\r ]*,[\\t-\\r ]*|[\\t-\\r ]+(?:und|et|and)[\\t-\\r ]+|[\\t-\\r ]+)';

/** A {@code every} rule as quick-add-when.js's. */
const every = (freq, interval, byDay = [], byMonthDay = 0) => ({ freq, interval, byDay: new Set(byDay), byMonthDay, byMonth: 0 });

/**
 * The table {@code words} (keys "quickadd.…" to the table's values, as the catalogue file holds them) compiled; a
 * placeholder the table names but this reader does not know throws, as on the desktop.
 */
export function compileGrammar(words) {
  const table = new Map(Object.entries(words ?? {}).filter(([k, v]) => k.startsWith('quickadd.') && typeof v === 'string'));
  const numbers = new Map();
  (table.get('quickadd.numbers') ?? '').split('|').forEach((forms, i) => forms.split('/')
    .forEach((w) => { if (w.trim()) numbers.set(norm(w), i + 1); }));
  for (const w of alternatives(table.get('quickadd.other'))) numbers.set(w, 2);
  const weekdays = new Map();
  for (let d = 1; d <= 7; d++) for (const w of alternatives(table.get('quickadd.weekday.' + d))) weekdays.set(w, d);
  const months = new Map();
  for (let m = 1; m <= 12; m++) for (const w of alternatives(table.get('quickadd.month.' + m))) months.set(w, m);
  const PLACE = {
    n: () => '(?<n>\\d{1,3}|' + alt(numbers.keys()) + ')',
    day: () => '(?<day>\\d{1,2})',
    monthno: () => '(?<mo>\\d{1,2})',
    year: () => '(?<y>\\d{4})',
    h: () => '(?<h>\\d{1,2})',
    hw: () => '(?<hw>\\d{1,2}|' + alt(numbers.keys()) + ')',
    mm: () => '(?<mm>\\d{2})',
    weekday: () => '(?<wd>' + alt(weekdays.keys()) + ')',
    weekdays: () => '(?<wds>(?:' + alt(weekdays.keys()) + ')(?:' + SEP + '(?:' + alt(weekdays.keys()) + '))*)',
    month: () => '(?<mon>' + alt(months.keys()) + ')',
  };
  const compile = (template) => new RegExp('^' + template.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return quote(part);
    if (!Object.hasOwn(PLACE, part)) throw new Error('unknown placeholder {' + part + '} in quick add rule ' + template);
    return PLACE[part]();
  }).join('') + '$');
  const rules = new Map();
  const kinds = new Map();
  const repeatStarts = new Set();
  for (const [key, value] of table) {
    const k = key.slice('quickadd.'.length);
    // The past is the desktop's "--as-of", never quick add's.
    if (k.startsWith('past.')) continue;
    if (k.startsWith('date.') || (k.startsWith('repeat.') && k !== 'repeat.bare') || k.startsWith('time')) {
      rules.set(k, alternatives(value).map(compile));
      if (k.startsWith('repeat.')) {
        for (const phrase of alternatives(value)) {
          const first = phrase.split(' ')[0];
          if (first.startsWith('{weekday')) for (const w of weekdays.keys()) repeatStarts.add(w);
          else repeatStarts.add(first.startsWith('{') ? '*' : first);
        }
      }
    } else if (!k.startsWith('weekday.') && !k.startsWith('month.')) {
      kinds.set(k, alternatives(value));
    }
  }
  const matches = (rule, p) => {
    for (const re of rules.get(rule) ?? []) {
      const m = re.exec(p);
      if (m) return m.groups ?? {};
    }
    return null;
  };
  const count = (g) => (numbers.has(g.n) ? numbers.get(g.n) : Number(g.n));
  const hour = (g) => {
    const n = numbers.has(g.hw) ? numbers.get(g.hw) : Number(g.hw);
    return n >= 1 && n <= 12 ? n : null;
  };
  const wordsOf = (kind) => kinds.get(kind) ?? [];
  return {
    words: wordsOf,
    /** Whether the word (not plain) is one of a kind's single words ("at", "for", "dateConnectors"). */
    is: (kind, w) => !w.plain && wordsOf(kind).includes(norm(w.text)),
    /** How many words from {@code from} make one of a kind's phrases, the longest; 0 for none (Grammar.phraseAt). */
    phraseAt(kind, ws, from, join) {
      let best = 0;
      for (const p of wordsOf(kind)) {
        const n = p.split(' ').length;
        if (n > best && from + n <= ws.length && !ws.slice(from, from + n).some((w) => w.plain)
          && norm(join(ws.slice(from, from + n))) === p) best = n;
      }
      return best;
    },
    /** The length of the table's note prefix the text starts with; -1 for none. */
    notePrefix(text) {
      const t = stripLeading(text).toLowerCase();
      for (const p of wordsOf('note')) if (t.startsWith(p)) return p.length;
      return -1;
    },
    startsRepeat: (w) => !w.plain && (repeatStarts.has('*') || repeatStarts.has(norm(w.text))),
    /** The weekday (1 Monday .. 7) a date phrase names by its name ("freitag"); null for other dates (Grammar.weekday). */
    weekday: (phrase) => weekdays.get(matches('date.weekday', norm(phrase))?.wd) ?? null,
    /** The date (a day number, as recurrence.js's) the phrase means, before the range check; null for none. */
    date(phrase, today, ws = 1) {
      const p = norm(phrase);
      if (matches('date.today', p)) return today;
      if (matches('date.tomorrow', p)) return today + 1;
      if (matches('date.afterTomorrow', p)) return today + 2;
      let g;
      if ((g = matches('date.weekday', p))) return today + (((weekdays.get(g.wd) - weekdayOf(today) + 7) % 7) || 7);
      if ((g = matches('date.nextWeekday', p))) return ofNextWeek(weekdays.get(g.wd), today, ws);
      if (matches('date.nextWeek', p)) return nextWeek(today, ws);
      if (matches('date.nextMonth', p)) return plusMonths(today, 1);
      if (matches('date.weekend', p)) return today + (weekdayOf(today) === 6 ? 0 : ((6 - weekdayOf(today) + 7) % 7) || 7);
      if ((g = matches('date.inDays', p))) return today + count(g);
      if ((g = matches('date.inWeeks', p))) return today + 7 * count(g);
      if ((g = matches('date.inMonths', p))) return plusMonths(today, count(g));
      if ((g = matches('date.dayMonth', p))) return nextMonthDay(months.get(g.mon), Number(g.day), today);
      if ((g = matches('date.numeric', p))) {
        const [day, month] = [Number(g.day), Number(g.mo)];
        if (g.y !== undefined) {
          const y = Number(g.y);
          return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(y, month) ? dayOf(y, month, day) : null;
        }
        return nextMonthDay(month, day, today);
      }
      if ((g = matches('date.dayOfMonth', p))) {
        const d = Number(g.day);
        return d >= 1 && d <= 31 ? monthlyFirst(d, today) : null;
      }
      if ((g = matches('date.inMonth', p))) return inMonth(months.get(g.mon), today);
      return null;
    },
    /** The day of the month a phrase names ("am 1.", "le 1er"), after the table's connectors; 0 for none. */
    dayOfMonth(phrase) {
      let p = norm(phrase);
      for (const c of wordsOf('dateConnectors')) if (p.startsWith(c + ' ')) p = p.slice(c.length + 1);
      const g = matches('date.dayOfMonth', p);
      const d = g ? Number(g.day) : 0;
      return d >= 1 && d <= 31 ? d : 0;
    },
    /** Grammar.ruleDay: [month, day] a rule's day names ("am 24. dez."), month 0 for a day of the month ("le 1er"). */
    ruleDay(p) {
      let g = matches('date.dayMonth', (p = norm(p)));
      return g ? [months.get(g.mon), Number(g.day)] : (g = matches('date.dayOfMonth', p)) ? [0, Number(g.day)] : null;
    },
    /** A time of day ("14 uhr", "14h30", "midi"), after an "at" word or not: "HH:MM" or null. */
    time(phrase) {
      let p = norm(phrase);
      for (const at of wordsOf('at')) {
        if (p.startsWith(at + ' ')) {
          p = p.slice(at.length + 1);
          break;
        }
      }
      if (matches('time.noon', p)) return '12:00';
      const spoken = [['time.halfPast', 0, 30], ['time.halfTo', -1, 30], ['time.quarterPast', 0, 15], ['time.quarterTo', -1, 45]];
      for (const [rule, hours, minutes] of spoken) {
        const g = matches(rule, p);
        if (g) {
          const h = hour(g);
          return h == null ? null : inWords(h + hours, minutes);
        }
      }
      const g = matches('time', p);
      if (!g) return null;
      const h = Number(g.h);
      const min = g.mm === undefined ? 0 : Number(g.mm);
      return h > 23 || min > 59 ? null : hm(h, min);
    },
    /** A length's amount and unit ("30 minuten", "1,5 std"): its minutes, or null. */
    minutes(amount) {
      const parts = norm(amount).replace(/^(\d+(?:[.,]\d+)?)([a-z]+)$/, '$1 $2').split(' ');
      if (parts.length !== 2 || !/^(?:\d{1,3}(?:[.,]\d{1,2})?|\d{1,5})$/.test(parts[0])) return null;
      const n = Number(parts[0].replace(',', '.'));
      let minutes;
      if (wordsOf('unit.minutes').includes(parts[1])) minutes = Math.round(n);
      else if (wordsOf('unit.hours').includes(parts[1])) minutes = Math.round(n * 60);
      else return null;
      return minutes < 1 || minutes > MAX_MINUTES ? null : minutes;
    },
    /** A repeat phrase ("jeden montag", "toutes les 2 semaines", "chaque mois le 1er"): a rule or null. */
    repeat(phrase) {
      const p = norm(phrase);
      if (matches('repeat.daily', p)) return every('DAILY', 1);
      if (matches('repeat.weekdays', p)) return every('WEEKLY', 1, [1, 2, 3, 4, 5]);
      if (matches('repeat.weekly', p)) return every('WEEKLY', 1);
      if (matches('repeat.monthly', p)) return every('MONTHLY', 1);
      if (matches('repeat.yearly', p)) return every('YEARLY', 1);
      let g;
      if ((g = matches('repeat.monthlyOn', p))) {
        const d = Number(g.day);
        return d >= 1 && d <= 31 ? every('MONTHLY', 1, [], d) : null;
      }
      for (const [rule, freq] of [['everyNDays', 'DAILY'], ['everyNWeeks', 'WEEKLY'], ['everyNMonths', 'MONTHLY'], ['everyNYears', 'YEARLY']]) {
        if ((g = matches('repeat.' + rule, p))) {
          const n = count(g);
          return n >= 1 && n <= 999 ? every(freq, n) : null;
        }
      }
      if (matches('repeat.fortnightly', p)) return every('WEEKLY', 2);
      if ((g = matches('repeat.everyNWeeksOn', p))) {
        const n = count(g);
        const d = days(g);
        return n >= 1 && n <= 999 && d ? every('WEEKLY', n, d) : null;
      }
      if ((g = matches('repeat.onWeekdays', p))) {
        const d = days(g);
        return d ? every('WEEKLY', 1, d) : null;
      }
      return null;
    },
  };

  /** The weekdays a rule's {weekdays} or {weekday} matched; null for a name the table lacks. */
  function days(g) {
    const out = new Set();
    for (const w of (g.wds ?? g.wd).split(/[\t-\r ]*,[\t-\r ]*|[\t-\r ]+(?:und|et|and)[\t-\r ]+|[\t-\r ]+/)) {
      if (!weekdays.has(w)) return null;
      out.add(weekdays.get(w));
    }
    return out;
  }
}
