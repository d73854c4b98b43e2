import { batchKey, decodeBatch, decodeHead, encodeBatch, encodeHead, headKey } from '../wire/batch.js';
import { retiredDeviceOf } from '../wire/retirement.js';
import { decodeManifest, decodePart, manifestKey, partKey, SNAPSHOT_ID } from '../wire/snapshot.js';
import { FormatError } from '../errors.js';
import { uuidHalves } from '../wire/uuid.js';

/**
 * The remote changelog over a storage (the engine's RemoteChangelog and SnapshotStore's reading
 * side): heads listed in one request per 1,000 names, batches read and checked against their name,
 * heads and acks written, a device's own old heads pruned once eight pile up, snapshots listed and
 * read. Names that are not Tandem's are ignored.
 */
const HEAD = /^heads\/([0-9a-f-]{36})\/([0-9]{12})$/;
const SNAPSHOT_KEY = /^snapshots\/([0-9a-f-]{50})\/(manifest|part-[0-9]{6})$/;
const ACK_KEY = /^acks\/([0-9a-f-]{36})\/([0-9]{13})$/;
const PAGE = 1000;
const PRUNE_AFTER = 8;

function isUuidText(s) {
  try {
    uuidHalves(s);
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);
  } catch {
    return false;
  }
}

export async function listAll(storage, prefix) {
  const out = [];
  let after = null;
  for (;;) {
    const page = await storage.list(prefix, after, PAGE);
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page[page.length - 1];
  }
}

export class RemoteLog {
  constructor(storage, self) {
    this.storage = storage;
    this.self = self;
    this.ownHeadKeys = [];
    this.retired = new Set();
  }

  /** Every device's newest head: Map device → seq; also notes retirements and own head keys. */
  async heads() {
    const heads = new Map();
    this.ownHeadKeys = [];
    this.retired = new Set();
    for (const key of await listAll(this.storage, 'heads/')) {
      const gone = retiredDeviceOf(key);
      if (gone != null) {
        this.retired.add(gone);
        continue;
      }
      const m = HEAD.exec(key);
      if (!m || !isUuidText(m[1])) continue;
      const seq = Number(m[2]);
      heads.set(m[1], Math.max(heads.get(m[1]) ?? 0, seq));
      if (m[1] === this.self) this.ownHeadKeys.push(key);
    }
    return heads;
  }

  /** Batch {@code seq} of {@code device}, null when absent; a FormatError when it is not one. */
  async batch(device, seq) {
    const key = batchKey(device, seq);
    const data = await this.storage.get(key);
    if (data == null) return null;
    const b = decodeBatch(data, key);
    if (b.device !== device || b.seq !== seq) {
      throw new FormatError('Object ' + key + ' holds batch ' + b.seq + ' of device ' + b.device + ', not what its key says');
    }
    return b;
  }

  /** Creates the batch; true when this call created it, with its bytes for a read back. */
  async append(batch, nowMillis) {
    const bytes = encodeBatch(batch, nowMillis);
    return { created: await this.storage.createIfAbsent(batchKey(batch.device, batch.seq), bytes), bytes };
  }

  async publishHead(device, seq, cursors, nowMillis) {
    const key = headKey(device, seq);
    await this.storage.createIfAbsent(key, encodeHead({ device, seq, writtenAtMillis: nowMillis, cursors }));
    if (device === this.self && this.ownHeadKeys.length + 1 >= PRUNE_AFTER) {
      for (const old of this.ownHeadKeys) if (old < key) await this.storage.delete(old);
      this.ownHeadKeys = [];
    }
  }

  async publishAck(self, pushedSeq, cursors, nowMillis) {
    const key = 'acks/' + self + '/' + String(nowMillis).padStart(13, '0');
    await this.storage.createIfAbsent(key, encodeHead({ device: self, seq: pushedSeq, writtenAtMillis: nowMillis,
      cursors }));
    for (const old of await listAll(this.storage, 'acks/' + self + '/')) {
      if (old < key) await this.storage.delete(old);
    }
    return key;
  }

  async head(key) {
    const data = await this.storage.get(key);
    return data == null ? null : decodeHead(data, key);
  }

  /**
   * Every snapshot's keys by id, ids in order (SnapshotStore.list): names that are not a part or a
   * manifest of a well-formed id are ignored.
   */
  async snapshotListing() {
    const keys = new Map();
    for (const key of await listAll(this.storage, 'snapshots/')) {
      const m = SNAPSHOT_KEY.exec(key);
      if (!m || !SNAPSHOT_ID.test(m[1])) continue;
      if (!keys.has(m[1])) keys.set(m[1], []);
      keys.get(m[1]).push(key);
    }
    return new Map([...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** The newest ack key per device (acks/<device>/<13 digits>), and this device's older ones. */
  async acks() {
    const newest = new Map();
    const ownOlder = [];
    for (const key of await listAll(this.storage, 'acks/')) {
      const m = ACK_KEY.exec(key);
      if (!m || !isUuidText(m[1])) continue;
      const before = newest.get(m[1]);
      newest.set(m[1], key);
      if (before != null && m[1] === this.self) ownOlder.push(before);
    }
    return { newest, ownOlder };
  }

  /** Complete snapshots (those with a manifest), newest first, by id. */
  async snapshots() {
    const ids = new Set();
    for (const key of await listAll(this.storage, 'snapshots/')) {
      const m = /^snapshots\/([^/]+)\/manifest$/.exec(key);
      if (m && SNAPSHOT_ID.test(m[1])) ids.add(m[1]);
    }
    return [...ids].sort().reverse();
  }

  async manifest(id) {
    const key = manifestKey(id);
    const data = await this.storage.get(key);
    return data == null ? null : decodeManifest(data, key, id);
  }

  async part(id, index) {
    const key = partKey(id, index);
    const data = await this.storage.get(key);
    if (data == null) throw new FormatError('Object ' + key + ' is named by its manifest but missing');
    return decodePart(data, key, id, index);
  }
}
