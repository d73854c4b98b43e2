import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { Members } from '../src/space/members.js';
import { newLogMemory } from '../src/space/membership-log.js';
import { SignedStorage } from '../src/space/signed-storage.js';
import { SpaceIntake } from '../src/space/space-intake.js';
import { listTree } from '../src/space/scope.js';
import { grantKey, newAgreementPair, sealGrant } from '../src/space/sealed.js';
import { syncSpace } from '../src/space/space-sync.js';
import { changePassphrase } from '../src/keys/key-changes.js';
import { ALEX, ALEX_DEVICE, LIST, OWNER, SAM, SAM_DEVICE, keyPair, writeCert, writeLog } from './support/space-fixture.js';

// A member's JavaScript device in a shared list's space: it opens its grant, follows the log, reads
// the list the owner shared (and nothing else of the owner's), refuses what another member writes
// outside the list while merging the rest, and its own changes to the list reach the owner, who
// reads them through the same checks.
let time = 1_732_000_000_000;
const wall = () => time;
const PASS = 'space passphrase 4f1c9a';
const O_DEV = '0193433e-a800-7000-8000-000000000001';
const S_DEV = '0193433e-a800-7000-8000-000000000002';
const A_DEV = '0193433e-a800-7000-8000-000000000003';
const X_DEV = '0193433e-a800-7000-8000-000000000004';
const OWNER_DEVICE = keyPair(9);
const ITEM_COLS = ['listId', 'title', 'done'];
const SECRET = { type: 'passphrase', passphrase: PASS };

function replica(id) {
  return new Replica({ deviceId: id, clock: new HybridClock(wall), mergeText: ['items.notes'] });
}

/** A device that signs as {@code device} with {@code keys}, scoped to the list or (a modified client) not. */
function peer(raw, id, keys, { scoped = true } = {}) {
  const r = replica(id);
  const encrypted = new EncryptedStorage(raw, SECRET, { clock: wall });
  const members = new Members(encrypted, OWNER.public, { memory: newLogMemory() });
  const signed = new SignedStorage(encrypted, members);
  signed.signAs(id, keys.private);
  const tree = listTree(LIST);
  const engine = new SyncEngine({ replica: r, storage: signed, address: 'space', encrypted: true, now: wall,
    scope: scoped ? { tree } : null, intake: new SpaceIntake({ tree, replica: r, now: wall }), snapshotEvery: 0,
    snapshotChanges: 0 });
  return { replica: r, engine, members, sync: async () => {
    time += 10;
    await members.refresh();
    return engine.sync();
  } };
}

/** The owner shares LIST: the log admits the owner, Sam and Alex; certificates; Sam's grant. */
async function share() {
  const raw = new MemoryStorage();
  const enc = new EncryptedStorage(raw, SECRET, { clock: wall });
  const samAgreement = newAgreementPair();
  await writeLog(enc, [{ kind: 'add', name: 'Owner', memberKey: OWNER.public },
    { kind: 'add', name: 'Sam', memberKey: SAM.public, agreementKey: samAgreement.public },
    { kind: 'add', name: 'Alex', memberKey: ALEX.public }]);
  await writeCert(enc, O_DEV, OWNER_DEVICE, 'Owner', OWNER);
  await writeCert(enc, A_DEV, ALEX_DEVICE, 'Alex', ALEX);
  const key = await grantKey('inv-1', SAM.public);
  await raw.createIfAbsent(key, await sealGrant(OWNER.private, samAgreement.public, key, new TextEncoder().encode(PASS)));
  const sam = { list: LIST, owner: OWNER.public, inviteId: 'inv-1', name: 'Sam', member: SAM, agreement: samAgreement,
    device: SAM_DEVICE };
  return { raw, sam };
}

async function samSync(r, raw, sam) {
  time += 10;
  return syncSpace({ replica: r, raw, address: 'space', space: sam, now: wall });
}

test('syncSpace: before the grant nothing is read; then the shared list arrives and none of the owner\'s other items', async () => {
  const { raw, sam } = await share();
  const owner = peer(raw, O_DEV, OWNER_DEVICE);
  time += 1;
  owner.replica.save('lists', LIST, { name: 'Groceries' }, ['name']);
  owner.replica.save('items', 'i1', { listId: LIST, title: 'Milk', done: 0n }, ITEM_COLS);
  owner.replica.save('items', 'private', { listId: null, title: 'Diary', done: 0n }, ITEM_COLS);
  await owner.sync();

  const s = replica(S_DEV);
  const waiting = { ...sam, inviteId: 'inv-2' };
  assert.equal((await samSync(s, raw, waiting)).admitted, false, 'no grant under that invite');
  assert.equal(waiting.passphrase, undefined);
  const report = await samSync(s, raw, sam);
  assert.equal(sam.passphrase, PASS, 'opened from the grant');
  assert.deepEqual(report.problems, []);
  assert.equal(s.row('items', 'i1').title, 'Milk');
  assert.equal(s.row('lists', LIST).name, 'Groceries');
  assert.equal(s.row('items', 'private'), null, 'the owner\'s device never pushed it to the space');
  assert.equal(s.remote('space').log.entries.size, 3, 'the log is remembered with the device\'s state');
});

test('syncSpace: a member writing outside the list is refused and named, the good changes after it still merged', async () => {
  const { raw, sam } = await share();
  const owner = peer(raw, O_DEV, OWNER_DEVICE);
  time += 1;
  owner.replica.save('lists', LIST, { name: 'Groceries' }, ['name']);
  owner.replica.save('items', 'i1', { listId: LIST, title: 'Milk', done: 0n }, ITEM_COLS);
  await owner.sync();
  const s = replica(S_DEV);
  time += 1;
  s.save('lists', 'sams-own', { name: 'Sam\'s private list' }, ['name']);
  s.save('items', 'sam-private', { listId: 'sams-own', title: 'Secret', done: 0n }, ITEM_COLS);
  await samSync(s, raw, sam);

  // Alex's modified client pushes everything it likes, in one batch, bad changes first
  const alex = peer(raw, A_DEV, ALEX_DEVICE, { scoped: false });
  await alex.sync();
  time += 1;
  alex.replica.recordLocal('items', 'sam-private', { title: 'Hacked' });
  alex.replica.recordLocal('lists', 'sams-own', { name: 'Mine now' });
  alex.replica.recordLocal('items', 'i1', { listId: 'sams-own' });
  alex.replica.recordLocal('notes', 'n1', { title: 'Not in a list' });
  alex.replica.save('items', 'a2', { listId: LIST, title: 'Bread', done: 0n }, ITEM_COLS);
  alex.replica.recordLocal('items', 'i1', { title: 'Oat milk' });
  await alex.sync();
  // and a device nobody vouches for writes a batch of its own
  const stranger = peer(raw, X_DEV, keyPair(12));
  time += 1;
  stranger.replica.save('items', 'x1', { listId: LIST, title: 'Spam', done: 0n }, ITEM_COLS);
  await assert.rejects(stranger.sync(), /belongs to no member/, 'its own batch read back is refused too');
  stranger.engine.readBack = false;
  await stranger.sync(); // a modified client that does not check: its batch and head are there

  const report = await samSync(s, raw, sam);
  assert.equal(s.row('items', 'a2').title, 'Bread', 'the good changes after the bad ones');
  assert.equal(s.row('items', 'i1').title, 'Oat milk');
  assert.equal(s.row('items', 'i1').listId, LIST, 'not moved out of the shared list');
  assert.equal(s.row('items', 'sam-private').title, 'Secret');
  assert.equal(s.row('lists', 'sams-own').name, 'Sam\'s private list');
  assert.equal(s.row('notes', 'n1'), null);
  assert.equal(s.row('items', 'x1'), null);
  const refused = report.refused.map((r) => r.problem).sort();
  assert.equal(refused.length, 4);
  assert.ok(refused.every((p) => p.startsWith('A change by Alex (device ' + A_DEV + ') was set aside: ')), refused);
  assert.ok(refused.some((p) => /it changes items sam-private, which this device holds outside the shared lists/.test(p)));
  assert.ok(refused.some((p) => /it changes lists sams-own, which is not the shared lists/.test(p)));
  assert.ok(refused.some((p) => /it moves items i1 into lists sams-own, outside the shared lists/.test(p)));
  assert.ok(refused.some((p) => /this shared space holds no notes/.test(p)));
  assert.ok(report.problems.some((p) => p.includes('batches/' + X_DEV + '/000000000001')
    && p.includes('belongs to no member of this shared space')), report.problems);
  // refused changes stay refused, and named, at the next sync, also after the state went through its file
  const restored = Replica.fromJSON(JSON.parse(JSON.stringify(s)), { clock: new HybridClock(wall) });
  assert.deepEqual(restored.remote('space').refused.map((r) => r.change.fields), s.remote('space').refused
    .map((r) => r.change.fields));
  assert.deepEqual([...restored.remote('space').log.entries], [...s.remote('space').log.entries]);
  const again = await samSync(restored, raw, sam);
  assert.equal(again.refused.length, 4);
  assert.equal(again.pulled, 0);
});

test('syncSpace: a change to an item not here yet waits, and is let in once its item arrives', async () => {
  const { raw, sam } = await share();
  const owner = peer(raw, O_DEV, OWNER_DEVICE);
  time += 1;
  owner.replica.save('lists', LIST, { name: 'Groceries' }, ['name']);
  await owner.sync();
  const alex = peer(raw, A_DEV, ALEX_DEVICE);
  const s = replica(S_DEV);
  await samSync(s, raw, sam);
  time += 1;
  alex.replica.save('items', 'a1', { listId: LIST, title: 'Eggs', done: 0n }, ITEM_COLS);
  await alex.sync();
  // the owner, who has Alex's item, ticks it; Sam's device reads that before Alex's batch arrives
  await owner.sync();
  owner.replica.save('items', 'a1', { done: 1n }, ITEM_COLS);
  await owner.sync();
  const alexBatch = 'batches/' + A_DEV + '/000000000001';
  const held = await raw.get(alexBatch);
  await raw.delete(alexBatch);
  const first = await samSync(s, raw, sam);
  assert.equal(s.row('items', 'a1'), null);
  assert.equal(first.refused.length, 1);
  assert.ok(first.refused[0].waits);
  await raw.createIfAbsent(alexBatch, held);
  const second = await samSync(s, raw, sam);
  assert.deepEqual([s.row('items', 'a1').title, s.row('items', 'a1').done], ['Eggs', 1n]);
  assert.equal(second.refused.length, 0);
});

test('syncSpace: the member\'s own changes to the list reach the owner, signed; its other lists stay home', async () => {
  const { raw, sam } = await share();
  const owner = peer(raw, O_DEV, OWNER_DEVICE);
  time += 1;
  owner.replica.save('lists', LIST, { name: 'Groceries' }, ['name']);
  owner.replica.save('items', 'i1', { listId: LIST, title: 'Milk', done: 0n }, ITEM_COLS);
  await owner.sync();
  const s = replica(S_DEV);
  await samSync(s, raw, sam);
  time += 1;
  s.save('items', 'i1', { done: 1n }, ITEM_COLS);
  s.save('items', 's1', { listId: LIST, title: 'Butter', done: 0n }, ITEM_COLS);
  s.save('items', 'home', { listId: null, title: 'Call mum', done: 0n }, ITEM_COLS);
  s.save('items', 's2', { listId: LIST, title: 'Jam', done: 0n }, ITEM_COLS);
  const report = await samSync(s, raw, sam);
  assert.equal(report.pushed, 3);
  await owner.sync();
  assert.equal(owner.replica.row('items', 'i1').done, 1n);
  assert.equal(owner.replica.row('items', 's1').title, 'Butter');
  assert.equal(owner.replica.row('items', 's2').title, 'Jam');
  assert.equal(owner.replica.row('items', 'home'), null);
  assert.equal(owner.engine.replica.remote('space').setAside.size, 0);
  // nothing more to push: the push cursor went past the item that stays home
  assert.equal((await samSync(s, raw, sam)).pushed, 0);
});

test('syncSpace: a grant the owner did not sign, or a member the log removed, stops before anything is written', async () => {
  const { raw, sam } = await share();
  const forged = await grantKey('inv-9', SAM.public);
  await raw.createIfAbsent(forged, await sealGrant(ALEX.private, sam.agreement.public, forged, new TextEncoder().encode('x')));
  await assert.rejects(samSync(replica(S_DEV), raw, { ...sam, inviteId: 'inv-9' }), { reason: 'CORRUPT',
    message: /cannot be opened with this member's key/ });
  const enc = new EncryptedStorage(raw, SECRET, { clock: wall });
  const m = new Members(enc, OWNER.public);
  await m.refresh();
  await writeLog(enc, [{ kind: 'remove', name: 'Sam' }], { start: 4, previous: m.log.lastHash });
  const before = (await raw.list('', null, 1000)).length;
  await assert.rejects(samSync(replica(S_DEV), raw, sam), { reason: 'CORRUPT', message: /member key is removed/ });
  assert.equal((await raw.list('', null, 1000)).length, before);
});

test('syncSpace: after the owner changes the key, the new passphrase sealed to this member is taken, only forward', async () => {
  const { raw, sam } = await share();
  const owner = peer(raw, O_DEV, OWNER_DEVICE);
  time += 1;
  owner.replica.save('lists', LIST, { name: 'Groceries' }, ['name']);
  await owner.sync();
  const s = replica(S_DEV);
  await samSync(s, raw, sam);
  const enc = new EncryptedStorage(raw, SECRET, { clock: wall });
  await enc.change((u) => changePassphrase(enc.keyring, u, 'second key'));
  const rekey = async (epoch, pass) => {
    const key = 'invites/rekey-' + epoch + '/grant-' + (await grantKey('x', SAM.public)).split('grant-')[1];
    await raw.createIfAbsent(key, await sealGrant(OWNER.private, sam.agreement.public, key, new TextEncoder().encode(pass)));
    return key;
  };
  const second = await rekey(1732000000500, 'second key');
  await rekey(1732000000400, 'an older key');
  const report = await samSync(s, raw, sam);
  assert.equal(report.admitted, true);
  assert.equal(sam.passphrase, 'second key');
  assert.equal(s.remote('space').epoch, 1732000000500);

  // the storage put back to an older copy: the newest grant gone, the key changed again
  const enc2 = new EncryptedStorage(raw, { type: 'passphrase', passphrase: 'second key' }, { clock: wall });
  await enc2.change((u) => changePassphrase(enc2.keyring, u, 'third key'));
  await raw.delete(second);
  await assert.rejects(samSync(s, raw, sam), { reason: 'CORRUPT', message: /put back to an older copy/ });
  assert.equal(sam.passphrase, 'second key', 'the key it has is kept');
  // a newer re-key with no grant for Sam: Sam was removed
  await rekey(1732000000600, 'third key').then((k) => raw.delete(k));
  await raw.createIfAbsent('invites/rekey-1732000000600/grant-0000000000000000', new Uint8Array(80));
  await assert.rejects(samSync(s, raw, sam), { reason: 'WRONG_PASSPHRASE', message: /sealed no new one to this member/ });
});

test('syncSpace: a log cut short, replaced or joined by forged entries is named and mended; the list stays', async () => {
  const { raw, sam } = await share();
  const owner = peer(raw, O_DEV, OWNER_DEVICE);
  time += 1;
  owner.replica.save('lists', LIST, { name: 'Groceries' }, ['name']);
  owner.replica.save('items', 'i1', { listId: LIST, title: 'Milk', done: 0n }, ITEM_COLS);
  await owner.sync();
  const s = replica(S_DEV);
  await samSync(s, raw, sam);
  const enc = new EncryptedStorage(raw, SECRET, { clock: wall });
  const entry3 = await enc.get('members/000000000003');
  // Alex deletes the newest entry, forges one admitting a friend, and the storage puts junk at number 5
  await enc.delete('members/000000000003');
  await writeLog(enc, [{ kind: 'add', name: 'Mallory', memberKey: ALEX.public }], { start: 4, signer: ALEX,
    previous: s.remote('space').log.entries.get(3) && new Uint8Array(await crypto.subtle.digest('SHA-256', entry3)) });
  await enc.createIfAbsent('members/000000000005', new Uint8Array([1, 2, 3]));
  const report = await samSync(s, raw, sam);
  assert.deepEqual(await enc.get('members/000000000003'), entry3, 'written back from what this device accepted');
  assert.ok(report.warnings.some((w) => /Membership entry 3 was missing/.test(w)), report.warnings);
  assert.ok(report.warnings.some((w) => /members\/000000000004 is not signed by the space's owner/.test(w)));
  assert.ok(report.warnings.some((w) => /members\/000000000005 is unreadable/.test(w)));
  assert.equal(s.row('items', 'i1').title, 'Milk', 'the list as it was');
  assert.equal(s.remote('space').log.entries.size, 3);
  // a log signed for another list, from the start: stops before anything is read or written
  const other = new MemoryStorage();
  const otherEnc = new EncryptedStorage(other, SECRET, { clock: wall });
  await writeLog(otherEnc, [{ kind: 'add', name: 'Owner', memberKey: OWNER.public }], { space: ['lists', 'another'] });
  await other.createIfAbsent(await grantKey('inv-1', SAM.public), await raw.get(await grantKey('inv-1', SAM.public)));
  const fresh = replica(S_DEV);
  await assert.rejects(syncSpace({ replica: fresh, raw: other, address: 'other', space: { ...sam, passphrase: undefined },
    now: wall }), { reason: 'CORRUPT', message: /invite was changed to point at another list/ });
  assert.equal((await other.list('certs/', null, 10)).length, 0, 'no certificate written');
});
