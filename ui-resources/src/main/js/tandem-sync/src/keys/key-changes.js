import { randomBytes, KEY_LENGTH } from '../crypto/aead.js';
import { DEFAULT_KDF, RECOVERY_KDF, fromPassphrase, fromRecoveryKey } from './kdf.js';
import { Event, PASSPHRASE, RECOVERY, SALT_LENGTH, sealSlot, slotOf } from './keyring.js';
import { formatRecoveryCode, generateSecret } from './recovery-code.js';

/**
 * The keyring changes a person can make (the engine's KeyChanges), each one new generation: a
 * passphrase change keeps the keyring key and the recovery slot; a new recovery key keeps the
 * passphrase slot; a rotation replaces the keyring key, both slots and adds a new current data key,
 * keeping the old ones for reading until {@link finishRotation} drops them.
 */
export async function changePassphrase(store, u, newPassphrase) {
  const salt = randomBytes(SALT_LENGTH);
  const kek = await fromPassphrase(DEFAULT_KDF, newPassphrase, salt);
  const passphrase = await sealSlot(PASSPHRASE, DEFAULT_KDF, salt, kek, u.keyringKey);
  const slots = [passphrase];
  const recovery = slotOf(u.ring, RECOVERY);
  if (recovery) slots.push(recovery);
  const viaRecovery = u.via.type === RECOVERY;
  return store.commit(u, viaRecovery ? Event.PASSPHRASE_RESET : Event.PASSPHRASE_CHANGED, false, slots, u.keys,
    u.keyringKey, viaRecovery ? u.via : passphrase, viaRecovery ? u.kek : kek);
}

/** A new recovery key: {unlocked, recoveryKey} with the code the person must see once. */
export async function newRecoveryKey(store, u) {
  const secret = generateSecret();
  const salt = randomBytes(SALT_LENGTH);
  const kek = await fromRecoveryKey(RECOVERY_KDF, secret, salt);
  const recovery = await sealSlot(RECOVERY, RECOVERY_KDF, salt, kek, u.keyringKey);
  const slots = [];
  const passphrase = slotOf(u.ring, PASSPHRASE);
  if (passphrase) slots.push(passphrase);
  slots.push(recovery);
  const viaRecovery = u.via.type === RECOVERY;
  const next = await store.commit(u, Event.RECOVERY_KEY_CREATED, u.ring.legacyDescriptor, slots, u.keys, u.keyringKey,
    viaRecovery ? recovery : u.via, viaRecovery ? kek : u.kek);
  return { unlocked: next, recoveryKey: await formatRecoveryCode(secret) };
}

export async function startRotation(store, u, newPassphrase) {
  const keyringKey = randomBytes(KEY_LENGTH);
  const salt = randomBytes(SALT_LENGTH);
  const kek = await fromPassphrase(DEFAULT_KDF, newPassphrase, salt);
  const passphrase = await sealSlot(PASSPHRASE, DEFAULT_KDF, salt, kek, keyringKey);
  const secret = generateSecret();
  const recoverySalt = randomBytes(SALT_LENGTH);
  const recovery = await sealSlot(RECOVERY, RECOVERY_KDF, recoverySalt,
    await fromRecoveryKey(RECOVERY_KDF, secret, recoverySalt), keyringKey);
  const nextId = Math.max(...u.keys.map((k) => k.id)) + 1;
  const keys = [{ id: nextId, key: randomBytes(KEY_LENGTH) }, ...u.keys];
  const next = await store.commit(u, Event.ROTATION_STARTED, false, [passphrase, recovery], keys, keyringKey,
    passphrase, kek);
  return { unlocked: next, recoveryKey: await formatRecoveryCode(secret) };
}

export async function finishRotation(store, u) {
  if (u.keys.length === 1) return u;
  return store.commit(u, Event.ROTATED, false, u.ring.slots, [u.keys[0]], u.keyringKey, u.via, u.kek);
}
