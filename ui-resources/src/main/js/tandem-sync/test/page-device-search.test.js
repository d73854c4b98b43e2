import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';
import { searchWords, normalizeTag } from '../../../resources/dev/tandem/ui/web/device-search.js';

// Search and tags on the page as its own device (docs/WEB.md, "The page as its own device"): plain words as the
// server's full-text index reads them, bounded; a tag's view and the sidebar's tags as ApiRoutes answers them.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, t: words, now: () => Date.UTC(2026, 10, 20, 12),
    session: () => ({ own: true }), kept: async () => {} });
  const get = async (path) => { const r = await answer(path); return { status: r.status, data: await r.json() }; };
  let made = 0;
  const todo = (title, fields = {}, tags = []) => {
    const id = uuid7();
    replica.save('items', id, { title, createdAt: BigInt(++made), done: 0n, ...fields }, items.ITEM_COLUMNS);
    for (const tag of tags) replica.save('item_tags', uuid7(), { itemId: id, tag }, items.TAG_COLUMNS);
    return id;
  };
  const search = async (q, limit) => (await get('/api/items?view=search&q=' + encodeURIComponent(q)
    + (limit ? '&limit=' + limit : ''))).data;
  return { replica, get, todo, search };
}

test('search finds every word at the start of a word of the title or notes, any case or accent, open first', async () => {
  const d = device();
  d.todo('Buy milk', { done: 1n });
  d.todo('Milk the goats');
  d.todo('Café run', { notes: 'Oat MILK, two cartons' });
  d.todo('Semi-skimmed milk', { trashedAt: 5n });
  d.todo('Note about milk', { kind: 'note' });
  d.todo('Unrelated', { notes: 'buttermilk' });
  const found = await d.search('milk');
  assert.deepEqual(found.items.map((i) => i.title), ['Milk the goats', 'Café run', 'Note about milk', 'Buy milk']);
  assert.deepEqual([found.view, found.title, found.total], ['search', 'page.view.search(milk)', 4]);
  assert.deepEqual((await d.search('  CAFE   oat ')).items.map((i) => i.title), ['Café run']);
  assert.deepEqual((await d.search('cart mil')).items.map((i) => i.title), ['Café run'], 'prefixes');
  assert.deepEqual((await d.search('milk, goats!')).items.map((i) => i.title), ['Milk the goats'], 'punctuation is no word');
  assert.deepEqual((await d.search('milk', 2)).items.length, 2);
  assert.equal((await d.search('milk', 2)).total, 4);
  assert.deepEqual((await d.search('   ')).items, []);
});

test('a search longer than the server takes answers no rows and a sentence; many words are cut', async () => {
  const d = device();
  d.todo('x');
  const long = await d.search('a'.repeat(1001));
  assert.deepEqual([long.total, long.items, long.problem], [0, [], 'page.device.searchTooLong(1000)']);
  assert.ok(long.title.length < 100, 'the title does not carry the whole query');
  assert.equal((await d.search('  ' + 'x'.repeat(1000) + '  ')).problem, undefined, 'trimmed first, as the server');
  assert.deepEqual(searchWords('ga garden garden gar'), ['garden'], 'a word that begins another is left out');
  const pairs = Array.from({ length: 200 }, (_, i) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26)));
  assert.equal(searchWords(pairs.join(' ')).length, 32);
});

test('hostile rows: titles and notes of the wrong class are skipped by the search, markup stays text', async () => {
  const d = device();
  d.todo(42n, { notes: 7n });
  d.todo('<img src=x onerror=alert(1)> milk');
  const found = await d.search('milk img');
  assert.deepEqual(found.items.map((i) => i.title), ['<img src=x onerror=alert(1)> milk']);
  assert.equal((await d.search('42')).total, 0);
});

test('a tag view lists the open todos and notes carrying it; the sidebar counts each tag\'s open todos', async () => {
  const d = device();
  d.todo('Call', {}, ['phone']);
  d.todo('Text', {}, ['phone', 'quick']);
  d.todo('Called', { done: 1n }, ['phone']);
  d.todo('Numbers', { kind: 'note' }, ['phone']);
  d.todo('Odd tag', {}, [5n]);
  const view = (await d.get('/api/items?view=tag:' + encodeURIComponent(' @Phone '))).data;
  assert.deepEqual([view.view, view.title, view.total], ['tag:phone', '#phone', 3]);
  assert.deepEqual(view.items.map((i) => i.title), ['Call', 'Text', 'Numbers']);
  assert.equal((await d.get('/api/items?view=tag:phone&limit=1')).data.items.length, 1);
  assert.deepEqual((await d.get('/api/sidebar')).data.tags, [{ tag: 'phone', count: 2 }, { tag: 'quick', count: 1 }]);
  assert.equal((await d.get('/api/items?view=tag:%20%20')).status, 501, 'a tag of nothing is no view');
  assert.equal(normalizeTag('  @@Big   Trip '), 'big-trip');
  assert.equal(normalizeTag('x'.repeat(500)).length, 100);
});

test('the search box reads white space as the desktop does: Unicode spaces plain, then Java\'s strip', async () => {
  const d = device();
  d.todo('Buy milk', { notes: 'oat' });
  // TypedSpaces.plain first (a phone's no-break, narrow and ideographic spaces are spaces), then String.strip.
  const found = await d.search('\u00a0milk\u202foat\u3000');
  assert.deepEqual([found.title, found.total], ['page.view.search(milk oat)', 1]);
  assert.equal((await d.search('\u001fmilk\u2028')).title, 'page.view.search(milk)', 'Java strips U+001F and U+2028');
  assert.equal((await d.search('\ufeffmilk')).title, 'page.view.search(\ufeffmilk)', 'Java keeps U+FEFF');
  // The bound counts what Java's strip leaves: U+001F is stripped, U+FEFF counts.
  assert.equal((await d.search('\u001f' + 'x'.repeat(1000) + '\u001c')).problem, undefined);
  assert.equal((await d.search('\ufeff' + 'x'.repeat(1000))).problem, 'page.device.searchTooLong(1000)');
  assert.equal((await d.search('\u00a0'.repeat(5) + 'x'.repeat(1000) + '\u2007')).problem, undefined, 'plain, then stripped');
  assert.deepEqual(searchWords('\u00a0milk\u00a0oat\u202f'), ['milk', 'oat']);
});

test('a tag is normalised as ItemTag.normalize: Java\'s strip and ASCII white space, no Unicode spaces made plain', () => {
  assert.equal(normalizeTag('\u001f@Phone\u2028'), 'phone');
  assert.equal(normalizeTag('big\ttrip\u000bplan'), 'big-trip-plan');
  assert.equal(normalizeTag('big\u00a0trip'), 'big\u00a0trip', 'U+00A0 is no white space to Java');
  assert.equal(normalizeTag('\u00a0trip'), '\u00a0trip', 'nor stripped');
  assert.equal(normalizeTag('\ufefftrip'), '\ufefftrip');
  assert.equal(normalizeTag('\u2003trip\u3000'), 'trip', 'an em or ideographic space is Java white space');
});

test('a query of a million spaces between words is stripped in one pass', async () => {
  const d = device();
  const started = performance.now();
  const found = await d.search('a' + ' '.repeat(1_000_000) + 'b');
  assert.equal(found.problem, 'page.device.searchTooLong(1000)');
  assert.ok(performance.now() - started < 30_000, 'linear, not a pattern retried at every space');
});
