import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { tagId } from '../app/derived-ids.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';
import { compileGrammar } from '../app/quick-add-grammar.js';
import { quickAddTable } from './support/quick-add-tables.js';
import { readFileSync } from 'node:fs';

// The editor's details on the page as its own device (device-edits.js over the core's app/edits.js): time, length,
// tags, reminder, repeat, start and Someday written as the server's edit writes them and shown back as its editor
// shows them; refusals said in the page's words with nothing written; and synced rows of any shape never break a
// view or the editor.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const ID = '01900000-0000-7000-8000-000000000001';

/** A page in {@code lang}: quick add's grammar and a rule's words as /messages.json gives them (English: none). */
function device(lang = 'en') {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const said = lang === 'en' ? null : JSON.parse(readFileSync(new URL('./vectors/date-words.json', import.meta.url), 'utf8'))
    .languages.find((l) => l.lang === lang);
  const answer = makeAnswerer({ replica, items, t: words, now: () => NOW, session: () => ({ own: true }), kept: async () => {},
    grammar: said ? compileGrammar(quickAddTable(lang)) : null, dateWords: said ? { lang, ...said.words } : null });
  const call = async (method, path, body) => {
    const res = await answer(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, data: await res.json() };
  };
  const outbox = async (...entries) => (await call('POST', '/api/outbox', { entries })).data.results;
  return { replica, call, outbox };
}

test('every detail of the editor is written as the desktop writes it and shown back as the served editor shows it', async () => {
  const d = device();
  assert.equal((await d.outbox({ op: 'add', id: ID, text: 'Water plants @old', view: 'inbox', at: NOW }))[0].outcome, 'applied');
  const at = Date.UTC(2026, 11, 1, 8, 30);
  const [r] = await d.outbox({ op: 'edit', id: ID, set: { due: '2026-12-01', time: '09:30', lengthMinutes: 45,
    tags: ['Home', '@Big Project'], remindAt: at, repeat: 'every mon, wed', start: '2026-11-28', someday: true },
  base: { due: null, time: null, lengthMinutes: null, tags: ['old'], remindAt: null, repeat: null, start: null, someday: false } });
  assert.equal(r.outcome, 'applied', r.reason);
  const row = d.replica.row('items', ID);
  assert.deepEqual([row.due, row.dueTime, row.durationMinutes, row.remindAt, row.repeat, row.seriesId, row.start, row.someday],
    ['2026-12-01', '09:30', 45n, BigInt(at), 'FREQ=WEEKLY;BYDAY=MO,WE', ID, '2026-11-28', 1n]);
  assert.deepEqual(items.tagsOf(d.replica, ID), ['big-project', 'home'], 'old removed, the others added as stored');
  const shown = (await d.call('GET', '/api/items/' + ID)).data;
  assert.deepEqual([shown.time, shown.lengthMinutes, shown.remindAt, shown.repeat, shown.start, shown.someday, shown.tags],
    ['09:30', 45, at, 'every Mon, Wed', '2026-11-28', true, ['big-project', 'home']]);
  assert.deepEqual([r.values.time, r.values.repeat, r.values.tags], ['09:30', 'every Mon, Wed', ['big-project', 'home']]);
  // Cleared again: a time, length, reminder and rule removed; the series id stays, as the desktop keeps it.
  const [c] = await d.outbox({ op: 'edit', id: ID, set: { time: null, lengthMinutes: null, remindAt: null, repeat: '', someday: false },
    base: {} });
  assert.equal(c.outcome, 'applied', c.reason);
  const cleared = d.replica.row('items', ID);
  assert.deepEqual([cleared.dueTime, cleared.durationMinutes, cleared.remindAt, cleared.repeat, cleared.seriesId, cleared.someday],
    [null, null, null, null, ID, null]);
});

test('a repeat typed in the page\'s language is read and shown back in it, as the desktop in that language does', async () => {
  for (const [lang, typed, rule, shown, other] of [
    ['de', 'jeden 2. Tag', 'FREQ=DAILY;INTERVAL=2', 'alle 2 Tage', 'tous les 2 jours'],
    ['fr', 'toutes les 2 semaines le mar., jeu.', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'toutes les 2 semaines, le mar., jeu.',
      'jeden Montag']]) {
    const d = device(lang);
    await d.outbox({ op: 'add', id: ID, text: 'Water plants', view: 'inbox', at: NOW });
    const [r] = await d.outbox({ op: 'edit', id: ID, set: { repeat: typed }, base: {} });
    assert.equal(r.outcome, 'applied', lang + ': ' + JSON.stringify(r));
    assert.deepEqual([d.replica.row('items', ID).repeat, r.values.repeat], [rule, shown], lang);
    const inbox = (await d.call('GET', '/api/items?view=inbox')).data;
    assert.equal(inbox.items.find((i) => i.id === ID).repeat, shown, lang + ': the row says it in the page\'s words');
    const [english] = await d.outbox({ op: 'edit', id: ID, set: { repeat: 'every 3 days' }, base: {} });
    assert.equal(english.values.repeat, lang === 'de' ? 'alle 3 Tage' : 'tous les 3 jours', 'English is read everywhere');
    const [refused] = await d.outbox({ op: 'edit', id: ID, set: { repeat: other }, base: {} });
    assert.deepEqual([refused.status, refused.reason], [400, 'page.device.edit.repeat(' + other + ')'],
      lang + ': another language\'s words are not read');
    assert.equal(d.replica.row('items', ID).repeat, 'FREQ=DAILY;INTERVAL=3');
  }
});

test('a bad value refuses the whole edit in the page\'s words, and nothing of it is written', async () => {
  const d = device();
  await d.outbox({ op: 'add', id: ID, text: 'Rent', view: 'inbox', at: NOW });
  const before = JSON.stringify(d.replica.row('items', ID), (k, v) => (typeof v === 'bigint' ? String(v) : v));
  for (const [set, said] of [
    [{ title: 'New', repeat: 'jeden Montag' }, 'page.device.edit.repeat(jeden Montag)'],
    [{ title: 'New', lengthMinutes: 99999 }, 'page.device.edit.length(10080)'],
    [{ title: 'New', time: '10:00' }, 'page.device.edit.timeNeedsDue'],
    [{ title: 'New', start: '3001-01-01' }, 'page.device.edit.dateOutOfRange(3001-01-01,1900-01-01,2999-12-31)'],
    [{ title: 'New', remindAt: 9e15 }, 'page.device.edit.remindOutOfRange(1900-01-01,2999-12-31)'],
    [{ title: 'New', someday: 'yes' }, 'page.device.badValue'],
    [{ title: 'New', tags: 'home' }, 'page.device.badValue'],
    [{ title: 'New', tags: new Array(1000).fill('x') }, 'page.device.badValue'],
    [{ title: 'New', colour: 'red' }, 'page.device.badValue'],
  ]) {
    const [r] = await d.outbox({ op: 'edit', id: ID, set, base: {} });
    assert.deepEqual([r.status, r.outcome, r.reason], [400, 'refused', said], JSON.stringify(set));
  }
  assert.equal(JSON.stringify(d.replica.row('items', ID), (k, v) => (typeof v === 'bigint' ? String(v) : v)), before);
  assert.deepEqual(items.tagsOf(d.replica, ID), []);
});

test('synced rows of any shape leave the views and the editor working, their damaged details shown as none', async () => {
  const d = device();
  const hostile = [
    { remindAt: 9_000_000_000_000_000_000n, durationMinutes: 2n ** 62n, dueTime: '99:99', repeat: 42n, start: '2026-02-30' },
    { remindAt: 'soon', durationMinutes: -5n, dueTime: 1230n, repeat: 'FREQ=WEEKLY;INTERVAL=99999', someday: 'yes' },
    { remindAt: -9_000_000_000_000_000n, durationMinutes: 'long', repeat: 'x'.repeat(100000), due: 'tomorrow', dueTime: '10:00' },
  ];
  const ids = hostile.map((cols, n) => {
    const id = '01900000-0000-7000-8000-00000000010' + n;
    d.replica.save('items', id, { title: 'Synced ' + n, done: 0n, createdAt: BigInt(NOW), ...cols }, items.ITEM_COLUMNS);
    return id;
  });
  // A tag list no one typed: a thousand tags, tags of a megabyte, tags that are no text.
  for (let k = 0; k < 1000; k++) {
    // Under the ids the desktop derives (as a removal finds them), and under others.
    d.replica.save('item_tags', k < 10 ? await tagId(ids[0], 't' + k) : 'tag-' + k, { itemId: ids[0], tag: k === 0 ? 'y'.repeat(1_000_000) : k === 1 ? 7n : 't' + k,
      removedAt: null }, items.TAG_COLUMNS);
  }
  for (const view of ['inbox', 'today', 'upcoming', 'agenda', 'week', 'search&q=Synced', 'tag:t5']) {
    const res = await d.call('GET', '/api/items?view=' + view);
    assert.equal(res.status, 200, view);
  }
  assert.equal((await d.call('GET', '/api/sidebar')).status, 200);
  for (const id of ids) {
    const res = await d.call('GET', '/api/items/' + id);
    assert.equal(res.status, 200);
    const it = res.data;
    assert.deepEqual([it.time, it.lengthMinutes, it.remindAt, it.repeat, it.start], [null, null, null, null, null], id);
    assert.equal(typeof it.someday, 'boolean');
    assert.ok(it.tags.length <= 50 && it.tags.every((g) => typeof g === 'string' && g.length <= 64));
  }
  // And the editor edits such a row: its tags merge against what the page saw, the unseen ones stay.
  const [r] = await d.outbox({ op: 'edit', id: ids[0], set: { tags: ['t2', 'fresh'], lengthMinutes: 30 }, base: { tags: ['t2', 't3'] } });
  assert.equal(r.outcome, 'applied', r.reason);
  const tags = items.tagsOf(d.replica, ids[0]);
  assert.ok(tags.includes('fresh') && !tags.includes('t3') && tags.includes('t4'));
  assert.equal(d.replica.row('items', ids[0]).durationMinutes, 30n);
  assert.equal(items.listJson(d.replica).length, 3, 'the command line\'s listing too');
});
