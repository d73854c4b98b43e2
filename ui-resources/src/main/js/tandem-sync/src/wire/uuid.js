/**
 * UUIDs as the engine's java.util.UUID and Uuid7 treat them, held in JavaScript as canonical
 * lower-case text ("0190a1b2-..."). Text of one fixed form sorts as the unsigned 128-bit number,
 * so comparing two ids as strings is Uuid7.ORDER (time order), and equal ids are equal strings.
 * Arithmetic on the two 64-bit halves (IdChain, PartColumns) goes through BigInt, wrapping as
 * Java's long does.
 */
const HEX = [];
for (let i = 0; i < 256; i++) {
  HEX.push(i.toString(16).padStart(2, '0'));
}
const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MASK64 = (1n << 64n) - 1n;

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** The id in 16 bytes at {@code offset} of {@code bytes}. */
export function uuidFromBytes(bytes, offset = 0) {
  const h = HEX;
  const b = bytes;
  const o = offset;
  return h[b[o]] + h[b[o + 1]] + h[b[o + 2]] + h[b[o + 3]] + '-' + h[b[o + 4]] + h[b[o + 5]] + '-'
    + h[b[o + 6]] + h[b[o + 7]] + '-' + h[b[o + 8]] + h[b[o + 9]] + '-' + h[b[o + 10]] + h[b[o + 11]]
    + h[b[o + 12]] + h[b[o + 13]] + h[b[o + 14]] + h[b[o + 15]];
}

/** The 16 bytes of an id (big-endian, as Uuid7.toBytes), written into {@code out} at {@code offset} when given. */
export function uuidToBytes(id, out = new Uint8Array(16), offset = 0) {
  let j = offset;
  for (let i = 0; i < 36; i += 2) {
    if (id.charCodeAt(i) === 45) {
      i--;
      continue;
    }
    out[j++] = parseInt(id.substr(i, 2), 16);
  }
  return out;
}

export function isCanonicalUuid(text) {
  return typeof text === 'string' && text.length === 36 && CANONICAL.test(text);
}

/** The id's most and least significant 64 bits as signed BigInts (java.util.UUID's longs). */
export function uuidHalves(id) {
  const hex = id.replace(/-/g, '');
  return [BigInt.asIntN(64, BigInt('0x' + hex.slice(0, 16))), BigInt.asIntN(64, BigInt('0x' + hex.slice(16)))];
}

/** The id of two 64-bit halves (taken modulo 2^64). */
export function uuidFromHalves(msb, lsb) {
  const hex = (msb & MASK64).toString(16).padStart(16, '0') + (lsb & MASK64).toString(16).padStart(16, '0');
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
    + hex.slice(20);
}

/** Uuid7.ORDER: unsigned 128-bit order, which is the order of canonical text. */
export function compareUuid(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** java.util.UUID: version() == 7 and variant() == 2 (the top two bits of the low half are 10). */
export function isV7(id) {
  return id.charCodeAt(14) === 55 /* '7' */ && '89ab'.includes(id[19]);
}

/** The 48-bit Unix milliseconds of a UUIDv7. */
export function uuidMillis(id) {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** The 12-bit counter of a UUIDv7 (HybridClock's). */
export function uuidCounter(id) {
  return parseInt(id.slice(15, 18), 16);
}

/** Uuid7.of: millis, counter and 62 low bits (a BigInt). */
export function uuid7Of(millis, counter, low62) {
  const msb = (BigInt(millis) << 16n) | 0x7000n | BigInt(counter & 0xfff);
  const lsb = (1n << 63n) | (BigInt.asUintN(64, low62) & ((1n << 62n) - 1n));
  return uuidFromHalves(msb, lsb);
}
