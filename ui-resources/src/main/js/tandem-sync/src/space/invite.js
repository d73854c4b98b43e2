import { SyncError, Reason } from '../errors.js';
import { randomBytes } from '../crypto/aead.js';
import { toHex } from '../crypto/hash.js';
import { encodeRequest, newAgreementPair, requestKey } from './sealed.js';
import { fingerprint, privateKeyFromSeed, publicKeyOf } from './space-crypto.js';

/**
 * An invite code as the engine's SpaceInvite writes it, and asking to join with it: the joiner's
 * member key (Ed25519, with which it vouches for its devices), agreement key (X25519, to which the
 * owner seals the space's passphrase) and device key are made here, and the request, sealed to the
 * owner's agreement key with the invite's HMAC, is written below encryption. What the joiner reads
 * out to the owner is the member key's fingerprint.
 *
 * <pre>tandem-invite-2.base64url( location length u16 | location (UTF-8) | owner key length u8 | owner key
 *     | agreement key length u8 | agreement key | id (8) | secret (32) | expires (epoch millis, i64) )</pre>
 * The app's location is {@code list:<list id>:<remote>}.
 */
const PREFIX = 'tandem-invite-2.';

function bad(what) {
  return new SyncError(Reason.CORRUPT, 'invite: ' + what);
}

export function parseInvite(code) {
  const c = String(code).trim();
  if (c.startsWith('tandem-invite-') && !c.startsWith(PREFIX) && c.indexOf('.') > 0) {
    const version = c.slice('tandem-invite-'.length, c.indexOf('.'));
    throw bad(/^[0-9]{1,4}$/.test(version) && Number(version) < 2 ? 'made by an older Tandem: ask for a new invite'
      : 'made by a newer Tandem: update Tandem to join with it');
  }
  if (!c.startsWith(PREFIX)) throw bad('not a Tandem invite (it starts with ' + PREFIX + ')');
  const body = c.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length > 100_000) throw bad('the code is damaged or cut short; copy it again');
  let bin;
  try {
    bin = atob(body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4));
  } catch {
    throw bad('the code is damaged or cut short; copy it again');
  }
  const b = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  let at = 0;
  const take = (n) => {
    if (at + n > b.length) throw bad('the code is damaged or cut short; copy it again');
    const out = b.slice(at, at + n);
    at += n;
    return out;
  };
  const u16 = () => {
    const t = take(2);
    return (t[0] << 8) | t[1];
  };
  const loc = take(u16());
  const owner = take(take(1)[0]);
  const agreement = take(take(1)[0]);
  const id = toHex(take(8));
  const secret = take(32);
  const expires = take(8);
  if (at !== b.length) throw bad('the code is damaged or cut short; copy it again');
  const location = new TextDecoder('utf-8', { fatal: true }).decode(loc);
  const list = /^list:([^:]+):/.exec(location)?.[1] ?? null;
  return { location, list, remote: list == null ? null : location.slice(('list:' + list + ':').length), owner,
    ownerAgreement: agreement, id, secret, expiresAt: Number(new DataView(expires.buffer).getBigInt64(0, false)) };
}

/**
 * Asks to join: makes this member's keys and writes its request to {@code raw} (the space's storage
 * without encryption). Returns the space as a member's device keeps it (space-sync.js) and the
 * fingerprint to read out. An expired invite is refused before anything is written.
 */
export async function askToJoin(raw, invite, name, { now = Date.now(), list = invite.list } = {}) {
  if (now >= invite.expiresAt) {
    throw bad('expired on ' + new Date(invite.expiresAt).toISOString().slice(0, 16) + '; ask for a new invite');
  }
  const clean = String(name).trim();
  if (clean === '' || clean.length > 200) throw bad('a name of 1 to 200 characters is needed to ask with it');
  if (list == null) throw bad('it names no list');
  const memberPrivate = privateKeyFromSeed(randomBytes(32));
  const member = { private: memberPrivate, public: publicKeyOf(memberPrivate) };
  const devicePrivate = privateKeyFromSeed(randomBytes(32));
  const device = { private: devicePrivate, public: publicKeyOf(devicePrivate) };
  const agreement = newAgreementPair();
  await raw.createIfAbsent(await requestKey(invite.id, member.public), await encodeRequest(invite.id, invite.secret,
    invite.ownerAgreement, clean, member.public, agreement.public));
  return { space: { list, owner: invite.owner, inviteId: invite.id, name: clean, member, agreement, device,
    remote: invite.remote }, fingerprint: await fingerprint(member.public) };
}

/** The code of an invite ({@link parseInvite}'s fields), as the owner's engine writes it: for tests and tools. */
export function inviteCode({ location, owner, ownerAgreement, id, secret, expiresAt }) {
  const loc = new TextEncoder().encode(location);
  const out = new Uint8Array(2 + loc.length + 1 + owner.length + 1 + ownerAgreement.length + 8 + 32 + 8);
  const v = new DataView(out.buffer);
  let at = 0;
  v.setUint16(at, loc.length);
  out.set(loc, at += 2);
  out[at += loc.length] = owner.length;
  out.set(owner, at += 1);
  out[at += owner.length] = ownerAgreement.length;
  out.set(ownerAgreement, at += 1);
  at += ownerAgreement.length;
  for (let i = 0; i < 8; i++) out[at + i] = parseInt(id.substr(i * 2, 2), 16);
  out.set(secret, at += 8);
  v.setBigInt64(at += 32, BigInt(expiresAt));
  let bin = '';
  for (const b of out) bin += String.fromCharCode(b);
  return PREFIX + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
