import { batchKey, decodeHead, headKey } from '../wire/batch.js';
import { encodeRetirement, retiredDeviceOf, retirementKey, UNSEEN } from '../wire/retirement.js';
import { decodeManifest, manifestKey } from '../wire/snapshot.js';
import { SyncError, Reason } from '../errors.js';
import { listAll } from './remote-log.js';

/**
 * Deletes remote batches and snapshots nobody can need any more, as the engine's Cleanup
 * (docs/SYNC_FORMAT.md, "Cleanup safety rule"). Batch s of device d goes only when both hold:
 * <ol>
 *   <li>every device known to the remote (a head or an ack) other than d has published a read
 *       cursor for d of at least s; one whose newest head or ack cannot be read stops the whole
 *       cleanup (nothing can be proven about what it read);</li>
 *   <li>some complete snapshot covers it, so a device nobody knows yet can still rebuild; a
 *       manifest that cannot be read also stops the whole cleanup.</li>
 * </ol>
 * A complete snapshot goes only when a newer complete one dominates it (manifest first, then its
 * parts, then its folder); an incomplete one older than the newest complete one after a day. A
 * device unseen (newest head or ack) for longer than retireAfter is retired first (heads/d/retired),
 * then not waited for: its ack goes at once, its heads once all its batches are gone.
 *
 * <p>Everything read here is remote input: heads, acks and manifests go through the bounded
 * decoders (64 MiB at most before anything is parsed, every count against the bytes left), names
 * that are not Tandem's are ignored, and a head whose body names another device counts as unreadable.
 */
const BATCH = /^batches\/([0-9a-f-]{36})\/([0-9]{12})$/;
export const ABANDONED_MILLIS = 24 * 3600 * 1000;

/** The head or ack under {@code key}; null when gone or damaged (reported), other failures thrown. */
async function readHead(storage, key, problems) {
  try {
    const data = await storage.get(key);
    return data == null ? null : decodeHead(data, key);
  } catch (e) {
    if (!(e instanceof SyncError) || e.reason !== Reason.CORRUPT) throw e;
    problems.push(e.message);
    return null;
  }
}

/** What every known device published that it read, when each was last seen, and the acks; null when one cannot be read. */
export async function seen(log, self, ownCursors, heads, problems) {
  const published = new Map([[self, ownCursors]]);
  const lastSeen = new Map();
  for (const [d, seq] of heads) {
    if (d === self) continue;
    const head = await readHead(log.storage, headKey(d, seq), problems);
    if (head == null || head.device !== d) return null;
    lastSeen.set(d, Math.max(lastSeen.get(d) ?? -Infinity, head.writtenAtMillis));
    published.set(d, new Map(head.cursors));
  }
  const { newest: acks, ownOlder } = await log.acks();
  for (const [d, key] of acks) {
    if (d === self) continue;
    const ack = await readHead(log.storage, key, problems);
    if (ack == null || ack.device !== d) return null;
    lastSeen.set(d, Math.max(lastSeen.get(d) ?? -Infinity, ack.writtenAtMillis));
    if (!published.has(d)) published.set(d, new Map());
    const merged = published.get(d);
    for (const [x, c] of ack.cursors) merged.set(x, Math.max(merged.get(x) ?? 0, c));
  }
  return { published, lastSeen, acks, ownOlder };
}

export function dominates(newer, older) {
  for (const [d, c] of older.cursors) {
    if ((newer.cursors.get(d) ?? 0) < c) return false;
  }
  return true;
}

async function deleteSnapshot(storage, id, keys) {
  await storage.delete(manifestKey(id));
  for (const key of [...keys].sort()) {
    if (key !== manifestKey(id)) await storage.delete(key);
  }
  await storage.removeFolder('snapshots/' + id + '/');
}

/**
 * One cleanup: {batches, snapshots, retired, published (other live devices' read cursors, null
 * when nothing could be proven)}. {@code heads}: every device's newest head seq as listed;
 * {@code retiredListed}: the devices the listing shows retired.
 */
export async function cleanup({ log, self, ownCursors, heads, retiredListed, retireAfterMillis, now, problems }) {
  const nothing = { batches: 0, snapshots: 0, retired: 0, published: null };
  const storage = log.storage;
  const known = await seen(log, self, ownCursors, heads, problems);
  if (known == null) return nothing;
  const retired = new Set(retiredListed);
  const { published, lastSeen, acks } = known;
  for (const key of known.ownOlder) await storage.delete(key);
  let newlyRetired = 0;
  if (retireAfterMillis > 0) {
    for (const [d, at] of lastSeen) {
      if (!retired.has(d) && at < now - retireAfterMillis) {
        await storage.createIfAbsent(retirementKey(d), encodeRetirement({ device: d, lastHead: heads.get(d) ?? 0,
          retiredAtMillis: now, by: self, reason: UNSEEN }));
        retired.add(d);
        newlyRetired++;
      }
    }
  }
  for (const d of retired) published.delete(d);
  published.set(self, ownCursors);
  for (const d of retired) {
    if (acks.has(d)) await storage.delete(acks.get(d));
  }

  const listing = await log.snapshotListing();
  const manifests = [];
  for (const [id, keys] of listing) {
    if (!keys.includes(manifestKey(id))) continue;
    let m = null;
    try {
      const data = await storage.get(manifestKey(id));
      m = data == null ? null : decodeManifest(data, manifestKey(id), id);
    } catch (e) {
      if (!(e instanceof SyncError) || e.reason !== Reason.CORRUPT) throw e;
      problems.push(e.message);
    }
    if (m == null) return nothing;
    manifests.push(m);
  }
  const covered = new Map();
  for (const m of manifests) {
    for (const [d, c] of m.cursors) covered.set(d, Math.max(covered.get(d) ?? 0, c));
  }

  let batches = 0;
  for (const d of heads.keys()) {
    let limit = covered.get(d) ?? 0;
    for (const [p, cursors] of published) {
      if (p !== d) limit = Math.min(limit, cursors.get(d) ?? 0);
    }
    if (limit <= 0) continue;
    const doomed = (await listAll(storage, 'batches/' + d + '/')).filter((key) => {
      const m = BATCH.exec(key);
      return m && Number(m[2]) <= limit && key === batchKey(d, Number(m[2]));
    });
    for (const key of doomed) await storage.delete(key);
    batches += doomed.length;
    if (retired.has(d) && limit >= heads.get(d)) {
      const own = (await listAll(storage, 'heads/' + d + '/')).filter((key) => retiredDeviceOf(key) == null);
      for (const key of own) await storage.delete(key);
      if (own.length > 0) await storage.removeFolder('batches/' + d + '/');
    }
  }

  let snapshots = 0;
  for (let i = 0; i < manifests.length; i++) {
    let dominated = false;
    for (let j = i + 1; j < manifests.length && !dominated; j++) dominated = dominates(manifests[j], manifests[i]);
    if (dominated) {
      await deleteSnapshot(storage, manifests[i].id, listing.get(manifests[i].id));
      snapshots++;
    }
  }
  const newest = manifests.length === 0 ? null : manifests[manifests.length - 1].id;
  for (const [id, keys] of listing) {
    if (keys.includes(manifestKey(id)) || newest == null || id >= newest) continue;
    if (Number(id.slice(0, 13)) < now - ABANDONED_MILLIS) {
      await deleteSnapshot(storage, id, keys);
      snapshots++;
    }
  }
  published.delete(self);
  return { batches, snapshots, retired: newlyRetired, published };
}
