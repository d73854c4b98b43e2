import { Writer } from './msgpack.js';
import { wrap } from './frame.js';
import { isCanonicalUuid, uuidHalves, uuidToBytes } from './uuid.js';
import { writeValue } from './bounded-reader.js';

/**
 * The pieces of the sync format's bodies that batches, heads and snapshot parts share, as the
 * engine's BodyWriter writes them: whole ids, ids against the previous one of their slot (IdChain),
 * values, name tables, a change's entity and fields, cursors.
 */
export const WHOLE = 18;

export function encode(kind, version, body) {
  const w = new Writer(1024);
  body(w);
  return wrap(kind, version, w.bytes());
}

export function uuid(w, id) {
  w.binary(uuidToBytes(id));
}

/** Bytes msgpack-java packs a long into (IdChain.intSize). */
function intSize(v) {
  if (v >= -32n && v <= 127n) return 1;
  if (v >= -128n && v <= 255n) return 2;
  if (v >= -32768n && v <= 65535n) return 3;
  if (v >= -2147483648n && v <= 0xffffffffn) return 5;
  return 9;
}

/** {@code id} whole, or as [hi, lo] against {@code previous} when that is shorter. */
export function id(w, id, previous) {
  if (previous != null) {
    const [a, b] = uuidHalves(id);
    const [c, d] = uuidHalves(previous);
    const hi = BigInt.asIntN(64, a - c);
    const lo = BigInt.asIntN(64, b - d);
    if (1 + intSize(hi) + intSize(lo) < WHOLE) {
      w.arrayHeader(2);
      w.long(hi);
      w.long(lo);
      return;
    }
  }
  uuid(w, id);
}

export function names(w, list) {
  w.arrayHeader(list.length);
  for (const n of list) {
    w.string(n);
  }
}

/** An entity: 16 bytes when it is a UUID in canonical text (maybe against the chain's previous), else text. */
export function entity(w, text, chain) {
  if (isCanonicalUuid(text)) {
    id(w, text, chain == null ? null : chain.entity);
    if (chain != null) {
      chain.entity = text;
    }
  } else {
    w.string(text);
  }
}

/** A change's entity, then its (field index, value, replaced id or nil) triples. */
export function entityAndFields(w, c, fieldIndex, chain) {
  entity(w, c.entity, chain);
  w.arrayHeader(c.fields.length * 3);
  for (const f of c.fields) {
    w.int(fieldIndex.get(f.name));
    writeValue(w, f.value);
    if (f.replaces == null) {
      w.nil();
    } else {
      id(w, f.replaces, chain == null ? null : chain.replaces);
      if (chain != null) {
        chain.replaces = f.replaces;
      }
    }
  }
}

/** Cursors in the order given (the engine writes a map's own iteration order). */
export function cursors(w, map) {
  w.mapHeader(map.size);
  for (const [device, seq] of map) {
    uuid(w, device);
    w.long(BigInt(seq));
  }
}
