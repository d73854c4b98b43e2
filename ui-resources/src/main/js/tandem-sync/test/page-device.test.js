import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { argonRuns } from '../src/keys/kdf.js';
import { lockedKey } from '../src/crypto/aead.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import * as items from '../app/items.js';
import { listJson } from '../app/items.js';
import { addItem, quickAdd } from '../app/cli-items.js';
import { makeAnswerer } from '../../../resources/dev/tandem/ui/web/device-answer.js';

// The page as its own device (docs/WEB.md, "The page as its own device"): the key it keeps instead of the
// passphrase, and the answers it makes from its replica in the shapes the Java web layer sends.
const pass = (p) => ({ type: 'passphrase', passphrase: p });
const utf8 = (s) => new TextEncoder().encode(s);
const words = (key, ...args) => key + (args.length ? '(' + args.join(',') + ')' : '');
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
let ids = 0;
const uuid7 = () => '01900000-0000-7000-8000-' + String(++ids).padStart(12, '0');

function device() {
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const log = [];
  const answer = makeAnswerer({ replica, items, t: words, now: () => NOW,
    session: () => ({ csrf: 'own-device', own: true }),
    kept: async () => { log.push('kept'); } });
  const call = async (method, path, body) => {
    const res = await answer(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    log.push('answered ' + path);
    return { status: res.status, data: await res.json() };
  };
  const outbox = (...entries) => call('POST', '/api/outbox', { entries });
  return { replica, call, outbox, log };
}

test('a stretched key kept as a non-extractable WebCrypto key opens the keyring without Argon2id', async () => {
  const below = new MemoryStorage();
  const first = new EncryptedStorage(below, pass('correct horse'));
  await first.createIfAbsent('heads/x/000000000001', utf8('hello'));
  const u = first.unlocked;
  const key = await lockedKey(u.kek);
  assert.equal(key.extractable, false);
  await assert.rejects(crypto.subtle.exportKey('raw', key), 'its bytes cannot be read back');
  const before = argonRuns();
  const again = new EncryptedStorage(below, { type: 'stretched', key, salt: u.via.salt });
  assert.equal(new TextDecoder().decode(await again.get('heads/x/000000000001')), 'hello');
  assert.equal(argonRuns(), before, 'no passphrase derivation');
});

test('a stretched key for another salt, or for a remote without a keyring, is refused and writes nothing', async () => {
  const below = new MemoryStorage();
  const first = new EncryptedStorage(below, pass('correct horse'));
  await first.createIfAbsent('heads/x/000000000001', utf8('hello'));
  const key = await lockedKey(first.unlocked.kek);
  const salt = first.unlocked.via.salt.slice();
  salt[0] ^= 1;
  const stale = new EncryptedStorage(below, { type: 'stretched', key, salt });
  await assert.rejects(stale.get('heads/x/000000000001'), { name: 'WrongPassphraseError', message: /changed on another device/ });
  const empty = new MemoryStorage();
  const none = new EncryptedStorage(empty, { type: 'stretched', key, salt: first.unlocked.via.salt });
  await assert.rejects(none.list('', null, 10), { name: 'WrongPassphraseError' });
  assert.deepEqual(await empty.list('', null, 10), [], 'no keyring set up from a kept key');
});

test('quick add, tick, untick, edit and trash through the outbox answer as the server does and show in the views', async () => {
  const d = device();
  const id = uuid7();
  const added = await d.outbox({ op: 'add', id, key: 'k1', text: 'Buy milk #Groceries p1 @shop', view: 'inbox', at: NOW });
  assert.equal(added.status, 200);
  assert.deepEqual(added.data.results.map((r) => [r.key, r.id, r.outcome]), [['k1', id, 'applied']]);
  assert.equal(added.data.results[0].values.title, 'Buy milk');
  assert.deepEqual(d.log.slice(0, 2), ['kept', 'answered /api/outbox'], 'kept before answered');
  const side = (await d.call('GET', '/api/sidebar')).data;
  const list = side.lists.find((l) => l.name === 'Groceries');
  assert.equal(list.count, 1);
  assert.deepEqual(side.views.map((s) => [s.key, s.count]), [['inbox', 0], ['today', 0], ['upcoming', 0],
    ['agenda', null], ['week', null], ['completed', null]]);
  const view = (await d.call('GET', '/api/items?view=list:' + list.id)).data;
  assert.equal(view.total, 1);
  const row = view.items[0];
  assert.deepEqual([row.id, row.title, row.listName, row.priority, row.tags, row.done, row.note],
    [id, 'Buy milk', 'Groceries', 1, ['shop'], false, false]);
  await d.outbox({ op: 'add', id: uuid7(), key: 'k2', text: 'Call Sam', view: 'today', at: NOW });
  const today = (await d.call('GET', '/api/items?view=today')).data;
  assert.deepEqual(today.items.map((i) => [i.title, i.due, i.dueToday]), [['Call Sam', '2026-11-20', true]]);

  await d.outbox({ op: 'done', id, key: 'k3', done: true, at: NOW });
  assert.equal((await d.call('GET', '/api/items?view=list:' + list.id)).data.total, 0);
  assert.equal(listJson(d.replica, { all: true }).find((i) => i.id === id).done, true);
  await d.outbox({ op: 'done', id, key: 'k4', done: false, at: NOW });
  await d.outbox({ op: 'edit', id, key: 'k5', set: { title: 'Buy oat milk', notes: 'two <script>x</script>' }, base: {} });
  const opened = (await d.call('GET', '/api/items/' + id)).data;
  assert.equal(opened.title, 'Buy oat milk');
  assert.equal(opened.notes, 'two <script>x</script>');
  assert.equal(opened.notesHtml, '<p>two &lt;script&gt;x&lt;/script&gt;</p>', 'notes never become markup');
  await d.outbox({ op: 'trash', id, key: 'k6', trashed: true, at: NOW });
  assert.equal((await d.call('GET', '/api/items/' + id)).status, 404);
  assert.equal((await d.call('GET', '/api/sidebar')).data.lists[0].count, 0);
});

test('an add sent again applies once; a bad entry is refused with a reason and the next still applies', async () => {
  const d = device();
  const id = uuid7();
  const add = { op: 'add', id, key: 'k1', text: 'Once', at: NOW };
  await d.outbox(add);
  const again = await d.outbox(add);
  assert.equal(again.data.results[0].outcome, 'applied');
  assert.equal(listJson(d.replica).filter((i) => i.title === 'Once').length, 1);
  const mixed = await d.outbox(
    { op: 'add', id: 'not-a-uuid', key: 'a', text: 'x' },
    { op: 'edit', id, key: 'b', set: { title: 'y'.repeat(5000) } },
    { op: 'edit', id, key: 'c', set: { due: '2026-02-30T00:00' } },
    { op: 'edit', id, key: 'd', set: { priority: 9 } },
    { op: 'done', id: uuid7(), key: 'e', done: true },
    { op: 'move', id, key: 'f', to: {} },
    null,
    { op: 'edit', id, key: 'g', set: { title: 'After the bad ones' } });
  assert.deepEqual(mixed.data.results.map((r) => r.outcome),
    ['refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'applied']);
  assert.equal(mixed.data.results[5].reason, 'page.device.notYet');
  assert.equal(mixed.data.results[4].reason, 'page.device.gone');
  assert.equal(listJson(d.replica)[0].title, 'After the bad ones');
  const tooMany = await d.outbox(...Array.from({ length: 101 }, (_, i) => ({ op: 'done', id, key: 'x' + i, done: true })));
  assert.equal(tooMany.status, 400);
  assert.equal(listJson(d.replica).length, 1, 'nothing of an oversized request applied');
  const broken = await d.call('POST', '/api/outbox', undefined);
  assert.equal(broken.status, 400);
});

test('a view or route it cannot answer yet says so in a sentence', async () => {
  const d = device();
  for (const path of ['/api/items?view=filter:0190', '/api/items?view=trash', '/api/items?view=list:nope',
    '/api/browsers']) {
    const r = await d.call('GET', path);
    assert.equal(r.status, 501, path);
    assert.equal(r.data.error, 'page.device.notYet');
  }
});

test('what the desktop synced shows in the views; what the page added reaches the other device', async () => {
  const below = new MemoryStorage();
  const desk = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const made = addItem(desk, quickAdd('Desk todo #Work'), NOW);
  const sync = (replica) => new SyncEngine({ replica, storage: new EncryptedStorage(below, pass('pw')),
    address: 'memory', encrypted: true, plainBelow: below }).sync();
  await sync(desk);
  const d = device();
  await sync(d.replica);
  const side = (await d.call('GET', '/api/sidebar')).data;
  const work = side.lists.find((l) => l.name === 'Work');
  assert.deepEqual((await d.call('GET', '/api/items?view=list:' + work.id)).data.items.map((i) => i.id), [made]);
  const id = uuid7();
  await d.outbox({ op: 'add', id, key: 'p1', text: 'From the page', at: NOW });
  await d.outbox({ op: 'done', id: made, key: 'p2', done: true, at: NOW });
  await sync(d.replica);
  await sync(desk);
  const seen = listJson(desk, { all: true });
  assert.equal(seen.find((i) => i.id === id).title, 'From the page');
  assert.equal(seen.find((i) => i.id === made).done, true);
});

test('rows another device synced with values of the wrong class or shape still show, as plain values', async () => {
  const d = device();
  const r = d.replica;
  const good = uuid7();
  const odd = uuid7();
  r.save('items', odd, { title: 42n, notes: 7n, due: 20261120n, priority: 99n, start: '<b>', listId: 'nowhere',
    createdAt: 1n, done: 0n }, items.ITEM_COLUMNS);
  r.save('items', good, { title: 'Fine', notes: '<img src=x onerror=alert(1)>', due: '2026-02-30T00:00', createdAt: 2n,
    done: 0n }, items.ITEM_COLUMNS);
  r.save('item_tags', uuid7(), { itemId: good, tag: 5n }, items.TAG_COLUMNS);
  const inbox = await d.call('GET', '/api/items?view=inbox');
  assert.equal(inbox.status, 200);
  const [a, b] = inbox.data.items;
  assert.deepEqual([a.id, a.title, a.due, a.priority, a.start, a.listId, a.listName], [odd, '', null, null, null, null,
    'page.view.inbox']);
  assert.deepEqual([b.id, b.title, b.due, b.tags], [good, 'Fine', null, []]);
  assert.equal((await d.call('GET', '/api/items/' + odd)).data.notes, '');
  assert.equal((await d.call('GET', '/api/items/' + good)).data.notesHtml, '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
});

test('a view answers at most the rows asked for, with the total', async () => {
  const d = device();
  for (let i = 0; i < 30; i++) {
    d.replica.save('items', uuid7(), { title: 'n' + i, createdAt: BigInt(i), done: 0n }, items.ITEM_COLUMNS);
  }
  const some = (await d.call('GET', '/api/items?view=inbox&limit=10')).data;
  assert.deepEqual([some.total, some.items.length], [30, 10]);
  const odd = (await d.call('GET', '/api/items?view=inbox&limit=-5')).data;
  assert.equal(odd.items.length, 30, 'a limit that is none gives the default page');
});
