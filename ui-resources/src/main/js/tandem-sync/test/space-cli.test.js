import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FolderStorage } from '../src/storage/folder.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { Members } from '../src/space/members.js';
import { SignedStorage } from '../src/space/signed-storage.js';
import { SpaceIntake } from '../src/space/space-intake.js';
import { listTree } from '../src/space/scope.js';
import { decodeRequest, grantKey, newAgreementPair, sealGrant } from '../src/space/sealed.js';
import { inviteCode, parseInvite } from '../src/space/invite.js';
import { ITEM_COLUMNS, LIST_COLUMNS } from '../app/items.js';
import { LIST, OWNER, keyPair, writeCert, writeLog } from './support/space-fixture.js';

// tandem-js as a member of a shared list: join with the invite code (prints the fingerprint), sync
// before and after the owner admits it, the list's items in list --json, an item added to the list
// reaches the owner while one added elsewhere goes only to the personal remote.
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'tandem-js.js');
const PASS = 'space passphrase 77aa';
const O_DEV = '0193433e-a800-7000-8000-000000000001';

function run(args, env = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, TANDEM_PASSPHRASE: 'personal pass',
    ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function ownerDevice(raw) {
  const replica = new Replica({ deviceId: O_DEV, clock: new HybridClock() });
  const encrypted = new EncryptedStorage(raw, { type: 'passphrase', passphrase: PASS });
  const members = new Members(encrypted, OWNER.public);
  const signed = new SignedStorage(encrypted, members);
  signed.signAs(O_DEV, keyPair(9).private);
  const tree = listTree(LIST);
  const engine = new SyncEngine({ replica, storage: signed, address: 'space', encrypted: true, scope: { tree },
    intake: new SpaceIntake({ tree, replica }), snapshotEvery: 0, snapshotChanges: 0 });
  return { replica, encrypted, members, sync: async () => {
    await members.refresh();
    return engine.sync();
  } };
}

test('tandem-js join and sync: a member\'s device reads the shared list and writes to it', async () => {
  const home = mkdtempSync(join(tmpdir(), 'tandem-js-space-'));
  const spaceDir = join(home, 'space');
  const personal = join(home, 'personal');
  try {
    mkdirSync(spaceDir);
    mkdirSync(personal);
    const raw = new FolderStorage(spaceDir);
    const owner = ownerDevice(raw);
    await writeLog(owner.encrypted, [{ kind: 'add', name: 'Alice', memberKey: OWNER.public }]);
    await writeCert(owner.encrypted, O_DEV, keyPair(9), 'Alice', OWNER);
    owner.replica.save('lists', LIST, { name: 'Groceries', createdAt: 1n }, LIST_COLUMNS);
    owner.replica.save('items', '0193433e-a800-7000-8000-0000000000b1', { listId: LIST, title: 'Milk', done: 0n,
      createdAt: 2n }, ITEM_COLUMNS);
    await owner.sync();
    const ownerAgreement = newAgreementPair();
    const secret = new Uint8Array(32).fill(3);
    const code = inviteCode({ location: 'list:' + LIST + ':folder:' + spaceDir, owner: OWNER.public,
      ownerAgreement: ownerAgreement.public, id: '0011223344556677', secret, expiresAt: Date.now() + 86_400_000 });

    const dataDir = ['--data-dir', join(home, 'sam')];
    // a device that has a list of that id already is not attached to someone else's space by a changed invite
    const mine = ['--data-dir', join(home, 'mine')];
    const own = run([...mine, 'add', 'Private #Mine']);
    assert.equal(own.code, 0, own.err);
    const myList = JSON.parse(run([...mine, 'list', '--json']).out)[0].listId;
    const forged = inviteCode({ location: 'list:' + myList + ':folder:' + spaceDir, owner: OWNER.public,
      ownerAgreement: ownerAgreement.public, id: '0011223344556688', secret, expiresAt: Date.now() + 86_400_000 });
    const refused = run([...mine, 'join', forged, '--as', 'Me']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /names a list this device already has; nothing was asked/);
    assert.deepEqual(await raw.list('invites/0011223344556688/', null, 10), []);
    assert.equal(run([...dataDir, 'join', 'tandem-invite-1.AAAA', '--as', 'Sam']).code, 1);
    const joined = run([...dataDir, 'join', code, '--as', 'Sam']);
    assert.equal(joined.code, 0, joined.err);
    const fingerprint = joined.out.trim();
    assert.match(fingerprint, /^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    assert.equal(statSync(join(home, 'sam', 'spaces.json')).mode & 0o077, 0, 'the keys are the user\'s only');
    const early = run([...dataDir, 'sync']);
    assert.equal(early.code, 0, early.err);
    assert.match(early.err, new RegExp('Not admitted to the shared list .* yet: its owner admits this fingerprint: '
      + fingerprint));

    // the owner admits the request it reads, whose fingerprint Sam read out
    const invite = parseInvite(code);
    const [reqKey] = await raw.list('invites/' + invite.id + '/', null, 10);
    const request = await decodeRequest(invite.id, secret, ownerAgreement.private, reqKey, await raw.get(reqKey));
    assert.equal(request.name, 'Sam');
    await writeLog(owner.encrypted, [{ kind: 'add', name: 'Sam', memberKey: request.memberKey,
      agreementKey: request.agreementKey }], { start: 2, previous: owner.members.log.lastHash });
    const gk = await grantKey(invite.id, request.memberKey);
    await raw.createIfAbsent(gk, await sealGrant(OWNER.private, request.agreementKey, gk, new TextEncoder().encode(PASS)));

    const synced = run([...dataDir, 'sync']);
    assert.equal(synced.code, 0, synced.err);
    assert.match(synced.err, /Synced the shared list on folder:.*: 2 pulled, 0 pushed/);
    const people = JSON.parse(run([...dataDir, 'members', '--json']).out);
    assert.deepEqual(people.map((l) => [l.name, l.admitted, l.members.map((m) => [m.name, m.owner, m.fingerprint === fingerprint])]),
      [['Groceries', true, [['Alice', true, false], ['Sam', false, true]]]]);
    const listed = JSON.parse(run([...dataDir, 'list', '--json']).out);
    assert.deepEqual(listed.map((i) => [i.title, i.list]), [['Milk', 'Groceries']]);

    assert.equal(run([...dataDir, 'add', 'Butter #Groceries']).code, 0);
    assert.equal(run([...dataDir, 'add', 'Call mum']).code, 0);
    const both = run([...dataDir, 'sync', '--remote', 'folder:' + personal]);
    assert.equal(both.code, 0, both.err);
    assert.match(both.err, /Synced with .*: 0 pulled, 1 pushed/, 'only the Inbox item goes to the personal remote');
    assert.match(both.err, /Synced the shared list on .*: 0 pulled, 1 pushed/);
    const compacted = run([...dataDir, 'compact', '--remote', 'folder:' + personal]);
    assert.equal(compacted.code, 0, compacted.err);
    assert.match(compacted.err, /Wrote snapshot/);
    // another device of the same person, on the personal remote only: the shared list is not there
    const other = ['--data-dir', join(home, 'other')];
    assert.equal(run([...other, 'sync', '--remote', 'folder:' + personal]).code, 0);
    assert.deepEqual(JSON.parse(run([...other, 'list', '--json']).out).map((i) => i.title), ['Call mum']);
    await owner.sync();
    const titles = [...owner.replica.entities.values()].filter((e) => e.table === 'items')
      .map((e) => owner.replica.row('items', e.entity).title).sort();
    assert.deepEqual(titles, ['Butter', 'Milk']);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
