import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { lockedKey } from '../src/crypto/aead.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { encodeRetirement, FORGOTTEN, retirementKey, UNSEEN } from '../src/wire/retirement.js';
import { ownRetirement, RETIREMENT_BYTES } from '../src/sync/own-retirement.js';
import { finishRotation, startRotation } from '../src/keys/key-changes.js';

// A device that stops for good once the remote retires it (the phone page, docs/WEB.md "When a phone is forgotten"):
// the core refuses its sync before anything is read or written, and ownRetirement says what the retirement says,
// bounded, and still finds it by its name when its body is junk or under a key the device no longer holds.
const pass = (p) => ({ type: 'passphrase', passphrase: p });
const COLS = ['id', 'title', 'done'];
const AT = Date.UTC(2026, 10, 27, 9, 30);

async function setup() {
  const below = new MemoryStorage();
  const desk = { replica: new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock() }),
    storage: new EncryptedStorage(below, pass('first passphrase')) };
  const phone = { replica: new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock() }),
    storage: new EncryptedStorage(below, pass('first passphrase')) };
  const sync = (d) => new SyncEngine({ replica: d.replica, storage: d.storage, address: 'r', encrypted: true,
    plainBelow: below }).sync();
  desk.replica.save('items', 'one', { title: 'From the desk', done: 0n }, COLS);
  await sync(desk);
  phone.replica.save('items', 'two', { title: 'From the phone', done: 0n }, COLS);
  await sync(phone);
  await sync(desk);
  // The phone as the page keeps it: the non-extractable key, never the passphrase.
  const u = phone.storage.unlocked;
  phone.kept = { type: 'stretched', key: await lockedKey(u.kek), salt: u.via.salt };
  return { below, desk, phone, sync };
}

const forget = (s, who, by, extra = {}) => s.desk.storage.createIfAbsent(retirementKey(who),
  encodeRetirement({ device: who, lastHead: 1, retiredAtMillis: AT, by, reason: FORGOTTEN, ...extra }));

test('a forgotten device is refused before anything is read or written, and its retirement says when and by whom',
  async () => {
    const s = await setup();
    await forget(s, s.phone.replica.deviceId, s.desk.replica.deviceId);
    s.phone.replica.save('items', 'three', { title: 'Typed after being forgotten', done: 0n }, COLS);
    const before = new Map(s.below.objects);
    await assert.rejects(s.sync(s.phone), { name: 'RetiredDeviceError' });
    await assert.rejects(s.sync(s.phone), { name: 'RetiredDeviceError' }, 'and again at every sync');
    assert.deepEqual([...s.below.objects.keys()].sort(), [...before.keys()].sort(), 'nothing written');
    assert.deepEqual(s.phone.replica.row('items', 'three'), { title: 'Typed after being forgotten', done: 0n },
      'its unsynced change stays');
    const r = await ownRetirement({ plain: s.below, storage: s.phone.storage, self: s.phone.replica.deviceId, now: AT });
    assert.deepEqual(r, { retired: true, readable: true, reason: FORGOTTEN, at: AT, by: s.desk.replica.deviceId });
    assert.equal(await ownRetirement({ plain: s.below, storage: s.desk.storage, self: s.desk.replica.deviceId }), null,
      'another device is not retired');
  });

test('after a rotation without it, the forgotten device still finds its retirement by name but reads nothing new',
  async () => {
    const s = await setup();
    await forget(s, s.phone.replica.deviceId, s.desk.replica.deviceId);
    const d = s.desk.storage;
    await d.change((u) => startRotation(d.keyring, u, 'second passphrase'));
    for (const key of await s.below.list('', null, 1000)) {
      if (!EncryptedStorage.isReserved(key) && key !== 'changed') await d.reencrypt(key);
    }
    await d.change((u) => finishRotation(d.keyring, u));
    s.desk.replica.save('items', 'secret', { title: 'Written after the rotation', done: 0n }, COLS);
    await s.sync(s.desk);
    // The page reloaded: a new EncryptedStorage over the kept key.
    const phone = new EncryptedStorage(s.below, s.phone.kept);
    const before = new Map(s.below.objects);
    await assert.rejects(new SyncEngine({ replica: s.phone.replica, storage: phone, address: 'r', encrypted: true,
      plainBelow: s.below }).sync(), { name: 'WrongPassphraseError' });
    assert.deepEqual([...s.below.objects.keys()].sort(), [...before.keys()].sort(), 'nothing written');
    const r = await ownRetirement({ plain: s.below, storage: phone, self: s.phone.replica.deviceId, now: AT });
    assert.deepEqual(r, { retired: true, readable: false, reason: null, at: null, by: null });
    const newest = (await s.below.list('batches/' + s.desk.replica.deviceId + '/', null, 100)).at(-1);
    await assert.rejects(phone.get(newest), { name: 'WrongPassphraseError' }, 'the desk\'s new batch stays closed');
    assert.equal(s.phone.replica.entity('items', 'secret', false), null);
  });

test('hostile retirements: junk, too large, another device\'s, odd times and reasons still stop the device and never'
  + ' throw', async () => {
  const s = await setup();
  const self = s.phone.replica.deviceId;
  const key = retirementKey(self);
  const look = () => ownRetirement({ plain: s.below, storage: s.phone.storage, self, now: AT });
  const unreadable = { retired: true, readable: false, reason: null, at: null, by: null };
  s.below.objects.set(key, new TextEncoder().encode('junk, not a Tandem object'));
  assert.deepEqual(await look(), unreadable);
  await assert.rejects(s.sync(s.phone), { name: 'RetiredDeviceError' }, 'the name alone stops it');
  // Larger than a retirement can be: refused by its size, its bytes never handed on.
  const big = new Uint8Array(RETIREMENT_BYTES + 1);
  let asked = null;
  const spy = { get: (name, max) => { asked = max; return s.below.get(name, max); } };
  s.below.objects.set(key, big);
  assert.deepEqual(await ownRetirement({ plain: spy, storage: s.phone.storage, self, now: AT }), unreadable);
  assert.equal(asked, RETIREMENT_BYTES, 'read bounded');
  // A well-made retirement of another device, copied under this one's name.
  s.below.objects.delete(key);
  const other = crypto.randomUUID();
  await forget(s, other, s.desk.replica.deviceId);
  s.below.objects.set(key, s.below.objects.get(retirementKey(other)));
  assert.deepEqual(await look(), unreadable, 'encrypted under another name: not opened');
  s.below.objects.delete(key);
  // Times from before 2020, far ahead or beyond a safe integer, and an unknown reason: shown as unknown.
  for (const [at, reason] of [[0, 'because'], [AT + 2 * 24 * 3600 * 1000, UNSEEN], [-5, FORGOTTEN],
    [Number.MAX_SAFE_INTEGER + 2, 'x'.repeat(64)]]) {
    s.below.objects.delete(key);
    await forget(s, self, self, { retiredAtMillis: at, reason });
    const r = await look();
    assert.equal(r.retired, true);
    assert.equal(r.at, null, 'time ' + at + ' not shown');
    assert.equal(r.reason, reason === UNSEEN || reason === FORGOTTEN ? reason : null);
    assert.equal(r.by, null, 'a device does not retire itself');
  }
  // A reason longer than any: refused by the reader, still a retirement.
  s.below.objects.delete(key);
  await forget(s, self, s.desk.replica.deviceId, { reason: 'y'.repeat(10_000) });
  assert.deepEqual(await look(), unreadable);
});

test('a failure to reach the remote is not taken for a retirement', async () => {
  const s = await setup();
  const down = { get: async () => { throw Object.assign(new Error('connection refused'), { reason: 'NETWORK' }); } };
  await assert.rejects(ownRetirement({ plain: down, storage: s.phone.storage, self: s.phone.replica.deviceId }),
    /connection refused/);
});
