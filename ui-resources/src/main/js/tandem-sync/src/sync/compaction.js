import { capture, encodeSnapshot } from './snapshot-writer.js';
import { ScopeCheck } from '../space/scope.js';
import { cleanup, dominates, seen } from './cleanup.js';
import { EVERY_MILLIS, sweep } from './tombstone-horizon.js';
import { decodeManifest, manifestKey, partKey } from '../wire/snapshot.js';
import { SyncError, Reason } from '../errors.js';
import { compareUuid } from '../wire/uuid.js';

/**
 * Snapshots and cleanup after a sync, as the engine's Compaction, SnapshotPolicy and SnapshotMemory
 * (docs/SYNC_FORMAT.md, "Writing a snapshot"):
 * <ul>
 *   <li><b>Policy.</b> A snapshot is due when {@code every} batches (default 200; 0 turns the
 *       policy off) lie past the newest snapshot this device knows of, or when the changes it merged
 *       and pushed since reach {@code changes} (default 5,000; 0 for batches only) and a quarter of
 *       that snapshot's size. A sync that bootstrapped weighs batches only. What it weighs is kept in
 *       the remote's sync state (snapshotCover, snapshotVolume, snapshotSize), so the check costs no
 *       request.</li>
 *   <li><b>Writing.</b> It lists the snapshots; a newer one another device wrote is remembered, and
 *       when little lies past it nothing is written. With every own change pushed, it writes the
 *       parts, then the manifest (each created if absent) under an id of its clock, or the
 *       millisecond after its own newest id when that is not older and at most a day ahead; it
 *       skips writing when the newest snapshot's cursors already dominate its own.</li>
 *   <li><b>Cleanup</b> ({@link cleanup}) then runs; a forced compaction ({@code tandem-js compact})
 *       writes and cleans up whatever the policy says.</li>
 *   <li><b>Forgetting.</b> When cleanup could read every device, deleted items every live device
 *       has seen deleted are forgotten here ({@link sweep}, tombstone-horizon.js), so the next
 *       snapshot no longer carries them nor the replaced ids every live device has seen. A device
 *       that does not write the snapshots weighs that on its own weekly, reading the heads as
 *       cleanup does.</li>
 * </ul>
 */
export const SNAPSHOT_EVERY = 200;
export const SNAPSHOT_CHANGES = 5000;
export const RETIRE_AFTER = 90 * 24 * 3600 * 1000;
const SIZE_SHARE = 4;
/** How far ahead of this clock one of its own snapshot ids may lie and still order its next. */
export const AHEAD_MILLIS = 24 * 3600 * 1000;

export function due(every, changes, batches, volume, size) {
  if (every <= 0) return false;
  return batches >= every || (changes > 0 && volume >= Math.max(changes, Math.trunc(size / SIZE_SHARE)));
}

/** SnapshotPolicy.volumeAfter: the share of the volume that lies past a newer snapshot. */
export function volumeAfter(volume, total, oldCover, newCover) {
  const before = total - oldCover;
  const after = Math.max(0, total - newCover);
  if (before <= 0 || after >= before) return after > 0 ? volume : 0;
  return Math.trunc(volume * (after / before));
}

/** Notes {@code m} as the newest snapshot known; true when newer than the one known before. */
export function remember(state, m, total) {
  let cover = 0;
  for (const c of m.cursors.values()) cover += c;
  const before = state.snapshotCover ?? 0;
  if (cover <= before) return false;
  state.snapshotCover = cover;
  state.snapshotVolume = total < 0 ? 0 : volumeAfter(state.snapshotVolume ?? 0, total, before, cover);
  state.snapshotSize = m.changes;
  return true;
}

/** The millisecond for a new snapshot of {@code writer} at {@code now} (SnapshotStore.Listing.nextMillis). */
export function nextMillis(ids, now, writer) {
  const suffix = '-' + writer;
  let next = now;
  for (const id of ids) {
    const at = Number(id.slice(0, 13));
    if (id.endsWith(suffix) && at >= next && at - now <= AHEAD_MILLIS) next = at + 1;
  }
  return next;
}

export class Compaction {
  constructor({ replica, log, state, now, every = SNAPSHOT_EVERY, changes = SNAPSHOT_CHANGES,
    retireAfter = RETIRE_AFTER, scope = null }) {
    Object.assign(this, { replica, log, state, now, every, changes, retireAfter, scope });
    this.report = { snapshot: null, deletedBatches: 0, deletedSnapshots: 0, retiredDevices: 0, forgotten: 0,
      problems: [] };
  }

  /** After the push and the head; {@code heads}: the listing's newest head per device. */
  async afterSync(heads, { bootstrapped = false, force = false, retired = new Set() } = {}) {
    const s = this.state;
    const self = this.replica.deviceId;
    let total = s.pushedBatch;
    for (const [d, seq] of heads) if (d !== self) total += seq;
    const volume = bootstrapped ? 0 : (s.snapshotVolume ?? 0);
    if (force || due(this.every, this.changes, total - (s.snapshotCover ?? 0), volume, s.snapshotSize ?? 0)) {
      await this.compact(heads, total, force, retired);
    } else if (!s.tombMs) {
      s.tombMs = this.now(); // the clock starts at the first sync, which costs nothing more
    } else if (this.now() - s.tombMs >= EVERY_MILLIS) {
      // Another device writes the snapshots: deleted items are still forgotten here, weekly.
      const ownCursors = new Map([...s.cursors].filter(([d]) => d !== self));
      const known = await seen(this.log, self, ownCursors, heads, this.report.problems);
      if (known != null) this.forget(known.published, heads, retired);
    }
    return this.report;
  }

  async compact(heads, total, force, retired) {
    const s = this.state;
    const self = this.replica.deviceId;
    const listing = await this.log.snapshotListing();
    const newest = await this.newest(listing);
    if (newest != null && remember(s, newest, total) && !force
      && !due(this.every, this.changes, total - s.snapshotCover, s.snapshotVolume, s.snapshotSize)) {
      return;
    }
    const check = this.scope ? new ScopeCheck(this.scope) : null;
    const cap = capture(this.replica, s, check ? (t, e) => check.includes(this.replica, t, e) : null);
    if (cap == null) return;
    s.snapshotVolume = 0;
    const fresh = newest != null && dominates(newest, { cursors: cap.cursors });
    if (!fresh && cap.entries.length > 0) {
      const snap = encodeSnapshot(nextMillis([...listing.keys()], this.now(), self), self, cap);
      for (let i = 0; i < snap.parts.length; i++) await this.create(partKey(snap.id, i + 1), snap.parts[i]);
      await this.create(manifestKey(snap.id), snap.manifest);
      this.report.snapshot = snap.id;
      remember(s, snap.m, -1);
    }
    const ownCursors = new Map([...s.cursors].filter(([d]) => d !== self));
    const r = await cleanup({ log: this.log, self, ownCursors, heads, retiredListed: retired,
      retireAfterMillis: this.retireAfter, now: this.now(), problems: this.report.problems });
    this.report.deletedBatches += r.batches;
    this.report.deletedSnapshots += r.snapshots;
    this.report.retiredDevices += r.retired;
    if (r.published != null) this.forget(r.published, heads, retired);
  }

  /** Forgets deleted items every live device has seen deleted ({@code published}: what the devices read). */
  forget(published, heads, retired) {
    const live = new Map(published);
    live.delete(this.replica.deviceId);
    for (const d of retired) live.delete(d);
    this.report.forgotten += sweep(this.replica, this.state, live, heads, this.now());
    this.state.tombMs = this.now();
  }

  /** The newest readable manifest, damaged ones reported and skipped (SnapshotStore.newest). */
  async newest(listing) {
    const ids = [...listing].filter(([id, keys]) => keys.includes(manifestKey(id))).map(([id]) => id);
    for (let i = ids.length - 1; i >= 0; i--) {
      try {
        const data = await this.log.storage.get(manifestKey(ids[i]));
        if (data != null) return decodeManifest(data, manifestKey(ids[i]), ids[i]);
      } catch (e) {
        if (!(e instanceof SyncError) || e.reason !== Reason.CORRUPT) throw e;
        this.report.problems.push(e.message);
      }
    }
    return null;
  }

  async create(key, bytes) {
    if (!(await this.log.storage.createIfAbsent(key, bytes))) {
      throw new SyncError(Reason.REMOTE_BUSY, 'Snapshot object ' + key + ' exists already; another snapshot with'
        + ' the same id is being written');
    }
  }
}

const ACK_EVERY = 16;
const WEEK = 7 * 24 * 3600 * 1000;

/**
 * An ack, as the engine's Compaction publishes one after a sync without a head: when the read
 * cursors moved by 16 batches since the last one published, on the first sync that read anything
 * (until then cleanup does not know this device), or when the last is older than a week (a quarter
 * of retireAfter if shorter), so a device that syncs is never retired as unseen.
 */
export async function ack(log, self, state, headPublished, now, retireAfter) {
  const cursors = new Map([...state.cursors].filter(([d]) => d !== self).sort(([a], [b]) => compareUuid(a, b)));
  let sum = 0;
  for (const s of cursors.values()) sum += s;
  const refresh = retireAfter > 0 ? Math.min(WEEK, Math.trunc(retireAfter / 4)) : WEEK;
  if (headPublished) {
    state.ackSum = sum;
    state.ackMs = now;
  } else if (!state.ackMs && sum === 0) {
    state.ackMs = now;
  } else if ((!state.ackSum && sum > 0) || sum - (state.ackSum ?? 0) >= ACK_EVERY || now - state.ackMs >= refresh) {
    await log.publishAck(self, state.pushedBatch, cursors, now);
    state.ackSum = sum;
    state.ackMs = now;
  }
}
