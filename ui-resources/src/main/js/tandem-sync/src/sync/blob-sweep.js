import { sha256, toHex } from '../crypto/hash.js';
import { DATA } from '../blob/blob-keys.js';
import { ANSWER, SWEEP, readNames, sweepKey } from './sweep-answers.js';
import { listAll } from './remote-log.js';

/**
 * This device's own sweep of unreferenced attachments, as the engine's DefaultRemoteBlobs.sweep
 * (docs/SYNC_FORMAT.md, "Sweeping unreferenced blobs"), run by {@code compact}:
 * <ol>
 *   <li>The names of every blob this device names are read, then blobs/data/ is listed; each object
 *       named nowhere here is remembered with the moment first found so (state.blobOrphans; found
 *       named again, it is forgotten).</li>
 *   <li>When that set changed since the list it last published, it is written as
 *       blobs/sweep/&lt;self&gt;/&lt;now&gt; (sorted names, one a line) and its older lists are deleted.</li>
 *   <li>An object goes only when it was unreferenced here for {@code grace} (30 days) and every
 *       device the remote knows (a head, an ack or a retirement), retired ones and this one aside,
 *       has answered a list written since then, and its newest such answer does not name it. An
 *       answer that cannot be read (too large, other content) counts as naming everything.</li>
 * </ol>
 */
export const BLOB_GRACE = 30 * 24 * 3600 * 1000;
const ANSWER_KEY = /^blobs\/answer\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/([0-9]{13})-([0-9]{13})$/;
const HEAD = /^heads\/([0-9a-f-]{36})\/([0-9]{12}|retired)$/;
const ACK = /^acks\/([0-9a-f-]{36})\/([0-9]{13})$/;

async function digest(names) {
  const bytes = new TextEncoder().encode([...names].sort().map((n) => n + '\n').join(''));
  return toHex(await sha256(bytes));
}

/** The devices the remote knows of, other than this one and the retired ones. */
async function liveDevices(storage, self) {
  const known = new Set();
  const retired = new Set();
  for (const key of await listAll(storage, 'heads/')) {
    const m = HEAD.exec(key);
    if (!m) continue;
    (m[2] === 'retired' ? retired : known).add(m[1]);
  }
  for (const key of await listAll(storage, 'acks/')) {
    const m = ACK.exec(key);
    if (m) known.add(m[1]);
  }
  known.delete(self);
  for (const d of retired) known.delete(d);
  return known;
}

/** Every answer to {@code sweeper}'s lists, newest list first and of its answers the latest, per device. */
async function answersTo(storage, sweeper) {
  const byDevice = new Map();
  for (const key of await listAll(storage, ANSWER)) {
    const m = ANSWER_KEY.exec(key);
    if (!m || m[2] !== sweeper) continue;
    if (!byDevice.has(m[1])) byDevice.set(m[1], []);
    byDevice.get(m[1]).push({ millis: Number(m[3]), answered: Number(m[4]), key });
  }
  for (const list of byDevice.values()) list.sort((a, b) => b.millis - a.millis || b.answered - a.answered);
  return byDevice;
}

/**
 * {storage: the remote's own (lists, answers, heads), data: the storage blobs/data/ lies in,
 * self, state, referenced: the object names this device names, now, grace, problems}.
 */
export async function sweepBlobs({ storage, data, self, state, referenced, now, grace = BLOB_GRACE, problems = [] }) {
  const orphans = (await listAll(data, DATA)).filter((n) => !referenced.has(n));
  const firstSeen = state.blobOrphans ?? {};
  const next = {};
  for (const n of orphans) next[n] = firstSeen[n] ?? now;
  state.blobOrphans = next;
  const d = await digest(orphans);
  if (!(orphans.length === 0 && state.blobListDigest == null) && d !== state.blobListDigest) {
    const key = sweepKey(self, now);
    await storage.createIfAbsent(key, new TextEncoder().encode([...orphans].sort().map((n) => n + '\n').join('')));
    for (const old of await listAll(storage, SWEEP + self + '/')) {
      if (old !== key) await storage.delete(old);
    }
    state.blobListDigest = d;
  }
  const result = { unreferenced: orphans.length, deleted: 0, waiting: 0 };
  if (orphans.length === 0) return result;
  const devices = await liveDevices(storage, self);
  const answers = await answersTo(storage, self);
  const read = new Map();
  const answeredWithout = async (name, since) => {
    for (const device of devices) {
      const newest = (answers.get(device) ?? []).find((a) => a.millis >= since);
      if (!newest) return false;
      if (!read.has(newest.key)) read.set(newest.key, await readNames(storage, newest.key, problems));
      const kept = read.get(newest.key);
      if (kept == null || kept.has(name)) return false;
    }
    return true;
  };
  for (const name of orphans) {
    const since = next[name];
    if (now - since < grace || !(await answeredWithout(name, since))) {
      result.waiting++;
      continue;
    }
    await data.delete(name);
    delete next[name];
    result.deleted++;
  }
  return result;
}

