import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// A list in its own order on the page as its own device (docs/WEB.md, "The page as its own device"): sections,
// subtasks and ranks as OutlineViews answers them from the desktop's Outline.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const answer = makeAnswerer({ replica, items, t: words, now: () => Date.UTC(2026, 10, 20, 12),
    session: () => ({ own: true }), kept: async () => {} });
  const get = async (path) => { const r = await answer(path); return { status: r.status, data: await r.json() }; };
  let made = 0;
  const todo = (title, fields = {}) => {
    const id = uuid7();
    replica.save('items', id, { title, createdAt: BigInt(++made), done: 0n, ...fields }, items.ITEM_COLUMNS);
    return id;
  };
  const list = (name) => { const id = uuid7(); replica.save('lists', id, { name, createdAt: 1n }, items.LIST_COLUMNS); return id; };
  const section = (listId, name, fields = {}) => {
    const id = uuid7();
    replica.save('sections', id, { listId, name, createdAt: BigInt(++made), ...fields }, ['listId', 'name', 'rank', 'createdAt', 'collapsed']);
    return id;
  };
  return { replica, get, todo, list, section };
}

const lines = (v) => v.items.map((i) => '  '.repeat(i.depth) + i.title + (i.section ? ' @' + i.section : ''));

test('a list shows its todos outside sections, then each section, subtasks under their parent, by rank', async () => {
  const d = device();
  const work = d.list('Work');
  const later = d.section(work, 'Later', { rank: 'b' });
  const first = d.section(work, 'First', { rank: 'a' });
  const b = d.todo('B', { listId: work, rank: 'm' });
  const a = d.todo('A', { listId: work, rank: 'c' });
  d.todo('Unranked, shown before the ranked', { listId: work });
  d.todo('A2', { listId: work, parentId: a, rank: 'z' });
  const a1 = d.todo('A1', { listId: work, parentId: a, rank: 'k' });
  d.todo('A1a', { listId: work, parentId: a1 });
  d.todo('Done under A', { listId: work, parentId: a, done: 1n });
  d.todo('In First', { listId: work, sectionId: first });
  d.todo('In Later', { listId: work, sectionId: later, collapsed: 1n });
  d.todo('Sub of B in a section of its own', { listId: work, parentId: b, sectionId: later });
  d.todo('Parent in another list', { listId: work, parentId: d.todo('Elsewhere') });
  const v = (await d.get('/api/items?view=list:' + work)).data;
  assert.equal(v.outline, true);
  assert.deepEqual(lines(v), ['Unranked, shown before the ranked', 'Parent in another list', 'A', '  A1', '    A1a', '  A2',
    'B', '  Sub of B in a section of its own', 'In First @' + first, 'In Later @' + later]);
  assert.deepEqual(v.sections.map((s) => [s.name, s.count, s.folded]), [['First', 1, false], ['Later', 1, false]]);
  const rowA = v.items.find((i) => i.title === 'A');
  assert.deepEqual([rowA.subtasks, rowA.doneSubtasks, rowA.parent, rowA.context], [2, 1, null, null]);
  const rowA1a = v.items.find((i) => i.title === 'A1a');
  assert.deepEqual([rowA1a.depth, rowA1a.parent, rowA1a.parentId], [2, a1, a1]);
  assert.equal(v.items.find((i) => i.title === 'In Later').folded, true);
  assert.equal(v.total, 10);
  const some = (await d.get('/api/items?view=list:' + work + '&limit=3')).data;
  assert.deepEqual([some.total, some.items.length, some.sections.length], [10, 3, 2]);
});

test('the Inbox leaves out Someday\'s; a cycle of parents shows nothing; a chain 5,000 deep shows at depth 32', async () => {
  const d = device();
  d.todo('Inbox todo');
  d.todo('Put away', { someday: 1n });
  const x = uuid7();
  const y = uuid7();
  d.replica.save('items', x, { title: 'X', parentId: y, createdAt: 1n, done: 0n }, items.ITEM_COLUMNS);
  d.replica.save('items', y, { title: 'Y', parentId: x, createdAt: 1n, done: 0n }, items.ITEM_COLUMNS);
  let up = d.todo('Deep 0');
  for (let i = 1; i < 5000; i++) up = d.todo('Deep ' + i, { parentId: up });
  const v = (await d.get('/api/items?view=inbox&limit=5000')).data;
  assert.equal(v.total, 5001);
  assert.deepEqual(v.items.slice(0, 2).map((i) => [i.title, i.depth]), [['Inbox todo', 0], ['Deep 0', 0]]);
  assert.equal(v.items.at(-1).depth, 32);
  assert.ok(!v.items.some((i) => i.title === 'X' || i.title === 'Put away'));
});

test('places of the wrong class read as none, and nothing is thrown', async () => {
  const d = device();
  const work = d.list('Work');
  d.todo('Odd', { listId: work, parentId: 5n, sectionId: 7n, rank: 3n, collapsed: 'yes' });
  d.replica.save('sections', uuid7(), { listId: work, name: 9n, rank: 1n }, ['listId', 'name', 'rank']);
  const v = (await d.get('/api/items?view=list:' + work)).data;
  assert.deepEqual(v.items.map((i) => [i.title, i.depth, i.parentId, i.sectionId]), [['Odd', 0, null, null]]);
  assert.deepEqual(v.sections.map((s) => [s.name, s.count]), [['', 0]]);
});

test('opening (the sidebar and a list\'s outline) assembles each todo\'s row once per state of the replica', async () => {
  const d = device();
  const work = d.list('Work');
  const parent = d.todo('Parent', { listId: work });
  d.todo('Child', { listId: work, parentId: parent });
  d.todo('Done child', { listId: work, parentId: parent, done: 1n });
  d.todo('In the Inbox');
  const asked = new Map();
  const row = d.replica.row.bind(d.replica);
  d.replica.row = (table, id) => {
    if (table === 'items') asked.set(id, (asked.get(id) ?? 0) + 1);
    return row(table, id);
  };
  await d.get('/api/sidebar');
  const v = (await d.get('/api/items?view=list:' + work)).data;
  await d.get('/api/items?view=inbox');
  assert.deepEqual(v.items.map((i) => [i.title, i.doneSubtasks]), [['Parent', 1], ['Child', 0]]);
  assert.deepEqual([...asked.values()], [1, 1, 1, 1], 'each todo assembled once');
  // A change is a new state: read again, and shown.
  d.todo('Later', { listId: work });
  asked.clear();
  const after = (await d.get('/api/items?view=list:' + work)).data;
  assert.deepEqual(after.items.map((i) => i.title), ['Parent', 'Child', 'Later']);
  assert.ok([...asked.values()].every((n) => n === 1), JSON.stringify([...asked.values()]));
});
