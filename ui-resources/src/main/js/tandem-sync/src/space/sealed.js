import { x25519 } from '@noble/curves/ed25519.js';
import { SyncError, Reason } from '../errors.js';
import { hmac } from '../crypto/hash.js';
import { concat, open as aeadOpen, seal as aeadSeal, randomBytes } from '../crypto/aead.js';
import { Reader, Writer, MsgpackError } from '../wire/msgpack.js';
import { fingerprint, sign, verify, SIGNATURE_BYTES, UTF8 } from './space-crypto.js';

/**
 * A secret sealed to one person's X25519 key, as the engine's Sealed and JoinObjects make it: a fresh
 * ephemeral key pair, X25519 agreement (@noble/curves), HKDF-SHA256 to an AES-256-GCM key (WebCrypto's
 * HMAC, the engine's length-prefixed labels), the object's name as associated data. A grant is the
 * owner's signature (label "grant", over the grant's name and the seal) then the seal of the space's
 * passphrase; a join request is sealed to the owner's agreement key.
 *
 * <pre>seal: [ ephemeral public key (X.509, 44) | nonce (12) | ciphertext and tag ]</pre>
 */
const X509_PREFIX = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22,
  0x04, 0x20]);
const EPHEMERAL = 44;
export const MAX_REQUEST_BYTES = 64 * 1024;

function strip(bytes, prefix) {
  if (bytes == null || bytes.length !== prefix.length + 32 || prefix.some((b, i) => bytes[i] !== b)) return null;
  return bytes.subarray(prefix.length);
}

/** A new X25519 key pair in the engine's encodings (PKCS #8 private, X.509 public). */
export function newAgreementPair(seed = randomBytes(32)) {
  return { private: concat(PKCS8_PREFIX, seed), public: concat(X509_PREFIX, x25519.getPublicKey(seed)) };
}

/** HMAC-SHA256 of the purpose and parts, each length-prefixed (the engine's Sealed.mac). */
export async function mac(key, purpose, ...parts) {
  const len = (n) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, n);
    return b;
  };
  const label = UTF8.encode(purpose);
  const pieces = [len(label.length), label];
  for (const p of parts) pieces.push(len(p.length), p);
  return hmac(key, concat(...pieces));
}

async function sealKey(minePkcs8, theirsX509, name) {
  const mine = strip(minePkcs8, PKCS8_PREFIX);
  const theirs = strip(theirsX509, X509_PREFIX);
  if (mine == null || theirs == null) return null;
  let shared;
  try {
    shared = x25519.getSharedSecret(mine, theirs);
  } catch {
    return null; // a low-order point: the JDK refuses it too
  }
  const prk = await mac(UTF8.encode('tandem-seal-v1'), 'extract', shared);
  return (await mac(prk, 'expand', UTF8.encode(name))).slice(0, 32);
}

/** Seals {@code secret} for the holder of {@code recipientX509}, bound to {@code name}. */
export async function seal(recipientX509, name, secret, ephemeral = newAgreementPair(), nonce = randomBytes(12)) {
  const key = await sealKey(ephemeral.private, recipientX509, name);
  if (key == null) throw new Error('not an X25519 public key in its standard encoding');
  return concat(ephemeral.public, nonce, await aeadSeal(key, nonce, UTF8.encode(name), secret));
}

/** Opens what {@link seal} made for this private key under {@code name}; null when it was not. */
export async function openSealed(recipientPkcs8, name, sealed) {
  if (sealed.length < EPHEMERAL + 12 + 16) return null;
  const key = await sealKey(recipientPkcs8, sealed.subarray(0, EPHEMERAL), name);
  if (key == null) return null;
  return aeadOpen(key, sealed.subarray(EPHEMERAL, EPHEMERAL + 12), UTF8.encode(name), sealed.subarray(EPHEMERAL + 12));
}

/** The id of a member key inside object names: the first 16 hex digits of its fingerprint. */
export async function keyId(memberX509) {
  return (await fingerprint(memberX509)).replace(/ /g, '').slice(0, 16);
}

export async function grantKey(inviteId, memberX509) {
  return 'invites/' + inviteId + '/grant-' + await keyId(memberX509);
}

export async function requestKey(inviteId, memberX509) {
  return 'invites/' + inviteId + '/request-' + await keyId(memberX509);
}

/** A grant: {@code secret} sealed to {@code agreementX509} under {@code key}, signed by the owner. */
export async function sealGrant(ownerPkcs8, agreementX509, key, secret, ephemeral, nonce) {
  const sealed = await seal(agreementX509, key, secret, ephemeral, nonce);
  return concat(sign(ownerPkcs8, 'grant', UTF8.encode(key), sealed), sealed);
}

/** Opens a grant; CORRUPT when the owner did not sign it or it was not sealed for this agreement key. */
export async function openGrant(ownerX509, agreementPkcs8, key, object) {
  const n = SIGNATURE_BYTES;
  const sealed = object.length <= n ? null : object.subarray(n);
  const open = sealed == null || !verify(ownerX509, object.subarray(0, n), 'grant', UTF8.encode(key), sealed) ? null
    : await openSealed(agreementPkcs8, key, sealed);
  if (open == null) {
    throw new SyncError(Reason.CORRUPT, key + ' cannot be opened with this member\'s key: the space\'s owner did not'
      + ' write it for this member');
  }
  return open;
}

/**
 * A request to join with invite {@code inviteId}, made with its {@code secret}, sealed to the owner's
 * agreement key under the request's name: [2, name, member key, agreement key, HMAC].
 */
export async function encodeRequest(inviteId, secret, ownerAgreementX509, name, memberX509, agreementX509, ephemeral,
  nonce) {
  const m = await mac(secret, 'join-request', UTF8.encode(inviteId), UTF8.encode(name), memberX509, agreementX509);
  const w = new Writer();
  w.arrayHeader(5);
  w.int(2);
  w.string(name);
  w.binary(memberX509);
  w.binary(agreementX509);
  w.binary(m);
  return seal(ownerAgreementX509, await requestKey(inviteId, memberX509), w.bytes(), ephemeral, nonce);
}

/** Reads a request with the owner's agreement key: CORRUPT when oversized, not sealed to the owner, or without the invite's HMAC. */
export async function decodeRequest(inviteId, secret, ownerAgreementPkcs8, key, object) {
  const bad = (what) => new SyncError(Reason.CORRUPT, 'Membership object ' + key + ' is ' + what);
  if (object.length > MAX_REQUEST_BYTES) throw bad('larger than a join request can be (' + object.length + ' bytes)');
  const plain = await openSealed(ownerAgreementPkcs8, key, object);
  if (plain == null) throw bad('not a join request sealed to the space\'s owner');
  let r;
  try {
    const u = new Reader(plain);
    if (u.arrayHeader() !== 5 || u.long() !== 2n) throw bad('not a join request');
    const name = u.utf8(u.stringHeader());
    const memberKey = u.payload(u.binaryHeader()).slice();
    const agreementKey = u.payload(u.binaryHeader()).slice();
    const m = u.payload(u.binaryHeader()).slice();
    r = { name, memberKey, agreementKey, mac: m };
  } catch (e) {
    if (e instanceof SyncError) throw e;
    if (e instanceof MsgpackError || e instanceof RangeError) throw bad('unreadable (' + e.message + ')');
    throw e;
  }
  const expected = await mac(secret, 'join-request', UTF8.encode(inviteId), UTF8.encode(r.name), r.memberKey,
    r.agreementKey);
  if (r.name.trim() === '' || r.name.length > 200 || r.memberKey.length > 1024 || r.agreementKey.length > 1024
    || (await requestKey(inviteId, r.memberKey)) !== key || r.mac.length !== 32 || r.mac.some((b, i) => b !== expected[i])) {
    throw bad('a join request that does not come from anyone holding the invite');
  }
  return { inviteId, name: r.name.trim(), memberKey: r.memberKey, agreementKey: r.agreementKey };
}
