import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FolderStorage } from '../src/storage/folder.js';
import { MemoryStorage } from '../src/storage/memory.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { decodeManifest, decodePart, encodeManifest } from '../src/wire/snapshot.js';
import { GOLDEN, goldenSkip } from './support/golden.js';

// The tombstone horizon against the engine (SnapshotHorizonGoldenTest): a JS device under B's id
// compacting the engine's folder at the same three clocks forgets what the engine forgot and writes
// the engine's last snapshot byte for byte: without the deleted item and its replaced ids when every
// device saw the delete, with both when device C did not.
const skip = goldenSkip('snapshot-horizon');

function files(dir) {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile()).map((f) => join(f.parentPath ?? f.path, f.name).slice(dir.length + 1)).sort() : [];
}

async function replay(name) {
  const base = join(GOLDEN, 'snapshot-horizon', name);
  const json = JSON.parse(readFileSync(join(base, 'expected.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'tandem-golden-horizon-'));
  let now = 0;
  const replica = new Replica({ deviceId: json.device, clock: new HybridClock(() => now), mergeText: ['items.notes'] });
  const engine = new SyncEngine({ replica, storage: new FolderStorage(dir), address: dir, now: () => now,
    snapshotEvery: 0 });
  const reports = [];
  json.stages.forEach((s, i) => { s.index = i; });
  for (const stage of json.stages) {
    // The folder as the engine's B found it: the other devices' new objects in, what is gone out.
    const added = join(base, 'stage-' + stage.index, 'files');
    for (const f of files(added)) {
      if (!existsSync(join(dir, f))) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        cpSync(join(added, f), join(dir, f));
      }
    }
    // B's own acks aside: this core deletes its older ones when it publishes, the engine at its next cleanup.
    const others = (list) => list.filter((f) => !f.startsWith('acks/' + json.device + '/'));
    const want = new Set(stage.files);
    for (const f of others(files(dir))) if (!want.has(f)) rmSync(join(dir, f));
    assert.deepEqual(others(files(dir)), others(stage.files), 'stage ' + stage.index + ' starts from the engine\'s folder');
    now = stage.now;
    const report = await engine.compact();
    assert.equal(report.compaction.snapshot, stage.snapshot, 'stage ' + stage.index);
    assert.equal(report.compaction.forgotten, stage.forgotten, 'stage ' + stage.index + ' forgets what the engine did');
    assert.equal(report.compaction.deletedBatches, stage.deletedBatches, 'stage ' + stage.index);
    reports.push(report);
  }
  const written = join(dir, 'snapshots', json.id);
  assert.deepEqual(readdirSync(written).sort(), [...json.parts, 'manifest'].sort());
  const parts = [];
  for (const p of json.parts) {
    const mine = readFileSync(join(written, p));
    const engines = readFileSync(join(base, 'written', p));
    assert.ok(mine.equals(engines), p + ' differs from the engine\'s (' + mine.length + ' against ' + engines.length
      + ' bytes)');
    parts.push(decodePart(new Uint8Array(mine), 'snapshots/' + json.id + '/' + p, json.id, parts.length + 1));
  }
  const key = 'snapshots/' + json.id + '/manifest';
  const engines = new Uint8Array(readFileSync(join(base, 'written', 'manifest')));
  const theirs = decodeManifest(engines, key, json.id);
  const mine = decodeManifest(new Uint8Array(readFileSync(join(written, 'manifest'))), key, json.id);
  assert.ok(Buffer.from(encodeManifest({ ...mine, cursors: theirs.cursors })).equals(Buffer.from(engines)));
  rmSync(dir, { recursive: true, force: true });
  return { json, replica, entries: parts.flatMap((p) => p.entries) };
}

test('golden horizon: a delete every device saw is forgotten, and the next snapshot equals the engine\'s',
  { skip }, async () => {
    const { replica, entries } = await replay('forgotten');
    assert.ok(!entries.some((e) => e.change.entity === 'item-004'), 'the deleted item is not in the snapshot');
    assert.equal(replica.entity('items', 'item-004', false), null, 'nor here');
    const first = entries.filter((e) => e.change.entity === 'item-007');
    assert.ok(first.length > 0 && first.every((e) => e.change.fields.every((f) => f.replaces == null)),
      'a winner every device merged names no replaced id');
    const last = entries.find((e) => e.change.entity === 'item-002' && e.change.fields.some((f) => f.name === 'title'));
    assert.ok(last.change.fields.some((f) => f.replaces != null), 'an edit made after the checkpoint keeps them');
  });

test('golden horizon: a device that has not seen the delete keeps the tombstone and the replaced ids',
  { skip }, async () => {
    const { replica, entries } = await replay('unseen');
    assert.ok(entries.some((e) => e.change.entity === 'item-004'
      && e.change.fields.some((f) => f.name === '_deleted' && f.value === 1n)), 'the tombstone is in the snapshot');
    assert.notEqual(replica.entity('items', 'item-004', false), null);
    assert.ok(entries.some((e) => e.change.fields.some((f) => f.replaces != null)));
  });

// JS devices among themselves, and a remote an attacker wrote into.
const A = '0190a1b2-0000-4000-8000-00000000000a';
const B = '0190a1b2-0000-4000-8000-00000000000b';
const C = '0190a1b2-0000-4000-8000-00000000000c';
const X = '0190a1b2-0000-4000-8000-0000000000ff';
const COLS = ['title', 'done'];
const DAY = 24 * 3600 * 1000;
let time = 1_734_000_000_000;
const wall = () => time;

function device(id, remote, opts = {}) {
  const replica = new Replica({ deviceId: id, clock: new HybridClock(wall) });
  return { replica, engine: new SyncEngine({ replica, storage: remote, address: 'r', now: wall, snapshotEvery: 0,
    ...opts }) };
}

async function step(d, compact = false) {
  time += 10;
  return compact ? d.engine.compact() : d.engine.sync();
}

/** A saves two items and deletes one; B (and C, when asked, before the delete) read; A compacts now and 31 days on. */
async function deleteAndWait({ cSawDelete = true, forge = null } = {}) {
  const remote = new MemoryStorage();
  const a = device(A, remote);
  const b = device(B, remote);
  const c = device(C, remote);
  a.replica.save('items', 'keep', { title: 'Keep', done: 0n }, COLS);
  a.replica.save('items', 'gone', { title: 'Gone', done: 0n }, COLS);
  await step(a);
  await step(c);
  c.replica.save('items', 'from-c', { title: 'From C', done: 0n }, COLS);
  await step(c);
  a.replica.delete('items', 'gone');
  await step(a);
  await step(b);
  if (cSawDelete) await step(c);
  await step(a, true);
  time += 31 * DAY;
  a.replica.save('items', 'keep', { title: 'Keep, edited' }, COLS);
  await step(a);
  await step(b);
  if (cSawDelete) await step(c);
  if (forge) forge(remote);
  const report = await step(a, true);
  return { remote, a, b, c, report };
}

test('forgetting: once every live device has seen the delete and 30 days passed, the item goes here and from'
  + ' the next snapshot; a new device never sees it', async () => {
  const { remote, a, report } = await deleteAndWait();
  assert.equal(report.compaction.forgotten, 1);
  assert.equal(a.replica.entity('items', 'gone', false), null);
  assert.deepEqual(a.replica.row('items', 'keep'), { title: 'Keep, edited', done: 0n });
  a.replica.save('items', 'keep', { title: 'Keep, edited twice' }, COLS);
  await step(a, true);
  const d = device('0190a1b2-0000-4000-8000-00000000000d', remote);
  assert.ok((await step(d)).bootstrapped);
  assert.equal(d.replica.entity('items', 'gone', false), null, 'the snapshot no longer carries the item');
  assert.deepEqual(d.replica.row('items', 'keep'), { title: 'Keep, edited twice', done: 0n });
  assert.equal(a.engine.replica.remote('r').seenByAll > 0, true);
});

test('forgetting: a device that has not seen the delete holds it back everywhere', async () => {
  const { a, c, report } = await deleteAndWait({ cSawDelete: false });
  assert.equal(report.compaction.forgotten, 0);
  assert.notEqual(a.replica.entity('items', 'gone', false), null, 'the tombstone stays while C may bring it back');
  // C comes back with an edit of the item made before it saw the delete: it stays deleted.
  c.replica.save('items', 'gone', { title: 'Edited on C, offline' }, COLS);
  await step(c);
  await step(a);
  assert.equal(a.replica.row('items', 'gone'), null);
  assert.equal(c.replica.row('items', 'gone'), null);
});

test('hostile: a forged head or ack claiming C read past the delete does not make A forget what C still needs',
  async () => {
    const { encodeHead, headKey } = await import('../src/wire/batch.js');
    const claim = new Map([[A, 99]]);
    const forged = [
      // a head for C past the batches C wrote: A has not read C up to it
      (r) => r.objects.set(headKey(C, 7), encodeHead({ device: C, seq: 7, writtenAtMillis: time, cursors: claim })),
      // an ack for C claiming batches of A that do not exist
      (r) => r.objects.set('acks/' + C + '/' + String(time).padStart(13, '0'),
        encodeHead({ device: C, seq: 1, writtenAtMillis: time, cursors: claim })),
      // a device nobody knows claiming everything: it is waited for, not believed
      (r) => r.objects.set(headKey(X, 3), encodeHead({ device: X, seq: 3, writtenAtMillis: time, cursors: claim })),
    ];
    for (const forge of forged) {
      const { a, report } = await deleteAndWait({ cSawDelete: false, forge });
      assert.equal(report.compaction.forgotten, 0, forge.toString());
      assert.notEqual(a.replica.entity('items', 'gone', false), null);
      assert.equal(a.replica.remote('r').seenByAll ?? 0, 0, 'no replaced id is left out either');
    }
  });

test('a retired device is refused with RetiredDeviceError before anything is read or written; its edits stay',
  async () => {
    const { RetiredDeviceError } = await import('../src/errors.js');
    const { encodeRetirement, retirementKey, UNSEEN } = await import('../src/wire/retirement.js');
    const { remote, c } = await deleteAndWait();
    remote.objects.set(retirementKey(C), encodeRetirement({ device: C, lastHead: 1, retiredAtMillis: time, by: A,
      reason: UNSEEN }));
    c.replica.save('items', 'from-c', { title: 'Edited while retired' }, COLS);
    const before = new Map(remote.objects);
    await assert.rejects(step(c), { name: 'RetiredDeviceError' });
    assert.ok(RetiredDeviceError);
    assert.deepEqual([...remote.objects.keys()].sort(), [...before.keys()].sort(), 'nothing written');
    assert.deepEqual(c.replica.row('items', 'from-c'), { title: 'Edited while retired', done: 0n });
  });

test('a device that writes no snapshots weighs forgetting on its own, weekly, after reading the heads', async () => {
  const { a, b, c } = await deleteAndWait();
  assert.notEqual(b.replica.entity('items', 'gone', false), null, 'its first weekly look only records a checkpoint');
  time += 8 * DAY;
  await step(a);
  await step(c);
  const report = await step(b);
  assert.equal(report.compaction.forgotten, 1, 'a week on, every live device reached that checkpoint');
  assert.equal(b.replica.entity('items', 'gone', false), null);
  time += 1 * DAY;
  assert.equal((await step(b)).compaction.forgotten, 0, 'and not again before another week');
});
