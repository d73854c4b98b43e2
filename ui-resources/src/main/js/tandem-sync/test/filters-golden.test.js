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
// same refusal at the same place with the same sentence (the page's catalogue's, in that language).
const V = JSON.parse(readFileSync(new URL('./vectors/filters.json', import.meta.url), 'utf8'));
/** The sentences the page says a refusal with (page.device.filter.KEY), in English, German or French. */
function sentences(lang) {
  const file = 'page' + (lang === 'en' ? '' : '_' + lang) + '.properties';
  const text = readFileSync(new URL('../../../resources/dev/tandem/ui/messages/' + file, import.meta.url), 'utf8');
  const words = Object.fromEntries(text.split('\n').filter((l) => /^page\.device\.filter\.\w+=/.test(l))
    .map((l) => [l.slice('page.device.filter.'.length, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  /** MessageFormat's way with {n}: numbers grouped as the language groups them. */
  return (e) => words[e.key].replace(/\{(\d)\}/g, (_, n) => (typeof e.args[n] === 'number'
    ? e.args[n].toLocaleString(lang) : e.args[n]));
}

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

/** The cases whose answer differs from the desktop's (the refusal's sentence said by {@code say}), each in a line. */
function wrongOf(cases, grammar, say) {
  const { todos, world: w } = world();
  const wrong = [];
  for (const [n, c] of cases.entries()) {
    let got;
    try {
      got = { ids: run(parse(c.query, V.today, { grammar }), todos, w).items.map((it) => it.id) };
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      got = { error: e.key, at: e.at, message: say(e) };
    }
    const want = c.error ? { error: c.error, at: c.at, message: c.message } : { ids: c.ids };
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
  assert.deepEqual(wrongOf(V.cases, null, sentences('en')), []);
});

test('the days said in German and French are vectors too, some finding todos, some refused', () => {
  assert.deepEqual(V.languages.map((l) => l.lang), ['de', 'fr']);
  for (const l of V.languages) {
    assert.ok(l.cases.length >= 60, l.lang);
    assert.ok(l.cases.filter((c) => c.ids && c.ids.length > 0).length >= 40, l.lang);
    assert.ok(l.cases.filter((c) => c.error === 'badDate').length >= 4, l.lang);
  }
});

for (const l of V.languages) {
  const grammar = compileGrammar(quickAddTable(l.lang));
  test('(' + l.lang + ') each day said in the language finds what the desktop in that language finds, or is refused in its words', () => {
    assert.deepEqual(wrongOf(l.cases, grammar, sentences(l.lang)), []);
  });
}

test('a day with its part of the day reads as the desktop reads it, in every language; a part alone or first does not', () => {
  const said = { en: V.cases, ...Object.fromEntries(V.languages.map((l) => [l.lang, l.cases])) };
  const answer = (lang, q) => said[lang].find((c) => c.query === q) ?? assert.fail(lang + ' ' + q);
  for (const [lang, q] of [['en', 'due: tomorrow morning'], ['en', 'due: fri evening'], ['de', 'due: morgen früh'],
    ['de', 'due: nächsten freitag abend'], ['fr', 'due: vendredi soir'], ['fr', 'due: lundi l’après-midi']]) {
    assert.ok(answer(lang, q).ids.length > 0, q);
  }
  for (const [lang, q] of [['en', 'due: morning'], ['en', 'due: morning tomorrow'], ['en', 'due: morgen früh'],
    ['de', 'due: früh'], ['de', 'due: abend morgen'], ['fr', 'due: soir'], ['fr', 'due: matin demain']]) {
    assert.equal(answer(lang, q).error, 'badDate', q);
  }
});

test('a query full of parts of the day at the bound is refused or answered within a view\'s steps, in bounded time', () => {
  const { todos: profile, world: w } = world();
  // 2,000 todos, the profile's again and again, and the view's budget for them (device-filters.js's VIEW_STEPS).
  const todos = Array.from({ length: 2000 }, (_, i) => ({ ...profile[i % profile.length], id: 'x' + i }));
  const budget = 1_000_000 + 400 * todos.length;
  const grammars = { en: null, de: compileGrammar(quickAddTable('de')), fr: compileGrammar(quickAddTable('fr')) };
  const fill = (part, join) => { let q = part; while (q.length + join.length + part.length <= 1000) q += join + part; return q; };
  const queries = [
    ['en', fill('due: tomorrow morning', ' | ')], ['en', 'due: ' + 'morning '.repeat(124)],
    ['en', fill('!(due before: next fri in the evening)', ' & ')], ['en', 'due: ' + 'in the morning '.repeat(66)],
    ['de', fill('due: morgen früh', '|')], ['de', 'due: ' + 'morgen '.repeat(141)],
    ['de', fill('due: heute abend', ' | ').padEnd(1001, ' früh')],
    ['fr', fill('due: vendredi prochain dans la soirée', ' | ')], ['fr', 'due: demain ' + 'soir '.repeat(197)],
  ];
  const at = performance.now();
  const answers = queries.map(([lang, q]) => {
    assert.ok(q.length <= 1001, q.length);
    let tree;
    try {
      tree = parse(q, V.today, { grammar: grammars[lang] });
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      return e.key;
    }
    const found = run(tree, todos, w, { budget });
    assert.ok(found.steps <= budget, found.steps);
    return found.total > 0 ? 'found' : 'none';
  });
  assert.ok(performance.now() - at < 2000, 'generous bound: ' + (performance.now() - at) + ' ms');
  assert.deepEqual(answers, ['found', 'badDate', 'found', 'badDate', 'found', 'badDate', 'tooLong', 'found', 'badDate']);
});
