import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// The Someday view on the page as its own device, as the desktop's (Listing.SOMEDAY over Queries.OPEN_TODO): open
// todos whose Someday is set and that have neither a due nor a start date, in the order they were made; not a note,
// not done, not in the Trash. The served sidebar has no Someday entry, so neither has this one.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const id = (n) => '01900000-0000-7000-8000-' + String(n).padStart(12, '0');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, t: words, now: () => NOW,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => {} });
  const get = async (path) => {
    const res = await answer(path);
    return { status: res.status, data: await res.json() };
  };
  return { replica, get };
}

function fixture(replica) {
  const save = (n, row) => replica.save('items', id(n), { done: 0n, ...row }, items.ITEM_COLUMNS);
  save(1, { title: 'Learn the cello', someday: 1n, createdAt: 300n });
  save(2, { title: 'Visit Lisbon', someday: 1n, createdAt: 100n });
  save(3, { title: 'Same moment, later id', someday: 1n, createdAt: 100n });
  save(4, { title: 'Has a deadline', someday: 1n, createdAt: 50n, due: '2026-12-01' });
  save(5, { title: 'Has a start', someday: 1n, createdAt: 50n, start: '2026-12-01' });
  save(6, { title: 'Done already', someday: 1n, createdAt: 50n, done: 1n, doneAt: 60n });
  save(7, { title: 'In the Trash', someday: 1n, createdAt: 50n, trashedAt: 70n });
  save(8, { title: 'A note', someday: 1n, createdAt: 50n, kind: 'note' });
  save(9, { title: 'Not put away', createdAt: 50n });
  save(10, { title: 'Taken back', someday: 0n, createdAt: 50n });
  save(11, { title: 'Empty dates', someday: 1n, createdAt: 200n, due: '', start: '' });
}

test('Someday lists the open todos put away without a date, oldest first, as the desktop does', async () => {
  const d = device();
  fixture(d.replica);
  const { status, data } = await d.get('/api/items?view=someday');
  assert.equal(status, 200);
  assert.equal(data.view, 'someday');
  assert.equal(data.title, 'page.device.someday');
  assert.equal(data.total, 4);
  assert.deepEqual(data.items.map((r) => r.title), ['Visit Lisbon', 'Same moment, later id', 'Empty dates',
    'Learn the cello']);
  assert.ok(data.items.every((r) => r.someday === true && r.done === false && r.note === false));
});

test('Someday answers its first rows up to the limit, with the total', async () => {
  const d = device();
  fixture(d.replica);
  const { data } = await d.get('/api/items?view=someday&limit=2');
  assert.deepEqual([data.total, data.items.length], [4, 2]);
});

test('a todo taken out of Someday or given a date leaves the view; the Inbox still hides Someday', async () => {
  const d = device();
  fixture(d.replica);
  d.replica.save('items', id(1), { ...d.replica.row('items', id(1)), someday: null }, items.ITEM_COLUMNS);
  d.replica.save('items', id(2), { ...d.replica.row('items', id(2)), due: '2027-01-05' }, items.ITEM_COLUMNS);
  const { data } = await d.get('/api/items?view=someday');
  assert.deepEqual(data.items.map((r) => r.title), ['Same moment, later id', 'Empty dates']);
  const inbox = (await d.get('/api/items?view=inbox')).data;
  assert.ok(!inbox.items.some((r) => r.title === 'Same moment, later id'));
});

test('the sidebar has no Someday entry, as the served sidebar', async () => {
  const d = device();
  fixture(d.replica);
  const side = (await d.get('/api/sidebar')).data;
  assert.ok(!side.views.some((v) => v.key === 'someday'));
});
