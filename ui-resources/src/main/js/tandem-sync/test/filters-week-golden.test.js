import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, run, todoOf } from '../app/filters.js';
import { compileGrammar } from '../app/quick-add-grammar.js';
import { quickAddTable } from './support/quick-add-tables.js';

// Saved filters' "next week" and "next fri" (app/filters.js) counted from the week's first day as the desktop's
// FilterParser counts them (WeekStart.ofPhrases), held to it by the vectors FilterWeekStartGoldenTest wrote
// (test/vectors/filters-week.json): each query on Monday's, Sunday's and Saturday's weeks, in English, German and
// French, finds the todos the desktop finds.
const V = JSON.parse(readFileSync(new URL('./vectors/filters-week.json', import.meta.url), 'utf8'));
const grammars = { en: null, de: compileGrammar(quickAddTable('de')), fr: compileGrammar(quickAddTable('fr')) };

test('next week finds what the desktop finds on every week start, in every language', () => {
  const todos = V.items.map((row) => todoOf(row.id, { ...row, done: 0, kind: 'todo' }, []));
  assert.deepEqual([...new Set(V.cases.map((c) => c.weekStart))], [1, 7, 6]);
  const wrong = [];
  for (const c of V.cases) {
    const world = { today: V.today, weekStart: c.weekStart, lists: new Map(), sections: new Map(), attached: new Set(),
      midnight: (iso) => Date.parse(iso + 'T00:00:00Z') };
    const tree = parse(c.query, V.today, { grammar: grammars[c.lang], weekStart: c.weekStart });
    const ids = run(tree, todos, world).items.map((it) => it.id);
    if (JSON.stringify(ids) !== JSON.stringify(c.ids)) wrong.push(c.weekStart + ' ' + c.lang + ' ' + c.query + ': ' + ids + ' wanted ' + c.ids);
  }
  assert.deepEqual(wrong, []);
  const of = (ws, q) => V.cases.find((c) => c.weekStart === ws && c.query === q).ids;
  assert.notDeepEqual(of(1, 'due: next week'), of(7, 'due: next week'), 'the vectors tell the week starts apart');
});
