// Quick add in English, as the desktop's TodoDraft.parse reads it (app/src/main/java/dev/tandem/app/text/), so
// a todo added on the phone page as its own device is the todo the desktop would have made from the same words.
// Held to Java by the vectors its QuickAddGoldenTest writes (test/vectors/quick-add-en.json).
//
// Design, in Java's order: "note:" first makes a note (only tags and the list are read); otherwise tags
// ("@home") anywhere, then the first "every …" phrase anywhere (the longest, leaving a word), then "remind …"
// with a time anywhere; then, from the last word back, the trailing details (TrailingDetails: priority,
// length, date, bare repeat word, time; the list word passed over); then the base parse takes the last "#list"
// and a date phrase among the last four words. A repeat without a date starts on its rule's first date.
// What Java reads that this does not yet (and the vectors leave out): "start …"/"due …"/"someday" (WhenWords),
// a date inside the title (InlineWhen), a date's part of the day ("tomorrow morning": DayParts), "next fri" and
// "next week" (the week's first day is a setting), and the German and French grammars.
import { WEEKDAYS, clockWord, datePhrase, dayOfMonth, duration, first, repeatPhrase, timePhrase, toRule } from './quick-add-when.js';

/** Longer than any title may be (the desktop's TextLimits.MAX_TITLE_CHARS): not read at all. */
export const MAX_TEXT = 10000;

const TAG = /^([(\[{"“‘'«]*)@([\p{L}\p{N}]\S*?)([)\]}"”’'»,.;:!?…]*)$/u;
const PAIRS = new Set(['()', '[]', '{}']);
const SEPARATOR = /^[,;:.!?…]+$/;
const PRIORITY = /^[pP]([1-4])$/;

// A word: its text, whether it is plain (punctuation a tag left: read as nothing) and how it joins.
const word = (text, plain = false, glue = 'none') => ({ text, plain, glue });
const is = (w, s) => !w.plain && w.text.toLowerCase() === s;
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

/** Takes the tag words out (TagWords.take); returns the tags in order. */
function takeTags(words) {
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
    if (PAIRS.has(lead + trail)) continue;
    if (lead) out.push(word(lead, true, 'after'));
    if (trail) out.push(word(trail, true, 'before'));
  }
  words.splice(0, words.length, ...out);
  return tags;
}

const isListWord = (w) => !w.plain && w.text.length > 1 && w.text.startsWith('#');
function lastListWord(words) {
  for (let i = words.length - 1; i >= 0; i--) if (isListWord(words[i])) return i;
  return -1;
}

function datePhraseBefore(words, end, today) {
  for (let n = Math.min(4, end); n >= 1; n--) {
    const phrase = words.slice(end - n, end);
    if (!anyPlain(phrase) && datePhrase(join(phrase), today) != null) return n;
  }
  return 0;
}

/** The longest time or span ending at {@code end}, leaving {@code min} words before it (TimePhrases.before). */
function timeBefore(words, end, min, bare) {
  for (let n = Math.min(7, end - min); n >= 1; n--) {
    const phrase = words.slice(end - n, end);
    const s = anyPlain(phrase) ? null : timePhrase(join(phrase), bare);
    if (s) return { words: n, ...s };
  }
  return null;
}

function lengthBefore(words, end) {
  for (let n = 3; n >= 2; n--) {
    if (end - n < 1) continue;
    const phrase = words.slice(end - n, end);
    const amount = join(phrase.slice(1));
    if (is(phrase[0], 'for') && !anyPlain(phrase) && /\p{L}/u.test(amount) && duration(amount) != null) return n;
  }
  return 0;
}

/** The details after the title, read from the last word back (TrailingDetails.read). */
function trailing(words, today, repeatFree) {
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
      out[i] = true;
      end = i;
      continue;
    }
    const len = minutes == null ? lengthBefore(words, end) : 0;
    if (len > 0) {
      minutes = duration(join(words.slice(end - len + 1, end)));
      for (let k = end - len; k < end; k++) out[k] = true;
      end -= len;
      continue;
    }
    const n = dated ? 0 : datePhraseBefore(words, end, today);
    if (n > 0) {
      dated = true;
      end -= n;
      continue;
    }
    const r = repeatFree && repeat == null ? repeatPhrase(w.text) : null;
    if (r) {
      repeat = r;
      repeatAt = i;
      out[i] = true;
      end = i;
      continue;
    }
    if (time == null && i > 0) {
      let said = timeBefore(words, end, 1, 'never');
      if (said == null && !dated) {
        const bare = timeBefore(words, end, 1, 'always');
        const d = bare == null ? 0 : datePhraseBefore(words, end - bare.words, today);
        if (d > 0 && end - bare.words - d >= 1) said = bare;
      }
      if (said) {
        time = said.time;
        for (let k = end - said.words; k < end; k++) out[k] = true;
        if (said.minutes != null && minutes == null) minutes = said.minutes;
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
  return { rest, priority, repeat, time, minutes };
}

/** The list and, for a todo, the date among the last four words (QuickAddParser.parse). */
function base(input, note, today) {
  const words = [...input];
  let list = null;
  let listAt = -1;
  const at = lastListWord(words);
  if (at >= 0) {
    list = words.splice(at, 1)[0].text.slice(1);
    listAt = at;
  }
  if (note) return { title: title(words), due: null, list, dateFrom: -1 };
  let last = words.length;
  while (last > 0 && words[last - 1].plain) last--;
  for (let n = Math.min(4, last, words.length - 1); n >= 1; n--) {
    const tail = words.slice(last - n, last);
    if (anyPlain(tail)) continue;
    const due = datePhrase(join(tail), today);
    if (due == null) continue;
    const typed = join(tail);
    words.splice(last - n, n);
    const before = last - n - 1;
    if (before >= 0 && words.length > 1 && ['by', 'on', 'due'].some((c) => is(words[before], c))) words.splice(before, 1);
    return { title: title(words), due, list, dateText: typed, listAt };
  }
  return { title: title(words), due: null, list };
}

/**
 * What quick add reads from {@code text} on {@code today} (an ISO date): title, due (ISO or null), time and
 * remind ("HH:MM" or null), minutes, repeat (the rule's text or null), priority, tags, list, start, someday,
 * note, and kind ('note' or null) for the row.
 */
export function readQuickAdd(text, today) {
  const typed = typeof text === 'string' ? text : '';
  const out = { title: typed, due: null, time: null, minutes: null, repeat: null, priority: null, tags: [],
    list: null, remind: null, start: null, someday: false, note: false, kind: null };
  if (typed.length > MAX_TEXT) return out;
  const lead = typed.length - typed.trimStart().length;
  const isNote = typed.trimStart().slice(0, 5).toLowerCase() === 'note:';
  const words = (isNote ? typed.slice(lead + 5) : typed).split(/\s+/).filter(Boolean).map((w) => word(w));
  out.tags = takeTags(words);
  if (isNote) {
    const b = base(words, true, today);
    return { ...out, title: b.title, list: b.list, note: true, kind: 'note' };
  }
  let repeat = null;
  for (let i = 0; i < words.length && repeat == null; i++) {
    if (!is(words[i], 'every')) continue;
    for (let end = Math.min(words.length, i + 6); end > i; end--) {
      const phrase = words.slice(i, end);
      const r = anyPlain(phrase) ? null : repeatPhrase(join(phrase));
      if (r && end - i < words.length) {
        repeat = r;
        words.splice(i, end - i);
        break;
      }
    }
  }
  for (let i = 0; i < words.length - 1 && out.remind == null; i++) {
    if (!is(words[i], 'remind')) continue;
    let at = i + 1;
    if (at < words.length - 1 && is(words[at], 'me')) at++;
    if (at < words.length - 1 && is(words[at], 'at')) at++;
    const t = !words[at].plain && words.length > at ? clockWord(words[at].text) : null;
    if (t) {
      out.remind = t;
      words.splice(i, at + 1 - i);
    }
  }
  const t = trailing(words, today, repeat == null);
  const b = base(t.rest, false, today);
  repeat = repeat ?? t.repeat;
  if (repeat && repeat.freq === 'MONTHLY' && !repeat.byDay.length && !repeat.byMonthDay && b.dateText) {
    const day = dayOfMonth(b.dateText);
    if (day) repeat = { ...repeat, byMonthDay: day };
  }
  let due = b.due;
  if (repeat && due == null && b.title.trim()) due = first(repeat, today);
  return { ...out, title: b.title, due, list: b.list, priority: t.priority, time: t.time, minutes: t.minutes,
    repeat: repeat ? toRule(repeat) : null };
}

export { WEEKDAYS };
