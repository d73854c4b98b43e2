import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { BlobPush, BlobTransfer, blobId } from '../src/blob/blob-transfer.js';
import { MemoryBlobs } from './support/memory-blobs.js';
import { FolderBlobs } from '../src/blob/local-blobs.js';
import { blobKey, blobName } from '../src/blob/blob-keys.js';
import { encryptBlob } from '../src/blob/blob-cipher.js';
import { attach, attachmentId, fetchAttachments } from '../app/attachments.js';
import { FileNames, saveUnique } from '../app/file-names.js';
import { DamagedAttachmentError } from '../src/errors.js';

// Attachments in a sync between JavaScript devices: the file is on the remote before any batch that
// names it, also when a push is cut short; another device downloads it with the same bytes; and a
// remote that plays the attacker (an object larger than its row says, cut short, a flipped tag, other
// content under the name) gets each refused with DamagedAttachmentError while the good files after
// it still arrive and nothing of the bad ones is kept.
let time = 1_732_000_000_000;
const wall = () => time;
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const PASS = { type: 'passphrase', passphrase: 'blob passphrase' };

function bytes(n, seed) {
  const out = new Uint8Array(n);
  let x = seed * 2654435761 >>> 0;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Records every create on the remote; {@code check(name)} runs before each. */
class Watched {
  constructor(below, check = async () => {}) {
    this.below = below;
    this.check = check;
    this.created = [];
  }

  describe() { return this.below.describe(); }
  list(...a) { return this.below.list(...a); }
  get(...a) { return this.below.get(...a); }
  overwrite(...a) { return this.below.overwrite(...a); }
  delete(...a) { return this.below.delete(...a); }
  async createIfAbsent(name, data) {
    await this.check(name);
    const made = await this.below.createIfAbsent(name, data);
    if (made) this.created.push(name);
    return made;
  }
}

function device(id, plain, { blobs = new MemoryBlobs(), encrypted = true } = {}) {
  const replica = new Replica({ deviceId: id, clock: new HybridClock(wall), mergeText: ['items.notes'] });
  const storage = encrypted ? new EncryptedStorage(plain, PASS, { clock: wall }) : plain;
  const transfer = new BlobTransfer({ data: plain, encrypted: encrypted ? storage : null });
  const warnings = [];
  const push = new BlobPush(transfer, blobs, warnings);
  const engine = new SyncEngine({ replica, storage, address: 'remote', encrypted, plainBelow: plain, now: wall,
    beforePush: (b) => push.beforePush(b) });
  return { replica, blobs, transfer, engine, warnings, storage };
}

function item(d, title) {
  const id = d.replica.clock.nextRandom();
  d.replica.save('items', id, { title, done: 0n, createdAt: BigInt(time) }, ['title', 'done', 'createdAt']);
  return id;
}

test('an attachment row has the desktop\'s id, columns and values', async () => {
  const d = device(A, new MemoryStorage());
  const it = item(d, 'Tax return');
  const file = new TextEncoder().encode('receipt');
  const row = await attach(d.replica, d.blobs, it, file, 'Receipt.PDF', time);
  assert.equal(row.blob, await blobId(file));
  assert.equal(row.id, await attachmentId(it, row.blob));
  assert.match(row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a version-5 UUID');
  assert.deepEqual([row.name, row.type, row.size, row.itemId], ['Receipt.PDF', 'application/pdf', 7n, it]);
  const again = await attach(d.replica, d.blobs, it, file, 'other name.txt', time + 5);
  assert.equal(again.id, row.id, 'the same file on the same item is one row');
  assert.equal(again.name, 'Receipt.PDF');
});

test('a push uploads each file before the batch that names it; another device gets the same bytes', async () => {
  for (const encrypted of [true, false]) {
    const below = new MemoryStorage();
    const named = new Set();
    const watched = new Watched(below, async (name) => {
      if (!name.startsWith('batches/')) return;
      for (const n of named) assert.notEqual(await below.get(n, 1 << 30), null, name + ' is created before ' + n);
    });
    const a = device(A, watched, { encrypted });
    const it = item(a, 'Trip');
    const files = [bytes(150_000, 1), bytes(10, 2), new Uint8Array(0)];
    for (const [i, f] of files.entries()) await attach(a.replica, a.blobs, it, f, 'f' + i + '.bin', time);
    time += 5;
    await a.engine.sync();
    const blobObjects = watched.created.filter((n) => n.startsWith('blobs/data/'));
    for (const n of blobObjects) named.add(n);
    assert.equal(blobObjects.length, 3);
    const firstBatch = watched.created.findIndex((n) => n.startsWith('batches/'));
    assert.ok(watched.created.findLastIndex((n) => n.startsWith('blobs/data/')) < firstBatch, watched.created.join(' '));
    for (const f of files) {
      assert.equal(blobObjects.includes('blobs/data/' + await blobId(f)), !encrypted, 'encrypted: named by keyed hash');
    }
    const b = device(B, below, { encrypted });
    time += 5;
    await b.engine.sync();
    const got = await fetchAttachments(b.replica, b.blobs, b.transfer);
    assert.deepEqual(got.map((r) => r.state), ['FETCHED', 'FETCHED', 'FETCHED']);
    for (const f of files) assert.deepEqual(await b.blobs.read(await blobId(f)), f);
    assert.deepEqual((await fetchAttachments(b.replica, b.blobs, b.transfer)), [], 'nothing left to fetch');
  }
});

test('a push cut short leaves no batch naming a missing file; the next push completes it, one object per file', async () => {
  const below = new MemoryStorage();
  let failBlobs = true;
  const watched = new Watched(below, async (name) => {
    if (failBlobs && name.startsWith('blobs/data/')) throw new Error('connection reset');
  });
  const a = device(A, watched);
  const it = item(a, 'Scans');
  const file = bytes(70_000, 3);
  await attach(a.replica, a.blobs, it, file, 'scan.png', time);
  time += 5;
  await assert.rejects(a.engine.sync(), /connection reset/);
  assert.deepEqual(await below.list('batches/', null, 10), [], 'no batch went out');
  failBlobs = false;
  const b = device(B, below);
  time += 5;
  await b.engine.sync();
  assert.equal(b.replica.row('items', it), null);
  time += 5;
  await a.engine.sync();
  time += 5;
  await b.engine.sync();
  const [got] = await fetchAttachments(b.replica, b.blobs, b.transfer);
  assert.equal(got.state, 'FETCHED');
  assert.deepEqual(await b.blobs.read(await blobId(file)), file);
  // The same file attached on B to another item: found on the remote, not sent again.
  const other = item(b, 'Copy');
  await attach(b.replica, b.blobs, other, file, 'scan.png', time);
  time += 5;
  await b.engine.sync();
  assert.equal((await below.list('blobs/data/', null, 10)).length, 1);
  assert.equal(watched.created.filter((n) => n.startsWith('blobs/data/')).length, 1);
});

test('a row naming a file this device does not have is pushed with a warning', async () => {
  const a = device(A, new MemoryStorage());
  const it = item(a, 'Lost');
  a.replica.save('attachments', 'att-1', { itemId: it, blob: 'ab'.repeat(32), name: 'x', type: 'text/plain', size: 1n,
    createdAt: BigInt(time) }, ['itemId', 'blob', 'name', 'type', 'size', 'createdAt']);
  time += 5;
  const r = await a.engine.sync();
  assert.ok(r.pushed >= 2);
  assert.match(a.warnings.join('\n'), /An attachment \(abababababab…\) is named by a change from this device but its file is not/);
  const b = device(B, a.engine.plainBelow);
  time += 5;
  await b.engine.sync();
  const [got] = await fetchAttachments(b.replica, b.blobs, b.transfer);
  assert.equal(got.state, 'NOT_ON_REMOTE');
});

test('hostile blobs: larger than the row, cut short, a flipped tag or other content are refused; the rest arrive', async () => {
  const home = mkdtempSync(join(tmpdir(), 'tandem-js-blobs-'));
  try {
    const below = new MemoryStorage();
    const a = device(A, below);
    const it = item(a, 'Evidence');
    // Named so the download order (creation, then name) puts a good file after the bad ones.
    const kinds = ['a-good', 'b-oversized', 'c-truncated', 'd-tag-flipped', 'e-wrong-hash', 'f-good'];
    const files = kinds.map((k, i) => bytes(80_000 + i, 10 + i));
    for (const [i, f] of files.entries()) await attach(a.replica, a.blobs, it, f, kinds[i] + '.bin', time);
    time += 5;
    await a.engine.sync();
    const secret = await a.storage.get('blobs/keys/0');
    const nameOf = async (f) => blobName(secret, await blobId(f));
    const tamper = async (f, fn) => {
      const n = await nameOf(f);
      const sealed = await below.get(n, 1 << 30);
      await below.overwrite(n, await fn(sealed, n));
    };
    await tamper(files[1], async (s) => Uint8Array.from([...s, ...new Uint8Array(64 * 1024)]));
    await tamper(files[2], async (s) => s.slice(0, s.length - 10));
    await tamper(files[3], async (s) => {
      const t = s.slice();
      t[t.length - 1] ^= 1;
      return t;
    });
    await tamper(files[4], async (s, n) => encryptBlob(bytes(files[4].length, 99), await blobKey(secret,
      await blobId(files[4])), 0, n));
    const b = device(B, below, { blobs: new FolderBlobs(join(home, 'b', 'attachments')) });
    time += 5;
    await b.engine.sync();
    const rowsBefore = JSON.stringify(b.replica, (k, v) => (typeof v === 'bigint' ? String(v) : v));
    const got = await fetchAttachments(b.replica, b.blobs, b.transfer);
    assert.deepEqual(got.map((r) => [r.name, r.state]), kinds.map((k) => [k + '.bin', k.endsWith('good') ? 'FETCHED'
      : 'FAILED']));
    const why = Object.fromEntries(got.filter((r) => r.error).map((r) => [r.name, r.error]));
    for (const e of Object.values(why)) {
      assert.ok(e instanceof DamagedAttachmentError, e.stack);
      assert.equal(e.reason, 'CORRUPT');
    }
    assert.match(why['b-oversized.bin'].message, /larger than the attachment it stands for \(80001 bytes\)/);
    assert.match(why['c-truncated.bin'].message, /does not authenticate/);
    assert.match(why['d-tag-flipped.bin'].message, /chunk 1 does not authenticate/);
    assert.match(why['e-wrong-hash.bin'].message, /its content is not the attachment's \(SHA-256 [0-9a-f]{64}\)/);
    for (const [i, f] of files.entries()) {
      assert.equal(await b.blobs.has(await blobId(f)), kinds[i].endsWith('good'), kinds[i]);
    }
    assert.deepEqual(await b.blobs.read(await blobId(files[5])), files[5]);
    assert.deepEqual(readdirSync(join(home, 'b', 'attachments', 'tmp')), [], 'no partial copy left');
    assert.equal(JSON.stringify(b.replica, (k, v) => (typeof v === 'bigint' ? String(v) : v)), rowsBefore,
      'local data intact');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('hostile blobs on a plain remote: other content, or more bytes than the row says, are refused', async () => {
  const below = new MemoryStorage();
  const a = device(A, below, { encrypted: false });
  const it = item(a, 'Plain');
  const files = [bytes(100, 1), bytes(200, 2), bytes(300, 3)];
  for (const [i, f] of files.entries()) await attach(a.replica, a.blobs, it, f, 'p' + i, time);
  // A row naming a path, not a blob: never joined to any folder, never fetched.
  a.replica.save('attachments', 'evil', { itemId: it, blob: '../../../etc/passwd', name: 'x', size: 1n }, ['itemId', 'blob',
    'name', 'size']);
  time += 5;
  await a.engine.sync();
  await below.overwrite('blobs/data/' + await blobId(files[0]), bytes(100, 7));
  await below.overwrite('blobs/data/' + await blobId(files[1]), bytes(5000, 2));
  const b = device(B, below, { encrypted: false });
  time += 5;
  await b.engine.sync();
  const got = await fetchAttachments(b.replica, b.blobs, b.transfer);
  assert.deepEqual(got.map((r) => r.state), ['FAILED', 'FAILED', 'FETCHED']);
  assert.match(got[0].error.message, /its content is not the attachment's/);
  assert.match(got[1].error.message, /larger than the attachment it stands for \(200 bytes\)/);
});

test('--save names from rows stay inside the folder and never write over a file there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-js-save-'));
  try {
    const names = new FileNames();
    const put = (name) => saveUnique(new Uint8Array([1]), dir, name, names);
    writeFileSync(join(dir, 'mine.txt'), 'kept');
    const saved = [await put('../../escape.sh'), await put('/etc/passwd'), await put('CON'), await put(''),
      await put('scan.pdf'), await put('SCAN.pdf'), await put('mine.txt'), await put('a\u0000b\nc.txt')];
    assert.deepEqual(saved.map((p) => p.slice(dir.length + 1)), ['escape.sh', 'etc passwd',
      'CON_', 'file', 'scan.pdf', 'SCAN (2).pdf', 'mine (2).txt', 'a b c.txt']);
    assert.equal(readdirSync(dir).length, 9);
    assert.equal(readFileSync(join(dir, 'mine.txt'), 'utf8'), 'kept');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
