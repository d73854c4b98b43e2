import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import * as filters from '../app/filters.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// Saved filters on the page as its own device (docs/WEB.md, "The page as its own device"): the sidebar's smart
// lists with their counts and a smart list opened, as FilterViews answers them; and the doors a synced filter comes
// in by: its query, name, colour and id are another device's, so each is bounded and one bad filter holds up none.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const FILTER_COLUMNS = ['name', 'query', 'color', 'rank', 'createdAt'];
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

function device({ withFilters = true } = {}) {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, t: words, now: () => Date.UTC(2026, 10, 20, 12),
    session: () => ({ own: true }), kept: async () => {}, filters: withFilters ? filters : null });
  const get = async (path) => { const r = await answer(path); return { status: r.status, data: await r.json() }; };
  let made = 0;
  const todo = (title, fields = {}, tags = []) => {
    const id = uuid7();
    replica.save('items', id, { title, createdAt: BigInt(++made), done: 0n, ...fields }, items.ITEM_COLUMNS);
    for (const tag of tags) replica.save('item_tags', uuid7(), { itemId: id, tag }, items.TAG_COLUMNS);
    return id;
  };
  const list = (name) => { const id = uuid7(); replica.save('lists', id, { name, createdAt: 1n }, items.LIST_COLUMNS); return id; };
  const saved = (id, name, query, more = {}) => replica.save('saved_filters', id, { name, query, createdAt: 1n, ...more },
    FILTER_COLUMNS);
  const side = async () => (await get('/api/sidebar')).data.filters;
  return { replica, get, todo, list, saved, side };
}

test('the sidebar lists the saved filters in their order with what each finds now, as the desktop counts them', async () => {
  const d = device();
  const work = d.list('Work');
  d.todo('Report', { listId: work, priority: 1n, due: '2026-11-19' });
  d.todo('Slides', { listId: work, priority: 2n });
  d.todo('Milk', {}, ['errand']);
  d.todo('Done one', { listId: work, priority: 1n, done: 1n });
  d.saved('f-b', 'Urgent work', '#Work & p1', { rank: 'b', color: '#ff0000' });
  d.saved('f-a', 'errands', '@errand | overdue', { rank: 'a', color: 'red' });
  d.saved('f-c', 'All work', '#work', { rank: 'c' });
  d.saved('f-z', 'no rank', 'done', {});
  d.saved('f-bad', 'Broken', '#Work &', { rank: 'd' });
  d.saved('f-blank', '   ', 'p1', { rank: '0' });
  d.saved('not an id!', 'Odd id', 'p1', { rank: '0' });
  assert.deepEqual(await d.side(), [
    { id: 'f-a', name: 'errands', color: null, count: 2, unreadable: false, tooSlow: false },
    { id: 'f-b', name: 'Urgent work', color: '#ff0000', count: 1, unreadable: false, tooSlow: false },
    { id: 'f-c', name: 'All work', color: null, count: 2, unreadable: false, tooSlow: false },
    { id: 'f-bad', name: 'Broken', color: null, count: null, unreadable: true, tooSlow: false },
    { id: 'f-z', name: 'no rank', color: null, count: 1, unreadable: false, tooSlow: false },
  ]);
});

test('a filter opened lists its todos in the desktop\'s order, in the rows every view has, paged', async () => {
  const d = device();
  const work = d.list('Work');
  const late = d.todo('Late', { listId: work, due: '2026-11-18', priority: 3n });
  const undated = d.todo('Undated', { listId: work, priority: 1n });
  const soonP1 = d.todo('Soon p1', { listId: work, due: '2026-11-22', priority: 1n });
  const soonNone = d.todo('Soon none', { listId: work, due: '2026-11-22' });
  const timed = d.todo('Soon timed', { listId: work, due: '2026-11-22', dueTime: '08:00', priority: 4n });
  d.todo('Elsewhere', { due: '2026-11-18' });
  d.saved('work', 'Work', '#Work');
  const all = (await d.get('/api/items?view=filter:work')).data;
  assert.equal(all.view, 'filter:work');
  assert.equal(all.title, 'Work');
  assert.equal(all.total, 5);
  // By due day (undated last), then time (none first), then priority (none last), then when made.
  assert.deepEqual(all.items.map((r) => r.id), [late, soonP1, soonNone, timed, undated]);
  const listed = (await d.get('/api/items?view=search&q=late')).data.items.find((r) => r.id === late);
  assert.deepEqual(all.items[0], listed, 'the same row as the search view\'s');
  const page = (await d.get('/api/items?view=filter:work&limit=2')).data;
  assert.deepEqual([page.total, page.items.length], [5, 2]);
});

test('a filter that does not read, is gone or has no id answers as the server does; the others still answer', async () => {
  const d = device();
  d.todo('One', { priority: 1n });
  d.saved('bad', 'Bad', '(p1');
  d.saved('good', 'Good', 'p1');
  const bad = await d.get('/api/items?view=filter:bad');
  assert.equal(bad.status, 422);
  assert.equal(bad.data.error, 'page.device.filter.unreadable(page.device.filter.unclosed(1))');
  assert.equal((await d.get('/api/items?view=filter:gone')).status, 404);
  assert.equal((await d.get('/api/items?view=filter:' + encodeURIComponent('a/b'))).status, 400);
  assert.equal((await d.get('/api/items?view=filter:good')).data.total, 1);
  assert.equal((await d.get('/api/items?view=inbox')).status, 200);
});

test('without the core\'s filters module a filter answers 501 and the sidebar lists none', async () => {
  const d = device({ withFilters: false });
  d.saved('good', 'Good', 'p1');
  assert.equal((await d.get('/api/items?view=filter:good')).status, 501);
  assert.deepEqual(await d.side(), []);
});

test('a synced query past the bounds costs a length check or a shallow read, and is marked, not run', async () => {
  const d = device();
  d.todo('One', { priority: 1n });
  d.saved('huge', 'Huge', '#' + 'x'.repeat(1_000_000));
  d.saved('deep', 'Deep', '('.repeat(100_000) + 'p1' + ')'.repeat(100_000));
  d.saved('nots', 'Nots', '!'.repeat(100_000) + 'p1');
  d.saved('many', 'Many', Array.from({ length: 150 }, (_, i) => 'search: w' + i).join(' | '));
  d.saved('ok', 'Ok', 'p1');
  const at = performance.now();
  const side = await d.side();
  // Generous: each is refused within its first thousand characters (a read of them takes microseconds).
  assert.ok(performance.now() - at < 2000);
  assert.deepEqual(side.map((f) => [f.id, f.unreadable, f.count]), [['deep', true, null], ['huge', true, null],
    ['many', true, null], ['nots', true, null], ['ok', false, 1]]);
  const thrown = (q) => { try { filters.parse(q, '2026-11-20'); return null; } catch (e) { return [e.key, e.at]; } };
  assert.deepEqual(thrown('#' + 'x'.repeat(1_000_000)), ['tooLong', 1000]);
  assert.deepEqual(thrown('('.repeat(400) + 'p1' + ')'.repeat(400)), ['tooDeep', 33]);
  assert.deepEqual(thrown(Array.from({ length: 150 }, () => 'p1').join('&')), ['tooMany', 300]);
});

test('a wildcard never backtracks: "*a*a*a*a*a*b" over a name of 100,000 characters is a scan per piece', () => {
  let work = 0;
  const name = 'a'.repeat(100_000) + 'c';
  assert.equal(filters.match('*a*a*a*a*a*b*c', name, (n) => { work += n; }), false);
  assert.equal(filters.match('*a*a*a*a*a*c', name), true);
  assert.equal(filters.match('a*A*b', 'A' + 'x'.repeat(50) + 'aB'), true, 'ASCII case aside, as SQL\'s LIKE');
  assert.ok(work < 10 * (2 + (name.length >> 6)), 'steps: ' + work);
  const d = device();
  const long = d.list('a'.repeat(100_000));
  d.todo('In it', { listId: long }, ['a'.repeat(90) + 'b']);
  d.saved('w', 'Wild', '#*a*a*a*a*a*b | @*a*a*a*a*a*a*a*a*a*a*b');
  const at = performance.now();
  return d.side().then((side) => {
    assert.equal(side[0].count, 1);
    assert.ok(performance.now() - at < 2000, 'generous bound');
  });
});

test('a filter too costly to count shows as too slow; the others are counted and it still opens', async () => {
  const d = device();
  for (let i = 0; i < 2000; i++) d.todo('todo number ' + i, { priority: 1n });
  // 80 distinct conditions, each reading every todo's words: past a count's budget, within a view's.
  d.saved('slow', 'Slow', Array.from({ length: 80 }, (_, i) => 'search:q' + i).join('|'), { rank: 'a' });
  d.saved('fast', 'Fast', 'p1', { rank: 'b' });
  const side = await d.side();
  assert.deepEqual(side.map((f) => [f.id, f.count, f.tooSlow]), [['slow', null, true], ['fast', 2000, false]]);
  const opened = await d.get('/api/items?view=filter:slow');
  assert.deepEqual([opened.status, opened.data.total], [200, 0]);
});

test('only the first 100 filters are counted; the rest are listed without a count', async () => {
  const d = device();
  d.todo('One', { priority: 1n });
  for (let i = 0; i < 150; i++) d.saved('f' + String(i).padStart(3, '0'), 'F' + i, 'p1', { rank: String(i).padStart(3, '0') });
  const side = await d.side();
  assert.equal(side.length, 150);
  assert.equal(side.filter((f) => f.count === 1).length, 100);
  assert.deepEqual(side.slice(100).map((f) => f.count), Array(50).fill(null));
});
