import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import * as items from '../app/items.js';
import { listJson } from '../app/items.js';
import { addItem, quickAdd } from '../app/cli-items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// Conflicts on the page as its own device (docs/WEB.md, "The page as its own device"): listed from the replica's
// recorded conflicts in ApiRoutes' shape, resolved as the engine's LostValues does, and the resolution synced.
const pass = (p) => ({ type: 'passphrase', passphrase: p });
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

function replica() {
  return new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
}

function page(r = replica()) {
  const log = [];
  const answer = makeAnswerer({ replica: r, items, t: words, now: () => NOW,
    session: () => ({ csrf: 'own-device', own: true }), kept: async () => { log.push('kept'); } });
  const call = async (method, path, body) => {
    const res = await answer(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    log.push('answered');
    return { status: res.status, data: res.status === 204 ? null : await res.json() };
  };
  return { replica: r, call, log, outbox: (...entries) => call('POST', '/api/outbox', { entries }) };
}

/** A desktop and the page syncing through one encrypted remote, each edit made while the other was offline. */
async function conflicted(deskTitle, pageTitle) {
  const below = new MemoryStorage();
  const sync = (r) => new SyncEngine({ replica: r, storage: new EncryptedStorage(below, pass('pw')), address: 'memory',
    encrypted: true, plainBelow: below }).sync();
  const desk = replica();
  desk.save('devices', desk.deviceId, { name: 'Desk' }, ['id', 'name']);
  const id = addItem(desk, quickAdd('Plan trip'), NOW);
  await sync(desk);
  const p = page();
  await sync(p.replica);
  desk.save('items', id, { ...desk.row('items', id), title: deskTitle }, items.ITEM_COLUMNS);
  await sync(desk);
  // The page's edit is made after the desktop's (a later change id): it wins, the desktop's value is the lost one.
  await p.outbox({ op: 'edit', id, key: 'e1', set: { title: pageTitle } });
  await sync(p.replica);
  return { desk, p, id, sync };
}

test('a desktop edit and a page edit made offline show as a conflict; keep theirs reaches the desktop', async () => {
  const { desk, p, id, sync } = await conflicted('Plan trip to Rome', 'Plan trip to Oslo');
  assert.equal((await p.call('GET', '/api/sidebar')).data.conflicts, 1);
  const listed = (await p.call('GET', '/api/conflicts')).data.conflicts;
  assert.equal(listed.length, 1);
  const c = listed[0];
  assert.deepEqual([c.kind, c.itemId, c.itemTitle, c.field, c.fieldLabel, c.kept, c.lost, c.keptBy, c.lostBy,
    c.keptHere, c.lostHere], ['item', id, 'Plan trip to Oslo', 'title', 'page.device.conflict.field.title',
    'Plan trip to Oslo', 'Plan trip to Rome', 'page.conflicts.thisBrowser', 'Desk', true, false]);
  assert.equal(typeof c.at, 'number');

  const used = await p.call('POST', '/api/conflicts/' + c.id + '/use-lost', {});
  assert.equal(used.status, 204);
  assert.deepEqual(p.log.slice(-2), ['kept', 'answered'], 'kept before answered');
  assert.equal((await p.call('GET', '/api/conflicts')).data.conflicts.length, 0);
  assert.equal((await p.call('GET', '/api/sidebar')).data.conflicts, 0);
  assert.equal((await p.call('GET', '/api/items/' + id)).data.title, 'Plan trip to Rome');
  assert.equal((await p.call('POST', '/api/conflicts/' + c.id + '/use-lost', {})).status, 404, 'resolved once');
  await sync(p.replica);
  await sync(desk);
  assert.equal(listJson(desk, { all: true }).find((i) => i.id === id).title, 'Plan trip to Rome');
});

test('keep mine dismisses the conflict and leaves the kept value everywhere', async () => {
  const { desk, p, id, sync } = await conflicted('Desk words', 'Page words');
  const [c] = (await p.call('GET', '/api/conflicts')).data.conflicts;
  assert.equal((await p.call('POST', '/api/conflicts/' + c.id + '/dismiss', {})).status, 204);
  assert.equal((await p.call('GET', '/api/conflicts')).data.conflicts.length, 0);
  await sync(desk);
  assert.equal(listJson(desk, { all: true }).find((i) => i.id === id).title, 'Page words');
  const kept = JSON.parse(JSON.stringify(p.replica));
  assert.equal(Replica.fromJSON(kept).listConflicts().length, 0, 'the dismissal is kept with the replica');
});

test('conflicts of hostile synced values are said in words, bounded, never markup; bad ids answer 404', async () => {
  const long = '<img src=x onerror=alert(1)>' + 'x'.repeat(5000);
  const { p } = await conflicted(long, 'Mine');
  const r = p.replica;
  const [c] = (await p.call('GET', '/api/conflicts')).data.conflicts;
  assert.ok(c.lost.startsWith('<img src=x'), 'plain text, drawn as text by conflicts.js');
  assert.ok(c.lost.length <= 1001, 'a value is cut');
  // A conflict about a field of the wrong class, another table, and an author with no name.
  const k = r.conflicts[0];
  const change = r.changes.get(k.loserSeq);
  change.fields = change.fields.map((f) => (f.name === 'title' ? { ...f, value: 42n } : f));
  change.author = 'not-a-device-0000abcdef';
  const odd = (await p.call('GET', '/api/conflicts')).data.conflicts[0];
  assert.deepEqual([odd.lost, odd.lostBy], ['page.device.conflict.value.other', 'page.device.conflict.device(abcdef)']);
  r.conflicts.push({ ...k, id: 2, table: 'lists', entity: 'gone', loserSeq: k.loserSeq });
  r.conflicts.push({ ...k, id: 3, table: 'items', field: 'priority', loserSeq: k.loserSeq });
  const three = (await p.call('GET', '/api/conflicts')).data.conflicts;
  assert.equal(three.length, 2, 'a conflict whose lost change holds no such field is left out, as the engine does');
  assert.deepEqual([three[0].kind, three[0].itemTitle], ['list', 'page.device.conflict.deletedList']);
  for (const bad of ['abc', '0', '-1', '99999999999', '%E0%A4%A', '1e3', '9', '3']) {
    const res = await p.call('POST', '/api/conflicts/' + bad + '/use-lost', {});
    assert.equal(res.status, 404, bad);
    assert.equal(res.data.error, 'page.device.resolved');
  }
  r.conflicts.push({ ...k, id: 4, table: 'no such table!' });
  const refused = await p.call('POST', '/api/conflicts/4/use-lost', {});
  assert.deepEqual([refused.status, refused.data.error], [400, 'page.device.badValue']);
  assert.equal(r.conflicts.find((x) => x.id === 4).dismissed, false, 'still listed, nothing written');
  for (let i = 0; i < 300; i++) r.conflicts.push({ ...k, id: 10 + i, loserSeq: k.loserSeq });
  assert.equal((await p.call('GET', '/api/conflicts')).data.conflicts.length, 200, 'the list is bounded');
});
