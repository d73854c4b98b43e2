import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, truncateSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderStorage } from '../src/storage/folder.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { Writer } from '../src/wire/msgpack.js';
import { wrap, KIND_BATCH } from '../src/wire/frame.js';
import { uuidToBytes } from '../src/wire/uuid.js';
import { keyringBytes, parseKeyring, sealKeyring, sealSlot } from '../src/keys/keyring.js';
import { randomBytes } from '../src/crypto/aead.js';

// A JavaScript device reading a remote that an attacker (or a broken disk) wrote: oversized objects,
// deep MessagePack, truncated and tag-flipped objects are each set aside with a named error while the
// good batches after them merge; a forged keyring stops the sync before anything is read or written.
// Every time the device's own data stays as it was.
let time = 1_732_000_000_000;
const wall = () => time;
const A = '0190a1b2-0000-4000-8000-00000000000a';
const B = '0190a1b2-0000-4000-8000-00000000000b';
const COLS = ['title', 'done'];
const PASS = { type: 'passphrase', passphrase: 'hostile test passphrase' };

function remoteDir() {
  return mkdtempSync(join(tmpdir(), 'tandem-hostile-'));
}

function device(id, dir, encrypted) {
  const replica = new Replica({ deviceId: id, clock: new HybridClock(wall) });
  const plain = new FolderStorage(dir);
  const storage = encrypted ? new EncryptedStorage(plain, PASS) : plain;
  return { replica, plain, engine: new SyncEngine({ replica, storage, address: dir, encrypted, plainBelow: plain, now: wall }) };
}

async function step(d) {
  time += 10;
  return d.engine.sync();
}

/** A writes batch 1 (good), the attacker's object becomes batch 2, A's next push lands as batch 3. */
async function scenario(encrypted, plant) {
  const dir = remoteDir();
  try {
    const a = device(A, dir, encrypted);
    const b = device(B, dir, encrypted);
    a.replica.save('items', 'first', { title: 'before', done: 0n }, COLS);
    await step(a);
    b.replica.save('items', 'mine', { title: 'kept here', done: 0n }, COLS);
    await step(b);
    await plant(dir, a);
    a.engine.log.ownHeadKeys = [];
    a.replica.remote(dir).pushedBatch = 2;
    a.replica.remote(dir).publishedHead = 0;
    a.replica.save('items', 'after', { title: 'after the bad one', done: 0n }, COLS);
    await step(a);
    const report = await step(b);
    assert.deepEqual(b.replica.row('items', 'mine'), { title: 'kept here', done: 0n }, 'own data untouched');
    assert.equal(b.replica.row('items', 'first').title, 'before');
    assert.equal(b.replica.row('items', 'after').title, 'after the bad one', 'the good batch after it merged');
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const batch2 = (dir) => join(dir, 'batches', A, '000000000002');

function frame(body) {
  return wrap(KIND_BATCH, 2, body);
}

test('an oversized object is set aside unread', async () => {
  const report = await scenario(false, (dir) => {
    writeFileSync(batch2(dir), '');
    truncateSync(batch2(dir), 66 * 1024 * 1024);
  });
  assert.match(report.setAside[0].problem, /more than any Tandem object/);
});

test('deep MessagePack and a count claiming more than the bytes are set aside', async () => {
  const w = new Writer();
  w.arrayHeader(6);
  w.binary(uuidToBytes(A));
  w.int(2);
  w.int(0);
  for (let i = 0; i < 200000; i++) w.arrayHeader(1);
  const report = await scenario(false, (dir) => writeFileSync(batch2(dir), frame(w.bytes())));
  assert.equal(report.setAside.length, 1);
  assert.match(report.setAside[0].problem, /names a table|expected|malformed|claims/);
});

test('a truncated batch is set aside', async () => {
  const report = await scenario(false, (dir) => {
    const good = readFileSync(join(dir, 'batches', A, '000000000001'));
    writeFileSync(batch2(dir), good.subarray(0, good.length - 5));
  });
  assert.match(report.setAside[0].problem, /truncated|states/);
});

test('on an encrypted remote: a tag-flipped and a truncated object are set aside, naming authentication', async () => {
  for (const damage of ['flip', 'cut']) {
    const report = await scenario(true, (dir) => {
      const good = new Uint8Array(readFileSync(join(dir, 'batches', A, '000000000001')));
      if (damage === 'flip') good[good.length - 3] ^= 0x40;
      writeFileSync(batch2(dir), damage === 'flip' ? good : good.subarray(0, good.length - 7));
    });
    assert.match(report.setAside[0].problem, /failed authentication/, damage);
  }
});

test('a forged keyring generation: WRONG_PASSPHRASE, nothing read or written, local data kept', async () => {
  const dir = remoteDir();
  try {
    const a = device(A, dir, true);
    a.replica.save('items', 'x', { title: 'on the remote', done: 0n }, COLS);
    await step(a);
    const real = parseKeyring(new Uint8Array(readFileSync(join(dir, 'keys', '0000000001'))), 'keys/0000000001', 'here');
    const slot = await sealSlot(1, real.slots[0].kdf, randomBytes(16), randomBytes(32), randomBytes(32));
    const forged = await sealKeyring({ generation: 2, event: 3, changedAtMillis: 0, changedBy: 'mallory', slots: [slot] },
      [{ id: 0, key: randomBytes(32) }], randomBytes(32));
    writeFileSync(join(dir, 'keys', '0000000002'), keyringBytes(forged));
    const b = device(B, dir, true);
    b.replica.save('items', 'mine', { title: 'local only', done: 0n }, COLS);
    await assert.rejects(step(b), (e) => e.name === 'WrongPassphraseError' && /mallory/.test(e.message));
    assert.deepEqual(b.replica.row('items', 'mine'), { title: 'local only', done: 0n });
    assert.equal(b.replica.remote(dir).pushedBatch, 0, 'nothing pushed');
    const hostileKdf = new Uint8Array(readFileSync(join(dir, 'keys', '0000000001')));
    new DataView(hostileKdf.buffer).setInt32(4 + 1 + 4 + 1 + 1 + 8 + 1 + real.changedBy.length + 1 + 1 + 5, 4 << 20);
    new DataView(hostileKdf.buffer).setInt32(5, 2);
    writeFileSync(join(dir, 'keys', '0000000002'), hostileKdf.slice());
    const c = device('0190a1b2-0000-4000-8000-00000000000c', dir, true);
    await assert.rejects(step(c), (e) => e.reason === 'CORRUPT' && /key derivation 2 with 3 passes, 4194304 KiB/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
