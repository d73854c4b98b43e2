import { SyncError, Reason } from '../errors.js';
import { checkKdf, ARGON2ID, writeKdf, sameKdf, ENCODED_LENGTH } from './kdf.js';
import { seal as aeadSeal, open as aeadOpen, randomBytes, KEY_LENGTH, NONCE_LENGTH, TAG_LENGTH } from '../crypto/aead.js';
import { javaUtf8 } from '../wire/msgpack.js';

/**
 * One generation of a remote's keyring, keys/NNNNNNNNNN (docs/ENCRYPTION.md, "The keyring"), as the
 * engine's keys.Keyring, Slot and DataKeys. Two authentications: each slot's wrap binds only the
 * slot's own header, so an unchanged slot moves verbatim into the next generation; the data keys'
 * ciphertext binds every byte before its nonce. Every length is checked before it is used; the
 * object is at most 4 KiB.
 */
export const PREFIX = 'keys/';
export const MAX_BYTES = 4096;
const MAGIC = [0x54, 0x44, 0x4b, 0x52];
const FORMAT = 1;
const MAX_DEVICE_NAME_BYTES = 64;
const MAX_SLOTS = 4;
const MAX_SALT = 64;
const WRAPPED_LENGTH = KEY_LENGTH + TAG_LENGTH;
export const SALT_LENGTH = 16;
export const PASSPHRASE = 1;
export const RECOVERY = 2;
export const MAX_DATA_KEYS = 8;

export const Event = Object.freeze({
  CREATED: 1, UPGRADED: 2, PASSPHRASE_CHANGED: 3, RECOVERY_KEY_CREATED: 4, PASSPHRASE_RESET: 5,
  ROTATION_STARTED: 6, ROTATED: 7,
});

export function changesPassphrase(event) {
  return event === Event.PASSPHRASE_CHANGED || event === Event.PASSPHRASE_RESET || event === Event.ROTATION_STARTED;
}

export function objectKey(generation) {
  return PREFIX + String(generation).padStart(10, '0');
}

/** The generation a key names, or -1. */
export function generationOf(key) {
  if (!key.startsWith(PREFIX) || key.length !== PREFIX.length + 10) return -1;
  const digits = key.slice(PREFIX.length);
  if (!/^[0-9]{10}$/.test(digits)) return -1;
  const g = Number(digits);
  return g >= 1 && g <= 0x7fffffff ? g : -1;
}

export function corrupt(where, what) {
  return new SyncError(Reason.CORRUPT, 'The keyring ' + where + ' is damaged or was tampered with: ' + what);
}

function slotHeader(slot) {
  const out = new Uint8Array(1 + ENCODED_LENGTH + 1 + slot.salt.length);
  out[0] = slot.type;
  writeKdf(out, 1, slot.kdf);
  out[1 + ENCODED_LENGTH] = slot.salt.length;
  out.set(slot.salt, 2 + ENCODED_LENGTH);
  return out;
}

/** "TDKR" | format | type | KDF | salt length | salt: what a slot's wrap authenticates. */
function slotAad(slot) {
  const h = slotHeader(slot);
  const out = new Uint8Array(5 + h.length);
  out.set(MAGIC);
  out[4] = FORMAT;
  out.set(h, 5);
  return out;
}

/** A slot wrapping {@code keyringKey} under {@code kek}. */
export async function sealSlot(type, kdf, salt, kek, keyringKey, nonce = randomBytes(NONCE_LENGTH)) {
  const slot = { type, kdf, salt: salt.slice(), nonce: nonce.slice(), wrapped: null };
  slot.wrapped = await aeadSeal(kek, slot.nonce, slotAad(slot), keyringKey);
  return slot;
}

/** The keyring key, or null when {@code kek} is not this slot's. */
export async function openSlot(slot, kek) {
  return aeadOpen(kek, slot.nonce, slotAad(slot), slot.wrapped);
}

export function sameSecret(a, b) {
  return b != null && a.type === b.type && sameKdf(a.kdf, b.kdf) && a.salt.length === b.salt.length
    && a.salt.every((x, i) => x === b.salt[i]);
}

export function slotOf(ring, type) {
  return ring.slots.find((s) => s.type === type) ?? null;
}

function trimmedName(device) {
  let name = device == null || device.trim() === '' ? 'a device' : device.trim();
  while (javaUtf8(name).length > MAX_DEVICE_NAME_BYTES) {
    name = name.slice(0, -1);
  }
  return name;
}

/** Everything before the data keys' nonce. */
function header(ring) {
  const name = javaUtf8(ring.changedBy);
  const parts = [];
  const top = new Uint8Array(4 + 1 + 4 + 1 + 1 + 8 + 1);
  const v = new DataView(top.buffer);
  top.set(MAGIC);
  top[4] = FORMAT;
  v.setInt32(5, ring.generation);
  top[9] = ring.event;
  top[10] = ring.legacyDescriptor ? 1 : 0;
  v.setBigInt64(11, BigInt(ring.changedAtMillis));
  top[19] = name.length;
  parts.push(top, name, new Uint8Array([ring.slots.length]));
  for (const s of ring.slots) {
    parts.push(slotHeader(s), s.nonce, s.wrapped);
  }
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function dataKeysBytes(keys) {
  const out = new Uint8Array(1 + keys.length * (4 + KEY_LENGTH));
  const v = new DataView(out.buffer);
  out[0] = keys.length;
  keys.forEach((k, i) => {
    v.setInt32(1 + i * 36, k.id);
    out.set(k.key, 5 + i * 36);
  });
  return out;
}

/** A new generation, its data keys ({id, key}, current first) encrypted under {@code keyringKey}. */
export async function sealKeyring({ generation, event, legacyDescriptor = false, changedAtMillis, changedBy, slots },
  dataKeys, keyringKey, nonce = randomBytes(NONCE_LENGTH)) {
  const ring = { generation, event, legacyDescriptor, changedAtMillis, changedBy: trimmedName(changedBy),
    slots: slots.slice(), keysNonce: nonce.slice(), keysCiphertext: null };
  ring.keysCiphertext = await aeadSeal(keyringKey, ring.keysNonce, header(ring), dataKeysBytes(dataKeys));
  return ring;
}

export function keyringBytes(ring) {
  const h = header(ring);
  const out = new Uint8Array(h.length + NONCE_LENGTH + 2 + ring.keysCiphertext.length);
  out.set(h);
  out.set(ring.keysNonce, h.length);
  new DataView(out.buffer).setUint16(h.length + NONCE_LENGTH, ring.keysCiphertext.length);
  out.set(ring.keysCiphertext, h.length + NONCE_LENGTH + 2);
  return out;
}

/** The data keys, authenticated together with everything the keyring says. */
export async function openKeyring(ring, keyringKey, where) {
  const plain = await aeadOpen(keyringKey, ring.keysNonce, header(ring), ring.keysCiphertext);
  if (plain == null) {
    throw new SyncError(Reason.CORRUPT, 'The keyring ' + where + ' was damaged or tampered with (its data keys fail'
      + ' authentication)');
  }
  const count = plain.length === 0 ? 0 : plain[0];
  if (count < 1 || count > MAX_DATA_KEYS || plain.length !== 1 + count * (4 + KEY_LENGTH)) {
    throw corrupt(where, count + ' data keys in ' + plain.length + ' bytes');
  }
  const v = new DataView(plain.buffer, plain.byteOffset);
  const keys = [];
  for (let i = 0; i < count; i++) {
    const id = v.getInt32(1 + i * 36);
    if (id < 0) throw corrupt(where, 'data key id ' + id);
    keys.push({ id, key: plain.slice(5 + i * 36, 5 + i * 36 + 32) });
  }
  return keys;
}

/** Parses a keyring read from {@code key}; every length checked before use. */
export function parseKeyring(data, key, where) {
  const expected = generationOf(key);
  if (data.length > MAX_BYTES || data.length < 5 || MAGIC.some((m, i) => data[i] !== m)) {
    throw corrupt(where, 'not a Tandem keyring (' + data.length + ' bytes)');
  }
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 4;
  const need = (n) => {
    if (at + n > data.length) throw corrupt(where, 'it ends early, at ' + data.length + ' bytes');
  };
  const u8 = () => { need(1); return data[at++]; };
  const i32 = () => { need(4); const x = v.getInt32(at); at += 4; return x; };
  const take = (n) => { need(n); const b = data.slice(at, at + n); at += n; return b; };
  const format = u8();
  if (format !== FORMAT) {
    throw new SyncError(Reason.UNSUPPORTED_FORMAT, 'The keyring ' + where + ' has format ' + format
      + '; this Tandem reads format ' + FORMAT);
  }
  const generation = i32();
  if (generation !== expected) {
    throw corrupt(where, 'it says generation ' + generation + ' under the name of generation ' + expected);
  }
  const event = u8();
  if (event < 1 || event > 7) {
    throw new SyncError(Reason.UNSUPPORTED_FORMAT, 'The keyring ' + where + ' records a change this Tandem does not'
      + ' know; a newer Tandem wrote it');
  }
  const flags = u8();
  need(8);
  const changedAtMillis = Number(v.getBigInt64(at));
  at += 8;
  const nameLength = u8();
  if (nameLength > MAX_DEVICE_NAME_BYTES) throw corrupt(where, 'a ' + nameLength + '-byte device name');
  const changedBy = new TextDecoder().decode(take(nameLength));
  const count = u8();
  if (count < 1 || count > MAX_SLOTS) throw corrupt(where, count + ' slots');
  const slots = [];
  for (let i = 0; i < count; i++) {
    const type = u8();
    if (type !== PASSPHRASE && type !== RECOVERY) {
      throw new SyncError(Reason.UNSUPPORTED_FORMAT, 'The keyring ' + where + ' has a slot of type ' + type
        + ', which this Tandem does not know');
    }
    const id = u8();
    const cost = i32();
    const memory = i32();
    const lanes = u8();
    const kdf = checkKdf(id, cost, memory, lanes, 'A slot of the keyring ' + where);
    if ((type === PASSPHRASE) !== (kdf.id === ARGON2ID)) {
      throw corrupt(where, 'a slot of type ' + type + ' with key derivation ' + kdf.id);
    }
    const saltLength = u8();
    if (saltLength < SALT_LENGTH || saltLength > MAX_SALT) throw corrupt(where, 'a ' + saltLength + '-byte salt');
    const salt = take(saltLength);
    const nonce = take(NONCE_LENGTH);
    const wrapped = take(WRAPPED_LENGTH);
    slots.push({ type, kdf, salt, nonce, wrapped });
  }
  const keysNonce = take(NONCE_LENGTH);
  need(2);
  const ctLength = v.getUint16(at);
  at += 2;
  if (ctLength !== data.length - at || ctLength < TAG_LENGTH + 1) {
    throw corrupt(where, 'its data keys take ' + ctLength + ' bytes of ' + (data.length - at));
  }
  const keysCiphertext = take(ctLength);
  return { generation, event, legacyDescriptor: (flags & 1) !== 0, changedAtMillis, changedBy, slots, keysNonce,
    keysCiphertext };
}
