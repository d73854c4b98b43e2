// Quick add as the desktop's TodoDraft.parse reads it (app/src/main/java/dev/tandem/app/text/), so a todo added
// on the phone page as its own device is the todo the desktop would have made from the same words: English, and
// beside it the words of the person's language when a grammar is passed (quick-add-grammar.js, compiled from the
// same table as the desktop's Grammar). Held to Java by the vectors its QuickAddGoldenTest writes
// (test/vectors/quick-add-en.json, -de.json, -fr.json). planQuickAdd and
// saveDetails write what was read as the desktop's QuickAddPlan and TodoDetails.apply write it: the due date
// (typed; for a time alone the next time that clock time comes; else from the view: Today gives today, Upcoming
// tomorrow), the time on that date and the length, the repeat rule with the todo as its own series, the reminder
// in epoch milliseconds (the reminder time on the due date, else its next coming), and the tags as stored
// (ItemTag.normalize) under their derived row ids.
//
// Design, in Java's order: "note:" first makes a note (only tags and the list are read); otherwise tags
// ("@home") anywhere, then the first "every …" phrase anywhere (the longest, leaving a word), then "remind …"
// with a time anywhere; then, from the last word back, the trailing details (TrailingDetails: priority,
// length, date, bare repeat word, time; the list word passed over); then the base parse takes the last "#list"
// and a date phrase among the last four words. A repeat without a date starts on its rule's first date.
// Each step reads the grammar's words beside English where Java's does ("jeden Montag", "erinnere mich um 8 Uhr",
// "für 30 Minuten", "am 1."), and "start …", "due …" and "someday" after the remind step (takeWhen).
// "next week" and "next fri" ("ab nächste Woche", "nächsten Freitag", "dès la semaine prochaine") count from the
// first day of next week, {@code ws} (1 Monday … 7 Sunday): WeekStart.ofPhrases, the day chosen in Settings, else
// Monday whatever the language. What Java reads that this does not yet (and the vectors leave out), in every
// language: a date inside the title (InlineWhen), a date's part of the day ("tomorrow morning", "heute Abend",
// "ce soir": DayParts).
// Each step notes what it took out where it was typed (chips: TodoDraft's tokens), which chips() labels as the
// desktop's QuickAddToken.label does, for the chips quick add shows as it is typed (/api/parse), with the
// warning (TodoDraft.warning: "“feb 30” is not a date") as data that warningText says.
import { clockOf, datePhrase, dayOfMonth, duration, first, plainSpaces, plusDays, repeatPhrase, takeWhen, timePhrase, toRule,
  warningOf } from './quick-add-when.js';
import { tagId } from './derived-ids.js';
import { ENGLISH, dayLabel, lengthLabel, say, timeAndLength } from './due-labels.js';
import { describe } from './edits.js';
import { normalizeTag } from './series.js';
import { isBlank, strip, stripLeading } from './recurrence.js';

/** Longer than any title may be (the desktop's TextLimits.MAX_TITLE_CHARS): not read at all. */
export const MAX_TEXT = 10000;

const TAG = /^([(\[{"“‘'«]*)@([\p{L}\p{N}][^\t-\r ]*?)([)\]}"”’'»,.;:!?…]*)$/u;
const PAIRS = new Set(['()', '[]', '{}']);
const SEPARATOR = /^[,;:.!?…]+$/;
const PRIORITY = /^[pP]([1-4])$/;

// A word: its text, where it starts in the text, whether it is plain (punctuation a tag left: read as nothing)
// and how it joins.
const word = (text, at, plain = false, glue = 'none') => ({ text, at, plain, glue });
// What a chip shows, in the order chips read best when two start at the same place (QuickAddToken.Kind).
const KINDS = ['NOTE', 'DATE', 'START', 'SOMEDAY', 'REPEAT', 'PRIORITY', 'TAG', 'LIST', 'REMINDER', 'TIME', 'LENGTH'];
const is = (w, s) => !w.plain && w.text.toLowerCase() === s;
/** The word is English's {@code s} or one of the grammar's words of {@code kind}. */
const isOr = (w, s, g, kind) => is(w, s) || (g != null && g.is(kind, w));
const anyPlain = (ws) => ws.some((w) => w.plain);

function join(ws) {
  let b = '';
  let glueNext = false;
  for (const w of ws) {
    if (b && w.glue !== 'before' && !glueNext) b += ' ';
    b += w.text;
    glueNext = w.glue === 'after';
  }
  return b;
}

function title(words) {
  const ws = [...words];
  while (ws.length && ws[ws.length - 1].glue !== 'none' && SEPARATOR.test(ws[ws.length - 1].text)) ws.pop();
  while (ws.length && ws[0].glue !== 'none' && SEPARATOR.test(ws[0].text)) ws.shift();
  return join(ws);
}

/** Takes the tag words out (TagWords.take), each a chip; returns the tags in order. */
function takeTags(words, chips) {
  const tags = [];
  const out = [];
  for (const w of words) {
    const m = w.plain ? null : TAG.exec(w.text);
    if (!m) {
      out.push(w);
      continue;
    }
    const [, lead, name, trail] = m;
    tags.push(name);
    chips.push({ kind: 'TAG', at: w.at + lead.length, v: '@' + name });
    if (PAIRS.has(lead + trail)) continue;
    if (lead) out.push(word(lead, w.at, true, 'after'));
    if (trail) out.push(word(trail, w.at, true, 'before'));
  }
  words.splice(0, words.length, ...out);
  return tags;
}

const isListWord = (w) => !w.plain && w.text.length > 1 && w.text.startsWith('#');
function lastListWord(words) {
  for (let i = words.length - 1; i >= 0; i--) if (isListWord(words[i])) return i;
  return -1;
}

function datePhraseBefore(words, end, today, g, ws) {
  for (let n = Math.min(4, end); n >= 1; n--) {
    const phrase = words.slice(end - n, end);
    if (!anyPlain(phrase) && datePhrase(join(phrase), today, g, ws) != null) return n;
  }
  return 0;
}

/** The longest time or span ending at {@code end}, leaving {@code min} words before it (TimePhrases.before). */
function timeBefore(words, end, min, bare, g) {
  for (let n = Math.min(7, end - min); n >= 1; n--) {
    const phrase = words.slice(end - n, end);
    const s = anyPlain(phrase) ? null : timePhrase(join(phrase), bare, g);
    if (s) return { words: n, ...s };
  }
  return null;
}

function lengthBefore(words, end, g) {
  for (let n = 3; n >= 2; n--) {
    if (end - n < 1) continue;
    const phrase = words.slice(end - n, end);
    const amount = join(phrase.slice(1));
    if (isOr(phrase[0], 'for', g, 'for') && !anyPlain(phrase) && /\p{L}/u.test(amount) && duration(amount, g) != null) return n;
  }
  return 0;
}

/** The details after the title, read from the last word back (TrailingDetails.read), each a chip. */
function trailing(words, today, repeatFree, g, chips, ws) {
  const out = new Array(words.length).fill(false);
  const list = lastListWord(words);
  let priority = null;
  let repeat = null;
  let repeatAt = -1;
  let time = null;
  let minutes = null;
  let dated = false;
  let end = words.length;
  while (end > 0) {
    const i = end - 1;
    const w = words[i];
    if (w.plain || i === list) {
      end = i;
      continue;
    }
    const pm = PRIORITY.exec(w.text);
    if (pm) {
      priority = priority ?? Number(pm[1]);
      chips.push({ kind: 'PRIORITY', at: w.at, v: w.text.toLowerCase() });
      out[i] = true;
      end = i;
      continue;
    }
    const len = minutes == null ? lengthBefore(words, end, g) : 0;
    if (len > 0) {
      minutes = duration(join(words.slice(end - len + 1, end)), g);
      chips.push({ kind: 'LENGTH', at: words[end - len].at, v: minutes });
      for (let k = end - len; k < end; k++) out[k] = true;
      end -= len;
      continue;
    }
    const n = dated ? 0 : datePhraseBefore(words, end, today, g, ws);
    if (n > 0) {
      dated = true;
      end -= n;
      continue;
    }
    const r = repeatFree && repeat == null
      ? repeatPhrase(w.text, g) ?? (g && g.is('repeat.bare', w) ? g.repeat(w.text) : null) : null;
    if (r) {
      repeat = r;
      repeatAt = i;
      out[i] = true;
      end = i;
      continue;
    }
    if (time == null && i > 0) {
      let said = timeBefore(words, end, 1, 'never', g);
      if (said == null && !dated) {
        const bare = timeBefore(words, end, 1, 'always', g);
        const d = bare == null ? 0 : datePhraseBefore(words, end - bare.words, today, g, ws);
        if (d > 0 && end - bare.words - d >= 1) said = bare;
      }
      if (said) {
        time = said.time;
        const at = words[end - said.words].at;
        chips.push({ kind: 'TIME', at, v: time });
        for (let k = end - said.words; k < end; k++) out[k] = true;
        if (said.minutes != null && minutes == null) chips.push({ kind: 'LENGTH', at, v: minutes = said.minutes });
        end -= said.words;
        continue;
      }
    }
    break;
  }
  const rest = words.filter((_, k) => !out[k]);
  if (repeat && rest.length === 0) {
    rest.push(words[repeatAt]);
    repeat = null;
  }
  if (repeat) chips.push({ kind: 'REPEAT', at: words[repeatAt].at });
  return { rest, priority, repeat, time, minutes };
}

/** The list and, for a todo, the date among the last four words (QuickAddParser.parse), each a chip. */
function base(input, note, today, g, chips, ws = 1) {
  const words = [...input];
  const at = lastListWord(words);
  const listWord = at >= 0 ? words.splice(at, 1)[0] : null;
  const list = listWord && listWord.text.slice(1);
  if (listWord) chips.push({ kind: 'LIST', at: listWord.at, v: listWord.text });
  if (note) return { title: title(words), list };
  let last = words.length;
  while (last > 0 && words[last - 1].plain) last--;
  for (let n = Math.min(4, last, words.length - 1); n >= 1; n--) {
    const tail = words.slice(last - n, last);
    if (anyPlain(tail)) continue;
    const due = datePhrase(join(tail), today, g, ws);
    if (due == null) continue;
    words.splice(last - n, n);
    const before = last - n - 1;
    // The date's words as typed, with the connector taken with it (its token's text on the desktop).
    let dateText = join(tail);
    let from = tail[0].at;
    if (before >= 0 && words.length > 1 && (['by', 'on', 'due'].some((c) => is(words[before], c))
      || (g != null && g.is('dateConnectors', words[before])))) {
      from = words[before].at;
      dateText = words.splice(before, 1)[0].text + ' ' + dateText;
    }
    chips.push({ kind: 'DATE', at: from, v: due });
    return { title: title(words), due, list, dateText };
  }
  return { title: title(words), list };
}

/**
 * What quick add reads from {@code text} on {@code today} (an ISO date): title, due (ISO or null), time and
 * remind ("HH:MM" or null), minutes, repeat (the rule's text or null), priority, tags, list, start, someday,
 * note, and kind ('note' or null) for the row; chips, what was understood in the order it was typed
 * (TodoDraft.tokens: {kind, at, v} with v the date, time, minutes or the words shown; chips() says them); and
 * warning, null or {key, said} / {key, dates} (warningText says it).
 */
export function readQuickAdd(text, today, g = null, ws = 1) {
  let typed = typeof text === 'string' ? text : '';
  const chips = [];
  const out = { title: typed, due: null, time: null, minutes: null, repeat: null, priority: null, tags: [],
    list: null, remind: null, start: null, someday: false, note: false, kind: null, chips, warning: null };
  if (typed.length > MAX_TEXT) return out;
  typed = plainSpaces(typed);
  const lead = typed.length - stripLeading(typed).length;
  // The note prefix, English's or the language's ("notiz:"), in any case (QuickAddParser.notePrefixLength).
  const prefix = stripLeading(typed).slice(0, 5).toLowerCase() === 'note:' ? 5 : Math.max(0, g ? g.notePrefix(typed) : 0);
  // Split on Java's white space (\s without Unicode classes), as QuickAddWord.split.
  const words = [...typed.slice(prefix ? lead + prefix : 0).matchAll(/[^ \t\n\v\f\r]+/g)].map((m) => word(m[0], m.index));
  out.tags = takeTags(words, chips);
  if (prefix) {
    chips.push({ kind: 'NOTE', at: -1 });
    const b = base(words, true, today, g, chips);
    return { ...out, title: b.title, list: b.list, note: true, kind: 'note', chips: sorted(chips) };
  }
  let repeat = null;
  for (let i = 0; i < words.length && repeat == null; i++) {
    // English phrases start with "every"; a language's own may start anywhere ("le 1er de chaque mois").
    const every = is(words[i], 'every');
    if (!every && (g == null || !g.startsRepeat(words[i]))) continue;
    for (let end = Math.min(words.length, i + 6); end > i; end--) {
      const phrase = words.slice(i, end);
      const r = anyPlain(phrase) ? null : (every ? repeatPhrase(join(phrase), g) : null) ?? (g ? g.repeat(join(phrase)) : null);
      if (r && end - i < words.length) {
        repeat = r;
        chips.push({ kind: 'REPEAT', at: words[i].at });
        words.splice(i, end - i);
        break;
      }
    }
  }
  for (let i = 0; i < words.length - 1 && out.remind == null; i++) {
    const said = is(words[i], 'remind') ? 1 : g ? g.phraseAt('remind', words, i, join) : 0;
    if (!said) continue;
    let at = i + said;
    if (at < words.length - 1 && is(words[at], 'me')) at++;
    if (at < words.length - 1 && isOr(words[at], 'at', g, 'at')) at++;
    // One to three words make the time, the most first: "9am", "8 Uhr", "à 8 h" (TodoDraft.timeWordsAt).
    for (let n = Math.min(3, words.length - at); n >= 1; n--) {
      const ws = words.slice(at, at + n);
      const t = anyPlain(ws) ? null : clockOf(join(ws), n <= 2, g);
      if (t) {
        out.remind = t;
        chips.push({ kind: 'REMINDER', at: words[i].at, v: t });
        words.splice(i, at + n - i);
        break;
      }
    }
  }
  const when = takeWhen(words, today, g, chips, join, ws);
  const t = trailing(words, today, repeat == null, g, chips, ws);
  const b = base(t.rest, false, today, g, chips, ws);
  repeat = repeat ?? t.repeat;
  // The day of the month typed as the first date said: the deadline's, else the one at the end.
  const dateText = when.due ? when.dueText : b.dateText;
  if (repeat && repeat.freq === 'MONTHLY' && !repeat.byDay.size && !repeat.byMonthDay && dateText) {
    const day = dayOfMonth(dateText, g);
    if (day) repeat = { ...repeat, byMonthDay: day };
  }
  let due = when.due ?? b.due ?? null;
  if (repeat && due == null && !isBlank(b.title)) due = first(repeat, today);
  const rule = repeat ? toRule(repeat) : null;
  for (const c of chips) if (c.kind === 'REPEAT') c.v = rule;
  return { ...out, title: b.title, due, list: b.list, priority: t.priority, time: t.time, minutes: t.minutes,
    repeat: rule, start: when.start, someday: when.someday, warning: warningOf(strip(typed), g, when.warning),
    chips: sorted(chips) };
}

const sorted = (chips) => chips.sort((a, b) => a.at - b.at || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));

/**
 * The chips of quick add's text as the desktop's /api/parse answers them (QuickAddToken.label), in the language of
 * {@code words} (/messages.json's dates; English without them): "Due: Tomorrow", "Starts: Monday", "Someday",
 * "Repeats: every Monday", "p2", "@home", "#Garden", "Reminder 9:00", "At 14:00", "For 30 min", "Note".
 */
export function chips(read, today, words = ENGLISH) {
  const chip = (key, v) => say(words, 'chip.' + key, v);
  return read.chips.map(({ kind, v }) => ({ kind, label: kind === 'DATE' || kind === 'START'
    ? chip(kind === 'DATE' ? 'due' : 'start', dayLabel(v, today, words)) : kind === 'SOMEDAY' ? chip('someday')
    : kind === 'REPEAT' ? chip('repeat', describe(v, words === ENGLISH ? null : words))
      : kind === 'REMINDER' || kind === 'TIME' ? chip(kind.toLowerCase(), timeAndLength(v, null, words))
        : kind === 'LENGTH' ? chip('length', lengthLabel(v, words)) : kind === 'NOTE' ? chip('note') : v }));
}

/**
 * The warning of what quick add read (TodoDraft.warning) in the words of {@code words} (/messages.json's dates), as
 * the desktop's /api/parse says it; null for none, and without the words (they hold the sentence).
 */
export function warningText({ warning: w }, today, words) {
  const key = 'quickAdd.' + w?.key;
  return w && words?.patterns?.[key] ? say(words, key, ...(w.said ? [w.said, '1900-01-01', '2999-12-31']
    : w.dates.map((d) => dayLabel(d, today, words)))) : null;
}

// ---- what is written ----

const pad = (n) => String(n).padStart(2, '0');
/** A moment's local date, "2026-11-25". */
export const localDay = (ms) => {
  const d = new Date(ms);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
};
/** Epoch milliseconds of a local date at a clock time ("HH:MM"). */
const atTime = (day, time) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3))).getTime();
};
/** Today if {@code time} is still to come at {@code now}, else tomorrow (TodoDraft.nextDay). */
const nextDay = (time, now) => {
  const d = new Date(now);
  // The time has no seconds: later than now's hour and minute is later than now.
  return time > pad(d.getHours()) + ':' + pad(d.getMinutes()) ? localDay(now) : plusDays(localDay(now), 1);
};

/**
 * Reads {@code text} typed at {@code now} (epoch ms) in the view {@code view} ('today', 'upcoming', …), with the
 * person's language's {@code grammar} (compileGrammar) beside English or none, and returns what quick add read ({@code read}) and the item's fields it sets ({@code fields}).
 */
export function planQuickAdd(text, now, view = null, grammar = null, ws = 1) {
  const read = readQuickAdd(text, localDay(now), grammar, ws);
  if (read.note) {
    return { read, fields: { title: read.title, kind: 'note', due: null } };
  }
  let due = read.due ?? (read.time != null ? nextDay(read.time, now) : null);
  // "start mon" or "someday" says when already: the view adds no deadline to it.
  if (due == null && read.start == null && !read.someday) {
    if (view === 'today') due = localDay(now);
    if (view === 'upcoming') due = plusDays(localDay(now), 1);
  }
  const remindAt = read.remind == null ? null : atTime(due ?? nextDay(read.remind, now), read.remind);
  return { read, fields: { title: read.title, kind: null, due,
    priority: read.priority == null ? null : BigInt(read.priority),
    dueTime: due == null ? null : read.time, durationMinutes: read.minutes ? BigInt(read.minutes) : null,
    remindAt: remindAt == null ? null : BigInt(remindAt), repeat: read.repeat, start: read.start,
    // Put away only without a date, as the desktop's TodoDetails.apply.
    someday: read.someday && due == null && read.start == null ? 1n : null } };
}

/**
 * Saves the repeat's series and the tags of an item just saved as {@code id}, as TodoDetails.apply does: the
 * item is its own series, each tag a row under its derived id.
 */
export async function saveDetails(replica, id, read, columns, tagColumns) {
  if (read.repeat) {
    const row = replica.row('items', id);
    replica.save('items', id, { ...row, seriesId: row.seriesId ?? id }, columns);
  }
  for (const tag of read.tags) {
    const t = normalizeTag(tag);
    if (!t) continue;
    const tid = await tagId(id, t);
    const cur = replica.row('item_tags', tid);
    if (cur && cur.removedAt == null) continue;
    replica.save('item_tags', tid, { itemId: id, tag: t, removedAt: null }, tagColumns);
  }
}
