import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256, toHex } from '../crypto/hash.js';
import { concat } from '../crypto/aead.js';

/**
 * Ed25519 for a shared space's signatures (the engine's SpaceCrypto), with @noble/curves: keys travel
 * in their standard encodings (X.509 for public keys, PKCS #8 for private ones), and every signature
 * covers "tandem-space-v1 " + a purpose label and the parts, each length-prefixed, so a signature made
 * for one kind of object never verifies for another. Ed25519 is deterministic: equal inputs sign to
 * equal bytes, which the golden vectors check.
 */
export const SIGNATURE_BYTES = 64;
const X509_PREFIX = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22,
  0x04, 0x20]);
const UTF8 = new TextEncoder();

function stripPrefix(bytes, prefix, what) {
  if (bytes.length !== prefix.length + 32 || prefix.some((b, i) => bytes[i] !== b)) {
    throw new Error('not an Ed25519 ' + what + ' key in its standard encoding');
  }
  return bytes.subarray(prefix.length);
}

export function publicKeyOf(privatePkcs8) {
  return concat(X509_PREFIX, ed25519.getPublicKey(stripPrefix(privatePkcs8, PKCS8_PREFIX, 'private')));
}

export function privateKeyFromSeed(seed) {
  return concat(PKCS8_PREFIX, seed);
}

export function message(purpose, parts) {
  const label = UTF8.encode('tandem-space-v1 ' + purpose);
  const pieces = [];
  const len = (n) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, n);
    return b;
  };
  pieces.push(len(label.length), label);
  for (const p of parts) pieces.push(len(p.length), p);
  return concat(...pieces);
}

export function sign(privatePkcs8, purpose, ...parts) {
  return ed25519.sign(message(purpose, parts), stripPrefix(privatePkcs8, PKCS8_PREFIX, 'private'));
}

/** Whether {@code signature} is the key's over the purpose and parts; false for any malformed input. */
export function verify(publicX509, signature, purpose, ...parts) {
  try {
    return ed25519.verify(signature, message(purpose, parts), stripPrefix(publicX509, X509_PREFIX, 'public'));
  } catch {
    return false;
  }
}

/** Eight groups of four hex digits of the public key's SHA-256, for people to compare. */
export async function fingerprint(publicX509) {
  const hex = toHex(await sha256(publicX509)).slice(0, 32);
  return hex.match(/.{4}/g).join(' ');
}

export { UTF8 };
