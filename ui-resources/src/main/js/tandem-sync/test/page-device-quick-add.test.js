import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import * as items from '../app/items.js';
import { tagId } from '../app/derived-ids.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';
import { quickAddTable } from './support/quick-add-tables.js';
import { readFileSync } from 'node:fs';

// The page's own-device quick add reads the text as the desktop does (app/quick-add.js) and writes the rows the
// desktop's QuickAddPlan writes: the date, the time on it, the priority, the list, the repeat as its own
// series, the reminder on the due date, the tags as stored under their derived ids.
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
// A Friday, noon local time.
const NOW = new Date(2026, 10, 20, 12, 0, 0).getTime();
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

const dates = JSON.parse(readFileSync(new URL('./vectors/date-words.json', import.meta.url), 'utf8')).languages;

function device(lang = null) {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  // The page in German or French: the table its /messages.json carries, compiled as device.js compiles it.
  const grammar = lang ? items.compileGrammar(quickAddTable(lang)) : null;
  const answer = makeAnswerer({ replica, items, t: words, now: () => NOW, grammar,
    dateWords: lang ? { lang, ...dates.find((l) => l.lang === lang).words } : null,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => {} });
  const outbox = async (...entries) => {
    const res = await answer('/api/outbox', { method: 'POST', body: JSON.stringify({ entries }) });
    return { status: res.status, data: await res.json() };
  };
  const listNamed = (name) => [...replica.entities.values()]
    .filter((e) => e.table === 'lists' && replica.row('lists', e.entity)?.name === name).map((e) => e.entity);
  return { replica, outbox, listNamed };
}

test('quick add on the page reads a date, a time, a priority and a list and writes them as the desktop does', async () => {
  const d = device();
  const id = uuid7();
  const added = await d.outbox({ op: 'add', id, key: 'k1', text: 'Call the bank tomorrow 2pm p1 #Errands', view: 'inbox', at: NOW });
  assert.equal(added.status, 200);
  assert.equal(added.data.results[0].outcome, 'applied');
  const row = d.replica.row('items', id);
  const [errands] = d.listNamed('Errands');
  assert.ok(errands, 'the list is made');
  assert.deepEqual([row.title, row.due, row.dueTime, row.durationMinutes, row.priority, row.listId, row.kind, row.repeat,
    row.remindAt], ['Call the bank', '2026-11-21', '14:00', null, 1n, errands, null, null, null]);
});

test('quick add on the page writes a repeat as its own series, the reminder on the due date and derived tag rows', async () => {
  const d = device();
  const id = uuid7();
  await d.outbox({ op: 'add', id, key: 'k1', text: 'Water plants every monday p2 @Home #Garden remind 9am for 30 min',
    view: 'inbox', at: NOW });
  const row = d.replica.row('items', id);
  assert.deepEqual([row.title, row.due, row.repeat, row.seriesId, row.priority, row.durationMinutes, row.remindAt],
    ['Water plants', '2026-11-23', 'FREQ=WEEKLY;BYDAY=MO', id, 2n, 30n,
      BigInt(new Date(2026, 10, 23, 9, 0).getTime())]);
  const tag = d.replica.row('item_tags', await tagId(id, 'home'));
  assert.deepEqual([tag.itemId, tag.tag], [id, 'home']);

  // A time typed without a date falls on its next coming: 9am at noon is tomorrow; the Today view adds no date then.
  const later = uuid7();
  await d.outbox({ op: 'add', id: later, key: 'k2', text: 'Stretch 9am for 1h', view: 'today', at: NOW });
  const s = d.replica.row('items', later);
  assert.deepEqual([s.title, s.due, s.dueTime, s.durationMinutes], ['Stretch', '2026-11-21', '09:00', 60n]);
});

test('quick add on the page refuses text of nothing but details and keeps the replica as it was', async () => {
  const d = device();
  const refused = await d.outbox({ op: 'add', id: uuid7(), key: 'k1', text: '@home #Work', view: 'inbox', at: NOW });
  assert.notEqual(refused.data.results[0].outcome, 'applied');
  assert.deepEqual(d.listNamed('Work'), []);
});

test('quick add on a German or French page reads the language beside English and writes as the desktop does', async () => {
  const de = device('de');
  const id = uuid7();
  await de.outbox({ op: 'add', id, key: 'k1', text: 'Zahnarzt morgen um 14 Uhr für 30 Minuten p1 #Praxis', view: 'inbox', at: NOW });
  const row = de.replica.row('items', id);
  const [praxis] = de.listNamed('Praxis');
  assert.deepEqual([row.title, row.due, row.dueTime, row.durationMinutes, row.priority, row.listId],
    ['Zahnarzt', '2026-11-21', '14:00', 30n, 1n, praxis]);
  const rent = uuid7();
  await de.outbox({ op: 'add', id: rent, key: 'k2', text: 'Miete jeden Monat am 1. erinnere mich um 8 Uhr', view: 'inbox', at: NOW });
  const r = de.replica.row('items', rent);
  assert.deepEqual([r.title, r.due, r.repeat, r.seriesId, r.remindAt],
    ['Miete', '2026-12-01', 'FREQ=MONTHLY;BYMONTHDAY=1', rent, BigInt(new Date(2026, 11, 1, 8, 0).getTime())]);
  // English still reads on a German page; a German note starts with "Notiz:".
  const english = uuid7();
  await de.outbox({ op: 'add', id: english, key: 'k3', text: 'Call the bank tomorrow 2pm', view: 'inbox', at: NOW });
  assert.deepEqual([de.replica.row('items', english).title, de.replica.row('items', english).dueTime], ['Call the bank', '14:00']);
  const note = uuid7();
  await de.outbox({ op: 'add', id: note, key: 'k4', text: 'Notiz: Ideen für morgen', view: 'inbox', at: NOW });
  assert.deepEqual([de.replica.row('items', note).title, de.replica.row('items', note).kind, de.replica.row('items', note).due],
    ['Ideen für morgen', 'note', null]);

  const fr = device('fr');
  const sport = uuid7();
  await fr.outbox({ op: 'add', id: sport, key: 'k1', text: 'Sport tous les lundis à 18h', view: 'inbox', at: NOW });
  const s = fr.replica.row('items', sport);
  assert.deepEqual([s.title, s.due, s.dueTime, s.repeat], ['Sport', '2026-11-23', '18:00', 'FREQ=WEEKLY;BYDAY=MO']);

  // Without the table (an English page) the German words stay in the title.
  const en = device();
  const plain = uuid7();
  await en.outbox({ op: 'add', id: plain, key: 'k1', text: 'Zahnarzt morgen um 14 Uhr', view: 'inbox', at: NOW });
  assert.deepEqual([en.replica.row('items', plain).title, en.replica.row('items', plain).due], ['Zahnarzt morgen um 14 Uhr', null]);
});

test('quick add on the page writes a start date and Someday as the desktop does, and says a date that is none', async () => {
  const d = device('de');
  const add = async (text, view = 'inbox') => {
    const id = uuid7();
    const res = await d.outbox({ op: 'add', id, key: id, text, view, at: NOW });
    const row = d.replica.row('items', id);
    return { row: [row.title, row.due, row.start, row.someday], message: res.data.results[0].message };
  };
  // "start …" and "someday" say when already: the Today view adds no date to them.
  assert.deepEqual((await add('Plan trip start mon', 'today')).row, ['Plan trip', null, '2026-11-23', null]);
  assert.deepEqual((await add('Klavier lernen irgendwann', 'today')).row, ['Klavier lernen', null, null, 1n]);
  assert.deepEqual((await add('Umzug ab Montag fällig Freitag')).row, ['Umzug', '2026-11-27', '2026-11-23', null]);
  // Put away only without a date, as the desktop's TodoDetails.apply.
  assert.deepEqual((await add('Plan trip start mon someday')).row, ['Plan trip', null, '2026-11-23', null]);
  const party = await add('Party feb 30 p2');
  assert.deepEqual(party.row, ['Party feb 30', null, null, null]);
  assert.equal(party.message, '„feb 30“ ist kein Datum und bleibt im Titel page.quickAdd.added');
});
