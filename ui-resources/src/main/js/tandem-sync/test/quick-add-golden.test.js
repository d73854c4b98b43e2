import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_TEXT, chips, readQuickAdd, warningText } from '../app/quick-add.js';
import { compileGrammar } from '../app/quick-add-grammar.js';
import { quickAddTable } from './support/quick-add-tables.js';

// Quick add (app/quick-add.js), held to the desktop's TodoDraft.parse by the vectors its QuickAddGoldenTest
// wrote (test/vectors/quick-add-LANG.json): every phrase read to the same title, dates, times, rule, priority,
// tags, list, reminder, start, Someday and kind, and shown as the same chips and warning (kind and label, the
// warning's text, as the desktop's /api/parse answers them) in the language's words, those /messages.json carries (its dates, as DateWordsGoldenTest wrote them to
// test/vectors/date-words.json). Every vector is compared, none passed over. German and French are read with the
// language's table, the desktop's own (quickadd_LANG.properties), as the page gets it in /messages.json.
const FIELDS = ['title', 'due', 'time', 'minutes', 'repeat', 'priority', 'tags', 'list', 'remind', 'start', 'someday',
  'note', 'chips', 'warning'];
const dateWords = JSON.parse(readFileSync(new URL('./vectors/date-words.json', import.meta.url), 'utf8')).languages;
const EN = { lang: 'en', ...dateWords.find((l) => l.lang === 'en').words };

for (const lang of ['en', 'de', 'fr']) {
  const vectors = JSON.parse(readFileSync(new URL('./vectors/quick-add-' + lang + '.json', import.meta.url), 'utf8'));
  const grammar = lang === 'en' ? null : compileGrammar(quickAddTable(lang));
  const words = { lang, ...dateWords.find((l) => l.lang === lang).words };
  test('quick add (' + lang + ') reads and shows each of the ' + vectors.cases.length + ' vectors as the desktop does', () => {
    assert.equal(vectors.lang, lang);
    assert.ok(vectors.cases.length >= 400);
    assert.ok(vectors.cases.filter((v) => v.chips.length >= 3).length >= 100, 'the vectors hold phrases of many chips');
    const wrong = [];
    for (const v of vectors.cases) {
      // Next week counts from the week's first day the vector says (1 Monday, the desktop's without a choice).
      const read = readQuickAdd(v.text, vectors.today, grammar, v.weekStart ?? 1);
      const got = { ...read, chips: chips(read, vectors.today, words), warning: warningText(read, vectors.today, words) };
      const want = Object.fromEntries(FIELDS.map((f) => [f, v[f]]));
      const mine = Object.fromEntries(FIELDS.map((f) => [f, got[f]]));
      try {
        assert.deepEqual(mine, want);
      } catch {
        wrong.push(JSON.stringify(v.text) + '\n  java ' + JSON.stringify(want) + '\n  js   ' + JSON.stringify(mine));
      }
    }
    assert.equal(wrong.length, 0, wrong.length + ' phrases read otherwise:\n' + wrong.slice(0, Number(process.env.QA_SHOW ?? 15)).join('\n'));
  });
}

test('quick add leaves text longer than a title may be unread', () => {
  const long = 'Buy milk tomorrow p1 '.repeat(500) + '#Work';
  assert.ok(long.length > MAX_TEXT);
  const got = readQuickAdd(long, '2026-11-25');
  assert.equal(got.title, long);
  assert.equal(got.due, null);
  assert.equal(got.list, null);
  // In German too, as the desktop's parse_longerThanAnyTitle_notReadAndRefused.
  const lang = 'jeden Montag und Mittwoch um 14 Uhr '.repeat(300);
  assert.ok(lang.length > MAX_TEXT);
  const de = readQuickAdd(lang, '2026-11-25', compileGrammar(quickAddTable('de')));
  assert.deepEqual([de.title, de.repeat, de.time], [lang, null, null]);
  // Just under the cap, a text of nothing but candidates is read: every priority and tag taken out.
  const many = 'Plan ' + 'remind every @a p1 '.repeat(Math.floor((MAX_TEXT - 20) / 19));
  assert.ok(many.length <= MAX_TEXT);
  const read = readQuickAdd(many, '2026-11-25');
  assert.equal(read.priority, 1);
  assert.ok(read.tags.length > 400);
});

// The start, deadline and Someday words read at every word, and dates that are none, up to the cap: read at once
// in every language, and the warning quotes at most a date's few characters, however long the text.
test('quick add reads start, deadline and Someday words up to the cap at once, and its warning stays short', () => {
  const grammars = [null, compileGrammar(quickAddTable('de')), compileGrammar(quickAddTable('fr'))];
  for (const piece of ['start due ', 'ab bis fällig eines ', 'à partir de avant un de ', 'due start mon due fri ',
    'x feb ' + '3'.repeat(30) + ' ', 'feb 30x ', 'feb feb 30 ']) {
    const text = ('Plan ' + piece.repeat(MAX_TEXT)).slice(0, MAX_TEXT);
    for (const g of grammars) {
      const started = performance.now();
      const read = readQuickAdd(text, '2026-11-25', g);
      assert.ok(performance.now() - started < 2000, piece);
      assert.ok((warningText(read, '2026-11-25', EN) ?? '').length < 100, piece);
    }
  }
  assert.equal(warningText(readQuickAdd('Plan ' + 'x'.repeat(9000) + ' feb 30', '2026-11-25'), '2026-11-25', EN),
    '“feb 30” is not a date; it stays in the title');
});

// Hostile text: pieces of every language's phrases, numbers, dashes, dots, long words and odd spaces, seeded, each
// read within the cap in every language. Only that it ends is checked (the test's timeout bounds a hang); what it
// reads is the vectors' matter.
test('quick add reads seeded hostile text in every language and ends', { timeout: 60_000 }, () => {
  const pieces = ['jeden', 'alle', 'tous', 'les', 'chaque', 'un', 'sur', 'le', 'am', 'um', 'à', 'de', 'von', 'bis', 'to',
    'every', 'remind', 'erinnere', 'mich', 'rappel', 'für', 'pendant', 'for', 'Montag', 'lundi', 'mon', 'und', 'et', ',',
    'Uhr', 'h', 'heures', 'halb', 'et demie', 'viertel', 'vor', 'nach', '9', '14', '2.', '1er', '24.12.', '31/12', '1,5',
    '9-10', '9h-10h', '-', '–', '...', '.', '@x', '#L', 'p1', 'Notiz:', 'note:', '9'.repeat(40), 'a'.repeat(300),
    '-'.repeat(200), '\u00a0', '\u2028', '’', '{n}', '(?:', '\\', '𝄞'];
  let seed = 20261129;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const grammars = [null, compileGrammar(quickAddTable('de')), compileGrammar(quickAddTable('fr'))];
  for (let i = 0; i < 300; i++) {
    const ws = [];
    const n = i % 50 === 0 ? 2000 : 1 + next(40);
    for (let k = 0; k < n; k++) ws.push(pieces[next(pieces.length)]);
    const text = ws.join(next(5) === 0 ? '' : ' ').slice(0, MAX_TEXT);
    for (const g of grammars) {
      const read = readQuickAdd(text, '2026-11-25', g);
      assert.equal(typeof read.title, 'string');
    }
  }
});

test('a table with a placeholder the reader does not know is refused, and its phrases match only literally', () => {
  assert.throws(() => compileGrammar({ 'quickadd.date.today': '{nope}' }), /unknown placeholder \{nope\}/);
  // A translator's characters are matched as written, never as a pattern.
  const g = compileGrammar({ 'quickadd.date.today': 'a.b|(x)+', 'quickadd.date.tomorrow': '[morgen]' });
  assert.equal(readQuickAdd('Call a.b', '2026-11-25', g).due, '2026-11-25');
  assert.equal(readQuickAdd('Call axb', '2026-11-25', g).due, null);
  assert.equal(readQuickAdd('Call (x)+', '2026-11-25', g).due, '2026-11-25');
  assert.equal(readQuickAdd('Call xx', '2026-11-25', g).due, null);
  assert.equal(readQuickAdd('Call [morgen]', '2026-11-25', g).due, '2026-11-26');
  assert.equal(readQuickAdd('Call m', '2026-11-25', g).due, null);
});
