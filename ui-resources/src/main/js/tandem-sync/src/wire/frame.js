import pako from 'pako';
import { Crc32c } from './crc32c.js';
import { FormatError, UnsupportedFormatError } from '../errors.js';

/**
 * The envelope of every remote object (docs/SYNC_FORMAT.md, "Envelope"), as the engine's Frame:
 * <pre>
 *   magic "TNDM" (4) | version (1) | flags (1) | kind (1) | reserved (1)
 *   | body length (4, big-endian) | CRC32C (4) | body
 * </pre>
 * Deflate is pako's, a port of zlib that gives the same bytes as the JDK's Deflater at level 6, so
 * an object written here equals the engine's byte for byte. A reader checks size, magic, version,
 * flags, kind, the reserved byte, the stated length and the checksum before it parses any of the
 * body, and inflates in a first pass that only counts (a deflate bomb costs no memory) before the
 * second that keeps the bytes.
 */
export const VERSION = 1;
export const BATCH_VERSION = 2;
export const PART_VERSION = 2;
export const HEADER = 16;
export const MAX_OBJECT = 64 << 20;
export const MAX_INFLATED = 64 << 20;
export const KIND_BATCH = 1;
export const KIND_HEAD = 2;
export const KIND_SNAPSHOT_PART = 3;
export const KIND_SNAPSHOT_MANIFEST = 4;
export const KIND_RETIREMENT = 5;
const MAGIC = [0x54, 0x4e, 0x44, 0x4d];
const FLAG_DEFLATE = 1;

export function maxVersion(kind) {
  return kind === KIND_BATCH ? BATCH_VERSION : kind === KIND_SNAPSHOT_PART ? PART_VERSION : VERSION;
}

/** {@code body} framed as an object of {@code kind} at {@code version}; deflated when that is smaller. */
export function wrap(kind, version, body) {
  let stored = pako.deflate(body, { level: 6 });
  const deflated = stored.length < body.length;
  if (!deflated) {
    stored = body;
  }
  const out = new Uint8Array(HEADER + stored.length);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = version;
  out[5] = deflated ? FLAG_DEFLATE : 0;
  out[6] = kind;
  out[7] = 0;
  view.setUint32(8, stored.length);
  const crc = new Crc32c().update(out, 0, 12).update(stored).value();
  view.setUint32(12, crc);
  out.set(stored, HEADER);
  return out;
}

/** The object's format version (byte 4), for an object {@link unwrap} accepted. */
export function versionOf(object) {
  return object[4];
}

/** The body of a valid object of {@code kind}; {@code key} names the object in errors. */
export function unwrap(object, kind, key) {
  if (object.length < HEADER) {
    throw new FormatError('Object ' + key + ' is truncated (' + object.length + ' bytes)');
  }
  if (object.length > MAX_OBJECT) {
    throw new FormatError('Object ' + key + ' is too large (' + object.length + ' bytes)');
  }
  for (let i = 0; i < 4; i++) {
    if (object[i] !== MAGIC[i]) {
      throw new FormatError('Object ' + key + ' is not a Tandem object (bad magic)');
    }
  }
  const version = object[4];
  const flags = object[5];
  const actualKind = (object[6] << 24) >> 24;
  if (version > (actualKind === kind ? maxVersion(kind) : Math.max(BATCH_VERSION, PART_VERSION))) {
    throw new UnsupportedFormatError('Object ' + key + ' has format version ' + version
      + '; this Tandem reads up to ' + maxVersion(kind));
  }
  if (object[7] !== 0) {
    throw new FormatError('Object ' + key + ' has a non-zero reserved byte');
  }
  if (actualKind !== kind) {
    throw new FormatError('Object ' + key + ' is of kind ' + actualKind + ', expected ' + kind);
  }
  const view = new DataView(object.buffer, object.byteOffset, object.byteLength);
  const length = view.getUint32(8);
  const checksum = view.getUint32(12);
  if (length !== object.length - HEADER) {
    throw new FormatError('Object ' + key + ' states ' + length + ' body bytes but has '
      + (object.length - HEADER) + ' (truncated or padded)');
  }
  const crc = new Crc32c().update(object, 0, 12).update(object, HEADER, length).value();
  if (crc !== checksum) {
    throw new FormatError('Object ' + key + ' fails its checksum (damaged in storage or transit)');
  }
  if ((flags & ~FLAG_DEFLATE) !== 0) {
    throw new FormatError('Object ' + key + ' has unknown flags ' + flags);
  }
  const body = object.subarray(HEADER);
  return (flags & FLAG_DEFLATE) !== 0 ? inflate(body, key) : body.slice();
}

/** Inflates in two passes: count (keeping nothing), then fill an array of exactly that size. */
function inflate(data, key) {
  const size = pass(data, key, null);
  const out = new Uint8Array(size);
  pass(data, key, out);
  return out;
}

function pass(data, key, out) {
  const inflater = new pako.Inflate({ chunkSize: 64 * 1024 });
  let total = 0;
  inflater.onData = (chunk) => {
    // Thrown out of pako's loop, so a bomb stops here rather than being inflated to its end.
    if (total + chunk.length > MAX_INFLATED) {
      throw new FormatError('Object ' + key + ' inflates beyond ' + MAX_INFLATED + ' bytes');
    }
    if (out) {
      out.set(chunk, total);
    }
    total += chunk.length;
  };
  try {
    inflater.push(data, true);
  } catch (e) {
    if (e instanceof FormatError) {
      throw e;
    }
    throw new FormatError('Object ' + key + ' has a corrupt compressed body', { cause: e });
  }
  if (inflater.err) {
    throw new FormatError('Object ' + key + ' has a corrupt compressed body: ' + inflater.msg);
  }
  if (!inflater.ended) {
    throw new FormatError('Object ' + key + ' has a truncated compressed body');
  }
  const left = inflater.strm.avail_in;
  if (left > 0) {
    throw new FormatError('Object ' + key + ' has ' + left + ' bytes after its compressed body');
  }
  if (out && total !== out.length) {
    throw new FormatError('Object ' + key + ' inflated differently the second time');
  }
  return total;
}
