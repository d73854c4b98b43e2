import { BoundedReader } from './bounded-reader.js';
import * as bw from './body-writer.js';
import { KIND_SNAPSHOT_MANIFEST, KIND_SNAPSHOT_PART, PART_VERSION, VERSION } from './frame.js';
import { FormatError } from '../errors.js';
import { readColumns, writeColumns } from './part-columns.js';

/**
 * Snapshot parts (kind 3) and manifests (kind 4), docs/SYNC_FORMAT.md "Snapshots and cleanup", as
 * the engine's SnapshotCodec. A part is {id, index, entries}; an entry is {author, change}. Parts
 * are written in layout 2 (columns, part-columns.js); layout 1, each change whole, is still read.
 */
export const SNAPSHOT_ID = /^[0-9]{13}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_PARTS = 10_000;

export function partKey(id, index) {
  return 'snapshots/' + id + '/part-' + String(index).padStart(6, '0');
}

export function manifestKey(id) {
  return 'snapshots/' + id + '/manifest';
}

/** A part's name tables, each name indexed by its first use. */
function partNames(entries) {
  const tables = new Map();
  const fields = new Map();
  const authors = new Map();
  for (const e of entries) {
    if (!authors.has(e.author)) authors.set(e.author, authors.size);
    if (!tables.has(e.change.table)) tables.set(e.change.table, tables.size);
    for (const f of e.change.fields) {
      if (!fields.has(f.name)) fields.set(f.name, fields.size);
    }
  }
  return { tables, fields, authors };
}

export function encodePart(part) {
  const n = partNames(part.entries);
  return bw.encode(KIND_SNAPSHOT_PART, PART_VERSION, (w) => {
    w.arrayHeader(13);
    w.string(part.id);
    w.int(part.index);
    bw.names(w, [...n.tables.keys()]);
    bw.names(w, [...n.fields.keys()]);
    w.arrayHeader(n.authors.size);
    for (const a of n.authors.keys()) {
      bw.uuid(w, a);
    }
    writeColumns(w, part.entries, n.tables, n.fields, n.authors);
  });
}

export function decodePart(object, key, id, index) {
  return BoundedReader.decode(object, KIND_SNAPSHOT_PART, key, (r) => {
    r.expectArray(r.version >= 2 ? 13 : 6);
    const actualId = r.string(64);
    const actualIndex = r.positiveLong('part index');
    if (actualId !== id || actualIndex !== index) {
      throw new FormatError('Object ' + key + ' holds part ' + actualIndex + ' of snapshot '
        + actualId.replace(/[\u0000-\u001f\u007f]/g, '?') + ', not what its key says');
    }
    const tables = r.names(false);
    const fieldNames = r.names(true);
    const authorCount = r.arrayHeader();
    const authors = new Array(authorCount);
    for (let i = 0; i < authorCount; i++) {
      authors[i] = r.uuid();
    }
    if (r.version >= 2) {
      return { id, index, entries: readColumns(r, tables, fieldNames, authors) };
    }
    const count = r.arrayHeader();
    const entries = new Array(count);
    for (let i = 0; i < count; i++) {
      r.expectArray(5);
      const changeId = r.changeId(null);
      const author = r.indexed(authors, 'author');
      const table = r.indexed(tables, 'table');
      const entity = r.entity(null);
      entries[i] = { author, change: { id: changeId, table, entity, fields: r.fields(fieldNames, changeId, true, null) } };
    }
    return { id, index, entries };
  });
}

/** A manifest: {id, writer, createdAtMillis, cursors: Map, parts, changes}. */
export function encodeManifest(m) {
  return bw.encode(KIND_SNAPSHOT_MANIFEST, VERSION, (w) => {
    w.arrayHeader(6);
    w.string(m.id);
    bw.uuid(w, m.writer);
    w.long(BigInt(m.createdAtMillis));
    bw.cursors(w, m.cursors);
    w.int(m.parts);
    w.long(BigInt(m.changes));
  });
}

export function decodeManifest(object, key, id) {
  return BoundedReader.decode(object, KIND_SNAPSHOT_MANIFEST, key, (r) => {
    r.expectArray(6);
    const actualId = r.string(64);
    if (actualId !== id) {
      throw new FormatError('Object ' + key + ' is the manifest of another snapshot');
    }
    const writer = r.uuid();
    const createdAtMillis = r.millis();
    const cursors = r.cursors();
    const parts = r.positiveLong('part count');
    if (parts > MAX_PARTS) {
      throw new FormatError('Object ' + key + ' claims ' + parts + ' parts');
    }
    const changes = r.positiveLong('change count');
    return { id, writer, createdAtMillis, cursors, parts, changes };
  });
}
