/*
 * The sealing of the own device's records in this browser (device-store.js; docs/WEB.md, "What the browser keeps,
 * and how"): every record but the store key itself is kept as {v: 1, iv, data}, the AES-GCM 256 ciphertext of its
 * text or bytes under the store key, a WebCrypto key made at join as non-extractable (no script, ours included, can
 * read its bytes back; IndexedDB keeps it as a CryptoKey).
 *
 * Invariants. A fresh random 96-bit IV for every seal (one key seals at most a few records a second: far below
 * GCM's 2^32 random-IV bound). The record's name is the additional data, so one record (a kept screen) put in the
 * place of another (the replica) does not open. Opening never throws: anything that is not a record sealed under
 * this key for this name (tampered, swapped, truncated, plain JSON of an older page, junk) opens as null, which the
 * callers treat as a missing record.
 *
 * Imports nothing, so Node's test runner checks it (Node 20 has WebCrypto as globalThis.crypto).
 */
const VERSION = 1;
const IV_BYTES = 12;
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });
const subtle = () => globalThis.crypto.subtle;

/** A new store key: AES-GCM 256, non-extractable, for encrypt and decrypt only. */
export function newStoreKey() {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Whether {@code x} is a record as seal makes them (whether it opens is open's to say). */
export function isSealed(x) {
  return !!x && typeof x === 'object' && x.v === VERSION && x.iv instanceof Uint8Array && x.iv.length === IV_BYTES
    && x.data instanceof ArrayBuffer;
}

/** {v, iv, data}: {@code value} (a string, or a Uint8Array kept as bytes) sealed under {@code key} for {@code name}. */
export async function seal(key, name, value) {
  const bytes = value instanceof Uint8Array ? value : enc.encode(String(value));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(name) }, key, bytes);
  return { v: VERSION, iv, data };
}

/** The bytes sealed in {@code record} for {@code name}, or null when it is no such record or does not open. */
export async function openBytes(key, name, record) {
  if (!key || !isSealed(record)) return null;
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: enc.encode(name) },
      key, record.data));
  } catch (e) {
    return null;
  }
}

/** The text sealed in {@code record} for {@code name}, or null (no such record, does not open, not UTF-8). */
export async function openText(key, name, record) {
  const bytes = await openBytes(key, name, record);
  if (!bytes) return null;
  try {
    return dec.decode(bytes);
  } catch (e) {
    return null;
  }
}
