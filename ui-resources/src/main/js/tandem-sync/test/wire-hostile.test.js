import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBatch, decodeHead, encodeBatch } from '../src/wire/batch.js';
import { decodePart, decodeManifest } from '../src/wire/snapshot.js';
import { Writer } from '../src/wire/msgpack.js';
import { wrap, KIND_BATCH, KIND_HEAD, KIND_SNAPSHOT_PART, KIND_SNAPSHOT_MANIFEST } from '../src/wire/frame.js';
import { uuidToBytes } from '../src/wire/uuid.js';

// A remote is hostile input: every object below is refused with a named error before anything is
// allocated for what it claims, as the engine's BatchCodec and SnapshotCodec refuse them.
const DEVICE = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const ID = '0193433e-a800-7000-9234-56789abcdef0';

function body(write) {
  const w = new Writer();
  write(w);
  return w.bytes();
}

/** A batch body of six elements whose changes column {@code changes} writes. */
function batchBody(changes, { tables = ['items'], fields = ['title'], version = 2 } = {}) {
  return wrap(KIND_BATCH, version, body((w) => {
    w.arrayHeader(6);
    w.binary(uuidToBytes(DEVICE));
    w.int(1);
    w.int(0);
    w.arrayHeader(tables.length);
    tables.forEach((t) => w.string(t));
    w.arrayHeader(fields.length);
    fields.forEach((f) => w.string(f));
    changes(w);
  }));
}

function oneChange(w, { id = uuidToBytes(ID), entity = (x) => x.string('e'), fields = (x) => {
  x.arrayHeader(3); x.int(0); x.string('v'); x.nil();
} } = {}) {
  w.arrayHeader(1);
  w.arrayHeader(4);
  if (typeof id === 'function') id(w); else w.binary(id);
  w.int(0);
  entity(w);
  fields(w);
}

const refused = (f, name = 'FormatError') => assert.throws(f, { name });

test('a valid hand-made batch reads, so the refusals below are about what each changes', () => {
  const b = decodeBatch(batchBody((w) => oneChange(w)), 'k');
  assert.equal(b.changes[0].fields[0].value, 'v');
});

test('frame damage: truncated, a flipped bit, padded, bad magic, unknown flags, reserved byte', () => {
  const good = batchBody((w) => oneChange(w));
  refused(() => decodeBatch(good.subarray(0, 10), 'k'));
  refused(() => decodeBatch(good.subarray(0, good.length - 1), 'k'));
  const flipped = good.slice();
  flipped[flipped.length - 1] ^= 1;
  refused(() => decodeBatch(flipped, 'k'));
  refused(() => decodeBatch(new Uint8Array([...good, 0]), 'k'));
  const magic = good.slice();
  magic[0] = 0x58;
  refused(() => decodeBatch(magic, 'k'));
  const flags = good.slice();
  flags[5] |= 4;
  refused(() => decodeBatch(flags, 'k'));
  const reserved = good.slice();
  reserved[7] = 1;
  refused(() => decodeBatch(reserved, 'k'));
  refused(() => decodeHead(good, 'k'), 'FormatError');
  assert.throws(() => decodeBatch(new Uint8Array(0), 'batches/x'), /batches\/x/);
});

test('a newer format is UNSUPPORTED_FORMAT ("update Tandem"), never corrupt', () => {
  const newer = batchBody((w) => oneChange(w), { version: 3 });
  assert.throws(() => decodeBatch(newer, 'k'), { name: 'UnsupportedFormatError', reason: 'UNSUPPORTED_FORMAT' });
});

test('counts and lengths beyond the bytes left are refused before anything is allocated', () => {
  refused(() => decodeBatch(batchBody((w) => { w.arrayHeader(0x7fffffff); }), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { entity: (x) => {
    x.u8(0xdb); x.raw([0x00, 0xff, 0xff, 0xff]);
  } })), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(3); x.int(0); x.u8(0xc6); x.raw([0x7f, 0xff, 0xff, 0xff]);
  } })), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(3); x.int(0); x.u8(0xc6); x.raw([0xff, 0xff, 0xff, 0xff]);
  } })), 'k'));
});

test('deep MessagePack where a value is expected is refused, not walked', () => {
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(3); x.int(0);
    for (let i = 0; i < 100000; i++) x.arrayHeader(1);
    x.nil();
  } })), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(3); x.int(0); x.mapHeader(0); x.nil();
  } })), 'k'));
});

test('names Tandem does not accept, and entities with control characters or none', () => {
  for (const t of ['_tandem_change', 'sqlite_master', 'x; DROP TABLE item', '../../etc', '', 'a'.repeat(129)]) {
    refused(() => decodeBatch(batchBody((w) => oneChange(w), { tables: [t] }), 'k'), 'FormatError');
  }
  for (const f of ['_tandem_x', 'SQLITE_x', 'a-b']) {
    refused(() => decodeBatch(batchBody((w) => oneChange(w), { fields: [f] }), 'k'));
  }
  assert.equal(decodeBatch(batchBody((w) => oneChange(w), { fields: ['_deleted'] }), 'k').changes[0].fields[0].name,
    '_deleted');
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { entity: (x) => x.string('') })), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { entity: (x) => x.string('a\u0085b') })), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { entity: (x) => x.string('a'.repeat(257)) })), 'k'));
});

test('ids: not a UUIDv7, after the year 3000, relative in an empty slot or in layout 1', () => {
  const v4 = uuidToBytes('0193433e-a800-4000-9234-56789abcdef0');
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { id: v4 })), 'k'));
  const late = uuidToBytes('ffff0000-0000-7000-8000-000000000000');
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { id: late })), 'k'));
  const relative = (x) => { x.arrayHeader(2); x.int(1); x.int(1); };
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { id: relative })), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { id: relative }), { version: 1 }), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { id: (x) => x.binary(new Uint8Array(15)) })), 'k'));
});

test('a change naming a field twice, in any case, or a field list not of triples', () => {
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(6); x.int(0); x.nil(); x.nil(); x.int(1); x.nil(); x.nil();
  } }), { fields: ['title', 'TITLE'] }), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(2); x.int(0); x.nil();
  } })), 'k'));
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(3); x.int(5); x.nil(); x.nil();
  } })), 'k'));
});

test('a uint64 past a long overflows as in msgpack-java', () => {
  refused(() => decodeBatch(batchBody((w) => oneChange(w, { fields: (x) => {
    x.arrayHeader(3); x.int(0); x.u8(0xcf); x.raw([0xff, 0, 0, 0, 0, 0, 0, 0]); x.nil();
  } })), 'k'));
});

test('snapshot parts and manifests that lie about their name, count or columns', () => {
  const part = (cols) => wrap(KIND_SNAPSHOT_PART, 2, body((w) => {
    w.arrayHeader(13); w.string('s'); w.int(1);
    w.arrayHeader(1); w.string('items');
    w.arrayHeader(1); w.string('title');
    w.arrayHeader(1); w.binary(uuidToBytes(DEVICE));
    cols(w);
  }));
  const ok = (w) => {
    w.arrayHeader(4); w.int(0); w.long(0x19343300000n); w.long(0x7000n); w.long(-0x8000000000000000n + 5n);
    w.arrayHeader(2); w.int(0); w.string('e');
    w.arrayHeader(1); w.int(1);
    w.arrayHeader(1); w.int(0);
    w.arrayHeader(1); w.arrayHeader(1); w.int(0);
    w.arrayHeader(1); w.int(0);
    w.arrayHeader(1); w.arrayHeader(1); w.string('t');
    w.arrayHeader(1); w.nil();
  };
  const entries = decodePart(part(ok), 'p', 's', 1).entries;
  assert.equal(entries[0].change.fields[0].value, 't');
  refused(() => decodePart(part(ok), 'p', 's', 2));
  refused(() => decodePart(part((w) => {
    w.arrayHeader(4); w.int(0); w.long(0x19343300000n); w.long(0x7000n); w.long(5n);
    w.arrayHeader(2); w.int(0); w.string('e');
    w.arrayHeader(1); w.int(2);
  }), 'p', 's', 1));
  refused(() => decodePart(part((w) => { w.arrayHeader(3); }), 'p', 's', 1));
  const manifest = (parts) => wrap(KIND_SNAPSHOT_MANIFEST, 1, body((w) => {
    w.arrayHeader(6); w.string('s'); w.binary(uuidToBytes(DEVICE)); w.int(0); w.mapHeader(0); w.int(parts); w.int(0);
  }));
  assert.equal(decodeManifest(manifest(10000), 'm', 's').parts, 10000);
  refused(() => decodeManifest(manifest(10001), 'm', 's'));
  refused(() => decodeManifest(manifest(1), 'm', 'other'));
});

test('a head with a cursor map claiming more entries than bytes', () => {
  refused(() => decodeHead(wrap(KIND_HEAD, 1, body((w) => {
    w.arrayHeader(4); w.binary(uuidToBytes(DEVICE)); w.int(1); w.int(0); w.mapHeader(0x7fffffff);
  })), 'h'));
});

test('writing refuses nothing the engine writes: a lone surrogate goes out as "?", as Java writes it', () => {
  const c = { id: ID, table: 'items', entity: 'e', fields: [{ name: 'title', value: 'a\ud800b', replaces: null }] };
  const back = decodeBatch(encodeBatch({ device: DEVICE, seq: 1, changes: [c] }, 0), 'k');
  assert.equal(back.changes[0].fields[0].value, 'a?b');
});
