import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderStorage } from '../src/storage/folder.js';
import { MemoryStorage } from '../src/storage/memory.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { decodeManifest, encodeManifest } from '../src/wire/snapshot.js';
import { GOLDEN, goldenSkip, readGolden } from './support/golden.js';

// Snapshots and cleanup written by the JavaScript core: the engine's snapshot of the same batches
// at the same clock, byte for byte, with the same batches cleaned up (SnapshotGoldenTest).
const skipSnapshot = goldenSkip('snapshot');

test('golden snapshot: a JS device compacting the engine\'s batches writes the engine\'s parts and manifest'
  + ' and deletes the same batches', { skip: skipSnapshot }, async () => {
  const { json } = readGolden('snapshot', 'expected');
  const dir = mkdtempSync(join(tmpdir(), 'tandem-golden-snapshot-'));
  try {
    cpSync(join(GOLDEN, 'snapshot', 'folder'), dir, { recursive: true });
    const replica = new Replica({ deviceId: json.device, clock: new HybridClock(() => json.now),
      mergeText: ['items.notes'] });
    const engine = new SyncEngine({ replica, storage: new FolderStorage(dir), address: dir, now: () => json.now,
      snapshotEvery: 0 });
    const first = await engine.sync();
    assert.equal(first.compaction.snapshot, null, 'the policy is off: a sync writes none');
    const report = await engine.compact();
    assert.equal(report.compaction.snapshot, json.id);
    assert.equal(report.compaction.deletedBatches, json.deletedBatches);
    const written = join(dir, 'snapshots', json.id);
    assert.deepEqual(readdirSync(written).sort(), [...json.parts, 'manifest'].sort());
    for (const name of json.parts) {
      const mine = readFileSync(join(written, name));
      const engines = readFileSync(join(GOLDEN, 'snapshot', 'written', name));
      assert.ok(mine.equals(engines), name + ' differs from the engine\'s (' + mine.length + ' against '
        + engines.length + ' bytes)');
    }
    // The engine orders a manifest's cursors as an immutable map does, differently in each JVM run:
    // the same fields, and in the engine's order the same bytes.
    const key = 'snapshots/' + json.id + '/manifest';
    const engines = new Uint8Array(readFileSync(join(GOLDEN, 'snapshot', 'written', 'manifest')));
    const theirs = decodeManifest(engines, key, json.id);
    const mine = decodeManifest(new Uint8Array(readFileSync(join(written, 'manifest'))), key, json.id);
    assert.deepEqual({ ...mine, cursors: new Map([...mine.cursors].sort()) },
      { ...theirs, cursors: new Map([...theirs.cursors].sort()) });
    assert.equal(mine.cursors.size, 2, 'the device read and the writer itself');
    assert.ok(Buffer.from(encodeManifest({ ...mine, cursors: theirs.cursors })).equals(Buffer.from(engines)));
    const left = existsSync(join(dir, 'batches')) ? readdirSync(join(dir, 'batches'), { recursive: true })
      .filter((p) => /[0-9]{12}$/.test(p)) : [];
    assert.deepEqual(left, json.batchesLeft);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// JS devices among themselves: the policies, cleanup waiting for what a device published, a new
// device starting from a JS snapshot; and a remote an attacker wrote into: cleanup reads heads, acks
// and manifests as hostile input, and anything it cannot read stops the deleting, never the sync.
const A = '0190a1b2-0000-4000-8000-00000000000a';
const B = '0190a1b2-0000-4000-8000-00000000000b';
const C = '0190a1b2-0000-4000-8000-00000000000c';
const X = '0190a1b2-0000-4000-8000-0000000000ff';
const COLS = ['title', 'done'];
let time = 1_734_000_000_000;
const wall = () => time;

function device(id, remote, opts = {}) {
  const replica = new Replica({ deviceId: id, clock: new HybridClock(wall) });
  return { replica, engine: new SyncEngine({ replica, storage: remote, address: 'r', now: wall, ...opts }) };
}

async function step(d, compact = false) {
  time += 10;
  return compact ? d.engine.compact() : d.engine.sync();
}

const keys = (remote, prefix) => [...remote.objects.keys()].filter((k) => k.startsWith(prefix)).sort();

/** A has pushed three batches that B has read (and acked); the remote holds no snapshot yet. */
async function threeBatches(opts = {}) {
  const remote = new MemoryStorage();
  const a = device(A, remote, { snapshotEvery: 0, ...opts });
  const b = device(B, remote, { snapshotEvery: 0 });
  for (let i = 0; i < 3; i++) {
    a.replica.save('items', 'i' + i, { title: 'Todo ' + i, done: 0n }, COLS);
    await step(a);
  }
  await step(b);
  return { remote, a, b };
}

test('the batch policy: a snapshot once N batches lie past the newest, cleanup keeps what B has not published',
  async () => {
    const remote = new MemoryStorage();
    const a = device(A, remote, { snapshotEvery: 4, snapshotChanges: 0 });
    const b = device(B, remote, { snapshotEvery: 0 });
    for (let i = 0; i < 4; i++) {
      a.replica.save('items', 'i' + i, { title: 'Todo ' + i, done: 0n }, COLS);
      const r = await step(a);
      assert.equal(r.compaction.snapshot != null, i === 3, 'written exactly at the fourth batch');
      if (i === 0) await step(b); // B reads batch 1 and acks it, then goes quiet
    }
    assert.equal(keys(remote, 'snapshots/').length, 2, 'one part and its manifest');
    assert.deepEqual(keys(remote, 'batches/'), [2, 3, 4].map((s) => 'batches/' + A + '/' + String(s).padStart(12, '0')),
      'batch 1 went (B published it, the snapshot covers it); B has not published the rest');
    const c = device(C, remote);
    const report = await step(c);
    assert.ok(report.bootstrapped);
    for (let i = 0; i < 4; i++) assert.deepEqual(c.replica.row('items', 'i' + i), a.replica.row('items', 'i' + i));
  });

test('the volume policy: changes merged and pushed past the newest snapshot reach M', async () => {
  const remote = new MemoryStorage();
  const a = device(A, remote, { snapshotEvery: 200, snapshotChanges: 10 });
  for (let i = 0; i < 10; i++) a.replica.save('items', 'v' + i, { title: 'Todo ' + i, done: 0n }, COLS);
  assert.ok((await step(a)).compaction.snapshot, 'ten changes pushed: due');
  a.replica.save('items', 'v0', { title: 'renamed' }, COLS);
  assert.equal((await step(a)).compaction.snapshot, null, 'one more change: not due');
  assert.equal(a.replica.remote('r').snapshotVolume, 1);
});

test('hostile: a damaged head of another device stops the deleting, named, and the sync and data stay', async () => {
  const { remote, a } = await threeBatches();
  remote.objects.set('heads/' + X + '/000000000001', new TextEncoder().encode('not a head at all'));
  const before = a.replica.row('items', 'i1');
  const report = await step(a, true);
  assert.ok(report.compaction.snapshot, 'the snapshot is written all the same');
  assert.equal(report.compaction.deletedBatches, 0);
  assert.equal(keys(remote, 'batches/').length, 3);
  assert.ok(report.warnings.some((p) => p.includes('heads/' + X + '/000000000001')), report.warnings.join('\n'));
  assert.deepEqual(a.replica.row('items', 'i1'), before);
});

test('hostile: a head or ack whose body names another device counts as unreadable', async () => {
  const { remote, a, b } = await threeBatches();
  const bAck = keys(remote, 'acks/' + B + '/')[0];
  remote.objects.set('acks/' + X + '/' + bAck.slice(-13), remote.objects.get(bAck));
  const report = await step(a, true);
  assert.equal(report.compaction.deletedBatches, 0, 'X "acked" with B\'s body: nothing is proven about X');
  remote.objects.delete('acks/' + X + '/' + bAck.slice(-13));
  await step(b);
  assert.ok((await step(a, true)).compaction.deletedBatches > 0, 'without it, cleanup deletes again');
});

test('hostile: a damaged or oversized manifest is skipped as the newest and stops the deleting', async () => {
  const { remote, a } = await threeBatches();
  const forged = 'snapshots/' + String(time + 5).padStart(13, '0') + '-' + X + '/manifest';
  remote.objects.set(forged, new Uint8Array((65 << 20) + 1));
  const report = await step(a, true);
  assert.ok(report.compaction.snapshot.endsWith('-' + A), 'its own snapshot is written all the same');
  assert.equal(report.compaction.deletedBatches, 0);
  assert.ok(report.warnings.some((p) => /snapshots\/.*manifest.*not read/.test(p)), report.warnings.join('\n'));
  remote.objects.set(forged, new TextEncoder().encode('TDB?junk'));
  assert.equal((await step(a, true)).compaction.deletedBatches, 0);
  remote.objects.delete(forged);
  assert.ok((await step(a, true)).compaction.deletedBatches > 0);
});

test('hostile: an id of this device far ahead of its clock is not followed; one close ahead is', async () => {
  const { remote, a } = await threeBatches();
  const far = String(time + 3 * 24 * 3600 * 1000).padStart(13, '0') + '-' + A;
  remote.objects.set('snapshots/' + far + '/part-000001', new Uint8Array(1));
  let report = await step(a, true);
  assert.equal(report.compaction.snapshot, String(time).padStart(13, '0') + '-' + A);
  const near = time + 60_000;
  remote.objects.set('snapshots/' + String(near).padStart(13, '0') + '-' + A + '/part-000001', new Uint8Array(1));
  a.replica.save('items', 'i9', { title: 'more', done: 0n }, COLS);
  report = await step(a, true);
  assert.equal(report.compaction.snapshot, String(near + 1).padStart(13, '0') + '-' + A);
});

test('retirement: a device unseen for longer than retireAfter is retired and no longer waited for', async () => {
  const { remote, a } = await threeBatches({ retireAfter: 90 * 24 * 3600 * 1000 });
  time += 100 * 24 * 3600 * 1000;
  a.replica.save('items', 'late', { title: 'after B went quiet', done: 0n }, COLS);
  const report = await step(a, true);
  assert.equal(report.compaction.retiredDevices, 1);
  assert.ok(remote.objects.has('heads/' + B + '/retired'));
  assert.deepEqual(keys(remote, 'acks/' + B + '/'), [], 'its ack went at once');
  assert.deepEqual(keys(remote, 'batches/'), [], 'nobody live is left to wait for');
});
