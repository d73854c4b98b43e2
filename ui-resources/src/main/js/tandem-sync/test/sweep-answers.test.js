import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { BlobPush, BlobTransfer, blobId } from '../src/blob/blob-transfer.js';
import { MemoryBlobs } from './support/memory-blobs.js';
import { attach, referencedNames } from '../app/attachments.js';
import { sweepKey } from '../src/sync/sweep-answers.js';

// A JavaScript device answering a desktop's sweep of unreferenced attachments: the names it still
// uses, once a day, an empty answer ending it; and lists an attacker wrote (too large, other content,
// names that are not Tandem's) reported and ignored while the good list beside them is answered.
let time = 1_735_000_000_000;
const wall = () => time;
const A = '0190a1b2-0000-4000-8000-00000000000a';
const SWEEPER = '0190a1b2-0000-4000-8000-0000000000d1';
const OTHER = '0190a1b2-0000-4000-8000-0000000000d2';
const DAY = 24 * 3600 * 1000;
const text = (s) => new TextEncoder().encode(s);
const unused = 'blobs/data/' + 'ab'.repeat(32);

async function jsDevice() {
  const remote = new MemoryStorage();
  const replica = new Replica({ deviceId: A, clock: new HybridClock(wall) });
  const blobs = new MemoryBlobs();
  const transfer = new BlobTransfer({ data: remote });
  const push = new BlobPush(transfer, blobs, []);
  const engine = new SyncEngine({ replica, storage: remote, address: 'r', now: wall,
    beforePush: (b) => push.beforePush(b), blobs: { referencedNames: () => referencedNames(replica, transfer) } });
  const file = text('a scanned lease');
  replica.save('items', 'i1', { title: 'Lease' }, ['title']);
  await attach(replica, blobs, 'i1', file, 'lease.pdf', time);
  await engine.sync();
  return { remote, engine, used: 'blobs/data/' + await blobId(file) };
}

const answers = (remote) => [...remote.objects.keys()].filter((k) => k.startsWith('blobs/answer/')).sort();
const body = (remote, key) => new TextDecoder().decode(remote.objects.get(key));

test('a sweep\'s list is answered with the names still used, again after a day until an answer is empty', async () => {
  const { remote, engine, used } = await jsDevice();
  const listed = time - 5000;
  remote.objects.set(sweepKey(SWEEPER, listed), text(unused + '\n' + used + '\n'));
  time += DAY; // the first sync looked already: the next look is a day later
  const report = await engine.sync();
  assert.equal(report.sweepsAnswered, 1);
  const first = answers(remote);
  assert.deepEqual(first, ['blobs/answer/' + A + '/' + SWEEPER + '/' + String(listed).padStart(13, '0') + '-'
    + String(time).padStart(13, '0')]);
  assert.equal(body(remote, first[0]), used + '\n', 'the file this device attached, not the other');
  time += 1000;
  await engine.sync();
  assert.deepEqual(answers(remote), first, 'at most once a day');
  time += DAY;
  remote.objects.set(sweepKey(SWEEPER, time - 10), text(unused + '\n'));
  remote.objects.delete(sweepKey(SWEEPER, listed));
  await engine.sync();
  const second = answers(remote);
  assert.equal(second.length, 1, 'the older answer to that sweeper is deleted');
  assert.equal(body(remote, second[0]), '', 'nothing of the new list is used here');
  time += 2 * DAY;
  await engine.sync();
  assert.deepEqual(answers(remote), second, 'an empty answer ends it');
});

test('hostile: a list too large or holding other things is reported and ignored; the good one is answered',
  async () => {
    const { remote, engine, used } = await jsDevice();
    remote.objects.set(sweepKey(SWEEPER, time - 10), new Uint8Array(16 * 1024 * 1024 + 1).fill(10));
    remote.objects.set(sweepKey(OTHER, time - 10), text(used + '\n../../etc/passwd\n'));
    remote.objects.set('blobs/sweep/not-a-device/0000000000001', text(used + '\n'));
    const good = '0190a1b2-0000-4000-8000-0000000000d3';
    remote.objects.set(sweepKey(good, time - 10), text(used + '\n'));
    time += DAY;
    const report = await engine.sync();
    assert.equal(report.sweepsAnswered, 1);
    assert.deepEqual(answers(remote).map((k) => k.split('/')[3]), [good]);
    assert.ok(report.warnings.some((w) => w.includes(sweepKey(SWEEPER, time - DAY - 10)) && w.includes('too large')),
      report.warnings.join('\n'));
    assert.ok(report.warnings.some((w) => w.includes(sweepKey(OTHER, time - DAY - 10)) && w.includes('something else')),
      report.warnings.join('\n'));
  });

test('a JS sweep removes a blob nobody names only after 30 days and every device\'s answer; junk answers keep it',
  async () => {
    const remote = new MemoryStorage();
    const make = (id) => {
      const replica = new Replica({ deviceId: id, clock: new HybridClock(wall) });
      const blobs = new MemoryBlobs();
      const transfer = new BlobTransfer({ data: remote });
      const push = new BlobPush(transfer, blobs, []);
      return { replica, blobs, engine: new SyncEngine({ replica, storage: remote, address: 'r', now: wall,
        beforePush: (b) => push.beforePush(b),
        blobs: { referencedNames: () => referencedNames(replica, transfer), data: remote } }) };
    };
    const a = make(A);
    const b = make('0190a1b2-0000-4000-8000-00000000000b');
    a.replica.save('items', 'i1', { title: 'Lease' }, ['title']);
    await attach(a.replica, a.blobs, 'i1', text('kept: an item names it'), 'lease.pdf', time);
    await a.engine.sync();
    await b.engine.sync();
    const orphan = 'blobs/data/' + await blobId(text('left behind'));
    remote.objects.set(orphan, text('left behind'));
    const sweeps = () => [...remote.objects.keys()].filter((k) => k.startsWith('blobs/sweep/'));

    let r = await a.engine.compact();
    assert.deepEqual(r.blobSweep, { unreferenced: 1, deleted: 0, waiting: 1 });
    assert.deepEqual(sweeps(), [sweepKey(A, time)]);
    assert.equal(body(remote, sweeps()[0]), orphan + '\n');
    time += 31 * DAY;
    r = await a.engine.compact();
    assert.equal(r.blobSweep.deleted, 0, 'B has not answered');
    assert.equal(sweeps().length, 1, 'an unchanged list is not written again');
    await b.engine.sync();
    const answer = answers(remote)[0];
    assert.equal(body(remote, answer), '', 'B does not name it');
    remote.objects.set(answer, new Uint8Array(16 * 1024 * 1024 + 1));
    r = await a.engine.compact();
    assert.equal(r.blobSweep.deleted, 0, 'an answer that cannot be read names everything');
    remote.objects.set(answer, new Uint8Array(0));
    r = await a.engine.compact();
    assert.deepEqual(r.blobSweep, { unreferenced: 1, deleted: 1, waiting: 0 });
    assert.ok(!remote.objects.has(orphan));
    const kept = [...remote.objects.keys()].filter((k) => k.startsWith('blobs/data/'));
    assert.equal(kept.length, 1, 'the attached file stays');
  });
