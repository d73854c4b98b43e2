import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { BlobPush, BlobTransfer, blobId } from '../src/blob/blob-transfer.js';
import { MemoryBlobs } from './support/memory-blobs.js';
import { blobName } from '../src/blob/blob-keys.js';
import * as attachments from '../app/attachments.js';
import * as items from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';
import { KeptFiles } from '../../../resources/dev/tandem/ui/web/device-kept-files.js';
import { memoryBackend } from './support/memory-kept-files.js';

// Attached files on the page as its own device (docs/WEB.md, "The page as its own device"): opened on demand through
// the core's bounded, authenticated download and kept within a budget, least recently opened evicted first; a
// damaged object refused with nothing kept; a file attached on the page uploaded by its next sync before the batch
// that names it, so another device gets the same bytes.
let time = 1_732_000_000_000;
const wall = () => time;
const PASS = { type: 'passphrase', passphrase: 'page files passphrase' };
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');

function bytes(n, seed) {
  const out = new Uint8Array(n);
  let x = seed * 2654435761 >>> 0;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A device of remote {@code below}: the desktop's part (blobs in memory) or the page's (kept files, an answerer). */
function device(below, { budget = 100_000_000, page = false } = {}) {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(wall), mergeText: ['items.notes'] });
  const storage = new EncryptedStorage(below, PASS, { clock: wall });
  const transfer = new BlobTransfer({ data: below, encrypted: storage });
  const backend = memoryBackend();
  const blobs = page ? new KeptFiles({ backend, idOf: blobId, transfer: () => transfer, budget: () => setting.bytes, now: () => ++time })
    : new MemoryBlobs();
  const push = new BlobPush(transfer, blobs, []);
  const engine = new SyncEngine({ replica, storage, address: 'remote', encrypted: true, plainBelow: below, now: wall,
    beforePush: (b) => push.beforePush(b) });
  const setting = { bytes: budget, get: () => setting.bytes, set: async (b) => { setting.bytes = b; } };
  const answer = makeAnswerer({ replica, items, attachments, files: page ? blobs : null, t: words, now: wall,
    budget: setting, session: () => ({ own: true }), kept: async () => {} });
  return { replica, blobs, backend, storage, engine, answer, push, setting };
}

function item(d, title) {
  const id = d.replica.clock.nextRandom();
  d.replica.save('items', id, { title, done: 0n, createdAt: BigInt(time) }, items.ITEM_COLUMNS);
  return id;
}

async function open(page, fileId) {
  const res = await page.answer('/api/attachments/' + fileId);
  const type = res.headers.get('Content-Type');
  return { status: res.status, type, body: type === 'application/json' ? await res.json() : new Uint8Array(await res.arrayBuffer()) };
}

test('a file the desktop attached opens on the page with the same bytes, kept for the next opening', async () => {
  const below = new MemoryStorage();
  const desk = device(below);
  const it = item(desk, 'Trip');
  const png = bytes(5000, 1);
  const row = await attachments.attach(desk.replica, desk.blobs, it, png, 'map.png', time);
  await desk.engine.sync();
  const page = device(below, { page: true });
  await page.engine.sync();
  const listed = (await (await page.answer('/api/items/' + it)).json()).attachments;
  assert.deepEqual(listed.map((f) => [f.name, f.image, f.size]), [['map.png', true, 5000]]);
  const got = await open(page, row.id);
  assert.equal(got.status, 200);
  assert.equal(got.type, 'image/png');
  assert.deepEqual(got.body, png);
  assert.deepEqual(await page.backend.get(row.blob).then((r) => r.bytes), png, 'kept in the store of files');
  // Opened again with the remote gone: from the kept copy.
  for (const n of await below.list('blobs/data/', null, 1000)) await below.delete(n);
  assert.deepEqual((await open(page, row.id)).body, png);
});

test('the budget keeps the most recently opened files; one larger than the budget is shown but not kept', async () => {
  const below = new MemoryStorage();
  const desk = device(below);
  const it = item(desk, 'Scans');
  const files = [bytes(400, 2), bytes(400, 3), bytes(400, 4), bytes(2000, 5)];
  const rows = [];
  for (const [i, f] of files.entries()) rows.push(await attachments.attach(desk.replica, desk.blobs, it, f, 'f' + i + '.pdf', time));
  await desk.engine.sync();
  const page = device(below, { page: true, budget: 1000 });
  await page.engine.sync();
  for (const i of [0, 1]) assert.deepEqual((await open(page, rows[i].id)).body, files[i]);
  await open(page, rows[0].id); // f0 now the more recent: f1 goes first
  assert.deepEqual((await open(page, rows[2].id)).body, files[2]);
  const keptIds = async () => (await page.backend.list()).map((r) => r.id).sort();
  assert.deepEqual(await keptIds(), [rows[0].blob, rows[2].blob].sort());
  const big = await open(page, rows[3].id);
  assert.equal(big.status, 200);
  assert.equal(big.type, 'application/octet-stream', 'a PDF is a download, never run by the page');
  assert.deepEqual(big.body, files[3]);
  assert.deepEqual(await keptIds(), [rows[0].blob, rows[2].blob].sort(), 'the big one kept nothing, evicted nothing');
  assert.ok((await page.blobs.usage()).used <= 1000);
});

test('hostile remote: a flipped tag or an object longer than its row is refused in a sentence, nothing kept', async () => {
  const below = new MemoryStorage();
  const desk = device(below);
  const it = item(desk, 'Evidence');
  const files = [bytes(70_000, 6), bytes(70_000, 7), bytes(3000, 8)];
  const rows = [];
  for (const [i, f] of files.entries()) rows.push(await attachments.attach(desk.replica, desk.blobs, it, f, 'e' + i + '.bin', time));
  await desk.engine.sync();
  const secret = await desk.storage.get('blobs/keys/0');
  const tamper = async (f, fn) => {
    const n = await blobName(secret, await blobId(f));
    await below.overwrite(n, fn(await below.get(n, 1 << 30)));
  };
  await tamper(files[0], (s) => { const t = s.slice(); t[t.length - 1] ^= 1; return t; });
  await tamper(files[1], (s) => Uint8Array.from([...s, ...new Uint8Array(64 * 1024)]));
  const page = device(below, { page: true });
  await page.engine.sync();
  for (const i of [0, 1]) {
    const got = await open(page, rows[i].id);
    assert.equal(got.status, 502);
    assert.equal(got.body.error, 'page.device.file.damaged(e' + i + '.bin)');
  }
  assert.deepEqual(await page.backend.list(), [], 'nothing of a damaged file is kept');
  assert.deepEqual((await open(page, rows[2].id)).body, files[2], 'the good file still opens');
});

test('a row naming a blob the remote lacks, a bad blob id or no such file answers a sentence, not bytes', async () => {
  const below = new MemoryStorage();
  const page = device(below, { page: true });
  const it = item(page, 'Odd');
  const id = (n) => '01900000-0000-7000-8000-' + String(n).padStart(12, '0');
  const cols = attachments.ATTACHMENT_COLUMNS;
  page.replica.save('attachments', id(1), { itemId: it, blob: 'a'.repeat(64), name: 'absent.txt', size: 3n, createdAt: 1n }, cols);
  page.replica.save('attachments', id(2), { itemId: it, blob: '../../etc/passwd', name: 'path.txt', size: 3n, createdAt: 1n }, cols);
  assert.deepEqual((await open(page, id(1))).body, { error: 'page.device.file.notOnRemote(absent.txt)' });
  assert.equal((await open(page, id(2))).status, 404);
  assert.equal((await open(page, id(3))).status, 404);
  assert.equal((await open(page, 'not-a-uuid')).status, 404);
});

test('a file attached on the page is kept, uploaded before the batch naming it, and reaches the desktop byte for byte', async () => {
  const below = new MemoryStorage();
  const desk = device(below);
  const it = item(desk, 'Receipts');
  await desk.engine.sync();
  const page = device(below, { page: true, budget: 10 });
  await page.engine.sync();
  const file = bytes(90_000, 9);
  const res = await page.answer('/api/items/' + it + '/attachments?name=' + encodeURIComponent('receipt [1].jpg'),
    { method: 'POST', body: new Blob([file]) });
  assert.equal(res.status, 201);
  const made = await res.json();
  const blob = await blobId(file);
  assert.equal(made.attachment.id, await attachments.attachmentId(it, blob), 'the id the desktop derives');
  assert.equal(made.markdown, '![receipt 1.jpg](attachment:' + made.attachment.id + ')');
  assert.equal((await page.backend.get(blob)).pending, true, 'kept whatever the budget until uploaded');
  await page.engine.sync();
  assert.equal(page.push.uploaded, 1);
  assert.equal((await page.backend.list()).length, 0, 'once uploaded, the budget of 10 bytes applies');
  await desk.engine.sync();
  const row = desk.replica.row('attachments', made.attachment.id);
  assert.equal(row.blob, blob);
  const fetched = await attachments.fetchAttachments(desk.replica, desk.blobs,
    new BlobTransfer({ data: below, encrypted: desk.storage }));
  assert.ok(fetched);
  assert.deepEqual(await desk.blobs.read(blob), file);
});

test('an attach larger than the limit, to no item, or to another shape of body is refused before it is read', async () => {
  const page = device(new MemoryStorage(), { page: true });
  const it = item(page, 'Big');
  // A Blob that says it is larger than the limit: refused on its size, never read.
  const huge = new Blob([new Uint8Array(10)]);
  Object.defineProperty(huge, 'size', { value: 100_000_001 });
  huge.arrayBuffer = () => { throw new Error('read'); };
  const post = (path, body) => page.answer(path, { method: 'POST', body });
  const big = await post('/api/items/' + it + '/attachments?name=big.iso', huge);
  assert.equal(big.status, 413);
  assert.match((await big.json()).error, /^page\.device\.file\.tooLarge\(big\.iso,/);
  assert.equal((await post('/api/items/' + crypto.randomUUID() + '/attachments?name=a', new Blob(['x']))).status, 404);
  assert.equal((await post('/api/items/' + it + '/attachments?name=a', 'text')).status, 400);
  assert.deepEqual(await page.backend.list(), []);
  assert.deepEqual(attachments.attachments(page.replica), []);
});

test('the settings panel shows the kept files; a smaller budget evicts at once; a bad budget is refused', async () => {
  const below = new MemoryStorage();
  const desk = device(below);
  const it = item(desk, 'Scans');
  const rows = [];
  for (const i of [0, 1]) rows.push(await attachments.attach(desk.replica, desk.blobs, it, bytes(600_000, 20 + i), 's' + i + '.pdf', time));
  await desk.engine.sync();
  const page = device(below, { page: true });
  await page.engine.sync();
  for (const r of rows) await open(page, r.id);
  const shown = await (await page.answer('/api/browsers')).json();
  assert.deepEqual(shown.browsers, []);
  assert.equal(shown.files.words, 'page.device.files.used(2,page.device.file.size(1.2,MB),page.device.file.size(100,MB))');
  const set = async (body) => page.answer('/api/device/files', { method: 'POST', body: JSON.stringify(body) });
  const smaller = await (await set({ budgetMb: 1 })).json();
  assert.equal(smaller.files.files, 1, 'the least recently opened went');
  assert.equal(page.setting.bytes, 1_000_000);
  assert.deepEqual((await page.backend.list()).map((r) => r.id), [rows[1].blob]);
  for (const bad of [{ budgetMb: -1 }, { budgetMb: 1.5 }, { budgetMb: '5' }, { budgetMb: 1e9 }, {}, null]) {
    const res = await set(bad);
    assert.equal(res.status, 400, JSON.stringify(bad));
    assert.equal((await res.json()).error, 'page.device.files.badBudget(0,10000)');
  }
  assert.equal(page.setting.bytes, 1_000_000, 'a refused budget changes nothing');
  assert.equal((await (await page.answer('/api/device/files', { method: 'POST', body: '{' })).status), 400);
});
