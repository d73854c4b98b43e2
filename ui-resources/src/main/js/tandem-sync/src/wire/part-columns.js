import * as bw from './body-writer.js';
import { writeValue } from './bounded-reader.js';
import { FormatError } from '../errors.js';
import { MAX_ID_MILLIS } from './limits.js';
import { compareUuid, isV7, uuidFromHalves, uuidHalves, uuidMillis, ZERO_UUID } from './uuid.js';

/**
 * Snapshot part layout 2 (docs/SYNC_FORMAT.md, "Part body"), as the engine's PartColumns: eight
 * columns after the name tables. Ids in time order, each against the one before (millis) and its
 * author's previous one (low 16 bits of the high half, the low 64 bits); entities once each, with
 * their change counts; each change's place in the ids; the distinct field lists (shapes) and each
 * change's shape; values grouped per field name; replaced ids per field.
 *
 * <p>The reader checks, before it builds anything, every count against the bytes left and every
 * column against the lengths the columns before it give; every id a UUIDv7 dated before the year
 * 3000 and named by exactly one change; no empty entity, no empty shape, no field twice in a shape.
 * Long arithmetic wraps as Java's does (BigInt.asIntN), so a difference that wraps lands out of range.
 */
const ID_WIDTH = 4;
const LOW16 = 0xffffn;

function low16(id) {
  return uuidHalves(id)[0] & LOW16;
}

export function writeColumns(w, entries, tables, fields, authors) {
  const groups = new Map();
  for (const e of entries) {
    const k = e.change.table + '\u0000' + e.change.entity;
    let g = groups.get(k);
    if (!g) {
      g = [];
      groups.set(k, g);
    }
    g.push(e);
  }
  // Identity, not id: a part that somehow holds one id twice still round-trips (Array.sort is stable).
  const byId = entries.slice().sort((a, b) => compareUuid(a.change.id, b.change.id));
  const place = new Map();
  const previousOf = new Array(authors.size).fill(ZERO_UUID);
  w.arrayHeader(byId.length * ID_WIDTH);
  let previous = ZERO_UUID;
  for (const e of byId) {
    const id = e.change.id;
    const author = authors.get(e.author);
    place.set(e, place.size);
    const [msb, lsb] = uuidHalves(id);
    const [pmsb, plsb] = uuidHalves(previousOf[author]);
    w.int(author);
    w.long(BigInt(uuidMillis(id) - uuidMillis(previous)));
    w.long((msb & LOW16) - (pmsb & LOW16));
    w.long(BigInt.asIntN(64, lsb - plsb));
    previous = id;
    previousOf[author] = id;
  }
  const list = [...groups.values()];
  w.arrayHeader(list.length * 2);
  for (const group of list) {
    const first = group[0].change;
    w.int(tables.get(first.table));
    bw.entity(w, first.entity, null);
  }
  w.arrayHeader(list.length);
  for (const group of list) {
    w.int(group.length);
  }
  w.arrayHeader(entries.length);
  let previousFirst = 0;
  for (const group of list) {
    let previousPlace = previousFirst;
    for (const e of group) {
      const at = place.get(e);
      w.long(BigInt(at - previousPlace));
      previousPlace = at;
    }
    previousFirst = place.get(group[0]);
  }
  const shapes = new Map();
  const shapeList = [];
  const shapeOf = [];
  const all = [];
  for (const group of list) {
    for (const e of group) {
      const shape = e.change.fields.map((f) => fields.get(f.name));
      const k = shape.join(',');
      let s = shapes.get(k);
      if (s === undefined) {
        s = shapes.size;
        shapes.set(k, s);
        shapeList.push(shape);
      }
      shapeOf.push(s);
      for (const f of e.change.fields) {
        all.push(f);
      }
    }
  }
  w.arrayHeader(shapeList.length);
  for (const shape of shapeList) {
    w.arrayHeader(shape.length);
    for (const i of shape) {
      w.int(i);
    }
  }
  w.arrayHeader(shapeOf.length);
  for (const s of shapeOf) {
    w.int(s);
  }
  const byName = [];
  for (let i = 0; i < fields.size; i++) {
    byName.push([]);
  }
  for (const f of all) {
    byName[fields.get(f.name)].push(f.value);
  }
  w.arrayHeader(byName.length);
  for (const values of byName) {
    w.arrayHeader(values.length);
    for (const v of values) {
      writeValue(w, v);
    }
  }
  w.arrayHeader(all.length);
  for (const f of all) {
    if (f.replaces == null) {
      w.nil();
    } else {
      bw.uuid(w, f.replaces);
    }
  }
}

function corrupt(r, what) {
  return new FormatError('Object ' + r.key + ': ' + what);
}

function expectColumn(r, length, what, per) {
  const actual = r.arrayHeader();
  if (actual !== length) {
    throw corrupt(r, 'a column of ' + what + ' of ' + actual + ' elements for ' + length + ' ' + per);
  }
}

export function readColumns(r, tables, fieldNames, authors) {
  const idElements = r.arrayHeader();
  if (idElements % ID_WIDTH !== 0) {
    throw corrupt(r, 'an ids column of ' + idElements + ' elements');
  }
  const idCount = idElements / ID_WIDTH;
  const ids = new Array(idCount);
  const authorOf = new Int32Array(idCount);
  const previousOf = new Array(authors.length).fill(null).map(() => [0n, 0n]);
  let millis = 0n;
  for (let i = 0; i < idCount; i++) {
    const author = r.index(authors.length, 'author');
    authorOf[i] = author;
    millis = BigInt.asIntN(64, millis + r.u.long());
    const prev = previousOf[author];
    const low = BigInt.asIntN(64, (prev[0] & LOW16) + r.u.long());
    const lsb = BigInt.asIntN(64, prev[1] + r.u.long());
    if (millis < 0n || millis > BigInt(MAX_ID_MILLIS) || low < 0n || low > LOW16) {
      throw corrupt(r, 'change id ' + i + ' is dated after the year 3000 or out of range');
    }
    const msb = BigInt.asIntN(64, (millis << 16n) | low);
    ids[i] = uuidFromHalves(msb, lsb);
    if (!isV7(ids[i])) {
      throw corrupt(r, 'change id ' + ids[i] + ' is not a UUIDv7');
    }
    previousOf[author] = [msb, lsb];
  }
  const groupElements = r.arrayHeader();
  if (groupElements % 2 !== 0) {
    throw corrupt(r, 'an entities column of ' + groupElements + ' elements');
  }
  const groupCount = groupElements / 2;
  const groupTable = new Array(groupCount);
  const groupEntity = new Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    groupTable[g] = r.indexed(tables, 'table');
    groupEntity[g] = r.entity(null);
  }
  const perGroup = new Int32Array(groupCount);
  expectColumn(r, groupCount, 'change counts', 'entities');
  let c = 0;
  for (let g = 0; g < groupCount; g++) {
    const k = r.positiveLong('change count');
    if (k === 0 || k > idCount - c) {
      throw corrupt(r, 'entity ' + g + ' claims ' + k + ' changes');
    }
    perGroup[g] = k;
    c += k;
  }
  if (c !== idCount) {
    throw corrupt(r, (idCount - c) + ' ids are named by no change');
  }
  const changeId = new Int32Array(idCount);
  const named = new Uint8Array(idCount);
  expectColumn(r, idCount, 'id references', 'changes');
  let previousFirst = 0n;
  c = 0;
  for (let g = 0; g < groupCount; g++) {
    let place = previousFirst;
    for (let j = 0; j < perGroup[g]; j++, c++) {
      place = BigInt.asIntN(64, place + r.u.long());
      if (place < 0n || place >= BigInt(idCount) || named[Number(place)]) {
        throw corrupt(r, 'a change names id ' + place + ', which is out of range or named twice');
      }
      named[Number(place)] = 1;
      changeId[c] = Number(place);
    }
    previousFirst = BigInt(changeId[c - perGroup[g]]);
  }
  const shapes = readShapes(r, fieldNames);
  const shapeOf = new Int32Array(idCount);
  const perName = new Array(fieldNames.length).fill(0);
  let fieldCount = 0;
  expectColumn(r, idCount, 'shapes', 'changes');
  for (c = 0; c < idCount; c++) {
    shapeOf[c] = r.index(shapes.length, 'shape');
    fieldCount += shapes[shapeOf[c]].length;
  }
  r.checkCount(fieldCount);
  for (c = 0; c < idCount; c++) {
    for (const n of shapes[shapeOf[c]]) {
      perName[n]++;
    }
  }
  const values = new Array(fieldNames.length);
  expectColumn(r, fieldNames.length, 'values', 'field names');
  for (let n = 0; n < values.length; n++) {
    expectColumn(r, perName[n], "values of '" + fieldNames[n] + "'", 'uses of it');
    values[n] = new Array(perName[n]);
    for (let v = 0; v < perName[n]; v++) {
      values[n][v] = r.value();
    }
  }
  const replaced = new Array(fieldCount);
  expectColumn(r, fieldCount, 'replaced ids', 'fields');
  for (let f = 0; f < fieldCount; f++) {
    replaced[f] = r.u.tryNil() ? null : r.uuid();
  }
  const nextOfName = new Array(fieldNames.length).fill(0);
  const entries = [];
  let f = 0;
  c = 0;
  for (let g = 0; g < groupCount; g++) {
    for (let j = 0; j < perGroup[g]; j++, c++) {
      const shape = shapes[shapeOf[c]];
      const fields = new Array(shape.length);
      for (let k = 0; k < shape.length; k++) {
        const n = shape[k];
        fields[k] = { name: fieldNames[n], value: values[n][nextOfName[n]++], replaces: replaced[f++] };
      }
      entries.push({ author: authors[authorOf[changeId[c]]],
        change: { id: ids[changeId[c]], table: groupTable[g], entity: groupEntity[g], fields } });
    }
  }
  return entries;
}

function readShapes(r, fieldNames) {
  const count = r.arrayHeader();
  const shapes = new Array(count);
  for (let s = 0; s < count; s++) {
    const size = r.arrayHeader();
    if (size === 0 || size > fieldNames.length) {
      throw corrupt(r, 'shape ' + s + ' of ' + size + ' fields');
    }
    const seen = new Set();
    const shape = new Array(size);
    for (let i = 0; i < size; i++) {
      shape[i] = r.index(fieldNames.length, 'field');
      r.notTwice(seen, fieldNames[shape[i]], null);
    }
    shapes[s] = shape;
  }
  return shapes;
}
