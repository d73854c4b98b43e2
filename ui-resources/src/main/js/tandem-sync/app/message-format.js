/*
 * The ICU subset the catalogue's patterns of dates, lengths and rules use, formatted as the desktop's Message does:
 * {N} (a text, or a small whole number as it is), {N, selectordinal, one {#st} … other {#th}} chosen by
 * Intl.PluralRules' ordinal rules of the language, and '' for an apostrophe. An argument the pattern names but the
 * caller did not give stays as written. Imports nothing.
 */

const ORDINALS = new Map();

function ordinalRules(lang) {
  let r = ORDINALS.get(lang);
  if (!r) {
    try { r = new Intl.PluralRules(lang || 'en', { type: 'ordinal' }); } catch { r = new Intl.PluralRules('en', { type: 'ordinal' }); }
    ORDINALS.set(lang, r);
  }
  return r;
}

/** The pattern with its arguments, in {@code lang}'s ordinal rules. */
export function fill(pattern, args, lang) {
  return String(pattern).replace(/\{\s*(\d+)\s*(?:,\s*selectordinal\s*,((?:[^{}]|\{[^{}]*\})*))?\}/g, (m, i, forms) => {
    const v = args[Number(i)];
    if (v === undefined) return m;
    if (forms == null) return String(v);
    const cases = {};
    for (const [, k, text] of forms.matchAll(/(=?\w+)\s*\{([^{}]*)\}/g)) cases[k] = text;
    return (cases['=' + v] ?? cases[ordinalRules(lang).select(Number(v))] ?? cases.other ?? '').replace(/#/g, String(v));
  }).replace(/''/g, "'");
}
