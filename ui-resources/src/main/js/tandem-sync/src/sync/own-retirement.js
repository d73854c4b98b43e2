import { decodeRetirement, FORGOTTEN, retirementKey, UNSEEN } from '../wire/retirement.js';

/**
 * Whether the remote retired this device, and what its retirement says (docs/SYNC_FORMAT.md, "Retired devices"),
 * for a device that stops for good once retired instead of re-joining under a new id: the phone page.
 *
 * The retirement's name alone decides: {@code heads/<self>/retired} exists, whatever its bytes. That fails the safe
 * way: whoever can write that name can also delete the remote, and a device that stops writes nothing that could be
 * lost. Its body only adds words (when, by whom, why), so it is read bounded (RETIREMENT_BYTES, before anything is
 * decrypted or parsed) and anything wrong with it (too large, junk, under a key this device no longer holds after a
 * rotation, retiring another device, a time outside reason) leaves a retirement that says less, never an error and
 * never a device that syncs on.
 *
 * The name is read from the storage below the encryption ({@code plain}): object names are not encrypted, so a
 * device whose kept key no longer opens the keyring (the key was rotated without it) still finds out it was retired.
 */
export const RETIREMENT_BYTES = 4096;
/** Retirement times before 2020 or more than a day ahead of this device's clock are not shown. */
const EARLIEST = Date.UTC(2020, 0, 1);
const AHEAD = 24 * 3600 * 1000;

/**
 * null when the remote does not retire {@code self}; else {retired: true, readable, reason ('forgotten', 'unseen' or
 * null), at (millis or null), by (a device id or null)}. {@code storage}: the encrypted storage above {@code plain}
 * (with its decrypt), or plain itself on a plain remote. Only a failure to reach the remote throws.
 */
export async function ownRetirement({ plain, storage, self, now = Date.now() }) {
  const key = retirementKey(self);
  let blob;
  try {
    blob = await plain.get(key, RETIREMENT_BYTES);
  } catch (e) {
    // Too large for a retirement: still one by its name.
    if (!(e && e.tooLarge)) throw e;
    return unreadable();
  }
  if (blob == null) return null;
  let r;
  try {
    const body = storage !== plain && storage.decrypt ? await storage.decrypt(await storage.current(), key, blob) : blob;
    r = decodeRetirement(body, key);
  } catch (e) {
    return unreadable();
  }
  const reason = r.reason === FORGOTTEN || r.reason === UNSEEN ? r.reason : null;
  const at = Number.isSafeInteger(r.retiredAtMillis) && r.retiredAtMillis >= EARLIEST && r.retiredAtMillis <= now + AHEAD
    ? r.retiredAtMillis : null;
  return { retired: true, readable: true, reason, at, by: r.by === self ? null : r.by };
}

function unreadable() {
  return { retired: true, readable: false, reason: null, at: null, by: null };
}
