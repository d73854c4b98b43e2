import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';
import { sizeWords } from '../../../resources/dev/tandem/ui/web/device-files.js';

// An item's attached files on the page as its own device (docs/WEB.md, "The page as its own device"): the replica's
// attachments rows in the JSON the server's AttachmentJson sends, with rows from other devices read as untrusted.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const COLUMNS = ['itemId', 'blob', 'name', 'type', 'size', 'createdAt'];
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, t: words, now: () => Date.UTC(2026, 10, 20, 12),
    session: () => ({ own: true }), kept: async () => {} });
  const get = async (path) => { const r = await answer(path); return { status: r.status, data: await r.json() }; };
  const todo = (title) => {
    const id = uuid7();
    replica.save('items', id, { title, createdAt: 1n, done: 0n }, items.ITEM_COLUMNS);
    return id;
  };
  const attach = (itemId, fields) => {
    const id = uuid7();
    replica.save('attachments', id, { itemId, blob: 'b'.repeat(64), createdAt: 1n, ...fields }, COLUMNS);
    return id;
  };
  return { replica, get, todo, attach };
}

test('an item answers its files as the server does: oldest first, then by name, with details and address', async () => {
  const d = device();
  const id = d.todo('Trip');
  const other = d.todo('Other');
  const pdf = d.attach(id, { name: 'ticket.pdf', type: 'application/pdf', size: 1234567n, createdAt: 5n });
  const png = d.attach(id, { name: 'Map.png', type: 'image/png', size: 940n, createdAt: 2n });
  const csv = d.attach(id, { name: 'costs.csv', type: null, size: 1000n, createdAt: 2n });
  d.attach(other, { name: 'not-mine.txt', type: 'text/plain', size: 1n });
  const { status, data } = await d.get('/api/items/' + id);
  assert.equal(status, 200);
  assert.deepEqual(data.attachments, [
    { id: csv, name: 'costs.csv', type: null, size: 1000, details: 'page.device.file.ofKind(CSV) · page.device.file.size(1,KB)',
      image: false, url: '/api/attachments/' + csv },
    { id: png, name: 'Map.png', type: 'image/png', size: 940, details: 'page.device.file.image(PNG) · page.device.file.bytes(940)',
      image: true, url: '/api/attachments/' + png },
    { id: pdf, name: 'ticket.pdf', type: 'application/pdf', size: 1234567, details: 'PDF · page.device.file.size(1.2,MB)',
      image: false, url: '/api/attachments/' + pdf },
  ]);
  assert.deepEqual((await d.get('/api/items/' + other)).data.attachments.map((f) => f.name), ['not-mine.txt']);
});

test('a deleted attachment row is gone from the list', async () => {
  const d = device();
  const id = d.todo('Trip');
  const gone = d.attach(id, { name: 'a.txt', type: 'text/plain', size: 3n });
  d.attach(id, { name: 'b.txt', type: 'text/plain', size: 3n });
  d.replica.delete('attachments', gone);
  assert.deepEqual((await d.get('/api/items/' + id)).data.attachments.map((f) => f.name), ['b.txt']);
});

test('sizes read as FileWords reads them, rounding up to the next unit', () => {
  assert.equal(sizeWords(999, words), 'page.device.file.bytes(999)');
  assert.equal(sizeWords(999960, words), 'page.device.file.size(1,MB)');
  assert.equal(sizeWords(120000000, words), 'page.device.file.size(120,MB)');
  assert.equal(sizeWords(5e15, words), 'page.device.file.size(5000,TB)');
});

test('hostile rows: odd fields are read safely, never shown inline, and one bad row leaves the others', async () => {
  const d = device();
  const id = d.todo('Trip');
  d.attach(id, { name: 'x'.repeat(100000), type: 'image/png', size: -5n, createdAt: 1n });
  d.attach(id, { name: 42, type: 'text/html<script>', size: 2n ** 70n, createdAt: 2n });
  d.attach(id, { name: 'page.svg', type: 'image/svg+xml', size: 10n, createdAt: 3n });
  d.attach(id, { name: 'fine.png', type: 'image/png', size: 10n, createdAt: 'soon' });
  const files = (await d.get('/api/items/' + id)).data.attachments;
  assert.equal(files.length, 4);
  const byName = Object.fromEntries(files.map((f) => [f.name.slice(0, 20), f]));
  const long = files.find((f) => f.name.startsWith('xxx'));
  assert.equal(long.name.length, 255);
  assert.equal(long.size, 0);
  assert.equal(byName.file.type, null, 'a type that is not a MIME type is none');
  assert.equal(byName.file.size, 0, 'a size beyond a safe integer is 0');
  assert.equal(byName.file.image, false);
  assert.equal(byName['page.svg'].image, false, 'SVG can run script: never inline');
  assert.equal(byName['fine.png'].image, true);
});

test('a flood of rows attached to one item answers a bounded list', async () => {
  const d = device();
  const id = d.todo('Flood');
  for (let i = 0; i < 2000; i++) d.attach(id, { name: 'f' + i, type: 'text/plain', size: 1n, createdAt: BigInt(i) });
  const files = (await d.get('/api/items/' + id)).data.attachments;
  assert.equal(files.length, 500);
  assert.equal(files[0].name, 'f0', 'the oldest are the ones kept');
});
