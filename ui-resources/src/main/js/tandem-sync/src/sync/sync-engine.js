import { RetiredDeviceError, SyncError, Reason } from '../errors.js';
import { RemoteLog } from './remote-log.js';
import { batchKey } from '../wire/batch.js';
import { compareUuid } from '../wire/uuid.js';
import { BATCH_BYTES, BATCH_CHANGES } from '../wire/limits.js';
import { Writer, javaUtf8 } from '../wire/msgpack.js';
import { writeValue } from '../wire/bounded-reader.js';
import { uuidToBytes } from '../wire/uuid.js';
import { equalBytes, randomBytes } from '../crypto/aead.js';
import { DESCRIPTOR_NAME } from '../keys/keyring-store.js';
import { skipped } from '../replica/replica.js';
import { answerLists, dueLists } from './sweep-answers.js';
import { sweepBlobs } from './blob-sweep.js';
import { ScopeCheck } from '../space/scope.js';
import { ack, Compaction, remember, RETIRE_AFTER, SNAPSHOT_CHANGES, SNAPSHOT_EVERY } from './compaction.js';

/**
 * One device's sync with one remote, as the engine's Synchronizer, Pull, DbChangelog and the ack
 * part of Compaction do it (docs/SYNC_FORMAT.md, "A sync"):
 * <ol>
 *   <li>List heads/ (one request per 1,000 names). A device this remote lists as retired stops; its
 *       own head must lie between the head it last published and its last pushed batch.</li>
 *   <li>A device new to the remote (it has read nothing of it) starts from the newest complete
 *       snapshot, loaded as the engine's bulk load leaves it: each attribute's winner, no conflict;
 *       a batch its head lists but cleanup deleted is taken from a snapshot that covers it, through
 *       the normal merge, keeping this device's unpushed changes.</li>
 *   <li>Pull other devices' batches past the cursors in causal order (of the devices' next batches
 *       the one whose greatest change id is smallest), merged 25,000 changes at a time. A batch that
 *       cannot be read (CORRUPT) is set aside and the cursor moves past it; a newer format stops
 *       that device; a batch not there yet stops that device for this sync.</li>
 *   <li>Push own changes in batches of at most 5,000 changes and about 8 MiB, each created if
 *       absent under the next seq (after beforePush(batch), which uploads the attachments it names)
 *       and recorded before the next is cut; the first batch read back and
 *       compared; a slot taken by an earlier cut of ours is recorded, one taken by changes this
 *       device did not push stops the sync (another installation writes under this id).</li>
 *   <li>Publish the head, overwrite the change marker.</li>
 *   <li>Write a snapshot and clean up when the policy says so, or always for {@code compact()}
 *       (compaction.js, cleanup.js).</li>
 *   <li>Answer other devices' attachment sweeps listed before the pull, at most daily
 *       (sweep-answers.js), when the device has attachments ({@code blobs}).</li>
 *   <li>Without a head, an ack when the read cursors moved by 16 batches since the last one
 *       published, or on the first sync that read, or after a week.</li>
 * </ol>
 * Without a passphrase, a remote marked encrypted stops the sync before anything is read
 * (PASSPHRASE_REQUIRED). What the engine does and this does not: reading set-aside batches again,
 * waiting ten minutes before setting a missing batch aside, re-joining under a new id after a
 * retirement or a copied profile (a retired device stops with RetiredDeviceError); each stops with
 * its reason or is left to a desktop device. Deleted items every live device has seen deleted are
 * forgotten after cleanup (compaction.js, tombstone-horizon.js).
 */
const GROUP_CHANGES = 25_000;

export class SyncEngine {
  /**
   * {replica, storage, address (the remote's identity for the sync state), encrypted (whether
   * storage is an EncryptedStorage; else the descriptor is checked), now}.
   */
  constructor({ replica, storage, address, encrypted = false, now = () => replica.clock.wallMillis(),
    plainBelow = null, beforePush = null, snapshotEvery = SNAPSHOT_EVERY, snapshotChanges = SNAPSHOT_CHANGES,
    retireAfter = RETIRE_AFTER, blobs = null, scope = null, intake = null }) {
    this.replica = replica;
    this.storage = storage;
    this.address = address;
    this.encrypted = encrypted;
    this.now = now;
    this.plainBelow = plainBelow ?? storage;
    this.beforePush = beforePush;
    this.readBack = true;
    // {referencedNames: async () => Set of blob object names this device names, data: the storage
    // blobs/data/ lies in, grace}: answers other devices' sweeps; compact() also sweeps.
    this.blobs = blobs;
    this.policy = { every: snapshotEvery, changes: snapshotChanges, retireAfter };
    this.log = new RemoteLog(storage, replica.deviceId);
    // A shared space's: {scope} the entities its batches hold (space/scope.js), {intake} the judge of
    // other members' changes (space/space-intake.js): intake.batches(authored, state) and
    // intake.snapshot(entries, object, state) give what to merge, recording the rest in the state.
    this.scope = scope;
    this.intake = intake;
  }

  /**
   * A sync that then writes a snapshot and cleans up whatever the policy says, then sweeps
   * unreferenced attachments when the device has them ({@code blobs.data}), as tandem compact does.
   */
  async compact() {
    const report = await this.sync({ force: true });
    if (this.blobs?.data) {
      report.blobSweep = await sweepBlobs({ storage: this.storage, data: this.blobs.data, self: this.replica.deviceId,
        state: this.replica.remote(this.address), referenced: await this.blobs.referencedNames(), now: this.now(),
        grace: this.blobs.grace, problems: report.warnings });
    }
    return report;
  }

  async sync({ force = false } = {}) {
    const r = this.replica;
    const self = r.deviceId;
    const state = r.remote(this.address);
    const report = { pulled: 0, merged: 0, conflicts: 0, pushed: 0, batchesPushed: 0, problems: [], warnings: [], notes: [],
      setAside: [], bootstrapped: null };
    if (this.encrypted) {
      await this.storage.refresh();
    } else if (state.pushedBatch === 0 && await this.plainBelow.get(DESCRIPTOR_NAME) != null) {
      throw new SyncError(Reason.PASSPHRASE_REQUIRED, this.storage.describe() + ' is encrypted: give its passphrase'
        + ' (TANDEM_PASSPHRASE); nothing was read or written');
    }
    const published = state.publishedHead;
    const heads = await this.log.heads();
    if (this.log.retired.has(self)) {
      throw new RetiredDeviceError(this.storage.describe() + ' lists device ' + self + ' as retired, so deleted'
        + ' items it has not seen deleted may be forgotten there; nothing was read or written. Start this device anew'
        + ' (its changes not yet pushed stay here)');
    }
    const remoteHead = heads.get(self) ?? 0;
    if (remoteHead > state.pushedBatch) {
      throw new SyncError(Reason.SERVER_INCONSISTENT, 'Another installation syncs under this device\'s id: '
        + this.storage.describe() + ' lists head ' + remoteHead + ' of device ' + self + ', but this device pushed'
        + ' only up to batch ' + state.pushedBatch);
    }
    if (remoteHead < published) {
      throw new SyncError(Reason.SERVER_INCONSISTENT, this.storage.describe() + ' does not list head ' + published
        + ' of device ' + self + ', which this device wrote there: the server hides or lost objects. Sync stopped'
        + ' before writing anything on top of it.');
    }
    // Listed before the pull, answered after it: a list already there was written after all its sweeper read.
    const sweepLists = this.blobs ? await dueLists(this.storage, self, state, this.now(), force) : [];
    if (state.cursors.size === 0 && [...heads.keys()].some((d) => d !== self)) {
      report.bootstrapped = await this.bootstrap(state, heads);
    }
    await this.pull(state, heads, report);
    const pushedBefore = state.pushedBatch;
    await this.push(state, report);
    let headPublished = false;
    if (state.pushedBatch > remoteHead) {
      const cursors = new Map([...state.cursors].filter(([d]) => d !== self).sort(([a], [b]) => compareUuid(a, b)));
      await this.log.publishHead(self, state.pushedBatch, cursors, this.now());
      state.publishedHead = state.pushedBatch;
      headPublished = true;
      await this.storage.overwrite('changed', randomBytes(16));
    }
    const compaction = new Compaction({ replica: r, log: this.log, state, now: this.now, ...this.policy,
      scope: this.scope });
    report.compaction = await compaction.afterSync(heads, { bootstrapped: report.bootstrapped != null,
      force: force && !this.scope?.tree,
      retired: this.log.retired });
    report.warnings.push(...report.compaction.problems);
    await ack(this.log, r.deviceId, state, headPublished, this.now(), this.policy.retireAfter);
    if (sweepLists.length > 0) {
      try {
        report.sweepsAnswered = await answerLists(this.storage, self, state, sweepLists,
          await this.blobs.referencedNames(), this.now(), report.warnings);
      } catch (e) {
        if (!(e instanceof SyncError)) throw e;
        report.warnings.push('Could not tell other devices\' attachment cleanup what this device still uses: '
          + e.message);
      }
    }
    report.setAside = [...state.setAside.entries()].map(([k, v]) => ({ key: k, ...v }));
    report.pushedBatches = state.pushedBatch - pushedBefore;
    return report;
  }

  /** The newest complete snapshot into an empty device, as the bulk load leaves it. */
  async bootstrap(state, heads) {
    const r = this.replica;
    // A shared space's snapshot is where a member new to it finds the list as it was shared; else a
    // device that already merged others' changes of this remote's data is not new to it.
    if (!this.scope?.tree && r.lastSeq > 0 && [...r.changes.values()].some((c) => c.author !== r.deviceId)) return null;
    for (const id of await this.log.snapshots()) {
      const m = await this.log.manifest(id);
      if (m == null) continue;
      let entries = [];
      for (let i = 1; i <= m.parts; i++) entries.push(...(await this.log.part(id, i)).entries);
      if (this.intake) entries = this.intake.snapshot(entries, 'snapshots/' + id, state);
      if (r.lastSeq === 0) {
        this.bulkLoad(entries);
      } else {
        r.applyAll(entries.map((e) => ({ author: e.author, change: e.change })), { now: this.now(),
          unpushedAfter: state.pushedChange });
      }
      for (const [d, s] of m.cursors) {
        if (d !== r.deviceId && s > (state.cursors.get(d) ?? 0)) state.cursors.set(d, s);
      }
      remember(state, m, -1);
      return id;
    }
    return null;
  }

  /** Each entry appended with its attributes winning, in clock order; nothing decided, no conflict. */
  bulkLoad(entries) {
    const r = this.replica;
    const sorted = entries.slice().sort((a, b) => compareUuid(a.change.id, b.change.id));
    for (const { author, change: c } of sorted) {
      const e = r.entity(c.table, c.entity);
      if (e.ids.has(c.id)) continue;
      const fields = c.fields.filter((f) => !skipped(f));
      const seq = r.append(e, c.id, author, fields);
      r.clock.observe(c.id);
      for (const f of fields) {
        if (f.name.toLowerCase().startsWith('_merged_')) continue;
        const before = e.winners.get(f.name.toLowerCase());
        e.winners.set(f.name.toLowerCase(), { field: before ? before.field : f.name, seq, id: c.id });
      }
    }
  }

  async pull(state, heads, report) {
    const r = this.replica;
    const self = r.deviceId;
    const next = new Map();
    const read = new Map();
    for (const [d, h] of heads) {
      if (d !== self) next.set(d, (state.cursors.get(d) ?? 0) + 1);
    }
    let group = [];
    let grouped = 0;
    const merge = () => {
      if (group.length === 0) return;
      const authored = [];
      for (const b of group) {
        if (b.seq !== (state.cursors.get(b.device) ?? 0) + 1) continue;
        for (const c of b.changes) authored.push({ author: b.device, change: c, object: batchKey(b.device, b.seq) });
        state.cursors.set(b.device, b.seq);
        state.snapshotVolume = (state.snapshotVolume ?? 0) + b.changes.length;
      }
      const admitted = this.intake ? this.intake.batches(authored, state) : authored;
      const st = r.applyAll(admitted, { now: this.now(), unpushedAfter: state.pushedChange });
      report.pulled += st.pulled;
      report.merged += st.merged;
      report.conflicts += st.conflicts;
      if (st.aheadMillis > 0) {
        report.notes.push('Device ' + st.aheadAuthor + ' dates its changes up to ' + Math.floor(st.aheadMillis / 60000)
          + ' minutes ahead of this device\'s clock; one of the two clocks is wrong.');
      }
      group = [];
      grouped = 0;
    };
    const readNext = async (device) => {
      while (next.get(device) <= heads.get(device)) {
        const seq = next.get(device);
        let batch;
        try {
          batch = await this.log.batch(device, seq);
        } catch (e) {
          if (!(e instanceof SyncError)) throw e;
          merge();
          if (e.reason === Reason.CORRUPT) {
            this.setAside(state, device, seq, e.message);
            report.problems.push('Set aside ' + batchKey(device, seq) + ': ' + e.message);
            next.set(device, seq + 1);
            continue;
          }
          if (e.reason === Reason.UNSUPPORTED_FORMAT) {
            report.problems.push(e.message + '. Update Tandem on this device');
            next.set(device, heads.get(device) + 1);
            return;
          }
          throw e;
        }
        if (batch != null) {
          let last = '00000000-0000-0000-0000-000000000000';
          for (const c of batch.changes) if (c.id > last) last = c.id;
          read.set(device, { batch, last });
          next.set(device, seq + 1);
          return;
        }
        merge();
        if (await this.rebuild(state, device, seq, report)) {
          for (const [d] of next) {
            const cursor = state.cursors.get(d) ?? 0;
            const waiting = read.get(d);
            if (waiting && waiting.batch.seq <= cursor) read.delete(d);
            if (next.get(d) <= cursor) next.set(d, cursor + 1);
          }
          continue;
        }
        next.set(device, heads.get(device) + 1);
        return;
      }
    };
    for (;;) {
      for (const device of [...next.keys()].sort(compareUuid)) {
        if (!read.has(device)) await readNext(device);
      }
      let first = null;
      for (const x of read.values()) {
        if (first == null || compareUuid(x.last, first.last) < 0
          || (x.last === first.last && compareUuid(x.batch.device, first.batch.device) < 0)) first = x;
      }
      if (first == null) break;
      read.delete(first.batch.device);
      group.push(first.batch);
      grouped += first.batch.changes.length;
      if (grouped >= GROUP_CHANGES) merge();
    }
    merge();
  }

  setAside(state, device, seq, problem) {
    const key = batchKey(device, seq);
    if (!state.setAside.has(key)) state.setAside.set(key, { problem, firstSeen: this.now() });
    if (seq === (state.cursors.get(device) ?? 0) + 1) state.cursors.set(device, seq);
  }

  /** A batch its head lists is gone: a snapshot that covers it is merged instead (too far behind). */
  async rebuild(state, device, seq, report) {
    for (const id of await this.log.snapshots()) {
      const m = await this.log.manifest(id);
      if (m == null || (m.cursors.get(device) ?? 0) < seq) continue;
      let entries = [];
      for (let i = 1; i <= m.parts; i++) entries.push(...(await this.log.part(id, i)).entries);
      if (this.intake) entries = this.intake.snapshot(entries, 'snapshots/' + id, state);
      const st = this.replica.applyAll(entries.map((e) => ({ author: e.author, change: e.change })),
        { now: this.now(), unpushedAfter: state.pushedChange });
      report.merged += st.merged;
      report.conflicts += st.conflicts;
      for (const [d, s] of m.cursors) {
        if (d !== this.replica.deviceId && s > (state.cursors.get(d) ?? 0)) state.cursors.set(d, s);
      }
      remember(state, m, -1);
      report.notes.push('This device was too far behind: batch ' + seq + ' of device ' + device + ' has been cleaned up'
        + ' from the remote. It was rebuilt from snapshot ' + id + '.');
      return true;
    }
    return false;
  }

  /** The next own batch: changes after the push cursor, at most 5,000 and within the size budget. */
  cut(state) {
    const r = this.replica;
    const changes = [];
    let bytes = 0;
    const check = this.scope ? new ScopeCheck(this.scope) : null;
    let scanned = state.pushedChange;
    for (const c of r.ownAfter(state.pushedChange)) {
      // A scoped remote takes only the entities its scope holds (BatchCut.scopedBatch); when none follows,
      // the push cursor moves past those passed over, so the next cut does not read them again.
      if (check && !check.includes(r, c.table, c.entity)) {
        if (changes.length === 0) scanned = c.seq;
        continue;
      }
      const size = 24 + javaUtf8(c.entity).length + 2 * blobSize(c.fields);
      if (changes.length > 0 && (changes.length >= BATCH_CHANGES || bytes + size > BATCH_BYTES)) break;
      changes.push(c);
      bytes += size;
    }
    if (changes.length === 0 && scanned > state.pushedChange) state.pushedChange = scanned;
    return changes;
  }

  async push(state, report) {
    const r = this.replica;
    for (;;) {
      const own = this.cut(state);
      if (own.length === 0) return;
      const seq = state.pushedBatch + 1;
      const batch = { device: r.deviceId, seq, changes: own.map((c) => ({ id: c.id, table: c.table, entity: c.entity,
        fields: c.fields })) };
      // What the batch needs on the remote (its attachments' files) goes first: a batch never names what is not there.
      if (this.beforePush) await this.beforePush(batch);
      const { created, bytes } = await this.log.append(batch, this.now());
      let stored = batch;
      if (created) {
        if (this.readBack) {
          const back = await this.storage.get(batchKey(r.deviceId, seq));
          if (back == null) {
            throw new SyncError(Reason.SERVER_INCONSISTENT, this.storage.describe() + ' does not return '
              + batchKey(r.deviceId, seq) + ', which it just accepted; nothing points at it yet');
          }
          if (!equalBytes(back, bytes)) {
            throw new SyncError(Reason.SERVER_FAULT, this.storage.describe() + ' stores other bytes than it was given'
              + ' for ' + batchKey(r.deviceId, seq) + '; no reader is pointed at it');
          }
          this.readBack = false;
        }
      } else {
        try {
          stored = await this.log.batch(r.deviceId, seq);
        } catch (e) {
          if (e.reason !== Reason.CORRUPT) throw e;
          // A slot nobody can read: burnt, the same changes go into the next one.
          state.pushedBatch = seq;
          continue;
        }
        if (stored == null) {
          throw new SyncError(Reason.REMOTE_BUSY, 'Object ' + batchKey(r.deviceId, seq) + ' exists but cannot be read'
            + ' yet; will retry');
        }
      }
      this.acknowledge(state, stored, own);
      report.pushed += stored.changes.length;
    }
  }

  /** Records that the remote holds {@code stored} as this device's batch (an earlier cut, or this one). */
  acknowledge(state, stored, own) {
    const ids = new Set(stored.changes.map((c) => c.id));
    let matched = 0;
    let changeSeq = state.pushedChange;
    const check = this.scope ? new ScopeCheck(this.scope) : null;
    for (const c of this.replica.ownAfter(state.pushedChange)) {
      if (matched === ids.size) break;
      if (check && !ids.has(c.id) && !check.includes(this.replica, c.table, c.entity)) continue;
      if (!ids.has(c.id)) break;
      matched++;
      changeSeq = c.seq;
    }
    if (matched < ids.size) {
      throw new SyncError(Reason.SERVER_INCONSISTENT, 'Another installation syncs under this device\'s id: batch '
        + stored.seq + ' of device ' + stored.device + ' on the remote holds ' + (ids.size - matched)
        + ' changes this device did not push');
    }
    state.pushedBatch = stored.seq;
    state.pushedChange = changeSeq;
    state.snapshotVolume = (state.snapshotVolume ?? 0) + matched;
  }
}

/** The bytes of a change's attributes as the engine stores them (FieldCodec): its batch size estimate. */
function blobSize(fields) {
  const w = new Writer(64);
  w.arrayHeader(fields.length);
  for (const f of fields) {
    w.string(f.name);
    writeValue(w, f.value);
    if (f.replaces == null) w.nil();
    else w.binary(uuidToBytes(f.replaces));
  }
  return w.pos;
}
