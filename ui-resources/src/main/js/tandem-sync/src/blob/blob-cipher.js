import { DamagedAttachmentError } from '../errors.js';
import { seal, open, concat, TAG_LENGTH } from '../crypto/aead.js';

/**
 * An attachment's bytes on an encrypted remote (docs/ENCRYPTION.md, "Attachments"), as the engine's
 * BlobCipher over ChunkedAead: "TDEB" | 1 | generation (4), then 64 KiB chunks, each AES-256-GCM with
 * its own tag; the last may be shorter, an empty file is one empty chunk. Chunk i's nonce is i
 * (8 bytes) then a last-chunk flag (4); its associated data is the header and the object's name.
 * A chunk's bytes are handed out only after its tag checked; a chunk moved, dropped, repeated or
 * altered, a file cut at a chunk boundary or lengthened all fail a tag.
 */
export const CHUNK = 64 * 1024;
export const HEADER = 9;
const MAGIC = [0x54, 0x44, 0x45, 0x42];

export function blobHeader(generation) {
  const h = new Uint8Array(HEADER);
  h.set(MAGIC);
  h[4] = 1;
  new DataView(h.buffer).setInt32(5, generation);
  return h;
}

function nonce(index, last) {
  const n = new Uint8Array(12);
  const v = new DataView(n.buffer);
  v.setBigInt64(0, BigInt(index));
  v.setInt32(8, last ? 1 : 0);
  return n;
}

export function encryptedLength(plainLength) {
  return HEADER + plainLength + Math.max(1, Math.ceil(plainLength / CHUNK)) * TAG_LENGTH;
}

export async function encryptBlob(plain, key, generation, name) {
  const header = blobHeader(generation);
  const aad = concat(header, new TextEncoder().encode(name));
  const count = Math.max(1, Math.ceil(plain.length / CHUNK));
  const parts = [header];
  for (let i = 0; i < count; i++) {
    parts.push(await seal(key, nonce(i, i === count - 1), aad, plain.subarray(i * CHUNK, Math.min(plain.length,
      (i + 1) * CHUNK))));
  }
  return concat(...parts);
}

export function damaged(name, why) {
  return new DamagedAttachmentError('The attachment ' + name + ' on the remote is damaged: ' + why);
}

/** The plaintext; {@code keyOf(generation)} gives a generation's file key or null. */
export async function decryptBlob(sealed, keyOf, name) {
  if (sealed.length < HEADER || MAGIC.some((m, i) => sealed[i] !== m) || sealed[4] !== 1) {
    throw damaged(name, 'it is not an encrypted attachment');
  }
  const generation = new DataView(sealed.buffer, sealed.byteOffset).getInt32(5);
  const key = await keyOf(generation);
  if (key == null) throw damaged(name, 'no attachment key of generation ' + generation + ' is on the remote');
  const aad = concat(sealed.subarray(0, HEADER), new TextEncoder().encode(name));
  const body = sealed.subarray(HEADER);
  const full = CHUNK + TAG_LENGTH;
  const out = [];
  let at = 0;
  for (let i = 0; ; i++) {
    const piece = body.subarray(at, Math.min(body.length, at + full));
    const last = piece.length < full || at + full === body.length;
    if (piece.length < TAG_LENGTH) throw damaged(name, 'it is cut short');
    const plain = await open(key, nonce(i, last), aad, piece);
    if (plain == null) {
      throw damaged(name, 'chunk ' + i + ' does not authenticate (altered, moved, cut short or not this attachment)');
    }
    out.push(plain);
    at += piece.length;
    if (last) break;
  }
  return concat(...out);
}
