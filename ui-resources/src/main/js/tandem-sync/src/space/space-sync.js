import { SyncError, Reason } from '../errors.js';
import { EncryptedStorage } from '../storage/encrypted.js';
import { SyncEngine } from '../sync/sync-engine.js';
import { Members } from './members.js';
import { newLogMemory } from './membership-log.js';
import { SignedStorage } from './signed-storage.js';
import { SpaceIntake } from './space-intake.js';
import { listTree } from './scope.js';
import { certKey, encodeCert } from './space-objects.js';
import { grantKey, keyId, openGrant } from './sealed.js';
import { fingerprint } from './space-crypto.js';

/**
 * One sync of a member's device with a shared list's space, as the engine's SpaceSetup and the sync
 * around it do it, in this order:
 * <ol>
 *   <li>Without the space's passphrase yet: read the grant the owner sealed to this member's X25519
 *       key under the invite ({@code invites/<id>/grant-<key id>}, below encryption), check the owner's
 *       signature and open it; no grant yet means not admitted yet, and nothing else is read.</li>
 *   <li>Open the space's keyring with that passphrase (the encrypting layer), then read the
 *       membership log's new entries against what this device accepted before (its memory, in the
 *       remote's state), so a removal is applied before anything the removed member wrote is read.</li>
 *   <li>Write this device's certificate, signed with the member key, once per remote.</li>
 *   <li>Sync through the signing layer: every object read is checked against the members, every
 *       object written is signed with the device key; other members' changes are judged by the
 *       ScopeGuard (space-intake.js) and only this device's changes inside the list are pushed. A
 *       member's device writes no snapshot and deletes nothing (the owner's devices do).</li>
 *   <li>When the passphrase no longer opens the keyring (the owner removed someone and changed the
 *       key), take the newest one sealed to this member under {@code invites/rekey-<ms>/}, never one
 *       older than the last taken, and sync again once.</li>
 * </ol>
 * {@code space}: {list, owner (Ed25519 X.509), inviteId, name, member: {private, public},
 * agreement: {private, public}, device: {private, public}, passphrase (once opened)}. The caller saves
 * the space (its passphrase) and the replica after a sync.
 */
export async function syncSpace({ replica, raw, address, space, now = () => replica.clock.wallMillis(),
  deviceName = 'a device' }) {
  if (space.passphrase == null) {
    const key = await grantKey(space.inviteId, space.member.public);
    const grant = await raw.get(key, 64 * 1024);
    if (grant == null) {
      return { admitted: false, fingerprint: await fingerprint(space.member.public) };
    }
    space.passphrase = new TextDecoder('utf-8', { fatal: true }).decode(await openGrant(space.owner,
      space.agreement.private, key, grant));
  }
  const state = replica.remote(address);
  try {
    return await syncWith({ replica, raw, address, space, now, deviceName, state });
  } catch (e) {
    if (e.reason !== Reason.WRONG_PASSPHRASE) throw e;
    // The owner removed someone and changed the key: the new passphrase is sealed to each remaining member.
    const rekeyed = await rekeyedPassphrase(raw, space, state);
    if (rekeyed == null) {
      throw new SyncError(Reason.WRONG_PASSPHRASE, 'The shared list on ' + raw.describe() + ' changed its key and sealed'
        + ' no new one to this member: its owner removed this member', { cause: e });
    }
    space.passphrase = rekeyed;
    return syncWith({ replica, raw, address, space, now, deviceName, state });
  }
}

/**
 * The newest passphrase sealed to this member under {@code invites/rekey-<ms>/}, as the engine's
 * SpaceKeys.rekeyedPassphrase: only forward, so a storage put back to an older copy (whose older key a
 * removed member may hold) is CORRUPT and the device keeps its key; null when there is none for this
 * member. The epoch taken is remembered in the remote's state.
 */
export async function rekeyedPassphrase(raw, space, state) {
  const known = state.epoch ?? 0;
  const suffix = '/grant-' + await keyId(space.member.public);
  let newest = null;
  let newestEpoch = -1;
  let newestAny = -1;
  for (const key of await raw.list('invites/rekey-', null, 10_000)) {
    const m = /^invites\/rekey-([0-9]{13})\//.exec(key);
    if (!m) continue; // not a grant's name: junk, which names no epoch
    const epoch = Number(m[1]);
    newestAny = Math.max(newestAny, epoch);
    if (key.endsWith(suffix) && epoch > newestEpoch) {
      newest = key;
      newestEpoch = epoch;
    }
  }
  if (known > 0 && newestAny < known) {
    throw new SyncError(Reason.CORRUPT, 'The shared list\'s storage holds no key as new as the one this device already'
      + ' uses (epoch ' + known + '): it was put back to an older copy, perhaps by someone who was removed. This device'
      + ' keeps its key and takes none of the older ones; the list\'s owner can change the key again to mend it');
  }
  if (newest == null || newestEpoch < known) return null;
  const object = await raw.get(newest, 64 * 1024);
  if (object == null) return null;
  const pass = new TextDecoder('utf-8', { fatal: true }).decode(await openGrant(space.owner, space.agreement.private,
    newest, object));
  state.epoch = newestEpoch;
  return pass;
}

async function syncWith({ replica, raw, address, space, now, deviceName, state }) {
  const encrypted = new EncryptedStorage(raw, { type: 'passphrase', passphrase: space.passphrase },
    { deviceName, clock: now });
  state.log ??= newLogMemory();
  const members = new Members(encrypted, space.owner, { space: ['lists', space.list], memory: state.log });
  await members.refresh();
  const mine = members.list().find((m) => equal(m.key, space.member.public));
  if (mine == null || mine.removedAfter != null) {
    throw new SyncError(Reason.CORRUPT, 'This device\'s member key is ' + (mine == null ? 'not admitted to' : 'removed'
      + ' from') + ' the shared list on ' + raw.describe() + '; nothing was written');
  }
  const cert = await certKey(replica.deviceId, space.device.public);
  if (state.cert !== cert) {
    await encrypted.createIfAbsent(cert, await encodeCert({ device: replica.deviceId, deviceKey: space.device.public,
      member: mine.name }, space.member.private));
    state.cert = cert;
  }
  const signed = new SignedStorage(encrypted, members);
  signed.signAs(replica.deviceId, space.device.private);
  const tree = listTree(space.list);
  const engine = new SyncEngine({ replica, storage: signed, address, encrypted: true, now, scope: { tree },
    intake: new SpaceIntake({ tree, replica, now }), snapshotEvery: 0, snapshotChanges: 0 });
  const report = await engine.sync();
  report.admitted = true;
  report.warnings.push(...members.problems);
  // Whose each device is, read only when a change is set aside (as the engine's SpaceAuthors): one listing.
  const refused = state.refused ?? [];
  const devices = refused.length > 0 ? await members.devices() : new Map();
  const author = (d) => (devices.has(d) ? devices.get(d) + ' (device ' + d + ')' : 'device ' + d);
  report.refused = refused.map((r) => ({ object: r.object, problem: 'A change by ' + author(r.author)
    + (r.object.startsWith('snapshots/') ? ' in a snapshot' : '') + ' was set aside: ' + r.problem, waits: r.waits,
  firstSeen: r.firstSeen }));
  return report;
}

function equal(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
