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
  return { replica, outbox };
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
