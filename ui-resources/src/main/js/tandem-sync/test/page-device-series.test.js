import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import * as items from '../app/items.js';
import * as series from '../app/series.js';
import { listJson } from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// The page as its own device completing a repeating todo (docs/WEB.md, "The page as its own device"): the tick
// goes through the outbox as on the served page, and the next occurrence is the desktop's (series-golden.test.js
// holds the rows to the desktop's model; here the page's door, entries sent again and two devices at once).
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');
const newReplica = () => new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });

function device(replica = newReplica()) {
  const answer = makeAnswerer({ replica, items, series, t: words, now: () => NOW,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => {} });
  const call = async (method, path, body) => {
    const res = await answer(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, data: await res.json() };
  };
  return { replica, call, outbox: (...entries) => call('POST', '/api/outbox', { entries }) };
}

function weekly(replica) {
  const id = uuid7();
  replica.save('items', id, { title: 'Water plants', due: '2026-11-23', repeat: 'FREQ=WEEKLY;BYDAY=MO', done: 0n,
    createdAt: BigInt(NOW - 1000) }, items.ITEM_COLUMNS);
  replica.save('item_tags', uuid7(), { itemId: id, tag: 'home' }, items.TAG_COLUMNS);
  replica.save('items', uuid7(), { title: 'Fill the can', parentId: id, done: 1n, createdAt: BigInt(NOW - 900) },
    items.ITEM_COLUMNS);
  return id;
}

const open = (replica) => listJson(replica).filter((i) => i.title === 'Water plants');

test('ticking a repeating todo makes its next occurrence with its tags and a fresh subtask; sent again, none more', async () => {
  const d = device();
  const id = weekly(d.replica);
  const tick = { op: 'done', id, key: 'k1', done: true, at: NOW };
  const answer = await d.outbox(tick);
  assert.equal(answer.data.results[0].outcome, 'applied');
  const [next] = open(d.replica);
  assert.equal(next.due, '2026-11-30');
  assert.deepEqual(next.tags, ['home']);
  assert.equal(next.repeat, 'FREQ=WEEKLY;BYDAY=MO');
  const fresh = listJson(d.replica).find((i) => i.parentId === next.id);
  assert.equal(fresh.title, 'Fill the can', 'the done subtask comes back open under the next one');
  const upcoming = (await d.call('GET', '/api/items?view=upcoming')).data.items;
  assert.ok(upcoming.some((r) => r.id === next.id && r.due === '2026-11-30'));
  const count = d.replica.entities.size;
  await d.outbox(tick);
  await d.outbox({ op: 'done', id, key: 'k2', done: false, at: NOW + 1 }, { op: 'done', id, key: 'k3', done: true, at: NOW + 2 });
  assert.equal(open(d.replica).length, 1, 'reopened and completed again: the next one exists, no second');
  assert.equal(d.replica.entities.size, count);
});

test('the page and another device completing the same occurrence offline end with one next occurrence', async () => {
  const below = new MemoryStorage();
  const sync = (replica) => new SyncEngine({ replica, storage: new EncryptedStorage(below, { type: 'passphrase',
    passphrase: 'pw' }), address: 'memory', encrypted: true, plainBelow: below }).sync();
  const desk = newReplica();
  const id = weekly(desk);
  await sync(desk);
  const d = device();
  await sync(d.replica);
  await series.complete(desk, id, NOW + 5000);
  await d.outbox({ op: 'done', id, key: 'k1', done: true, at: NOW });
  await sync(d.replica);
  await sync(desk);
  await sync(d.replica);
  for (const r of [desk, d.replica]) {
    assert.deepEqual(open(r).map((i) => i.due), ['2026-11-30']);
    assert.equal(listJson(r).filter((i) => i.title === 'Fill the can').length, 1);
    assert.equal(listJson(r, { all: true }).find((i) => i.id === id).done, true);
  }
});

test('a loop of parents and an outline deeper than the desktop keeps are copied once, at most 32 levels', async () => {
  const replica = newReplica();
  const id = uuid7();
  replica.save('items', id, { title: 'Top', due: '2026-11-23', repeat: 'FREQ=DAILY', done: 0n, parentId: null },
    items.ITEM_COLUMNS);
  let parent = id;
  for (let i = 0; i < 40; i++) {
    const c = uuid7();
    replica.save('items', c, { title: 'level ' + i, parentId: parent, done: 0n }, items.ITEM_COLUMNS);
    parent = c;
  }
  // The deepest one names the top as its child: a loop a synced row may make.
  replica.save('items', id, { ...replica.row('items', id), parentId: parent }, items.ITEM_COLUMNS);
  const before = replica.entities.size;
  const done = await series.complete(replica, id, NOW);
  assert.ok(done.next);
  const made = replica.entities.size - before;
  assert.equal(made, 1 + series.MAX_DEPTH, 'the next occurrence and 32 levels of fresh subtasks');
});

test('a rule the desktop does not read, or past the last date, completes the todo and makes nothing more', async () => {
  for (const repeat of ['FREQ=DAILY;COUNT=3', 'x'.repeat(100_000), 'FREQ=SECONDLY', null]) {
    const d = device();
    const id = uuid7();
    d.replica.save('items', id, { title: 'Once', due: '2026-11-23', repeat, done: 0n }, items.ITEM_COLUMNS);
    await d.outbox({ op: 'done', id, key: 'k', done: true, at: NOW });
    assert.equal(d.replica.entities.size, 1, String(repeat).slice(0, 20));
    assert.equal(listJson(d.replica, { all: true })[0].done, true);
  }
  const d = device();
  const id = uuid7();
  d.replica.save('items', id, { title: 'End', due: '2999-12-31', repeat: 'FREQ=DAILY', done: 0n }, items.ITEM_COLUMNS);
  await d.outbox({ op: 'done', id, key: 'k', done: true, at: NOW });
  assert.equal(d.replica.entities.size, 1);
});
