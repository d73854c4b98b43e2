import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import * as trash from '../app/trash.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// To the Trash and back on the page as its own device, as the desktop's TodoVerbs.trash and restore: the todos under
// it go with it at one moment, come back with it, and a subtask restored brings its parent out of the Trash.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, trash, t: words, now: () => NOW,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => {} });
  const outbox = async (...entries) => {
    const res = await answer('/api/outbox', { method: 'POST', body: JSON.stringify({ entries }) });
    return (await res.json()).results;
  };
  const get = async (path) => {
    const res = await answer(path);
    return { status: res.status, data: await res.json() };
  };
  return { replica, outbox, get };
}

function tree(replica) {
  const [top, sub, deeper, earlier] = [uuid7(), uuid7(), uuid7(), uuid7()];
  replica.save('items', top, { title: 'Move house', done: 0n }, items.ITEM_COLUMNS);
  replica.save('items', sub, { title: 'Pack', parentId: top, done: 0n }, items.ITEM_COLUMNS);
  replica.save('items', deeper, { title: 'Books', parentId: sub, done: 0n }, items.ITEM_COLUMNS);
  // Trashed before, on its own: it stays in the Trash when the tree comes back.
  replica.save('items', earlier, { title: 'Old boxes', parentId: top, done: 0n, trashedAt: 5n }, items.ITEM_COLUMNS);
  return { top, sub, deeper, earlier };
}

const trashed = (replica) => items.listJson(replica, { all: true }).map((i) => i.title).sort();

test('a todo goes to the Trash with the todos under it and comes back with them, not with one trashed before', async () => {
  const d = device();
  const { top, earlier } = tree(d.replica);
  assert.equal((await d.outbox({ op: 'trash', id: top, key: 'k1', trashed: true, at: NOW }))[0].outcome, 'applied');
  assert.deepEqual(trashed(d.replica), []);
  await d.outbox({ op: 'trash', id: top, key: 'k1', trashed: true, at: NOW + 5 });
  assert.equal(d.replica.row('items', top).trashedAt, BigInt(NOW), 'sent again: the moment stays');
  await d.outbox({ op: 'trash', id: top, key: 'k2', trashed: false, at: NOW + 9 });
  assert.deepEqual(trashed(d.replica), ['Books', 'Move house', 'Pack']);
  assert.equal(d.replica.row('items', earlier).trashedAt, 5n);
});

test('a subtask restored brings the todos above it out of the Trash; a loop of parents ends the walk', async () => {
  const d = device();
  const { top, sub, deeper } = tree(d.replica);
  await d.outbox({ op: 'trash', id: top, key: 'k1', trashed: true, at: NOW });
  await d.outbox({ op: 'trash', id: deeper, key: 'k2', trashed: false, at: NOW + 1 });
  assert.deepEqual(trashed(d.replica), ['Books', 'Move house', 'Pack']);
  d.replica.save('items', top, { ...d.replica.row('items', top), parentId: deeper }, items.ITEM_COLUMNS);
  await d.outbox({ op: 'trash', id: sub, key: 'k3', trashed: true, at: NOW + 2 });
  assert.deepEqual(await d.outbox({ op: 'trash', id: sub, key: 'k4', trashed: false, at: NOW + 3 })
    .then((r) => r[0].outcome), 'applied');
});

test('the Trash view lists what is there, latest first; Restore takes one out, Delete for good leaves a tombstone', async () => {
  const d = device();
  const { top, earlier } = tree(d.replica);
  await d.outbox({ op: 'trash', id: top, trashed: true, at: NOW });
  const side = (await d.get('/api/sidebar')).data;
  assert.ok(side.views.some((v) => v.key === 'trash' && v.label === 'page.device.trash'));
  const shown = (await d.get('/api/items?view=trash')).data;
  assert.deepEqual(shown.items.map((r) => [r.title, r.trashed]), [['Move house', true], ['Pack', true], ['Books', true],
    ['Old boxes', true]], 'the tree trashed at NOW (by id), then the one trashed at 5');
  assert.equal(shown.total, 4);
  assert.equal(shown.items.at(-1).id, earlier);
  // Delete for good, from the Trash only: a todo out of it is refused and stays.
  const open = uuid7();
  d.replica.save('items', open, { title: 'Keep', done: 0n }, items.ITEM_COLUMNS);
  const [refused] = await d.outbox({ op: 'purge', id: open, title: 'Keep' });
  assert.deepEqual([refused.status, refused.reason], [400, 'page.device.notInTrash']);
  assert.ok(d.replica.row('items', open));
  const [gone] = await d.outbox({ op: 'purge', id: earlier, title: 'Old boxes' });
  assert.equal(gone.outcome, 'applied');
  assert.equal(d.replica.row('items', earlier), null, 'deleted, as the desktop deletes: a tombstone that syncs');
  assert.equal((await d.outbox({ op: 'purge', id: earlier }))[0].outcome, 'applied', 'gone already: nothing to do');
  await d.outbox({ op: 'trash', id: top, trashed: false });
  assert.deepEqual((await d.get('/api/items?view=trash')).data.items, []);
});

test('the Trash view takes synced rows of any shape: a trashedAt that is no number, a title that is none', async () => {
  const d = device();
  for (const [n, trashedAt] of [[1, 'yesterday'], [2, 9_000_000_000_000_000_000n], [3, -1n], [4, 7n]]) {
    d.replica.save('items', '01900000-0000-7000-8000-00000000090' + n, { title: n === 4 ? 42n : 'T' + n, done: 0n, trashedAt },
      items.ITEM_COLUMNS);
  }
  const shown = await d.get('/api/items?view=trash&limit=2');
  assert.equal(shown.status, 200);
  assert.deepEqual([shown.data.total, shown.data.items.map((r) => r.title)], [4, ['T2', '']]);
});
