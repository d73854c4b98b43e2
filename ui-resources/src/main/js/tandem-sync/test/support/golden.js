import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The engine's golden vectors (engine/target/golden, written by the engine's *GoldenTest classes
 * during `mvn verify`, before this module's tests run). Values in their JSON keep their storage
 * class: {"int": "decimal"}, {"float": "raw bits in hex"}, {"str": …}, {"bin": "hex"} or null.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const GOLDEN = process.env.TANDEM_GOLDEN
  ?? resolve(here, '..', '..', '..', '..', '..', '..', '..', 'engine', 'target', 'golden');

/** Whether the vectors of {@code area} are there; without them a test skips, saying why (fails under CI). */
export function goldenSkip(area) {
  if (existsSync(join(GOLDEN, area))) {
    return false;
  }
  const why = 'no golden vectors in ' + join(GOLDEN, area) + ': run the engine\'s tests first (mvn verify)';
  if (process.env.CI === 'true') {
    throw new Error(why);
  }
  return why;
}

export function readGolden(area, name) {
  const bin = join(GOLDEN, area, name + '.bin');
  return {
    bytes: existsSync(bin) ? new Uint8Array(readFileSync(bin)) : null,
    json: JSON.parse(readFileSync(join(GOLDEN, area, name + '.json'), 'utf8')),
  };
}

export function hex(bytes) {
  return Buffer.from(bytes).toString('hex');
}

export function unhex(text) {
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** A value in the vectors' typed JSON form. */
export function typed(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'number') {
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, v);
    return { float: b.getBigUint64(0).toString(16).padStart(16, '0') };
  }
  if (typeof v === 'string') return { str: v };
  if (v instanceof Uint8Array) return { bin: hex(v) };
  throw new TypeError('not a value: ' + v);
}

/** The value a typed JSON form names. */
export function untyped(t) {
  if (t === null) return null;
  if ('int' in t) return BigInt(t.int);
  if ('float' in t) {
    const b = new DataView(new ArrayBuffer(8));
    b.setBigUint64(0, BigInt('0x' + t.float));
    return b.getFloat64(0);
  }
  if ('str' in t) return t.str;
  if ('bin' in t) return unhex(t.bin);
  throw new TypeError('not a typed value: ' + JSON.stringify(t));
}

export function changeJson(c) {
  return { id: c.id, table: c.table, entity: c.entity,
    fields: c.fields.map((f) => ({ name: f.name, value: typed(f.value), replaces: f.replaces })) };
}

export function changeOf(j) {
  return { id: j.id, table: j.table, entity: j.entity,
    fields: j.fields.map((f) => ({ name: f.name, value: untyped(f.value), replaces: f.replaces })) };
}

export function cursorsJson(map) {
  return [...map].map(([device, seq]) => ({ device, seq }));
}

export function cursorsOf(list) {
  return new Map(list.map((c) => [c.device, c.seq]));
}
