/**
 * AES-256-GCM through WebCrypto (browsers and Node 20 alike), the engine's one AEAD (internal.crypto.Aead):
 * a 32-byte key, a 12-byte nonce the caller makes unique per key, the caller's associated data and a
 * 16-byte tag after the ciphertext. Bytes that do not authenticate are an answer, not a fault:
 * {@link open} gives null and each format words it in its own terms.
 */
export const KEY_LENGTH = 32;
export const NONCE_LENGTH = 12;
export const TAG_LENGTH = 16;

const subtle = globalThis.crypto.subtle;

/** A key's bytes, or a WebCrypto key already made (a browser keeps one it cannot read back). */
async function aesKey(key, usage) {
  if (typeof CryptoKey !== 'undefined' && key instanceof CryptoKey) return key;
  return subtle.importKey('raw', key, { name: 'AES-GCM' }, false, [usage]);
}

/**
 * A stretched key's bytes as a WebCrypto key nobody can read back (non-extractable), for sealing and opening:
 * what a browser keeps between visits instead of the passphrase.
 */
export async function lockedKey(bytes) {
  return subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** {@code plaintext} sealed: ciphertext then tag. */
export async function seal(key, nonce, aad, plaintext) {
  const k = await aesKey(key, 'encrypt');
  const out = await subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, k, plaintext);
  return new Uint8Array(out);
}

/** The plaintext of {@code sealed}, or null when it does not authenticate. */
export async function open(key, nonce, aad, sealed) {
  if (sealed.length < TAG_LENGTH) {
    return null;
  }
  const k = await aesKey(key, 'decrypt');
  try {
    const out = await subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, k, sealed);
    return new Uint8Array(out);
  } catch (e) {
    if (e && e.name === 'OperationError') {
      return null;
    }
    throw e;
  }
}

/** Random bytes from the platform's CSPRNG. */
export function randomBytes(n) {
  const b = new Uint8Array(n);
  globalThis.crypto.getRandomValues(b);
  return b;
}

export function concat(...parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}
