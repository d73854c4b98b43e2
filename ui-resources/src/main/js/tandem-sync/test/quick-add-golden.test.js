import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_TEXT, readQuickAdd } from '../app/quick-add.js';

// Quick add (app/quick-add.js), held to the desktop's TodoDraft.parse by the vectors its QuickAddGoldenTest
// wrote (test/vectors/quick-add-LANG.json): every phrase read to the same title, dates, times, rule, priority,
// tags, list, reminder and kind. Every vector is compared, none passed over.
const FIELDS = ['title', 'due', 'time', 'minutes', 'repeat', 'priority', 'tags', 'list', 'remind', 'start', 'someday',
  'note'];

for (const lang of ['en']) {
  const vectors = JSON.parse(readFileSync(new URL('./vectors/quick-add-' + lang + '.json', import.meta.url), 'utf8'));
  test('quick add (' + lang + ') reads each of the ' + vectors.cases.length + ' vectors as the desktop does', () => {
    assert.ok(vectors.cases.length >= 400);
    const wrong = [];
    for (const v of vectors.cases) {
      const got = readQuickAdd(v.text, vectors.today);
      const want = Object.fromEntries(FIELDS.map((f) => [f, v[f]]));
      const mine = Object.fromEntries(FIELDS.map((f) => [f, got[f]]));
      try {
        assert.deepEqual(mine, want);
      } catch {
        wrong.push(JSON.stringify(v.text) + '\n  java ' + JSON.stringify(want) + '\n  js   ' + JSON.stringify(mine));
      }
    }
    assert.equal(wrong.length, 0, wrong.length + ' phrases read otherwise:\n' + wrong.slice(0, 15).join('\n'));
  });
}

test('quick add leaves text longer than a title may be unread', () => {
  const long = 'Buy milk tomorrow p1 '.repeat(500) + '#Work';
  assert.ok(long.length > MAX_TEXT);
  const got = readQuickAdd(long, '2026-11-25');
  assert.equal(got.title, long);
  assert.equal(got.due, null);
  assert.equal(got.list, null);
  // Just under the cap, a text of nothing but candidates is read: every priority and tag taken out.
  const many = 'Plan ' + 'remind every @a p1 '.repeat(Math.floor((MAX_TEXT - 20) / 19));
  assert.ok(many.length <= MAX_TEXT);
  const read = readQuickAdd(many, '2026-11-25');
  assert.equal(read.priority, 1);
  assert.ok(read.tags.length > 400);
});
