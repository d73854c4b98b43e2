import { BoundedReader } from './bounded-reader.js';
import * as bw from './body-writer.js';
import { BATCH_VERSION, KIND_BATCH, KIND_HEAD, VERSION } from './frame.js';
import { FormatError } from '../errors.js';
import { MAX_ID_MILLIS } from './limits.js';
import { uuidMillis } from './uuid.js';

/**
 * Batches and heads (docs/SYNC_FORMAT.md, "Batch body", "Head body"), as the engine's BatchCodec.
 * A batch is {device, seq, changes}; a change is {id, table, entity, fields}; a field is
 * {name, value, replaces}. Batches are written in layout 2 (ids against the previous of their
 * slot); layout 1, every id whole, is still read.
 */
export function batchKey(device, seq) {
  return 'batches/' + device + '/' + String(seq).padStart(12, '0');
}

export function headKey(device, seq) {
  return 'heads/' + device + '/' + String(seq).padStart(12, '0');
}

export function encodeBatch(batch, createdAtMillis) {
  const tables = new Map();
  const fields = new Map();
  for (const c of batch.changes) {
    if (!tables.has(c.table)) tables.set(c.table, tables.size);
    for (const f of c.fields) {
      if (!fields.has(f.name)) fields.set(f.name, fields.size);
    }
  }
  const chain = { change: null, entity: null, replaces: null };
  return bw.encode(KIND_BATCH, BATCH_VERSION, (w) => {
    w.arrayHeader(6);
    bw.uuid(w, batch.device);
    w.long(BigInt(batch.seq));
    w.long(BigInt(createdAtMillis));
    bw.names(w, [...tables.keys()]);
    bw.names(w, [...fields.keys()]);
    w.arrayHeader(batch.changes.length);
    for (const c of batch.changes) {
      w.arrayHeader(4);
      bw.id(w, c.id, chain.change);
      chain.change = c.id;
      w.int(tables.get(c.table));
      bw.entityAndFields(w, c, fields, chain);
    }
  });
}

export function decodeBatch(object, key) {
  return BoundedReader.decode(object, KIND_BATCH, key, (r) => {
    r.expectArray(6);
    const device = r.uuid();
    const seq = r.positiveLong('seq');
    const createdAtMillis = r.millis();
    const tables = r.names(false);
    const fieldNames = r.names(true);
    const count = r.arrayHeader();
    const changes = new Array(count);
    const chain = r.version >= 2 ? { change: null, entity: null, replaces: null } : null;
    for (let i = 0; i < count; i++) {
      r.expectArray(4);
      const id = r.changeId(chain);
      if (uuidMillis(id) > MAX_ID_MILLIS) {
        throw new FormatError('Object ' + key + ': change id ' + id + ' is dated after the year 3000');
      }
      const table = r.indexed(tables, 'table');
      const entity = r.entity(chain);
      changes[i] = { id, table, entity, fields: r.fields(fieldNames, id, false, chain) };
    }
    return { device, seq, createdAtMillis, changes };
  });
}

/** A head (or an ack): {device, seq, writtenAtMillis, cursors: Map}. */
export function encodeHead(head) {
  return bw.encode(KIND_HEAD, VERSION, (w) => {
    w.arrayHeader(4);
    bw.uuid(w, head.device);
    w.long(BigInt(head.seq));
    w.long(BigInt(head.writtenAtMillis));
    bw.cursors(w, head.cursors);
  });
}

export function decodeHead(object, key) {
  return BoundedReader.decode(object, KIND_HEAD, key, (r) => {
    r.expectArray(4);
    const device = r.uuid();
    const seq = r.positiveLong('seq');
    const writtenAtMillis = r.millis();
    return { device, seq, writtenAtMillis, cursors: r.cursors() };
  });
}
