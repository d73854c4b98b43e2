import { sha256 } from '../crypto/hash.js';
import { randomBytes } from '../crypto/aead.js';

/**
 * A recovery key (the engine's RecoveryCode): 128 random bits as 28 Crockford base32 characters in
 * 7 groups of 4; 26 carry the secret (big-endian, the first 0 to 7), 2 the first 10 bits of SHA-256
 * over it. Case, whitespace and dashes do not matter; I and L read as 1, O as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_BYTES = 16;
const DATA_CHARS = 26;
const CHARS = 28;
const PREFIX = 'recoveryKey: ';

async function check(secret) {
  const d = await sha256(secret);
  return [d[0] >>> 3, ((d[0] & 0x07) << 2) | (d[1] >>> 6)];
}

function valueOf(cp) {
  if (cp >= 128) return -1;
  const c = String.fromCharCode(cp).toUpperCase();
  return c === 'I' || c === 'L' ? 1 : c === 'O' ? 0 : ALPHABET.indexOf(c);
}

export function generateSecret() {
  return randomBytes(SECRET_BYTES);
}

/** The printable form of a 16-byte secret. */
export async function formatRecoveryCode(secret) {
  const values = new Array(CHARS).fill(0);
  for (let bit = 0; bit < SECRET_BYTES * 8; bit++) {
    const stream = bit + 2;
    values[Math.floor(stream / 5)] |= ((secret[bit >> 3] >>> (7 - (bit % 8))) & 1) << (4 - (stream % 5));
  }
  const c = await check(secret);
  values[DATA_CHARS] = c[0];
  values[DATA_CHARS + 1] = c[1];
  let out = '';
  for (let i = 0; i < CHARS; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[values[i]];
  }
  return out;
}

/** The secret of a typed code; throws naming what is wrong with a mistyped one. */
export async function parseRecoveryCode(text) {
  const values = new Array(CHARS).fill(0);
  let count = 0;
  for (const ch of text ?? '') {
    const cp = ch.codePointAt(0);
    if (cp === 32 || cp === 9 || cp === 10 || cp === 13 || cp === 45) continue;
    const v = valueOf(cp);
    if (v < 0) {
      throw new Error(PREFIX + "'" + ch + "' at position " + (count + 1) + ' is not a recovery-key character');
    }
    if (count < CHARS) values[count] = v;
    count++;
  }
  if (count === 0) throw new Error(PREFIX + 'empty');
  if (count !== CHARS) {
    throw new Error(PREFIX + count + ' characters, a recovery key has ' + CHARS + ' (7 groups of 4)');
  }
  if (values[0] > 7) {
    throw new Error(PREFIX + "'" + ALPHABET[values[0]] + "' at position 1 is not a valid recovery key, which starts with 0 to 7");
  }
  const secret = new Uint8Array(SECRET_BYTES);
  for (let bit = 0; bit < SECRET_BYTES * 8; bit++) {
    const stream = bit + 2;
    if ((values[Math.floor(stream / 5)] >>> (4 - (stream % 5))) & 1) {
      secret[bit >> 3] |= 0x80 >>> (bit % 8);
    }
  }
  const c = await check(secret);
  if (values[DATA_CHARS] !== c[0] || values[DATA_CHARS + 1] !== c[1]) {
    throw new Error(PREFIX + 'the check characters do not match; a character is mistyped');
  }
  return secret;
}
