/*
 * The page's words: the patterns of the catalogue's area "page" in the language the server chose for this
 * browser (GET /messages.json: the profile's choice, else the browser's Accept-Language), formatted here with
 * the same ICU subset as the desktop's Messages: {0} arguments (numbers in the language's digits and grouping,
 * anything else as text), {0, plural, =0 {…} one {# …} other {# …}} by Intl.PluralRules, {0, select, a {…}
 * other {…}}, and '' for an apostrophe. Dates the page formats itself go through Intl.DateTimeFormat in the
 * same language. The answer is kept (the service worker's cache, and localStorage for a page without one), so
 * a page opened offline speaks the language it last used.
 *
 * At the bottom of the page's modules: it imports nothing of ours.
 */

const KEPT = 'tandem.messages';
let lang = 'en';
let messages = {};
let quickAdd = null;
let dates = null;
const pluralRules = new Map();

/** Loads the words before the page first draws anything; offline, the ones last used. */
export async function loadMessages() {
  let data = null;
  try {
    const res = await fetch('messages.json', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (res.ok) data = await res.json();
  } catch (e) { /* offline without the service worker's copy: the one kept below */ }
  if (data && data.messages) {
    try { localStorage.setItem(KEPT, JSON.stringify(data)); } catch (e) { /* storage full or refused: still shown */ }
  } else {
    try { data = JSON.parse(localStorage.getItem(KEPT) || 'null'); } catch (e) { data = null; }
  }
  if (data && data.messages) use(data);
}

/** Uses an answer of /messages.json: its words, and the document's language and direction. */
export function use(data) {
  lang = data.lang || 'en';
  messages = data.messages || {};
  quickAdd = data.quickadd && typeof data.quickadd === 'object' ? data.quickadd : null;
  dates = data.dates && typeof data.dates === 'object' ? { lang, ...data.dates } : null;
  document.documentElement.lang = lang;
  document.documentElement.dir = data.dir === 'rtl' ? 'rtl' : 'ltr';
  translateDocument(document);
}

/**
 * The language's quick add table (the catalogue's quickadd_TAG.properties, as /messages.json carries it), which the
 * page as its own device reads quick add with beside English; null in English.
 */
export const quickAddWords = () => quickAdd;

/**
 * The words of dates and rules in the language (the catalogue's patterns, the date and time formats, weekday and
 * month names, with the language's tag), with which the page as its own device says a row's day, time and length
 * and describes a rule as the desktop does; null from a server that sends none (the core then says them in English).
 */
export const dateWords = () => dates;

/** The words of key with its arguments; a key the catalogue lacks shows as itself, never as nothing. */
export function t(key, ...args) {
  const pattern = messages[key];
  return pattern == null ? key : format(pattern, args);
}

/**
 * A sentence with elements in it: the pattern's arguments are the nodes (a <strong>, a <code>), returned as
 * the text and nodes to append in order, so word order is the translation's.
 */
export function tNodes(key, ...nodes) {
  const marks = nodes.map((n, i) => `\u0000${i}\u0000`);
  return t(key, ...marks).split(/\u0000(\d+)\u0000/).map((part, i) => (i % 2 ? nodes[Number(part)] : part))
    .filter((part) => part !== '');
}

/**
 * The static words of index.html: data-t (the text), data-t-placeholder, data-t-aria-label and data-t-title
 * name the key of each.
 */
function translateDocument(root) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const [attr, name] of [['tPlaceholder', 'placeholder'], ['tAriaLabel', 'aria-label'], ['tTitle', 'title']]) {
    const dashed = attr.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
    for (const el of root.querySelectorAll(`[data-${dashed}]`)) el.setAttribute(name, t(el.dataset[attr]));
  }
}

/** A number in the language's digits and grouping: 1,234 / 1.234 / 1 234. */
function formatNumber(n) { return new Intl.NumberFormat(lang).format(n); }

/**
 * The dates the page formats itself (the server formats the rest): a reminder's day, year and time, joined as
 * the language joins them ("Fri, Nov 27, 2026, 09:00 AM", "Fr., 27. Nov. 2026, 09:00").
 */
export function formatDayTime(date) {
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(date);
}

/** A moment in the past, medium date and short time: "when it was last seen". */
export function formatMoment(date) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Formats one pattern; hash is what # stands for inside a plural's form. */
function format(pattern, args, hash) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "'" && pattern[i + 1] === "'") {
      out += "'";
      i++;
    } else if (c === '#' && hash !== undefined) {
      out += hash;
    } else if (c === '{') {
      const end = closing(pattern, i);
      out += argument(pattern.slice(i + 1, end), args);
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

/** The index of the brace that closes the one at open (nested braces counted). */
function closing(text, open) {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return text.length;
}

/** One argument: {0}, {0, plural, …} or {0, select, …}. */
function argument(body, args) {
  const comma = body.indexOf(',');
  const value = args[Number((comma < 0 ? body : body.slice(0, comma)).trim())];
  if (comma < 0) return typeof value === 'number' ? formatNumber(value) : String(value == null ? '' : value);
  const rest = body.slice(comma + 1);
  const second = rest.indexOf(',');
  const type = rest.slice(0, second).trim();
  const forms = options(rest.slice(second + 1));
  if (type === 'plural') {
    const n = Number(value);
    const form = forms['=' + n] ?? forms[plural().select(n)] ?? forms.other ?? '';
    return format(form, args, formatNumber(n));
  }
  if (type === 'select') return format(forms[String(value)] ?? forms.other ?? '', args);
  return String(value);
}

/** A plural's or select's forms: "one {…} other {…}" as {one: '…', other: '…'}. */
function options(text) {
  const out = {};
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const end = closing(text, open);
    out[text.slice(i, open).trim()] = text.slice(open + 1, end);
    i = end + 1;
  }
  return out;
}

function plural() {
  if (!pluralRules.has(lang)) pluralRules.set(lang, new Intl.PluralRules(lang));
  return pluralRules.get(lang);
}
