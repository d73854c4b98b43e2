import { encodeManifest, encodePart, MAX_PARTS } from '../wire/snapshot.js';
import { compareUuid } from '../wire/uuid.js';
import { SyncError, Reason } from '../errors.js';

/**
 * What a snapshot holds and how it is cut, as the engine's SnapshotCapture and SnapshotParts
 * (docs/SYNC_FORMAT.md, "Writing a snapshot"):
 * <ul>
 *   <li>the capture: one entry per winning change, with only the fields it still wins, as of the
 *       read cursors and this device's last pushed batch; none while own changes are unpushed (they
 *       would be in the state but in no batch the cursors name). A cursor stops before another
 *       device's set-aside batch: its changes are not in this state. A winner at or below the
 *       tombstone horizon's stable checkpoint ({@code seenByAll}, tombstone-horizon.js), which
 *       every live device has merged, is written without the ids it replaced;</li>
 *   <li>the parts: sorted by table, entity and change id, cut between entities after about 60,000
 *       changes or 4 MiB estimated as layout 1 writes them;</li>
 *   <li>the manifest's cursors by device id. The engine writes them in the order of an immutable map
 *       (Map.copyOf), which differs from one JVM run to the next, so a manifest's bytes equal the
 *       engine's for the same cursors in the same order; readers take any order.</li>
 * </ul>
 */
export const PART_CHANGES = 60_000;
export const PART_BYTES = 4 << 20;

/** SnapshotParts.utf8: Java's estimate of a string's UTF-8 length. */
function utf8(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

function valueSize(v) {
  if (typeof v === 'string') return 5 + utf8(v);
  return v instanceof Uint8Array ? 5 + v.length : 9;
}

const javaCompare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function byEntity(a, b) {
  return javaCompare(a.change.table, b.change.table) || javaCompare(a.change.entity, b.change.entity)
    || compareUuid(a.change.id, b.change.id);
}

/** The winners and cursors for a snapshot, or null while own changes are unpushed. */
export function capture(replica, state, include = null) {
  const self = replica.deviceId;
  for (const c of replica.ownAfter(state.pushedChange)) {
    if (c) return null;
  }
  const won = new Map();
  for (const e of replica.entities.values()) {
    // A scoped remote's snapshot holds only what its scope does (the personal remote leaves shared lists out).
    if (include && !include(e.table, e.entity)) continue;
    for (const [lower, w] of e.winners) {
      let set = won.get(w.seq);
      if (!set) won.set(w.seq, (set = new Set()));
      set.add(lower);
    }
  }
  const seenByAll = state.seenByAll ?? 0;
  const entries = [];
  for (const [seq, fields] of [...won].sort((a, b) => a[0] - b[0])) {
    const c = replica.changes.get(seq);
    if (!c) continue;
    const kept = c.fields.filter((f) => fields.has(f.name.toLowerCase()))
      .map((f) => ({ name: f.name, value: f.value, replaces: seq <= seenByAll ? null : f.replaces ?? null }));
    entries.push({ author: c.author, change: { id: c.id, table: c.table, entity: c.entity, fields: kept } });
  }
  return { cursors: snapshotCursors(state, self), entries };
}

/** The cursors as the engine's capture takes them: the read cursors, self, set-aside stops; by device id. */
export function snapshotCursors(state, self) {
  const values = new Map([...state.cursors].filter(([d]) => d !== self));
  values.set(self, state.pushedBatch);
  const stops = new Map();
  for (const key of state.setAside.keys()) {
    const m = /^batches\/([0-9a-f-]{36})\/([0-9]{12})$/.exec(key);
    if (!m || m[1] === self) continue;
    const seq = Number(m[2]);
    stops.set(m[1], Math.min(stops.get(m[1]) ?? Infinity, seq));
  }
  for (const [d, seq] of stops) values.set(d, Math.min(values.get(d) ?? Infinity, seq - 1));
  return new Map([...values].sort(([a], [b]) => compareUuid(a, b)));
}

/** The entries cut into encoded parts of snapshot {@code id}. */
export function encodeParts(id, entries) {
  const sorted = entries.slice().sort(byEntity);
  const parts = [];
  let part = [];
  let bytes = 0;
  let last = null;
  for (const e of sorted) {
    const same = last != null && last.change.table === e.change.table && last.change.entity === e.change.entity;
    if ((part.length >= PART_CHANGES || bytes >= PART_BYTES) && !same) {
      parts.push(encodePart({ id, index: parts.length + 1, entries: part }));
      part = [];
      bytes = 0;
    }
    part.push(e);
    last = e;
    bytes += 24 + utf8(e.change.entity);
    for (const f of e.change.fields) bytes += 2 + valueSize(f.value) + (f.replaces == null ? 1 : 17);
  }
  if (part.length > 0) parts.push(encodePart({ id, index: parts.length + 1, entries: part }));
  if (parts.length > MAX_PARTS) {
    throw new SyncError(Reason.IO, 'A snapshot of ' + entries.length + ' changes needs ' + parts.length
      + ' parts, more than a manifest may name');
  }
  return parts;
}

export function snapshotId(millis, writer) {
  return String(millis).padStart(13, '0') + '-' + writer;
}

/** Encodes the whole snapshot: {id, parts: [bytes], manifest: bytes, m: the manifest's fields}. */
export function encodeSnapshot(millis, writer, cap) {
  const id = snapshotId(millis, writer);
  const parts = encodeParts(id, cap.entries);
  const m = { id, writer, createdAtMillis: millis, cursors: cap.cursors, parts: parts.length,
    changes: cap.entries.length };
  return { id, parts, manifest: encodeManifest(m), m };
}
