import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { ITEM_COLUMNS, LIST_COLUMNS } from '../app/items.js';
import { move } from '../app/moves.js';
import { between, isValid } from '../app/rank.js';
import { typed, untyped } from './support/golden.js';

// A todo moved in an outline (app/moves.js, app/rank.js), held to the desktop's model by the vectors its
// MoveGoldenTest wrote (test/vectors/outline-moves.json): the same rows, the same move and base, the same outcome,
// the same rows made or changed and no others.
const VECTORS = JSON.parse(readFileSync(new URL('./vectors/outline-moves.json', import.meta.url), 'utf8')).cases;
const SECTION_COLUMNS = ['listId', 'name', 'rank', 'collapsed', 'createdAt'];
const SHOWN = ['listId', 'title', 'done', 'trashedAt', 'createdAt', 'kind', 'parentId', 'sectionId', 'rank'];

function replicaOf(v) {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const load = (table, rows, columns) => {
    for (const r of rows) {
      const row = {};
      for (const c of columns) row[c] = r[c] === undefined ? null : untyped(r[c]);
      replica.save(table, r.id, row, columns);
    }
  };
  load('lists', v.lists, LIST_COLUMNS);
  load('sections', v.sections, SECTION_COLUMNS);
  load('items', v.items, ITEM_COLUMNS);
  return replica;
}

function dump(replica) {
  const out = [];
  for (const e of replica.entities.values()) {
    if (e.table !== 'items') continue;
    const row = replica.row('items', e.entity);
    if (!row) continue;
    const r = { id: e.entity };
    for (const c of SHOWN) if (row[c] != null) r[c] = typed(row[c]);
    out.push(r);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

test('the vectors hold moves of every outcome, most of them made', () => {
  const outcomes = new Set(VECTORS.map((v) => v.outcome));
  for (const o of ['MOVED', 'MOVED_ELSEWHERE', 'GONE', 'PARENT_GONE', 'LIST_GONE', 'SECTION_GONE', 'UNDER_ITSELF']) {
    assert.ok(outcomes.has(o), o);
  }
});

for (const v of VECTORS) {
  test('moving as the desktop does: ' + v.name + ' (' + v.outcome + ')', () => {
    const replica = replicaOf(v);
    const before = dump(replica);
    const r = move(replica, v.id, v.base, v.target);
    assert.equal(r.outcome, v.outcome);
    assert.deepEqual(r.stale, v.stale);
    const after = dump(replica);
    assert.deepEqual(after.filter((x) => !before.some((b) => JSON.stringify(b) === JSON.stringify(x))), v.changed);
    assert.equal(after.length, v.count);
  });
}

test('a key between any two in order, and none between keys alike or reversed', () => {
  let lo = null;
  let hi = null;
  for (let i = 0; i < 500; i++) {
    const k = between(lo, hi);
    assert.ok(isValid(k) && (lo == null || lo < k) && (hi == null || k < hi), lo + ' < ' + k + ' < ' + hi);
    if (i % 2) lo = k; else hi = k;
  }
  assert.throws(() => between('a1', 'a1'));
  assert.throws(() => between('b', null));
});
