/**
 * MessagePack as the engine reads and writes it (msgpack-java 0.9), kept in this file rather than
 * taken from a library for three reasons that decide bytes and acceptance:
 * <ul>
 *   <li>Types survive: an integer stays an integer (a BigInt here, any 64-bit value) and a float64
 *       stays a float (a Number here), as the engine's values are SQLite's storage classes; general
 *       decoders turn 1.0 into 1 and large integers into inexact Numbers.</li>
 *   <li>The writer picks exactly msgpack-java's forms (the smallest integer form, str8 for 32..255
 *       bytes, float64 for every float, a lone surrogate written as '?'), so equal content gives
 *       equal bytes and the engine's golden vectors can be checked byte for byte.</li>
 *   <li>The reader is a cursor that hands out one header at a time, so the sync format's reader
 *       (bounded-reader.js) checks every count and length against the bytes left before anything is
 *       allocated, as the engine's BoundedReader does; whatever msgpack-java throws on damage
 *       (premature end, integer overflow, a wrong type) throws a {@link MsgpackError} here.</li>
 * </ul>
 */
export class MsgpackError extends Error {
  constructor(message) {
    super(message);
    this.name = 'MsgpackError';
  }
}

/** The value types of msgpack-java's ValueType, for a reader that checks what comes next. */
export const Type = Object.freeze({
  NIL: 'NIL', BOOLEAN: 'BOOLEAN', INTEGER: 'INTEGER', FLOAT: 'FLOAT', STRING: 'STRING', BINARY: 'BINARY',
  ARRAY: 'ARRAY', MAP: 'MAP', EXTENSION: 'EXTENSION',
});

const LONG_MAX = (1n << 63n) - 1n;
const DECODER = new TextDecoder('utf-8');

/** The type of the value whose first byte is {@code b}; throws for 0xc1, which MessagePack never uses. */
export function typeOf(b) {
  if (b <= 0x7f || b >= 0xe0) return Type.INTEGER;
  if (b <= 0x8f) return Type.MAP;
  if (b <= 0x9f) return Type.ARRAY;
  if (b <= 0xbf) return Type.STRING;
  switch (b) {
    case 0xc0: return Type.NIL;
    case 0xc2: case 0xc3: return Type.BOOLEAN;
    case 0xc4: case 0xc5: case 0xc6: return Type.BINARY;
    case 0xc7: case 0xc8: case 0xc9: case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: return Type.EXTENSION;
    case 0xca: case 0xcb: return Type.FLOAT;
    case 0xcc: case 0xcd: case 0xce: case 0xcf: case 0xd0: case 0xd1: case 0xd2: case 0xd3: return Type.INTEGER;
    case 0xd9: case 0xda: case 0xdb: return Type.STRING;
    case 0xdc: case 0xdd: return Type.ARRAY;
    case 0xde: case 0xdf: return Type.MAP;
    default: throw new MsgpackError('Cannot convert NEVER_USED to ValueType');
  }
}

/** A cursor over one MessagePack body. */
export class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0;
  }

  /** Bytes not read yet. */
  remaining() {
    return this.bytes.length - this.pos;
  }

  need(n) {
    if (this.bytes.length - this.pos < n) {
      throw new MsgpackError('Insufficient buffer: need ' + n + ' more bytes at ' + this.pos);
    }
  }

  /** The type of the next value, without reading it. */
  nextType() {
    this.need(1);
    return typeOf(this.bytes[this.pos]);
  }

  byte() {
    this.need(1);
    return this.bytes[this.pos++];
  }

  u16() {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  u32() {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  /** Like msgpack-java: a 32-bit length past Integer.MAX_VALUE does not fit an int. */
  length32() {
    const v = this.u32();
    if (v > 0x7fffffff) {
      throw new MsgpackError('Size ' + v + ' overflows an int');
    }
    return v;
  }

  /** unpackLong: any integer form, as a BigInt; a uint64 past Long.MAX_VALUE overflows. */
  long() {
    const b = this.byte();
    if (b <= 0x7f) return BigInt(b);
    if (b >= 0xe0) return BigInt(b - 256);
    let v;
    switch (b) {
      case 0xcc: return BigInt(this.byte());
      case 0xcd: return BigInt(this.u16());
      case 0xce: return BigInt(this.u32());
      case 0xcf:
        this.need(8);
        v = this.view.getBigUint64(this.pos);
        this.pos += 8;
        if (v > LONG_MAX) {
          throw new MsgpackError('Integer ' + v + ' overflows a long');
        }
        return v;
      case 0xd0: this.need(1); return BigInt(this.view.getInt8(this.pos++));
      case 0xd1: this.need(2); v = this.view.getInt16(this.pos); this.pos += 2; return BigInt(v);
      case 0xd2: this.need(4); v = this.view.getInt32(this.pos); this.pos += 4; return BigInt(v);
      case 0xd3: this.need(8); v = this.view.getBigInt64(this.pos); this.pos += 8; return v;
      default:
        this.pos--;
        throw new MsgpackError('Expected an integer, found ' + typeOf(b));
    }
  }

  /** unpackDouble: float32 or float64. */
  double() {
    const b = this.byte();
    let v;
    if (b === 0xca) {
      this.need(4);
      v = this.view.getFloat32(this.pos);
      this.pos += 4;
      return v;
    }
    if (b === 0xcb) {
      this.need(8);
      v = this.view.getFloat64(this.pos);
      this.pos += 8;
      return v;
    }
    this.pos--;
    throw new MsgpackError('Expected a float, found ' + typeOf(b));
  }

  arrayHeader() {
    const b = this.byte();
    if (b >= 0x90 && b <= 0x9f) return b & 0x0f;
    if (b === 0xdc) return this.u16();
    if (b === 0xdd) return this.length32();
    this.pos--;
    throw new MsgpackError('Expected an array, found ' + typeOf(b));
  }

  mapHeader() {
    const b = this.byte();
    if (b >= 0x80 && b <= 0x8f) return b & 0x0f;
    if (b === 0xde) return this.u16();
    if (b === 0xdf) return this.length32();
    this.pos--;
    throw new MsgpackError('Expected a map, found ' + typeOf(b));
  }

  /** unpackRawStringHeader; like msgpack-java's default, a binary header is read as one too. */
  stringHeader() {
    const b = this.byte();
    if (b >= 0xa0 && b <= 0xbf) return b & 0x1f;
    switch (b) {
      case 0xd9: return this.byte();
      case 0xda: return this.u16();
      case 0xdb: return this.length32();
      case 0xc4: return this.byte();
      case 0xc5: return this.u16();
      case 0xc6: return this.length32();
      default:
        this.pos--;
        throw new MsgpackError('Expected a string, found ' + typeOf(b));
    }
  }

  /** unpackBinaryHeader; like msgpack-java's default, a string header is read as one too. */
  binaryHeader() {
    const b = this.byte();
    if (b >= 0xa0 && b <= 0xbf) return b & 0x1f;
    switch (b) {
      case 0xc4: case 0xd9: return this.byte();
      case 0xc5: case 0xda: return this.u16();
      case 0xc6: case 0xdb: return this.length32();
      default:
        this.pos--;
        throw new MsgpackError('Expected a binary, found ' + typeOf(b));
    }
  }

  /** The next {@code n} bytes (a view, not a copy). */
  payload(n) {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** UTF-8 of the next {@code n} bytes; malformed bytes become U+FFFD, as Java's new String(bytes, UTF_8). */
  utf8(n) {
    return n === 0 ? '' : DECODER.decode(this.payload(n));
  }

  /** Consumes a nil and answers true, or answers false leaving the cursor. */
  tryNil() {
    this.need(1);
    if (this.bytes[this.pos] === 0xc0) {
      this.pos++;
      return true;
    }
    return false;
  }

  nil() {
    if (!this.tryNil()) {
      throw new MsgpackError('Expected nil, found ' + this.nextType());
    }
  }
}

/** Java's String.getBytes(UTF_8): a lone surrogate becomes '?' (TextEncoder would write U+FFFD). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENCODER = new TextEncoder();

export function javaUtf8(s) {
  const wellFormed = typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE_SURROGATE.test(s);
  LONE_SURROGATE.lastIndex = 0;
  return ENCODER.encode(wellFormed ? s : s.replace(LONE_SURROGATE, '?'));
}

/** A growing buffer written in msgpack-java's forms. */
export class Writer {
  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
    this.pos = 0;
  }

  ensure(n) {
    if (this.pos + n <= this.buf.length) {
      return;
    }
    let size = this.buf.length * 2;
    while (size < this.pos + n) {
      size *= 2;
    }
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  bytes() {
    return this.buf.slice(0, this.pos);
  }

  u8(b) {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  raw(bytes) {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  nil() {
    this.u8(0xc0);
  }

  /** packLong: the smallest form, as msgpack-java chooses it; {@code v} a BigInt or a safe integer Number. */
  long(value) {
    const v = typeof value === 'bigint' ? value : BigInt(value);
    this.ensure(9);
    if (v < -32n) {
      if (v < -32768n) {
        if (v < -2147483648n) {
          this.buf[this.pos++] = 0xd3;
          this.view.setBigInt64(this.pos, v);
          this.pos += 8;
        } else {
          this.buf[this.pos++] = 0xd2;
          this.view.setInt32(this.pos, Number(v));
          this.pos += 4;
        }
      } else if (v < -128n) {
        this.buf[this.pos++] = 0xd1;
        this.view.setInt16(this.pos, Number(v));
        this.pos += 2;
      } else {
        this.buf[this.pos++] = 0xd0;
        this.view.setInt8(this.pos++, Number(v));
      }
    } else if (v < 128n) {
      this.buf[this.pos++] = Number(v) & 0xff;
    } else if (v < 65536n) {
      if (v < 256n) {
        this.buf[this.pos++] = 0xcc;
        this.buf[this.pos++] = Number(v);
      } else {
        this.buf[this.pos++] = 0xcd;
        this.view.setUint16(this.pos, Number(v));
        this.pos += 2;
      }
    } else if (v < 4294967296n) {
      this.buf[this.pos++] = 0xce;
      this.view.setUint32(this.pos, Number(v));
      this.pos += 4;
    } else {
      this.buf[this.pos++] = 0xcf;
      this.view.setBigInt64(this.pos, v);
      this.pos += 8;
    }
  }

  /** packInt for a small non-negative Number (indexes, counts): the same forms as {@link #long}. */
  int(v) {
    if (v >= 0 && v < 128) {
      this.u8(v);
    } else {
      this.long(BigInt(v));
    }
  }

  /** packDouble: always float64. */
  double(v) {
    this.ensure(9);
    this.buf[this.pos++] = 0xcb;
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }

  string(s) {
    const b = javaUtf8(s);
    const n = b.length;
    this.ensure(5 + n);
    if (n < 32) {
      this.buf[this.pos++] = 0xa0 | n;
    } else if (n < 256) {
      this.buf[this.pos++] = 0xd9;
      this.buf[this.pos++] = n;
    } else if (n < 65536) {
      this.buf[this.pos++] = 0xda;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdb;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
    this.buf.set(b, this.pos);
    this.pos += n;
  }

  binary(b) {
    const n = b.length;
    this.ensure(5 + n);
    if (n < 256) {
      this.buf[this.pos++] = 0xc4;
      this.buf[this.pos++] = n;
    } else if (n < 65536) {
      this.buf[this.pos++] = 0xc5;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xc6;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
    this.buf.set(b, this.pos);
    this.pos += n;
  }

  arrayHeader(n) {
    this.header(n, 0x90, 0xdc, 0xdd);
  }

  mapHeader(n) {
    this.header(n, 0x80, 0xde, 0xdf);
  }

  header(n, fix, h16, h32) {
    this.ensure(5);
    if (n < 16) {
      this.buf[this.pos++] = fix | n;
    } else if (n < 65536) {
      this.buf[this.pos++] = h16;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = h32;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
  }
}
