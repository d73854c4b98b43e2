/** CRC-32C (Castagnoli), as java.util.zip.CRC32C: the envelope's checksum. A checksum, not a MAC. */
const TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  TABLE[n] = c;
}

export class Crc32c {
  constructor() {
    this.crc = -1;
  }

  update(bytes, offset = 0, length = bytes.length - offset) {
    let c = this.crc;
    const end = offset + length;
    for (let i = offset; i < end; i++) {
      c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    }
    this.crc = c;
    return this;
  }

  /** The value as an unsigned 32-bit number. */
  value() {
    return (this.crc ^ -1) >>> 0;
  }
}
