import { SyncError, Reason } from '../errors.js';
import { seal, open, randomBytes } from '../crypto/aead.js';

/**
 * AES-256-GCM over one object (docs/ENCRYPTION.md, "Data objects"), as the engine's ObjectCipher:
 * "TDEO" | version | [data key id, version 2] | 12-byte nonce | ciphertext | tag. Version 1 means
 * data key 0. The header and the object's name (ASCII) are the associated data.
 */
const MAGIC = [0x54, 0x44, 0x45, 0x4f];
const VERSION = 1;
const VERSION_KEY_ID = 2;
const HEADER = 5;
const NONCE = 12;
const TAG = 16;

function headerLength(version) {
  return version === VERSION ? HEADER : HEADER + 4;
}

function aad(blob, header, name) {
  const n = new TextEncoder().encode(name);
  const out = new Uint8Array(header + n.length);
  out.set(blob.subarray(0, header));
  out.set(n, header);
  return out;
}

export async function encryptObject(keyId, key, name, plaintext, nonce = randomBytes(NONCE)) {
  const header = headerLength(keyId === 0 ? VERSION : VERSION_KEY_ID);
  const head = new Uint8Array(header);
  head.set(MAGIC);
  if (keyId === 0) {
    head[4] = VERSION;
  } else {
    head[4] = VERSION_KEY_ID;
    new DataView(head.buffer).setInt32(HEADER, keyId);
  }
  const sealed = await seal(key, nonce, aad(head, header, name), plaintext);
  const out = new Uint8Array(header + NONCE + sealed.length);
  out.set(head);
  out.set(nonce, header);
  out.set(sealed, header + NONCE);
  return out;
}

/** The data key id an object names, after checking its header and length. */
export function keyIdOf(name, blob, where) {
  if (blob.length < HEADER || MAGIC.some((m, i) => blob[i] !== m)) {
    throw new SyncError(Reason.CORRUPT, "Object '" + name + "' in " + where + ' is not an encrypted Tandem object ('
      + blob.length + ' bytes; written without encryption?)');
  }
  const version = blob[4];
  if (version !== VERSION && version !== VERSION_KEY_ID) {
    throw new SyncError(Reason.UNSUPPORTED_FORMAT, "Object '" + name + "' in " + where
      + ' is encrypted with format version ' + version + '; this Tandem reads versions 1 and 2');
  }
  const header = headerLength(version);
  if (blob.length < header + NONCE + TAG) {
    throw new SyncError(Reason.CORRUPT, "Object '" + name + "' in " + where + ' is truncated (' + blob.length
      + ' bytes, at least ' + (header + NONCE + TAG) + ' expected)');
  }
  return version === VERSION ? 0 : new DataView(blob.buffer, blob.byteOffset).getInt32(HEADER);
}

export async function decryptObject(key, name, blob, where) {
  const header = headerLength(blob[4]);
  const plain = await open(key, blob.subarray(header, header + NONCE), aad(blob, header, name),
    blob.subarray(header + NONCE));
  if (plain == null) {
    throw new SyncError(Reason.CORRUPT, "Object '" + name + "' in " + where + ' failed authentication: it was'
      + ' damaged, altered, or moved from another key');
  }
  return plain;
}
