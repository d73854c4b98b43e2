import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from '../src/storage/memory.js';
import { Members } from '../src/space/members.js';
import { newLogMemory } from '../src/space/membership-log.js';
import { encodeEntry, memberKey, wrapSigned, readSigned } from '../src/space/space-objects.js';
import { ALEX, ALEX_DEVICE, LIST, OWNER, SAM, SAM_DEVICE, writeCert, writeLog } from './support/space-fixture.js';
import { goldenSkip, readGolden, unhex } from './support/golden.js';

// Following a space's membership log as the engine's MembershipLog and Members do: the owner's
// entries in one chain, junk set aside by number and skipped, what this device accepted written back
// when the storage loses or replaces it, and every signed object checked against the members.
const SAM_DEV = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const ALEX_DEV = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c';
const admit = (name, keys) => ({ kind: 'add', name, memberKey: keys.public });

async function space() {
  const s = new MemoryStorage();
  const log = await writeLog(s, [admit('Owner', OWNER), admit('Sam', SAM), admit('Alex', ALEX)]);
  return { s, log };
}

test('Members.refresh: the owner\'s chained entries admit each member in order', async () => {
  const { s } = await space();
  const m = new Members(s, OWNER.public, { space: ['lists', LIST] });
  assert.equal(await m.refresh(), 3);
  assert.deepEqual(m.list().map((x) => [x.name, x.removedAfter]), [['Owner', null], ['Sam', null], ['Alex', null]]);
  assert.deepEqual(m.problems, []);
  const people = await m.people();
  assert.deepEqual(people.map((p) => [p.name, p.owner, p.removed]), [['Owner', true, false], ['Sam', false, false],
    ['Alex', false, false]]);
  assert.match(people[1].fingerprint, /^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  // what this device remembers answers without the storage
  const offline = new Members(null, OWNER.public, { memory: m.log.memory });
  assert.deepEqual(await offline.remembered(), people);
});

test('golden log: the engine\'s entries 1 and 2 chain; the removal accepts Sam\'s device up to batch 9', { skip: goldenSkip('space') }, async () => {
  const s = new MemoryStorage();
  await s.createIfAbsent(memberKey(1), readGolden('space', 'entry-1').bytes);
  await s.createIfAbsent(memberKey(2), readGolden('space', 'entry-2').bytes);
  const owner = unhex(readGolden('space', 'keys').json.owner.public);
  const m = new Members(s, owner, { space: ['lists', 'list-1'] });
  assert.equal(await m.refresh(), 2);
  // entry 2 removes "Sam é", a name entry 1 did not admit: Sam stays
  assert.deepEqual(m.list().map((x) => [x.name, x.removedAfter]), [['Sam', null]]);
  await assert.rejects(new Members(s, owner, { space: ['lists', 'list-2'] }).refresh(),
    { reason: 'CORRUPT', message: /made for \[lists, list-1\], not for \[lists, list-2\]/ });
});

test('Members.refresh: an entry signed by a member\'s own key is set aside by number, the owner\'s next entry still read', async () => {
  const { s, log } = await space();
  // Sam writes an entry admitting a friend, at number 4, chained properly but signed with Sam's key
  const forged = encodeEntry({ kind: 'add', name: 'Mallory', memberKey: SAM.public, acceptedUpTo: new Map(),
    agreementKey: null, previous: new Uint8Array(await crypto.subtle.digest('SHA-256', log[2])), space: null }, 4,
  SAM.private);
  await s.createIfAbsent(memberKey(4), forged);
  await writeLog(s, [{ kind: 'remove', name: 'Alex', acceptedUpTo: new Map([[ALEX_DEV, 2]]) }], { start: 5,
    previous: new Uint8Array(await crypto.subtle.digest('SHA-256', log[2])) });
  const m = new Members(s, OWNER.public);
  assert.equal(await m.refresh(), 4);
  assert.deepEqual(m.list().map((x) => x.name), ['Owner', 'Sam', 'Alex']);
  assert.equal(m.list()[2].removedAfter.get(ALEX_DEV), 2);
  assert.equal(m.problems.length, 1);
  assert.match(m.problems[0], /members\/000000000004 is not signed by the space's owner; it was set aside/);
  await m.refresh();
  assert.match(m.problems[0], /000000000004/, 'named again while it is there');
});

test('Members.refresh: entries swapped between numbers are junk (the signature covers the number); the log stops before them', async () => {
  const s = new MemoryStorage();
  const log = await writeLog(s, [admit('Owner', OWNER), admit('Sam', SAM), admit('Alex', ALEX)]);
  await s.overwrite(memberKey(2), log[2]);
  await s.overwrite(memberKey(3), log[1]);
  const m = new Members(s, OWNER.public);
  assert.equal(await m.refresh(), 1);
  assert.deepEqual(m.list().map((x) => x.name), ['Owner']);
  assert.equal(m.problems.length, 2);
});

test('Members.refresh: an owner-signed entry that does not chain to the last accepted one stops the log there, named', async () => {
  const s = new MemoryStorage();
  await writeLog(s, [admit('Owner', OWNER), admit('Sam', SAM)]);
  // a second history the owner signed once (an older copy of the folder): entry 3 names another entry 2
  await writeLog(s, [admit('Alex', ALEX)], { start: 3, previous: new Uint8Array(32).fill(7) });
  const m = new Members(s, OWNER.public);
  assert.equal(await m.refresh(), 2);
  assert.match(m.problems[0], /Membership entry 3 does not follow entry 2/);
});

test('Members.refresh: a truncated or replaced log is written back from this device\'s memory, never believed', async () => {
  const { s, log } = await space();
  const memory = newLogMemory();
  await new Members(s, OWNER.public, { memory }).refresh();
  assert.equal(memory.entries.size, 3);
  // a removed member deletes the newest entries; the storage also puts an older entry 2 back in its place
  await s.delete(memberKey(3));
  const other = await writeLog(new MemoryStorage(), [admit('Owner', OWNER), admit('Someone', ALEX)]);
  await s.overwrite(memberKey(2), other[1]);
  const m = new Members(s, OWNER.public, { memory, random: () => 0.5 });
  assert.equal(await m.refresh(), 3);
  assert.deepEqual(m.list().map((x) => x.name), ['Owner', 'Sam', 'Alex'], 'the remembered log stands');
  assert.deepEqual(await s.get(memberKey(3)), log[2]);
  assert.deepEqual(await s.get(memberKey(2)), log[1], 'the picked entry read back and written back');
  assert.ok(m.problems.some((p) => /Membership entry 3 was missing/.test(p)));
  assert.ok(m.problems.some((p) => /Membership entry 2 .* replaced by something else/.test(p)));
});

test('Members.refresh: a log whose first entry names another list stops before anything is accepted', async () => {
  const s = new MemoryStorage();
  await writeLog(s, [admit('Owner', OWNER)], { space: ['lists', 'another'] });
  const memory = newLogMemory();
  await assert.rejects(new Members(s, OWNER.public, { space: ['lists', LIST], memory }).refresh(),
    { reason: 'CORRUPT', message: /invite was changed to point at another list/ });
  assert.equal(memory.entries.size, 0);
  // a log signed by someone else than the invite's owner admits no one
  const t = new MemoryStorage();
  await writeLog(t, [admit('Owner', SAM)], { signer: SAM });
  const m = new Members(t, OWNER.public);
  assert.equal(await m.refresh(), 0);
  assert.match(m.problems[0], /not signed by the space's owner/);
});

test('Members.check: only a member\'s certified device, under its own name, until its removal', async () => {
  const { s, log } = await space();
  await writeCert(s, SAM_DEV, SAM_DEVICE, 'Sam', SAM);
  await writeCert(s, ALEX_DEV, ALEX_DEVICE, 'Alex', SAM); // Sam vouching for Alex's device under Alex's name
  const m = new Members(s, OWNER.public);
  await m.refresh();
  const batch = (dev, seq, keys) => readSigned('k', wrapSigned('batches/' + dev + '/' + String(seq).padStart(12, '0'),
    new Uint8Array([1, 2]), dev, keys.private));
  const key = (dev, seq) => 'batches/' + dev + '/' + String(seq).padStart(12, '0');
  assert.deepEqual(await m.check(key(SAM_DEV, 1), batch(SAM_DEV, 1, SAM_DEVICE)), new Uint8Array([1, 2]));
  await assert.rejects(m.check(key(ALEX_DEV, 1), batch(ALEX_DEV, 1, ALEX_DEVICE)), /belongs to no member/);
  await assert.rejects(m.check(key(ALEX_DEV, 1), batch(SAM_DEV, 1, SAM_DEVICE)), /not by the device it is stored under/);
  await assert.rejects(m.check(key(SAM_DEV, 2), batch(SAM_DEV, 1, SAM_DEVICE)), /belongs to no member/,
    'a signature made for another name');
  assert.deepEqual([...(await m.devices())], [[SAM_DEV, 'Sam']]);
  // the owner removes Sam, accepting batches up to 1
  await writeLog(s, [{ kind: 'remove', name: 'Sam', acceptedUpTo: new Map([[SAM_DEV, 1]]) }], { start: 4,
    previous: new Uint8Array(await crypto.subtle.digest('SHA-256', log[2])) });
  await m.refresh();
  assert.ok(await m.check(key(SAM_DEV, 1), batch(SAM_DEV, 1, SAM_DEVICE)));
  await assert.rejects(m.check(key(SAM_DEV, 2), batch(SAM_DEV, 2, SAM_DEVICE)), /after Sam was removed/);
});
