import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { ITEM_COLUMNS, TAG_COLUMNS } from '../app/items.js';
import { complete, normalizeTag } from '../app/series.js';
import { typed, untyped } from './support/golden.js';

// Completing a todo as the desktop does (app/series.js), held to the desktop's model by the vectors its
// SeriesGoldenTest wrote (test/vectors/series-complete.json): the same rows before, the same todo completed at the
// same time, the same rows made or changed, and no others.
// TANDEM_SERIES_VECTORS: another file of cases (SeriesCrossTest writes fresh random ones there each run).
const VECTORS = JSON.parse(readFileSync(process.env.TANDEM_SERIES_VECTORS
  ?? new URL('./vectors/series-complete.json', import.meta.url), 'utf8')).cases;

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

/** The table's rows as the vectors write them: id order, typed values, null columns left out. */
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

test('the vectors are there: named cases and a random spread, a third or more making a next occurrence', () => {
  assert.ok(VECTORS.length >= 100, VECTORS.length + ' cases');
  assert.ok(VECTORS.filter((c) => c.changed.items.length > 1).length >= VECTORS.length / 3);
});

for (const v of VECTORS) {
  test('completing as the desktop does: ' + v.name, async () => {
    const replica = replicaOf(v.before);
    const before = { items: dump(replica, 'items', ITEM_COLUMNS), tags: dump(replica, 'item_tags', TAG_COLUMNS) };
    await complete(replica, v.target, v.now);
    const items = dump(replica, 'items', ITEM_COLUMNS);
    const tags = dump(replica, 'item_tags', TAG_COLUMNS);
    const changed = (now, was) => now.filter((r) => !was.some((w) => JSON.stringify(w) === JSON.stringify(r)));
    assert.deepEqual(changed(items, before.items), v.changed.items);
    assert.deepEqual(changed(tags, before.tags), v.changed.tags);
    assert.deepEqual({ items: items.length, tags: tags.length }, v.count);
  });
}

test('a tag is normalised as ItemTag.normalize: @ off, NFC, lower case, ASCII white space inside as "-", 64 at most', () => {
  assert.equal(normalizeTag('  @@Two  Words\t'), 'two-words');
  assert.equal(normalizeTag('E\u0301t\u00e9'), '\u00e9t\u00e9');
  assert.equal(normalizeTag('a\u00a0b'), 'a\u00a0b', 'a no-break space is no white space to Java');
  assert.equal(normalizeTag('x'.repeat(70)).length, 64);
  assert.equal(normalizeTag(5), '');
});
