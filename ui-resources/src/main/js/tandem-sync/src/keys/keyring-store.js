import { SyncError, Reason, WrongPassphraseError } from '../errors.js';
import { randomBytes, KEY_LENGTH } from '../crypto/aead.js';
import { DEFAULT_KDF, fromPassphrase, fromRecoveryKey } from './kdf.js';
import { Event, PREFIX, PASSPHRASE, RECOVERY, SALT_LENGTH, changesPassphrase, corrupt, generationOf, keyringBytes,
  objectKey, openKeyring, openSlot, parseKeyring, sameSecret, sealKeyring, sealSlot, slotOf } from './keyring.js';

/**
 * Finds, creates and changes a remote's keyring on the plain storage below the encryption layer, as
 * the engine's KeyringStore. Invariants across a crash at any point: the keyring is the newest
 * generation under keys/, each created with createIfAbsent on the next number (of two devices
 * changing keys at once exactly one wins, the other is told REMOTE_BUSY); the descriptor
 * `encryption` exists whenever a keyring does; older generations are deleted only by a device that
 * opened the newest, so a forged newest generation, which nobody can open, deletes nothing.
 *
 * <p>A secret is {type: 'passphrase', passphrase}, {type: 'recovery', secret: 16 bytes}, or {type: 'stretched', key,
 * salt}: the key a passphrase gave for that slot's salt (bytes, or a WebCrypto key from {@code lockedKey}), which a
 * device keeps instead of the passphrase.
 */
export const DESCRIPTOR_NAME = 'encryption';
/** Version 2 of the descriptor: "TDEK", 02 and six zero bytes. */
export const DESCRIPTOR_STUB = new Uint8Array([0x54, 0x44, 0x45, 0x4b, 2, 0, 0, 0, 0, 0, 0]);
const DATA_PREFIXES = ['heads/', 'batches/', 'snapshots/', 'acks/'];

export function descriptorVersion(d) {
  if (d.length < 5 || d[0] !== 0x54 || d[1] !== 0x44 || d[2] !== 0x45 || d[3] !== 0x4b) return -1;
  return d[4];
}

function when(millis) {
  return new Date(millis).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export class KeyringStore {
  constructor(plain, deviceName, clock = () => Date.now()) {
    this.plain = plain;
    this.deviceName = deviceName;
    this.clock = clock;
    this.derivations = 0;
  }

  slotType(secret) {
    return secret.type === 'recovery' ? RECOVERY : PASSPHRASE;
  }

  async derive(secret, kdf, salt) {
    if (secret.type === 'stretched') {
      // The key a passphrase gave with this salt, kept by the device: no Argon2id. Another salt means the
      // passphrase changed elsewhere (or this is another remote): only the passphrase itself opens that.
      if (secret.salt.length !== salt.length || !secret.salt.every((x, i) => x === salt[i])) {
        throw new WrongPassphraseError('The passphrase of ' + this.plain.describe() + ' changed on another device;'
          + ' type the new one. Nothing was read or changed');
      }
      return secret.key;
    }
    this.derivations++;
    return secret.type === 'recovery' ? fromRecoveryKey(kdf, secret.secret, salt)
      : fromPassphrase(kdf, secret.passphrase, salt);
  }

  /** Opens the keyring with {@code secret}, setting one up on first use. */
  async unlock(secret) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const generations = await this.generations(null);
      if (generations.length > 0) {
        const newest = generations[generations.length - 1];
        const data = await this.plain.get(objectKey(newest));
        if (data == null) continue;
        const u = await this.open(parseKeyring(data, objectKey(newest), this.where(newest)), secret);
        await this.tidy(u, generations);
        return u;
      }
      const created = await this.setUp(secret);
      if (created != null) return created;
    }
    throw new SyncError(Reason.REMOTE_BUSY, 'The keyring of ' + this.plain.describe() + ' kept changing while this'
      + ' device read it; sync will try again');
  }

  /** The newest generation, opened with the key this device holds; WRONG_PASSPHRASE when the secret changed. */
  async refresh(current) {
    let data = null;
    let newest = current.ring.generation;
    for (let attempt = 0; attempt < 3 && data == null; attempt++) {
      const newer = await this.generations(objectKey(current.ring.generation));
      if (newer.length === 0) return current;
      newest = newer[newer.length - 1];
      data = await this.plain.get(objectKey(newest));
    }
    if (data == null) {
      throw new SyncError(Reason.REMOTE_BUSY, 'The keyring of ' + this.plain.describe() + ' kept changing while'
        + ' this device read it; sync will try again');
    }
    const ring = parseKeyring(data, objectKey(newest), this.where(newest));
    const slot = slotOf(ring, current.via.type);
    if (!sameSecret(current.via, slot)) {
      throw this.changedElsewhere(ring, current.via.type);
    }
    const u = await this.tryOpen(ring, slot, current.kek);
    if (u == null) {
      throw corrupt(this.where(ring.generation), 'a slot with the salt this device knows does not open with the key'
        + ' that salt gave');
    }
    return u;
  }

  /** Writes the generation after {@code current}, then finishes the change (descriptor, older generations). */
  async commit(current, event, legacyDescriptor, slots, keys, keyringKey, via, kek) {
    const next = current.ring.generation + 1;
    if ((await this.generations(objectKey(current.ring.generation))).length > 0) throw this.busy();
    const ring = await sealKeyring({ generation: next, event, legacyDescriptor, changedAtMillis: this.clock(),
      changedBy: this.deviceName, slots }, keys, keyringKey);
    if (!(await this.plain.createIfAbsent(objectKey(next), keyringBytes(ring)))) throw this.busy();
    const u = { ring, keyringKey, keys, via, kek };
    await this.tidy(u, await this.generations(null));
    return u;
  }

  busy() {
    return new SyncError(Reason.REMOTE_BUSY, 'Another device changed the keys of ' + this.plain.describe()
      + ' at the same time; nothing was changed here. Try again');
  }

  async setUp(secret) {
    if (secret.type === 'stretched') {
      // A kept key comes from a keyring that was there: none now is another remote, or one emptied. Nothing written.
      throw new WrongPassphraseError(this.plain.describe() + ' has no keyring yet; only a passphrase can set one up');
    }
    const descriptor = await this.plain.get(DESCRIPTOR_NAME);
    if (descriptor == null) {
      await this.refuseIfData(true);
      await this.plain.createIfAbsent(DESCRIPTOR_NAME, DESCRIPTOR_STUB);
    } else {
      const version = descriptorVersion(descriptor);
      if (version === 1) {
        // The first layout (PBKDF2, before the keyring) is upgraded by the engine, not here.
        throw new SyncError(Reason.UNSUPPORTED_FORMAT, 'The encryption descriptor ' + this.whereDescriptor() + ' is of'
          + ' the first layout; open this remote once with Tandem on a computer, which upgrades it in place');
      } else if (version === 2) {
        await this.refuseIfData(false);
      } else if (version > 2) {
        throw new SyncError(Reason.UNSUPPORTED_FORMAT, 'The encryption descriptor ' + this.whereDescriptor()
          + ' has version ' + version + '; this Tandem reads versions 1 and 2');
      } else {
        throw new SyncError(Reason.CORRUPT, 'The encryption descriptor ' + this.whereDescriptor() + ' is not a Tandem'
          + ' encryption descriptor (' + descriptor.length + ' bytes, wrong magic)');
      }
    }
    if (secret.type === 'recovery') {
      throw new WrongPassphraseError(this.plain.describe() + ' has no keyring yet; only a passphrase can set one up');
    }
    const keys = [{ id: 0, key: randomBytes(KEY_LENGTH) }];
    const keyringKey = randomBytes(KEY_LENGTH);
    const salt = randomBytes(SALT_LENGTH);
    const kek = await this.derive(secret, DEFAULT_KDF, salt);
    const slot = await sealSlot(PASSPHRASE, DEFAULT_KDF, salt, kek, keyringKey);
    const ring = await sealKeyring({ generation: 1, event: Event.CREATED, legacyDescriptor: false,
      changedAtMillis: this.clock(), changedBy: this.deviceName, slots: [slot] }, keys, keyringKey);
    if (!(await this.plain.createIfAbsent(objectKey(1), keyringBytes(ring)))) return null;
    return { ring, keyringKey, keys, via: slot, kek };
  }

  async refuseIfData(noDescriptor) {
    for (const prefix of DATA_PREFIXES) {
      const found = await this.plain.list(prefix, null, 1);
      if (found.length === 0) continue;
      if (noDescriptor) {
        throw new SyncError(Reason.ENCRYPTION_MISMATCH, this.plain.describe() + ' already holds unencrypted Tandem'
          + ' data (' + found[0] + ') written by devices without a passphrase, so this device, which has one, did'
          + ' not read or write anything. Encrypting a remote that holds plain data is not supported');
      }
      throw new SyncError(Reason.CORRUPT, 'The keyring of ' + this.plain.describe() + ' (' + PREFIX + ') is missing'
        + ' although the remote holds encrypted data (' + found[0] + '); without it no device can read that data.'
        + ' Nothing was read or changed');
    }
  }

  async open(ring, secret) {
    const type = this.slotType(secret);
    const slot = slotOf(ring, type);
    if (slot == null) {
      throw new WrongPassphraseError(this.plain.describe() + ' has no recovery key; only its passphrase opens it.'
        + ' Nothing was read or changed');
    }
    const kek = await this.derive(secret, slot.kdf, slot.salt);
    const u = await this.tryOpen(ring, slot, kek);
    if (u == null) throw this.wrongSecret(ring, type);
    return u;
  }

  async tryOpen(ring, slot, kek) {
    const keyringKey = await openSlot(slot, kek);
    if (keyringKey == null) return null;
    return { ring, keyringKey, keys: await openKeyring(ring, keyringKey, this.where(ring.generation)), via: slot, kek };
  }

  async tidy(u, generations) {
    if (!u.ring.legacyDescriptor) {
      const d = await this.plain.get(DESCRIPTOR_NAME);
      if (d == null) {
        await this.plain.createIfAbsent(DESCRIPTOR_NAME, DESCRIPTOR_STUB);
      } else if (descriptorVersion(d) === 1) {
        await this.plain.overwrite(DESCRIPTOR_NAME, DESCRIPTOR_STUB);
      }
    }
    for (const g of generations) {
      if (g < u.ring.generation) await this.plain.delete(objectKey(g));
    }
  }

  async generations(startAfter) {
    const out = [];
    let after = startAfter;
    for (;;) {
      const page = await this.plain.list(PREFIX, after, 1000);
      for (const key of page) {
        const g = generationOf(key);
        if (g > 0) out.push(g);
      }
      if (page.length < 1000) return out.sort((a, b) => a - b);
      after = page[page.length - 1];
    }
  }

  wrongSecret(ring, type) {
    const what = type === RECOVERY ? 'recovery key' : 'passphrase';
    const changed = changesPassphrase(ring.event) && type === PASSPHRASE
      ? ' The passphrase was changed on ' + ring.changedBy + ' at ' + when(ring.changedAtMillis) + '.' : '';
    return new WrongPassphraseError('The ' + what + ' does not match the one that encrypted ' + this.plain.describe()
      + '; nothing was read or changed.' + changed);
  }

  changedElsewhere(ring, type) {
    const what = type === RECOVERY ? 'recovery key' : 'passphrase';
    return new WrongPassphraseError('The ' + what + ' of ' + this.plain.describe() + ' was changed on ' + ring.changedBy
      + ' at ' + when(ring.changedAtMillis) + '. Enter the new passphrase; until then this device keeps its changes'
      + ' and writes nothing to the remote.');
  }

  whereDescriptor() {
    return "'" + DESCRIPTOR_NAME + "' in " + this.plain.describe();
  }

  where(generation) {
    return "'" + objectKey(generation) + "' in " + this.plain.describe();
  }
}
