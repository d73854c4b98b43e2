import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBatch, decodeHead, encodeBatch, encodeHead } from '../src/wire/batch.js';
import { decodeRetirement, encodeRetirement } from '../src/wire/retirement.js';
import { decodeManifest, decodePart, encodeManifest, encodePart } from '../src/wire/snapshot.js';
import { changeJson, changeOf, cursorsJson, cursorsOf, goldenSkip, hex, readGolden } from './support/golden.js';

// Every object kind of the sync format as the engine wrote it (WireGoldenTest): read field for
// field, then written again from the same content to the same bytes.
const skip = goldenSkip('wire');

function batchJson(b) {
  return { kind: 'batch', device: b.device, seq: b.seq, createdAtMillis: b.createdAtMillis,
    changes: b.changes.map(changeJson) };
}

for (const name of ['batch-every-type', 'batch-layout-1', 'batch-small']) {
  test('golden ' + name + ': read field for field', { skip }, () => {
    const { bytes, json } = readGolden('wire', name);
    assert.deepEqual(batchJson(decodeBatch(bytes, 'batches/x/' + json.seq)), json);
  });
}

for (const name of ['batch-every-type', 'batch-small']) {
  test('golden ' + name + ': written again to the same bytes', { skip }, () => {
    const { bytes, json } = readGolden('wire', name);
    const batch = { device: json.device, seq: json.seq, changes: json.changes.map(changeOf) };
    assert.equal(hex(encodeBatch(batch, json.createdAtMillis)), hex(bytes));
  });
}

for (const name of ['head', 'ack']) {
  test('golden ' + name + ': read and written again', { skip }, () => {
    const { bytes, json } = readGolden('wire', name);
    const head = decodeHead(bytes, 'heads/x');
    assert.deepEqual({ kind: 'head', device: head.device, seq: head.seq, writtenAtMillis: head.writtenAtMillis,
      cursors: cursorsJson(head.cursors) }, json);
    const again = encodeHead({ device: json.device, seq: json.seq, writtenAtMillis: json.writtenAtMillis,
      cursors: cursorsOf(json.cursors) });
    assert.equal(hex(again), hex(bytes));
  });
}

test('golden retirement: read and written again', { skip }, () => {
  const { bytes, json } = readGolden('wire', 'retirement');
  const r = decodeRetirement(bytes, json.key);
  assert.deepEqual({ kind: 'retirement', key: json.key, ...r }, json);
  assert.equal(hex(encodeRetirement(r)), hex(bytes));
  assert.throws(() => decodeRetirement(bytes, 'heads/' + json.by + '/retired'), { name: 'FormatError' });
});

function partJson(p) {
  return { kind: 'part', id: p.id, index: p.index,
    entries: p.entries.map((e) => ({ author: e.author, change: changeJson(e.change) })) };
}

for (const name of ['part-layout-2', 'part-layout-1']) {
  test('golden ' + name + ': read field for field', { skip }, () => {
    const { bytes, json } = readGolden('wire', name);
    assert.deepEqual(partJson(decodePart(bytes, 'p', json.id, json.index)), json);
  });
}

test('golden part-layout-2: written again to the same bytes', { skip }, () => {
  const { bytes, json } = readGolden('wire', 'part-layout-2');
  const part = { id: json.id, index: json.index,
    entries: json.entries.map((e) => ({ author: e.author, change: changeOf(e.change) })) };
  assert.equal(hex(encodePart(part)), hex(bytes));
  assert.throws(() => decodePart(bytes, 'p', json.id, json.index + 1), { name: 'FormatError' });
});

test('golden manifest: read and written again', { skip }, () => {
  const { bytes, json } = readGolden('wire', 'manifest');
  const m = decodeManifest(bytes, 'm', json.id);
  assert.deepEqual({ kind: 'manifest', id: m.id, writer: m.writer, createdAtMillis: m.createdAtMillis,
    cursors: cursorsJson(m.cursors), parts: m.parts, changes: m.changes }, json);
  const again = encodeManifest({ ...m });
  assert.equal(hex(again), hex(bytes));
});
