import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, repeatField } from '../app/edits.js';
import { dueLabel, timeAndLength } from '../app/due-labels.js';
import { first, toRule } from '../app/quick-add-when.js';
import { compileGrammar } from '../app/quick-add-grammar.js';
import { quickAddTable } from './support/quick-add-tables.js';

// Dates and rules in words on the page as its own device, held to the desktop by the vectors DateWordsGoldenTest
// wrote (test/vectors/date-words.json): for English, German and French, each rule described as Recurrence.describe
// does with the words /messages.json carries, each typed phrase read as RepeatPhrases.field reads it in that language
// (with quick add's grammar of the language, as the page compiles it) with the rule's first day from the vectors'
// today (2026-06-15, DateWordsGoldenTest.FIRST_FROM), and each row's due label and time label as
// DueDates says them. Every vector is compared, none passed over.
const vectors = JSON.parse(readFileSync(new URL('./vectors/date-words.json', import.meta.url), 'utf8'));

test('the vectors cover English, German and French', () => {
  assert.deepEqual(vectors.languages.map((l) => l.lang), ['en', 'de', 'fr']);
});

for (const l of vectors.languages) {
  const words = { lang: l.lang, ...l.words };
  const grammar = l.lang === 'en' ? null : compileGrammar(quickAddTable(l.lang));

  test('(' + l.lang + ') each of the ' + l.describe.length + ' rules is described as the desktop describes it', () => {
    assert.ok(l.describe.length >= 60);
    const wrong = l.describe.filter((v) => describe(v.rule, words) !== v.text)
      .map((v) => v.rule + ': java ' + JSON.stringify(v.text) + ', js ' + JSON.stringify(describe(v.rule, words)));
    assert.deepEqual(wrong, []);
  });

  test('(' + l.lang + ') each of the ' + l.field.length + ' typed phrases reads to the desktop\'s rule', () => {
    assert.ok(l.field.length >= 60);
    const js = (v) => {
      const r = repeatField(v.text, grammar);
      return r ? toRule(r) + ' from ' + first(r, '2026-06-15') : null;
    };
    const wrong = l.field.filter((v) => js(v) !== (v.rule === null ? null : v.rule + ' from ' + v.first))
      .map((v) => JSON.stringify(v.text) + ': java ' + v.rule + ' from ' + v.first + ', js ' + js(v));
    assert.deepEqual(wrong, []);
  });
}

for (const l of vectors.languages) {
  const words = { lang: l.lang, ...l.words };
  test('(' + l.lang + ') each of the ' + l.labels.length + ' rows says its day, time and length as the desktop does', () => {
    assert.ok(l.labels.length >= 200);
    const wrong = [];
    for (const v of l.labels) {
      const got = [dueLabel(v.due, v.time, v.minutes, v.today, words), timeAndLength(v.due == null ? null : v.time, v.minutes, words)];
      if (got[0] !== v.dueLabel || got[1] !== v.timeLabel) wrong.push(JSON.stringify(v) + ' js ' + JSON.stringify(got));
    }
    assert.deepEqual(wrong, []);
  });
}

test('without words a row\'s day, time and length are said in English, as the desktop in English says them', () => {
  const en = vectors.languages.find((l) => l.lang === 'en');
  for (const v of en.labels) assert.equal(dueLabel(v.due, v.time, v.minutes, v.today), v.dueLabel, JSON.stringify(v));
});

test('without words a rule is described in English, as before', () => {
  assert.equal(describe('FREQ=MONTHLY;BYMONTHDAY=22'), 'every month on the 22nd');
  assert.equal(describe('FREQ=MONTHLY;BYMONTHDAY=22', { lang: 'de', patterns: null }), 'every month on the 22nd');
});

test('German read only where German is the page\'s language', () => {
  assert.equal(repeatField('jeden 2. Tag'), null);
  assert.equal(toRule(repeatField('jeden 2. Tag', compileGrammar(quickAddTable('de')))), 'FREQ=DAILY;INTERVAL=2');
});
