import { uuidToBytes, uuidFromBytes } from '../wire/uuid.js';

/**
 * Values as the engine compares and stores them: SqlValues.same (bytes by content, a float by its
 * bits as Double.equals does, no integer equal to a float), and a JSON form that keeps the storage
 * class for the replica's file ({"i": "12"}, {"f": 1.5} or {"fb": "bits"} for NaN and -0, {"b": base64}).
 */
export function same(a, b) {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  return a === b;
}

export function isText(v) {
  return v === null || typeof v === 'string';
}

export function toJson(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return { i: v.toString() };
  if (typeof v === 'number') {
    if (Number.isNaN(v) || Object.is(v, -0) || !Number.isFinite(v)) {
      const d = new DataView(new ArrayBuffer(8));
      d.setFloat64(0, v);
      return { fb: d.getBigUint64(0).toString(16) };
    }
    return { f: v };
  }
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return { b: Buffer.from(v).toString('base64') };
  throw new TypeError('not a value');
}

export function fromJson(j) {
  if (j === null) return null;
  if (typeof j === 'string') return j;
  if ('i' in j) return BigInt(j.i);
  if ('f' in j) return j.f;
  if ('fb' in j) {
    const d = new DataView(new ArrayBuffer(8));
    d.setBigUint64(0, BigInt('0x' + j.fb));
    return d.getFloat64(0);
  }
  if ('b' in j) return new Uint8Array(Buffer.from(j.b, 'base64'));
  throw new TypeError('not a stored value');
}

/** The version a hidden _merged_ attribute names: its 16 bytes as an id, or null. */
export function mergedParent(field) {
  return field != null && field.value instanceof Uint8Array && field.value.length === 16
    ? uuidFromBytes(field.value) : null;
}

export function idBytes(id) {
  return uuidToBytes(id);
}
