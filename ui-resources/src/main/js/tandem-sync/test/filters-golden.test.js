import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FilterError, parse, run, todoOf } from '../app/filters.js';
import { compileGrammar } from '../app/quick-add-grammar.js';
import { quickAddTable } from './support/quick-add-tables.js';

// Saved filters read and run as the desktop does (app/filters.js), held to FilterParser over FilteredItems by the
// vectors FilterGoldenTest wrote (test/vectors/filters.json): over the same rows, every query finds the same todos
// in the same order, or is refused with the same sentence at the same place. Then the days said in German and French
// (V.languages), read with quick add's grammar of that language as the page compiles it: the same todos, or the
// same refusal at the same place (its sentence is the page's catalogue's, in that language).
const V = JSON.parse(readFileSync(new URL('./vectors/filters.json', import.meta.url), 'utf8'));
const CATALOGUE = readFileSync(new URL('../../../resources/dev/tandem/ui/messages/filter.properties', import.meta.url), 'utf8');
const ENGLISH = Object.fromEntries(CATALOGUE.split('\n').filter((l) => /^filter\.error\.\w+=/.test(l))
  .map((l) => [l.slice('filter.error.'.length, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
/** MessageFormat's way with {n}: numbers grouped as English groups them. */
const say = (e) => ENGLISH[e.key].replace(/\{(\d)\}/g, (_, n) => (typeof e.args[n] === 'number'
  ? e.args[n].toLocaleString('en-US') : e.args[n]));

function world() {
  const tags = new Map();
  for (const [itemId, tag] of V.profile.tags) {
    if (!tags.has(itemId)) tags.set(itemId, []);
    tags.get(itemId).push(tag);
  }
  const todos = V.profile.items.map((row) => todoOf(row.id, row, tags.get(row.id) ?? []));
  return { todos, world: { today: V.today, lists: new Map(V.profile.lists), sections: new Map(V.profile.sections),
    attached: new Set(V.profile.attached), midnight: (iso) => Date.parse(iso + 'T00:00:00Z') } };
}

test('the vectors hold every kind of case', () => {
  assert.ok(V.cases.length >= 400);
  assert.ok(V.cases.filter((c) => c.ids && c.ids.length > 0).length >= 250);
  assert.ok(V.cases.filter((c) => c.ids && c.ids.length === 0).length >= 20);
  assert.ok(new Set(V.cases.filter((c) => c.error).map((c) => c.error)).size >= 11);
});

/** The cases whose answer differs from the desktop's, each said in a line. */
function wrongOf(cases, grammar, sentence) {
  const { todos, world: w } = world();
  const wrong = [];
  for (const [n, c] of cases.entries()) {
    let got;
    try {
      got = { ids: run(parse(c.query, V.today, { grammar }), todos, w).items.map((it) => it.id) };
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      got = { error: e.key, at: e.at, ...(sentence ? { message: say(e) } : {}) };
    }
    const want = c.error ? { error: c.error, at: c.at, ...(sentence ? { message: c.message } : {}) } : { ids: c.ids };
    try {
      assert.deepEqual(got, want);
    } catch (e) {
      wrong.push('case ' + n + ' ' + JSON.stringify(c.query.slice(0, 80)) + ': ' + JSON.stringify(got).slice(0, 300)
        + ' wanted ' + JSON.stringify(want).slice(0, 300));
    }
  }
  return wrong;
}

test('every query finds the todos the desktop finds, in its order, or is refused as it is', () => {
  assert.deepEqual(wrongOf(V.cases, null, true), []);
});

test('the days said in German and French are vectors too, some finding todos, some refused', () => {
  assert.deepEqual(V.languages.map((l) => l.lang), ['de', 'fr']);
  for (const l of V.languages) {
    assert.ok(l.cases.length >= 60, l.lang);
    assert.ok(l.cases.filter((c) => c.ids && c.ids.length > 0).length >= 40, l.lang);
    assert.ok(l.cases.filter((c) => c.error === 'badDate').length >= 4, l.lang);
  }
});

/** Where the page differs, as docs/WEB.md says: a date's part of the day does not read there; the desktop reads the day. */
const PART_OF_DAY = ['due: morgen früh', 'due: heute abend', 'due: vendredi soir', 'due: demain matin'];

for (const l of V.languages) {
  const grammar = compileGrammar(quickAddTable(l.lang));
  test('(' + l.lang + ') each day said in the language finds what the desktop in that language finds', () => {
    assert.deepEqual(wrongOf(l.cases.filter((c) => !PART_OF_DAY.includes(c.query)), grammar, false), []);
  });

  test('(' + l.lang + ') a day with its part of the day is the one difference: the desktop reads the day, the page refuses', () => {
    const apart = l.cases.filter((c) => PART_OF_DAY.includes(c.query));
    assert.equal(apart.length, 2);
    for (const c of apart) {
      assert.ok(c.ids && c.ids.length > 0, c.query);
      assert.throws(() => parse(c.query, V.today, { grammar }), (e) => e instanceof FilterError && e.key === 'badDate' && e.at === 5);
    }
  });
}
