import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';

// JS devices syncing through one remote: edits and their conflicts, deletes, notes merged line by
// line, a remote the devices read through its encryption, and junk that is set aside while the rest
// merges.
let time = 1_732_000_000_000;
const wall = () => time;
const COLS = ['title', 'notes', 'done', 'listId'];

function device(id, storage, opts = {}) {
  const replica = new Replica({ deviceId: id, clock: new HybridClock(wall), mergeText: ['items.notes'] });
  return { replica, engine: new SyncEngine({ replica, storage, address: 'remote', now: wall, ...opts }) };
}

async function sync(...devices) {
  for (const d of devices) {
    time += 5;
    await d.engine.sync();
  }
}

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

test('two devices converge; a clash is one conflict on the device that meets it; notes merge by line', async () => {
  const remote = new MemoryStorage();
  const a = device(A, remote);
  const b = device(B, remote);
  time += 1;
  a.replica.save('items', 'i1', { title: 'Milk', notes: 'one\ntwo\nthree', done: 0n, listId: null }, COLS);
  await sync(a, b);
  assert.deepEqual(b.replica.row('items', 'i1'), a.replica.row('items', 'i1'));
  time += 1;
  a.replica.save('items', 'i1', { title: 'Oat milk', notes: 'one\ntwo!\nthree' }, COLS);
  time += 1;
  b.replica.save('items', 'i1', { title: 'Soy milk', notes: 'one\ntwo\nthree\nfour' }, COLS);
  await sync(a, b, a);
  const rowA = a.replica.row('items', 'i1');
  assert.deepEqual(rowA, b.replica.row('items', 'i1'));
  assert.equal(rowA.title, 'Soy milk', 'the later edit wins');
  assert.equal(rowA.notes, 'one\ntwo!\nthree\nfour', 'both devices\' lines kept');
  const conflicts = b.replica.listConflicts();
  assert.equal(conflicts.length, 1);
  assert.deepEqual([conflicts[0].kind, conflicts[0].field, conflicts[0].keptValue, conflicts[0].lostValue],
    ['EDIT_EDIT', 'title', 'Soy milk', 'Oat milk']);
  const onA = a.replica.listConflicts();
  assert.deepEqual(onA.map((c) => [c.kind, c.field, c.keptValue, c.lostValue]),
    [['EDIT_EDIT', 'title', 'Soy milk', 'Oat milk']], 'A meets the same clash from its side');
});

test('an edit concurrent with a delete keeps the delete and records EDIT_DELETE', async () => {
  const remote = new MemoryStorage();
  const a = device(A, remote);
  const b = device(B, remote);
  time += 1;
  a.replica.save('items', 'i2', { title: 'Bread', notes: null, done: 0n, listId: null }, COLS);
  await sync(a, b);
  time += 1;
  a.replica.delete('items', 'i2');
  time += 1;
  b.replica.save('items', 'i2', { title: 'Rye bread' }, COLS);
  await sync(a, b, a);
  assert.equal(a.replica.row('items', 'i2'), null);
  assert.equal(b.replica.row('items', 'i2'), null);
  const onA = a.replica.listConflicts();
  assert.deepEqual(onA.map((c) => [c.kind, c.field, c.lostValue]), [['EDIT_DELETE', 'title', 'Rye bread']]);
});

test('an encrypted remote: a second device with the passphrase bootstraps; junk is set aside, the rest merges', async () => {
  const below = new MemoryStorage();
  const enc = () => new EncryptedStorage(below, { type: 'passphrase', passphrase: 'sync passphrase' });
  const a = device(A, enc(), { encrypted: true });
  time += 1;
  for (let i = 0; i < 30; i++) a.replica.save('items', 'n' + i, { title: 'T' + i, done: 0n }, COLS);
  await sync(a);
  await below.createIfAbsent('batches/' + A + '/000000000002', new Uint8Array([1, 2, 3]));
  await below.createIfAbsent('heads/' + A + '/000000000002', new Uint8Array([1]));
  const b = device(B, enc(), { encrypted: true });
  time += 5;
  const report = await b.engine.sync();
  assert.equal(b.replica.row('items', 'n29').title, 'T29');
  assert.deepEqual(report.setAside.map((s) => s.key), ['batches/' + A + '/000000000002']);
  assert.match(report.setAside[0].problem, /not an encrypted Tandem object/);
});
