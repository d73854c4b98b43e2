import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// The dated views of the page as its own device (docs/WEB.md, "The page as its own device"): Upcoming, Completed,
// the Agenda and the Week in the Java web layer's shapes (ApiRoutes.items, DayViews) and day bounds.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0); // Friday 2026-11-20
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, t: words, now: () => NOW, firstDay: 1, dayName: (iso) => 'day ' + iso,
    session: () => ({ own: true }), kept: async () => {} });
  const get = async (path) => { const r = await answer(path); return { status: r.status, data: await r.json() }; };
  let made = 0;
  const todo = (title, fields = {}) => {
    const id = uuid7();
    replica.save('items', id, { title, createdAt: BigInt(++made), done: 0n, ...fields }, items.ITEM_COLUMNS);
    return id;
  };
  return { replica, get, todo };
}

test('Upcoming lists later due or start dates, earliest first, not Today\'s; Today takes started todos', async () => {
  const d = device();
  d.todo('Later', { due: '2026-11-25' });
  d.todo('Sooner', { due: '2026-11-21' });
  d.todo('Starts later', { start: '2026-11-22' });
  d.todo('Started, due later', { start: '2026-11-19', due: '2026-11-30' });
  d.todo('Due today', { due: '2026-11-20' });
  d.todo('Far outside the range', { due: '3999-01-01' });
  d.todo('Done later', { due: '2026-11-23', done: 1n });
  d.todo('A note later', { due: '2026-11-23', kind: 'note' });
  const up = (await d.get('/api/items?view=upcoming')).data;
  assert.deepEqual(up.items.map((i) => i.title), ['Sooner', 'Later', 'Starts later']);
  assert.equal(up.total, 3);
  assert.equal(up.title, 'page.device.upcoming');
  const today = (await d.get('/api/items?view=today')).data.items.map((i) => i.title).sort();
  assert.deepEqual(today, ['Due today', 'Started, due later']);
  const answer = (await d.get('/api/sidebar')).data;
  assert.equal(answer.smart, undefined, 'the built-in views are said under views only');
  const side = answer.views;
  assert.deepEqual(side.map((s) => [s.key, s.count]), [['inbox', 6], ['today', 2], ['upcoming', 3], ['agenda', null],
    ['week', null], ['completed', null]]);
  assert.equal((await d.get('/api/items?view=upcoming&limit=2')).data.items.length, 2);
});

test('Completed lists done todos, last done first, bounded by the rows asked for', async () => {
  const d = device();
  d.todo('First done', { done: 1n, doneAt: 100n });
  d.todo('Last done', { done: 1n, doneAt: 300n });
  d.todo('Done with a doneAt of the wrong class', { done: 1n, doneAt: 'yesterday' });
  d.todo('Open');
  d.todo('Trashed', { done: 1n, doneAt: 400n, trashedAt: 5n });
  const done = (await d.get('/api/items?view=completed')).data;
  assert.deepEqual(done.items.map((i) => [i.title, i.done]), [['Last done', true], ['First done', true],
    ['Done with a doneAt of the wrong class', true]]);
  assert.deepEqual((await d.get('/api/items?view=completed&limit=1')).data.items.length, 1);
});

test('the Agenda: Overdue oldest first, Today and Tomorrow always, later days only with todos, timed first', async () => {
  const d = device();
  d.todo('Old', { due: '2026-11-01' });
  d.todo('Older', { due: '2026-10-01' });
  d.todo('Untimed p1', { due: '2026-11-20', priority: 1n });
  d.todo('Untimed', { due: '2026-11-20' });
  d.todo('At nine', { due: '2026-11-20', dueTime: '09:00' });
  d.todo('At eight', { due: '2026-11-20', dueTime: '08:00' });
  d.todo('In a week', { due: '2026-11-27' });
  d.todo('Past the two weeks', { due: '2026-12-04' });
  d.todo('Bad time', { due: '2026-11-27', dueTime: 930n });
  const a = (await d.get('/api/items?view=agenda')).data;
  assert.equal(a.view, 'agenda');
  assert.deepEqual(a.days.map((x) => [x.date, x.label, x.total]), [[null, 'page.device.overdue', 2],
    ['2026-11-20', 'page.device.today', 4], ['2026-11-21', 'page.device.tomorrow', 0], ['2026-11-27', 'day 2026-11-27', 2]]);
  assert.deepEqual(a.days[0].items.map((i) => i.title), ['Older', 'Old']);
  assert.deepEqual(a.days[1].items.map((i) => i.title), ['At eight', 'At nine', 'Untimed p1', 'Untimed']);
  assert.deepEqual([a.days[1].today, a.days[1].detail, a.days[3].detail, a.days[1].events], [true, 'day 2026-11-20', '', []]);
  assert.equal(a.days[1].items[0].occurrence, false);
});

test('the Week: seven days from the week\'s first day; a week asked for that is no date or too far answers 400', async () => {
  const d = device();
  d.todo('Monday', { due: '2026-11-16' });
  d.todo('Next week', { due: '2026-11-23' });
  const w = (await d.get('/api/items?view=week')).data;
  assert.deepEqual([w.week, w.previous, w.next, w.days.length], ['2026-11-16', '2026-11-09', '2026-11-23', 7]);
  assert.deepEqual(w.days.map((x) => x.total), [1, 0, 0, 0, 0, 0, 0]);
  assert.equal(w.days[4].today, true);
  assert.deepEqual(w.days.slice(3, 6).map((x) => x.label), ['page.device.yesterday', 'page.device.today', 'page.device.tomorrow']);
  const next = (await d.get('/api/items?view=week&week=2026-11-25')).data;
  assert.deepEqual([next.week, next.days[0].items.map((i) => i.title)], ['2026-11-23', ['Next week']]);
  for (const bad of ['2026-02-30', 'soon', '2040-01-01', '1990-01-01', '2026-11-2']) {
    const r = await d.get('/api/items?view=week&week=' + bad);
    assert.equal(r.status, 400, bad);
  }
  assert.equal((await d.get('/api/items?view=week&week=2036-11-20')).status, 200, 'ten years away is still asked');
});

test('a day carries at most 100 rows with its total; rows of the wrong shape show or are skipped', async () => {
  const d = device();
  for (let i = 0; i < 150; i++) d.todo('n' + i, { due: '2026-11-20' });
  d.todo('Due of the wrong class', { due: 20261120n, start: 7n });
  d.todo('<b>markup</b>', { due: '2026-11-20', priority: 'high' });
  const a = (await d.get('/api/items?view=agenda')).data;
  const today = a.days.find((x) => x.today);
  assert.deepEqual([today.total, today.items.length], [151, 100]);
  const up = (await d.get('/api/items?view=upcoming')).data;
  assert.equal(up.total, 0);
  const inbox = (await d.get('/api/items?view=inbox&limit=5000')).data.items;
  assert.ok(inbox.some((i) => i.title === 'Due of the wrong class' && i.due === null));
  assert.ok(inbox.some((i) => i.title === '<b>markup</b>' && i.priority === null), 'text stays text, for the page to draw as text');
});
