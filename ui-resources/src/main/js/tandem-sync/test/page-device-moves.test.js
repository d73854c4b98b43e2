import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import * as items from '../app/items.js';
import * as moves from '../app/moves.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// The page as its own device moving todos (docs/WEB.md, "The page as its own device"): the outbox's move entry as
// move.js sends it and the editor's list, through the page's door (device-moves.js) to the core's app/moves.js,
// which moves-golden.test.js holds to the desktop's model. Here: the outline the page then shows, entries sent
// again, hostile entries, and a move racing a sync.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');
const newReplica = () => new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });

function device(replica = newReplica()) {
  const answer = makeAnswerer({ replica, items, moves, t: words, now: () => NOW,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => {} });
  const call = async (method, path, body) => {
    const res = await answer(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, data: await res.json() };
  };
  const outbox = async (...entries) => (await call('POST', '/api/outbox', { entries })).data.results;
  return { replica, call, outbox };
}

/** A list "Home" with a section and todos A, B, C at its top, in that order. */
function home(replica) {
  const list = uuid7();
  replica.save('lists', list, { name: 'Home', createdAt: 1n }, items.LIST_COLUMNS);
  const section = uuid7();
  replica.save('sections', section, { listId: list, name: 'Garden', rank: 'a0', createdAt: 1n },
    ['listId', 'name', 'rank', 'collapsed', 'createdAt']);
  const [a, b, c] = ['A', 'B', 'C'].map((title, i) => {
    const id = uuid7();
    replica.save('items', id, { title, listId: list, done: 0n, createdAt: BigInt(i), rank: 'a' + i }, items.ITEM_COLUMNS);
    return id;
  });
  return { list, section, a, b, c };
}

const titles = async (d, list) => (await d.call('GET', '/api/items?view=list:' + list)).data.items
  .map((r) => '-'.repeat(r.depth ?? 0) + r.title + (r.sectionId ? '@' + r.sectionId : ''));
const at = (list, parentId = null, sectionId = null) => ({ listId: list, parentId, sectionId });

test('up, under the todo above, out and into a section: the outline shows each move, sent again it stays', async () => {
  const d = device();
  const { list, section, a, b, c } = home(d.replica);
  let r = await d.outbox({ op: 'move', id: c, key: 'm1', to: { ...at(list), beforeId: a }, base: at(list) });
  assert.equal(r[0].outcome, 'applied');
  assert.deepEqual(await titles(d, list), ['C', 'A', 'B']);
  r = await d.outbox({ op: 'move', id: b, key: 'm2', to: { ...at(list, a), beforeId: null }, base: at(list) });
  assert.deepEqual(await titles(d, list), ['C', 'A', '-B']);
  const rank = d.replica.row('items', b).rank;
  await d.outbox({ op: 'move', id: b, key: 'm2', to: { ...at(list, a), beforeId: null }, base: at(list) });
  assert.equal(d.replica.row('items', b).rank, rank, 'the entry sent again moves nothing');
  await d.outbox({ op: 'move', id: c, key: 'm3', to: { ...at(list, null, section), beforeId: null }, base: at(list) });
  assert.deepEqual(await titles(d, list), ['A', '-B', 'C@' + section]);
});

test('into another list with its subtasks, by a move or by the editor\'s list; a list that is not there is refused', async () => {
  const d = device();
  const { list, a, b } = home(d.replica);
  const other = uuid7();
  d.replica.save('lists', other, { name: 'Work', createdAt: 2n }, items.LIST_COLUMNS);
  await d.outbox({ op: 'move', id: b, key: 'm1', to: { ...at(list, a), beforeId: null }, base: at(list) });
  await d.outbox({ op: 'move', id: a, key: 'm2', to: { ...at(other), beforeId: null }, base: at(list) });
  assert.deepEqual(await titles(d, other), ['A', '-B']);
  assert.equal(d.replica.row('items', b).listId, other, 'the subtask goes with it');
  const [edited] = await d.outbox({ op: 'edit', id: a, key: 'e1', set: { listId: null }, base: { listId: other } });
  assert.equal(edited.outcome, 'applied');
  assert.equal(d.replica.row('items', a).listId, null, 'the editor\'s list writes the list alone, as the server');
  const [refused] = await d.outbox({ op: 'edit', id: a, key: 'e2', set: { listId: uuid7() }, base: { listId: null } });
  assert.deepEqual([refused.status, refused.reason], [400, 'page.device.noSuchList']);
});

test('hostile entries are refused with a reason and write nothing; the next entry still applies', async () => {
  const d = device();
  const { list, a, b, c } = home(d.replica);
  const bad = [
    { op: 'move', id: a, to: 'x', base: at(list) },
    { op: 'move', id: a, to: { ...at(list), beforeId: null, evil: 1 }, base: at(list) },
    { op: 'move', id: a, to: { ...at(list), parentId: 'x'.repeat(201) }, base: at(list) },
    { op: 'move', id: a, to: { ...at(list), parentId: "a'; DROP" }, base: at(list) },
    { op: 'move', id: a, to: at(list), base: { listId: list } },
    { op: 'move', id: a, to: { ...at(list, a) }, base: at(list) },
    { op: 'move', id: a, to: { ...at(list, uuid7()) }, base: at(list) },
    { op: 'move', id: uuid7(), to: at(list), base: at(list) },
    { op: 'move', id: a, to: at(uuid7()), base: at(list) },
    { op: 'move', id: a, to: at(list, null, uuid7()), base: at(list) },
  ];
  const before = JSON.stringify(d.replica);
  const refused = await d.outbox(...bad.map((e, i) => ({ ...e, key: 'b' + i })));
  assert.deepEqual(refused.map((r) => r.status), [400, 400, 400, 400, 400, 400, 404, 404, 404, 404]);
  assert.equal(refused[5].reason, 'page.device.move.underItself');
  assert.equal(JSON.stringify(d.replica), before, 'nothing written');
  const results = await d.outbox(bad[6], { op: 'move', id: c, key: 'ok', to: { ...at(list), beforeId: a }, base: at(list) });
  assert.deepEqual(results.map((r) => r.status), [404, 200]);
  assert.deepEqual(await titles(d, list), ['C', 'A', 'B']);
  assert.equal(d.replica.row('items', b).rank, 'a1');
});

test('a chain of subtasks deeper than the outline keeps is refused; a loop of parents costs a bounded walk', async () => {
  const d = device();
  const { list, a } = home(d.replica);
  let parent = null;
  const chain = [];
  for (let i = 0; i < 33; i++) {
    const id = uuid7();
    d.replica.save('items', id, { title: 'L' + i, listId: list, parentId: parent, done: 0n }, items.ITEM_COLUMNS);
    chain.push(id);
    parent = id;
  }
  const [deep] = await d.outbox({ op: 'move', id: a, key: 'd', to: at(list, parent), base: at(list) });
  assert.deepEqual([deep.status, deep.reason], [400, 'page.device.move.tooDeep(32)']);
  // The top of the chain names its deepest as its parent: a loop sync may bring.
  d.replica.save('items', chain[0], { ...d.replica.row('items', chain[0]), parentId: chain[32] }, items.ITEM_COLUMNS);
  const [loop] = await d.outbox({ op: 'move', id: a, key: 'l', to: at(list, chain[5]), base: at(list) });
  assert.equal(loop.status, 400);
});

test('moved elsewhere by a sync since the page showed it: it stays there, answered 409', async () => {
  const below = new MemoryStorage();
  const sync = (replica) => new SyncEngine({ replica, storage: new EncryptedStorage(below, { type: 'passphrase',
    passphrase: 'pw' }), address: 'memory', encrypted: true, plainBelow: below }).sync();
  const desk = newReplica();
  const { list, a, b } = home(desk);
  await sync(desk);
  const d = device();
  await sync(d.replica);
  moves.move(desk, b, at(list), { ...at(list, a), beforeId: null });
  await sync(desk);
  await sync(d.replica);
  const [r] = await d.outbox({ op: 'move', id: b, key: 'm', to: { ...at(list), beforeId: a }, base: at(list) });
  assert.deepEqual([r.status, r.reason], [409, 'page.device.move.elsewhere']);
  assert.equal(d.replica.row('items', b).parentId, a);
  // And the page's own move reaches the desktop in place.
  await d.outbox({ op: 'move', id: b, key: 'm2', to: { ...at(list), beforeId: a }, base: at(list, a) });
  await sync(d.replica);
  await sync(desk);
  const order = items.listJson(desk).filter((i) => i.listId === list && !i.parentId).sort((x, y) => (x.rank < y.rank ? -1 : 1));
  assert.deepEqual(order.map((i) => i.title), ['B', 'A', 'C']);
});

test('quick add ranks a todo after its siblings, a subtask after its parent\'s last one, in the parent\'s list', async () => {
  const d = device();
  const { list, a, b, c } = home(d.replica);
  const top = uuid7();
  await d.outbox({ op: 'add', id: top, key: 'a1', text: 'Dave', view: 'list:' + list, at: NOW });
  assert.deepEqual(await titles(d, list), ['A', 'B', 'C', 'Dave'], 'at the end, not first as a todo without a rank');
  const sub1 = uuid7();
  const sub2 = uuid7();
  const [r1] = await d.outbox({ op: 'add', id: sub1, key: 'a2', text: 'First #Elsewhere', parentId: b, at: NOW });
  await d.outbox({ op: 'add', id: sub2, key: 'a3', text: 'Second', parentId: b, view: 'today', at: NOW });
  assert.equal(r1.outcome, 'applied');
  const shown = (await d.call('GET', '/api/items?view=list:' + list)).data.items.map((r) => [r.title, r.depth ?? 0]);
  assert.deepEqual(shown, [['A', 0], ['B', 0], ['First', 1], ['Second', 1], ['C', 0], ['Dave', 0]]);
  assert.equal(d.replica.row('items', sub1).listId, list, 'the parent\'s list, whatever the text names');
  assert.equal(d.replica.row('items', sub2).due, null, 'typed in Today, but a subtask of B');
  await d.outbox({ op: 'trash', id: c, key: 't', trashed: true, at: NOW });
  const [gone] = await d.outbox({ op: 'add', id: uuid7(), key: 'a4', text: 'Orphan', parentId: c, at: NOW });
  assert.deepEqual([gone.outcome, gone.message], ['applied', 'page.device.parentGone']);
  assert.ok(items.listJson(d.replica).some((i) => i.title === 'Orphan' && i.listId == null && i.parentId == null));
  void a;
});
