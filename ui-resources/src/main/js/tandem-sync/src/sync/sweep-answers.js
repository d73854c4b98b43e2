import { SyncError } from '../errors.js';
import { listAll } from './remote-log.js';

/**
 * This device's part in other devices' sweeps of unreferenced attachments, as the engine's
 * BlobCandidates and DefaultRemoteBlobs.due/answer (docs/SYNC_FORMAT.md, "Sweeping unreferenced
 * blobs"). A desktop's sweep deletes a blob only once every device the remote knows has answered a
 * list holding it without naming it, so a device that never answers keeps every blob forever.
 * <ol>
 *   <li>Before the pull, at most once a day (or on {@code compact}), one listing of blobs/sweep/: each
 *       other sweeper's newest list this device has not answered yet.</li>
 *   <li>After the pull, each of those lists is read and answered at
 *       blobs/answer/&lt;self&gt;/&lt;sweeper&gt;/&lt;list millis&gt;-&lt;now&gt;: the names from it this device
 *       still names (any change it holds, of any row, in the Trash or in a conflict), often none;
 *       then its older answers to that sweeper are deleted. A list answered with none is done; one
 *       that kept some is answered again at the next daily check.</li>
 * </ol>
 * Lists are written through the remote's own storage (encrypted and authenticated on an encrypted
 * remote) and read as hostile input: an object over 16 MiB (after the storage's own bound of any
 * object) or holding anything but blob object names is reported and ignored, which only keeps
 * blobs longer.
 */
export const SWEEP = 'blobs/sweep/';
export const ANSWER = 'blobs/answer/';
export const ANSWER_EVERY = 24 * 3600 * 1000;
export const MAX_LIST_BYTES = 16 * 1024 * 1024;
const UUID_RE = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const SWEEP_KEY = new RegExp('^blobs/sweep/' + UUID_RE + '/([0-9]{13})$');
const ANSWER_KEY = new RegExp('^blobs/answer/' + UUID_RE + '/' + UUID_RE + '/([0-9]{13})-([0-9]{13})$');
const BLOB_NAME = /^blobs\/data\/[0-9a-f]{64}$/;

const pad = (n) => String(n).padStart(13, '0');

export function sweepKey(sweeper, millis) {
  return SWEEP + sweeper + '/' + pad(millis);
}

export function answerKey(device, sweeper, millis, answered) {
  return ANSWER + device + '/' + sweeper + '/' + pad(millis) + '-' + pad(answered);
}

/** The other sweepers' newest lists not answered yet, when a check is due; one listing. */
export async function dueLists(storage, self, state, now, force) {
  const last = state.answersChecked ?? 0;
  if (!force && now - last < ANSWER_EVERY && now >= last) return [];
  const newest = new Map();
  for (const key of await listAll(storage, SWEEP)) {
    const m = SWEEP_KEY.exec(key);
    if (!m || m[1] === self) continue;
    const millis = Number(m[2]);
    if (!newest.has(m[1]) || newest.get(m[1]).millis < millis) newest.set(m[1], { sweeper: m[1], millis, key });
  }
  state.answersChecked = now;
  const answered = state.answered ?? {};
  return [...newest.values()].filter((l) => answered[l.sweeper] !== l.millis);
}

/** The blob object names in {@code key}; null when gone, too large or holding anything else (said). */
export async function readNames(storage, key, problems) {
  let data;
  try {
    data = await storage.get(key);
  } catch (e) {
    if (!(e instanceof SyncError) || e.retryable) throw e;
    problems.push('The attachment cleanup note ' + key + ' cannot be read (' + e.message + '): ignored.');
    return null;
  }
  if (data == null) return null;
  if (data.length > MAX_LIST_BYTES) {
    problems.push('The attachment cleanup note ' + key + ' is too large to be one: ignored.');
    return null;
  }
  const names = new Set();
  for (const line of new TextDecoder().decode(data).split('\n')) {
    if (line === '') continue;
    if (!BLOB_NAME.test(line)) {
      problems.push('The attachment cleanup note ' + key + ' holds something else than attachment names: ignored.');
      return null;
    }
    names.add(line);
  }
  return names;
}

function lines(names) {
  return new TextEncoder().encode([...names].sort().map((n) => n + '\n').join(''));
}

/**
 * Answers {@code lists} (from {@link dueLists}, listed before the pull that has just completed);
 * {@code referenced}: the object names of every blob this device names. Returns how many it answered.
 */
export async function answerLists(storage, self, state, lists, referenced, now, problems) {
  let count = 0;
  for (const list of lists) {
    const candidates = await readNames(storage, list.key, problems);
    if (candidates == null) continue;
    const kept = [...candidates].filter((n) => referenced.has(n));
    const key = answerKey(self, list.sweeper, list.millis, now);
    await storage.createIfAbsent(key, lines(kept));
    for (const old of await listAll(storage, ANSWER + self + '/' + list.sweeper + '/')) {
      if (old !== key && ANSWER_KEY.test(old)) await storage.delete(old);
    }
    if (kept.length === 0) state.answered = { ...(state.answered ?? {}), [list.sweeper]: list.millis };
    count++;
  }
  return count;
}
