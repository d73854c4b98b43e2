import { encodeCert, encodeEntry, entryHash, memberKey, certKey } from '../../src/space/space-objects.js';
import { privateKeyFromSeed, publicKeyOf } from '../../src/space/space-crypto.js';

/** Ed25519 key pairs from fixed seeds, and a space's log and certificates written onto a storage as the owner does. */
export function keyPair(seed) {
  const priv = privateKeyFromSeed(new Uint8Array(32).map((_, i) => (seed * 37 + i * 11) & 0xff));
  return { private: priv, public: publicKeyOf(priv) };
}

export const OWNER = keyPair(1);
export const SAM = keyPair(2);
export const SAM_DEVICE = keyPair(3);
export const ALEX = keyPair(4);
export const ALEX_DEVICE = keyPair(5);
export const LIST = '0193433e-a800-7000-8000-00000000aaaa';

/** Appends entries after the newest accepted one, chained, as the owner's device does; returns each stored object. */
export async function writeLog(storage, entries, { space = ['lists', LIST], start = 1, previous = new Uint8Array(32),
  signer = OWNER } = {}) {
  const out = [];
  let prev = previous;
  for (let i = 0; i < entries.length; i++) {
    const seq = start + i;
    const e = { acceptedUpTo: new Map(), agreementKey: null, memberKey: null, ...entries[i], previous: prev,
      space: seq === 1 ? space : null };
    const object = encodeEntry(e, seq, signer.private);
    await storage.createIfAbsent(memberKey(seq), object);
    out.push(object);
    prev = await entryHash(object);
  }
  return out;
}

export async function writeCert(storage, device, deviceKeys, member, memberKeys) {
  const key = await certKey(device, deviceKeys.public);
  await storage.createIfAbsent(key, await encodeCert({ device, deviceKey: deviceKeys.public, member }, memberKeys.private));
  return key;
}
