import { SyncError, Reason } from '../errors.js';
import { Reader, Writer, MsgpackError } from '../wire/msgpack.js';
import { sha256 } from '../crypto/hash.js';
import { concat } from '../crypto/aead.js';
import { uuidFromBytes, uuidToBytes, uuidHalves } from '../wire/uuid.js';
import { fingerprint, sign, verify, SIGNATURE_BYTES, UTF8 } from './space-crypto.js';

/**
 * A shared space's own objects, as the engine's internal.space writes and reads them (docs/SYNC_FORMAT.md,
 * "Shared spaces"): the signed envelope of every batch, head, ack and snapshot object ("TSG1", the
 * signing device, its signature over the label "object", the name and the body); membership log
 * entries ([payload, owner's signature], the chain by SHA-256 of the entry before); device
 * certificates ([payload, member's signature]). Each is read as hostile input: lengths bounded, the
 * signature checked, a CORRUPT error naming the object otherwise.
 */
const MAGIC = [0x54, 0x53, 0x47, 0x31];
const HEADER = 4 + 16 + SIGNATURE_BYTES;
const MAX_NAME = 200;
const MAX_DEVICES = 1000;

export function wrapSigned(objectKey, body, signer, devicePrivate) {
  const sig = sign(devicePrivate, 'object', UTF8.encode(objectKey), body);
  return concat(new Uint8Array(MAGIC), uuidToBytes(signer), sig, body);
}

/** {signer, signature, body} of a signed object; CORRUPT when it carries no envelope. */
export function readSigned(key, object) {
  if (object.length < HEADER || MAGIC.some((m, i) => object[i] !== m)) {
    throw new SyncError(Reason.CORRUPT, key + ' is not signed by any member of this shared space: someone who is not'
      + ' a member, or the storage itself, wrote it');
  }
  return { signer: uuidFromBytes(object, 4), signature: object.slice(20, HEADER), body: object.slice(HEADER) };
}

export function verifySigned(key, signed, deviceX509) {
  return verify(deviceX509, signed.signature, 'object', UTF8.encode(key), signed.body);
}

export function memberKey(seq) {
  return 'members/' + String(seq).padStart(12, '0');
}

function corrupt(key, what) {
  return new SyncError(Reason.CORRUPT, 'Membership object ' + key + ' is ' + what);
}

function bounded(n, max, key) {
  if (n < 0 || n > max) throw corrupt(key, 'a length of ' + n + ', more than ' + max);
  return n;
}

/** java.util.UUID.compareTo: the high halves as signed longs, then the low. */
function compareJavaUuid(a, b) {
  const [am, al] = uuidHalves(a);
  const [bm, bl] = uuidHalves(b);
  return am < bm ? -1 : am > bm ? 1 : al < bl ? -1 : al > bl ? 1 : 0;
}

function pack(payload, sig) {
  const w = new Writer();
  w.arrayHeader(2);
  w.binary(payload);
  w.binary(sig);
  return w.bytes();
}

/** Entry {kind, name, memberKey, acceptedUpTo: Map, agreementKey, previous, space} signed by the owner. */
export function encodeEntry(entry, seq, ownerPrivate) {
  const w = new Writer();
  w.arrayHeader(entry.previous == null ? 6 : 8);
  w.int(entry.previous == null ? 1 : 2);
  w.string(entry.kind);
  w.string(entry.name);
  if (entry.memberKey == null) w.nil();
  else w.binary(entry.memberKey);
  const devices = [...entry.acceptedUpTo].sort(([a], [b]) => compareJavaUuid(a, b));
  w.mapHeader(devices.length);
  for (const [d, s] of devices) {
    w.binary(uuidToBytes(d));
    w.long(BigInt(s));
  }
  if (entry.agreementKey == null) w.nil();
  else w.binary(entry.agreementKey);
  if (entry.previous != null) {
    w.binary(entry.previous);
    if (entry.space == null) {
      w.nil();
    } else {
      w.arrayHeader(entry.space.length);
      for (const p of entry.space) w.string(p);
    }
  }
  const payload = w.bytes();
  return pack(payload, sign(ownerPrivate, 'member-entry', UTF8.encode(memberKey(seq)), payload));
}

export function decodeEntry(seq, object, ownerX509) {
  const key = memberKey(seq);
  try {
    const u = new Reader(object);
    if (u.arrayHeader() !== 2) throw corrupt(key, 'not a membership entry');
    const payload = u.payload(bounded(u.binaryHeader(), 1 << 20, key)).slice();
    const sig = u.payload(bounded(u.binaryHeader(), SIGNATURE_BYTES, key)).slice();
    if (!verify(ownerX509, sig, 'member-entry', UTF8.encode(key), payload)) {
      throw corrupt(key, 'not signed by the space\'s owner');
    }
    const p = new Reader(payload);
    const fields = p.arrayHeader();
    const format = fields === 6 || fields === 8 ? Number(p.long()) : -1;
    if (!((fields === 6 && format === 1) || (fields === 8 && format === 2))) throw corrupt(key, 'an entry of an unknown format');
    const kind = p.utf8(p.stringHeader());
    const name = p.utf8(p.stringHeader());
    if (name.trim() === '' || name.length > MAX_NAME || !(kind === 'add' || kind === 'remove')) {
      throw corrupt(key, 'an entry with a bad kind or name');
    }
    const mk = p.tryNil() ? null : p.payload(bounded(p.binaryHeader(), 1024, key)).slice();
    const n = bounded(p.mapHeader(), MAX_DEVICES, key);
    const acceptedUpTo = new Map();
    for (let i = 0; i < n; i++) {
      const d = p.payload(bounded(p.binaryHeader(), 16, key));
      if (d.length !== 16) throw corrupt(key, 'a device id of ' + d.length + ' bytes');
      acceptedUpTo.set(uuidFromBytes(d), Number(p.long()));
    }
    const agreementKey = p.tryNil() ? null : p.payload(bounded(p.binaryHeader(), 1024, key)).slice();
    if (kind === 'add' && mk == null) throw corrupt(key, 'an admission without a key');
    let previous = null;
    let space = null;
    if (format === 2) {
      previous = p.payload(bounded(p.binaryHeader(), 32, key)).slice();
      if (previous.length !== 32) throw corrupt(key, 'an entry with a damaged link to the one before');
      if (!p.tryNil()) {
        const n2 = bounded(p.arrayHeader(), MAX_DEVICES, key);
        space = [];
        for (let i = 0; i < n2; i++) space.push(p.utf8(p.stringHeader()));
      }
    }
    return { kind, name, memberKey: mk, acceptedUpTo, agreementKey, previous, space };
  } catch (e) {
    if (e instanceof SyncError) throw e;
    if (e instanceof MsgpackError || e instanceof RangeError) throw corrupt(key, 'unreadable (' + e.message + ')');
    throw e;
  }
}

/** The SHA-256 of a stored entry: what the next entry names as its previous. */
export function entryHash(object) {
  return sha256(object);
}

export async function certKey(device, deviceX509) {
  return 'certs/' + device + '/' + (await fingerprint(deviceX509)).replace(/ /g, '').slice(0, 16);
}

export async function encodeCert(cert, memberPrivate) {
  const w = new Writer();
  w.arrayHeader(4);
  w.int(1);
  w.binary(uuidToBytes(cert.device));
  w.binary(cert.deviceKey);
  w.string(cert.member);
  const payload = w.bytes();
  return pack(payload, sign(memberPrivate, 'device-cert', UTF8.encode(await certKey(cert.device, cert.deviceKey)), payload));
}

/** A certificate and whether {@code memberX509} signed it; CORRUPT when malformed or under another's name. */
export async function decodeCert(key, object, memberX509) {
  const bad = (what) => corrupt(key, what);
  try {
    const u = new Reader(object);
    if (u.arrayHeader() !== 2) throw bad('not a device certificate');
    const payload = u.payload(bounded(u.binaryHeader(), 4096, key)).slice();
    const sig = u.payload(bounded(u.binaryHeader(), SIGNATURE_BYTES, key)).slice();
    const p = new Reader(payload);
    if (p.arrayHeader() !== 4 || p.long() !== 1n) throw bad('a certificate of an unknown format');
    const d = p.payload(bounded(p.binaryHeader(), 16, key));
    const deviceKey = p.payload(bounded(p.binaryHeader(), 1024, key)).slice();
    const member = p.utf8(p.stringHeader());
    if (d.length !== 16) throw bad('a certificate with a bad device id');
    const cert = { device: uuidFromBytes(d), deviceKey, member };
    if ((await certKey(cert.device, deviceKey)) !== key) throw bad('a certificate stored under another device\'s name');
    return { cert, signedByMember: verify(memberX509, sig, 'device-cert', UTF8.encode(key), payload) };
  } catch (e) {
    if (e instanceof SyncError) throw e;
    if (e instanceof MsgpackError || e instanceof RangeError) throw bad('unreadable (' + e.message + ')');
    throw e;
  }
}
