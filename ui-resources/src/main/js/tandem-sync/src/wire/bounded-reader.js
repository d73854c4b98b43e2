import { Reader, Type, MsgpackError } from './msgpack.js';
import { unwrap, versionOf } from './frame.js';
import { FormatError, SyncError } from '../errors.js';
import { fieldNameOk, tableNameOk, MAX_ENTITY, MAX_VALUE, hasIsoControl } from './limits.js';
import { isV7, uuidFromBytes, uuidFromHalves, uuidHalves } from './uuid.js';

/**
 * Reads the MessagePack body of one remote object as hostile input, as the engine's BoundedReader:
 * each count and length is checked against the bytes that remain before anything is allocated, each
 * name against the sync format's rules, and any surprise is a {@link FormatError} naming the object.
 *
 * <p>One difference, only a forged object can show: sequence numbers and cursors are JavaScript
 * Numbers, so one past 2^53 (no device writes 9 million billion batches) is refused here as
 * CORRUPT where the engine would take it.
 */
export class BoundedReader {
  constructor(bytes, key, version) {
    this.u = new Reader(bytes);
    this.size = bytes.length;
    this.key = key;
    this.version = version;
  }

  /** Checks the frame, then runs {@code body} over its content; damage the cursor meets is CORRUPT. */
  static decode(object, kind, key, body) {
    const content = unwrap(object, kind, key);
    const r = new BoundedReader(content, key, versionOf(object));
    try {
      return body(r);
    } catch (e) {
      if (e instanceof SyncError) {
        throw e;
      }
      if (e instanceof MsgpackError || e instanceof RangeError || e instanceof TypeError) {
        throw new FormatError('Object ' + key + ' is malformed: ' + e.message, { cause: e });
      }
      throw e;
    }
  }

  corrupt(what) {
    return new FormatError('Object ' + this.key + ': ' + what);
  }

  remaining() {
    return this.u.remaining();
  }

  checkCount(n) {
    if (n < 0 || n > this.remaining()) {
      throw new FormatError('Object ' + this.key + ' claims ' + n + ' elements but has ' + this.remaining()
        + ' bytes left');
    }
  }

  arrayHeader() {
    const t = this.u.nextType();
    if (t !== Type.ARRAY) {
      throw this.corrupt('expected an array, found ' + t);
    }
    const n = this.u.arrayHeader();
    this.checkCount(n);
    return n;
  }

  expectArray(n) {
    const actual = this.arrayHeader();
    if (actual !== n) {
      throw this.corrupt('expected ' + n + ' elements, found ' + actual);
    }
  }

  uuid() {
    const t = this.u.nextType();
    if (t !== Type.BINARY) {
      throw this.corrupt('expected a 16-byte id, found ' + t);
    }
    const len = this.u.binaryHeader();
    if (len !== 16) {
      throw this.corrupt('id of ' + len + ' bytes');
    }
    const b = this.u.payload(16);
    return uuidFromBytes(b, 0);
  }

  /** An id whole, or as [hi, lo] against {@code previous} (null: only whole ids are valid). */
  id(previous, what) {
    if (this.u.nextType() !== Type.ARRAY) {
      return this.uuid();
    }
    if (previous == null) {
      throw this.corrupt(what + ' written against no earlier id');
    }
    this.expectArray(2);
    const hi = this.u.long();
    const lo = this.u.long();
    const [msb, lsb] = uuidHalves(previous);
    return uuidFromHalves(msb + hi, lsb + lo);
  }

  /** A change id (a UUIDv7), maybe written against the previous one of {@code chain}. */
  changeId(chain) {
    const id = chain == null ? this.uuid() : this.id(chain.change, 'change id');
    if (chain != null) {
      chain.change = id;
    }
    if (!isV7(id)) {
      throw this.corrupt('change id ' + id + ' is not a UUIDv7');
    }
    return id;
  }

  /** unpackLong, as a Number; refused past 2^53 (see the class comment). */
  long(what) {
    const v = this.u.long();
    if (v > 9007199254740991n || v < -9007199254740991n) {
      throw this.corrupt(what + ' ' + v + ' is beyond what this reader counts');
    }
    return Number(v);
  }

  positiveLong(what) {
    const v = this.long(what);
    if (v < 0) {
      throw this.corrupt('negative ' + what);
    }
    return v;
  }

  /** A time in milliseconds: any long (informational), as a Number. */
  millis() {
    return Number(this.u.long());
  }

  string(max) {
    const t = this.u.nextType();
    if (t !== Type.STRING) {
      throw this.corrupt('expected a string, found ' + t);
    }
    const len = this.u.stringHeader();
    if (len > max || len > this.remaining()) {
      throw this.corrupt('string of ' + len + ' bytes exceeds its limit');
    }
    return this.u.utf8(len);
  }

  names(fields) {
    const n = this.arrayHeader();
    const names = new Array(n);
    for (let i = 0; i < n; i++) {
      const name = this.string(128);
      if (!(fields ? fieldNameOk(name) : tableNameOk(name))) {
        throw new FormatError('Object ' + this.key + ' names a ' + (fields ? 'field' : 'table') + " '"
          + name.replace(/[\u0000-\u001f\u007f]/g, '?') + "' that Tandem does not accept");
      }
      names[i] = name;
    }
    return names;
  }

  index(size, what) {
    const i = this.u.long();
    if (i < 0n || i >= BigInt(size)) {
      throw this.corrupt(what + ' index ' + i + ' out of range');
    }
    return Number(i);
  }

  indexed(items, what) {
    return items[this.index(items.length, what)];
  }

  /** An entity id: text, or a UUID (with a chain, maybe against the previous UUID entity). */
  entity(chain) {
    const t = this.u.nextType();
    let entity;
    if (t === Type.BINARY || (chain != null && t === Type.ARRAY)) {
      const id = chain == null ? this.uuid() : this.id(chain.entity, 'entity id');
      if (chain != null) {
        chain.entity = id;
      }
      entity = id;
    } else {
      entity = this.string(MAX_ENTITY);
    }
    if (entity.length === 0 || hasIsoControl(entity)) {
      throw this.corrupt('invalid entity id');
    }
    return entity;
  }

  /** A change's (name index, value, replaced id or nil) triples; no field twice, ignoring case. */
  fields(fieldNames, change, snapshot, chain) {
    const n = this.arrayHeader();
    if (n % 3 !== 0 || (snapshot && n === 0)) {
      throw this.corrupt('field list of length ' + n);
    }
    const fields = [];
    const named = new Set();
    for (let j = 0; j < n; j += 3) {
      const name = this.indexed(fieldNames, 'field');
      this.notTwice(named, name, change);
      const value = this.value();
      let replaces = null;
      if (!this.u.tryNil()) {
        replaces = chain == null ? this.uuid() : this.id(chain.replaces, 'replaced id');
        if (chain != null) {
          chain.replaces = replaces;
        }
      }
      fields.push({ name, value, replaces });
    }
    return fields;
  }

  /** Refuses {@code name} when {@code named} (lower-case names so far) holds it already. */
  notTwice(named, name, change) {
    const lower = name.toLowerCase();
    if (named.has(lower)) {
      throw this.corrupt((change == null ? 'a shape' : 'change ' + change) + " sets field '" + name + "' twice");
    }
    named.add(lower);
  }

  /** device id to batch number. */
  cursors() {
    const n = this.u.mapHeader();
    this.checkCount(n * 2);
    const cursors = new Map();
    for (let i = 0; i < n; i++) {
      const device = this.uuid();
      cursors.set(device, this.positiveLong('cursor'));
    }
    return cursors;
  }

  /** A value: nil, an integer (BigInt), a float64 (Number), a string or bytes, each within its limit. */
  value() {
    const t = this.u.nextType();
    switch (t) {
      case Type.NIL:
        this.u.nil();
        return null;
      case Type.INTEGER:
        return this.u.long();
      case Type.FLOAT:
        return this.u.double();
      case Type.STRING:
        return this.string(MAX_VALUE);
      case Type.BINARY: {
        const len = this.u.binaryHeader();
        if (len > MAX_VALUE || len > this.remaining()) {
          throw this.corrupt('blob of ' + len + ' bytes exceeds its limit');
        }
        return this.u.payload(len).slice();
      }
      default:
        throw this.corrupt('a value of type ' + t + ' is not allowed');
    }
  }
}

/** Writes a value of the engine's normal form: null, BigInt, Number (float64), string or bytes. */
export function writeValue(w, v) {
  if (v === null || v === undefined) {
    w.nil();
  } else if (typeof v === 'bigint') {
    w.long(v);
  } else if (typeof v === 'number') {
    w.double(v);
  } else if (typeof v === 'string') {
    w.string(v);
  } else if (v instanceof Uint8Array) {
    w.binary(v);
  } else {
    throw new TypeError('not a normal-form value: ' + typeof v);
  }
}
