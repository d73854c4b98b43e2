import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { ITEM_COLUMNS, TAG_COLUMNS } from '../app/items.js';
import { EditRefused, applyDetails, describe, details, repeatField, tagsOf } from '../app/edits.js';
import { typed, untyped } from './support/golden.js';

// Editing a todo's details as the server's edit does (app/edits.js), held to the desktop's model by the vectors its
// EditGoldenTest wrote (test/vectors/todo-edits.json): the same rows before, the same edit on the same day, the same
// refusal or the same rows made or changed and no others, and every field shown as the server's editor shows it.
const VECTORS = JSON.parse(readFileSync(new URL('./vectors/todo-edits.json', import.meta.url), 'utf8')).cases;

function replicaOf(before) {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const load = (table, rows, columns) => {
    for (const r of rows) {
      const row = {};
      for (const c of columns) row[c] = r[c] === undefined ? null : untyped(r[c]);
      replica.save(table, r.id, row, columns);
    }
  };
  load('items', before.items, ITEM_COLUMNS);
  load('item_tags', before.tags, TAG_COLUMNS);
  return replica;
}

function dump(replica, table, columns) {
  const out = [];
  for (const e of replica.entities.values()) {
    if (e.table !== table) continue;
    const row = replica.row(table, e.entity);
    if (!row) continue;
    const r = { id: e.entity };
    for (const c of columns) if (row[c] != null) r[c] = typed(row[c]);
    out.push(r);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A value of the edit as the page sends it: JSON numbers for the typed ones. */
const sent = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Number(untyped(v)) : v);
const sentAll = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, sent(v)]));

test('the vectors are there: most kinds of refusal, and edits that write rows and tags', () => {
  assert.ok(VECTORS.length >= 300, VECTORS.length + ' cases');
  assert.ok(VECTORS.filter((c) => c.refused == null && c.changed.items.length).length >= 100);
  assert.ok(VECTORS.filter((c) => c.changed.tags.length).length >= 30);
  assert.ok(new Set(VECTORS.map((c) => c.refused)).size >= 8);
});

for (const v of VECTORS) {
  test('an edit as the desktop writes it: ' + v.name, async () => {
    const replica = replicaOf(v.before);
    const before = { items: dump(replica, 'items', ITEM_COLUMNS), tags: dump(replica, 'item_tags', TAG_COLUMNS) };
    let refused = null;
    try {
      await applyDetails(replica, v.id, sentAll(v.set), sentAll(v.base), v.now, v.today);
    } catch (e) {
      if (!(e instanceof EditRefused)) throw e;
      refused = e.key;
    }
    assert.equal(refused, v.refused, JSON.stringify(v.set));
    const items = dump(replica, 'items', ITEM_COLUMNS);
    const tags = dump(replica, 'item_tags', TAG_COLUMNS);
    const changed = (now, was) => now.filter((r) => !was.some((w) => JSON.stringify(w) === JSON.stringify(r)));
    assert.deepEqual(changed(items, before.items), v.changed.items, JSON.stringify(v.set));
    assert.deepEqual(changed(tags, before.tags), v.changed.tags, JSON.stringify(v.set));
    assert.deepEqual({ items: items.length, tags: tags.length }, v.count);
    const shown = details(replica.row('items', v.id));
    const want = v.fields;
    assert.deepEqual({ ...shown, tags: tagsOf(replica, v.id) }, {
      time: want.time, lengthMinutes: want.lengthMinutes == null ? null : Number(untyped(want.lengthMinutes)),
      repeat: want.repeat, remindAt: want.remindAt == null ? null : Number(untyped(want.remindAt)),
      start: want.start, someday: want.someday, tags: want.tags,
    });
  });
}

test('a rule is described as the desktop describes it in English, and read back to the same rule', () => {
  for (const [rule, said] of [['FREQ=DAILY', 'every day'], ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'every 2 weeks on Tue, Thu'],
    ['FREQ=MONTHLY;BYMONTHDAY=22', 'every month on the 22nd'], ['FREQ=MONTHLY;BYMONTHDAY=11', 'every month on the 11th'],
    ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=4', 'every year on Mar 4'], ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'every weekday']]) {
    assert.equal(describe(rule), said);
  }
  for (const said of ['every day', 'every 2 weeks on Tue, Thu', 'every month on the 22nd', 'every weekday', 'every Monday']) {
    assert.ok(repeatField(said), said);
  }
  assert.equal(describe('FREQ=SOMETIMES'), null);
  assert.equal(describe(42n), null);
});
