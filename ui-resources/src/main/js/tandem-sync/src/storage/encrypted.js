import { SyncError, Reason, WrongPassphraseError } from '../errors.js';
import { KeyringStore, DESCRIPTOR_NAME } from '../keys/keyring-store.js';
import { decryptObject, encryptObject, keyIdOf } from './object-cipher.js';
import { validateMaxNames, validateName, validatePrefix } from './names.js';

/**
 * Encrypts every object under the remote's current data key and authenticates every object read,
 * as the engine's EncryptedStorage (docs/ENCRYPTION.md). The keyring is opened once, at the first
 * call, because Argon2id is slow on purpose; every call (list and delete too) opens it first, so a
 * wrong passphrase changes nothing. The descriptor, the keyring and a shared space's invites are
 * reserved: refused by name and hidden from listings (a page shortened by hiding reads on, so a
 * short page still means the end). {@link refresh} follows a newer generation; once the passphrase
 * changed elsewhere every call fails the same way until the device is given the new one.
 */
export class EncryptedStorage {
  constructor(below, secret, { deviceName = 'a device', clock = () => Date.now() } = {}) {
    this.below = below;
    this.secret = secret;
    this.keyring = new KeyringStore(below, deviceName, clock);
    this.unlocked = null;
    this.failure = null;
    this.opening = null;
  }

  describe() {
    return this.below.describe() + ' (encrypted)';
  }

  static isReserved(name) {
    return name === DESCRIPTOR_NAME || name.startsWith(DESCRIPTOR_NAME + '/') || name.startsWith('keys/')
      || name.startsWith('invites/');
  }

  checkNotReserved(name) {
    validateName(name);
    if (EncryptedStorage.isReserved(name)) {
      throw new SyncError(Reason.CORRUPT, "Invalid object key: '" + name + "' is reserved for the encryption"
        + ' descriptor and keyring');
    }
  }

  async current() {
    if (this.failure) {
      throw new WrongPassphraseError(this.failure.message, { cause: this.failure });
    }
    if (this.unlocked) return this.unlocked;
    if (!this.opening) {
      this.opening = this.keyring.unlock(this.secret).then((u) => {
        this.unlocked = u;
        return u;
      }, (e) => {
        if (e.reason === Reason.WRONG_PASSPHRASE) this.failure = e;
        this.opening = null;
        throw e;
      });
    }
    return this.opening;
  }

  /** Follows a newer keyring generation, if any: one listing. */
  async refresh() {
    if (!this.unlocked) {
      await this.current();
      return;
    }
    try {
      this.unlocked = await this.keyring.refresh(this.unlocked);
    } catch (e) {
      if (e.reason === Reason.WRONG_PASSPHRASE) this.failure = e;
      throw e;
    }
  }

  /**
   * Applies a key change to the newest generation and follows it: {@code fn} gives the next Unlocked,
   * or {unlocked, recoveryKey}, which is returned as it is.
   */
  async change(fn) {
    await this.refresh();
    const result = await fn(this.unlocked);
    this.unlocked = result.unlocked ?? result;
    return result;
  }

  async list(prefix, startAfter, maxNames) {
    const p = validatePrefix(prefix);
    validateMaxNames(maxNames);
    await this.current();
    const names = [];
    let after = startAfter;
    for (;;) {
      const page = await this.below.list(p, after, maxNames);
      for (const k of page) {
        if (!EncryptedStorage.isReserved(k) && names.length < maxNames) names.push(k);
      }
      if (names.length >= maxNames || page.length < maxNames) return names;
      after = page[page.length - 1];
    }
  }

  async get(name) {
    this.checkNotReserved(name);
    const u = await this.current();
    const blob = await this.below.get(name);
    return blob == null ? null : this.decrypt(u, name, blob);
  }

  async createIfAbsent(name, data) {
    this.checkNotReserved(name);
    const u = await this.current();
    return this.below.createIfAbsent(name, await encryptObject(u.keys[0].id, u.keys[0].key, name, data));
  }

  async overwrite(name, data) {
    this.checkNotReserved(name);
    const u = await this.current();
    return this.below.overwrite(name, await encryptObject(u.keys[0].id, u.keys[0].key, name, data));
  }

  async delete(name) {
    this.checkNotReserved(name);
    await this.current();
    return this.below.delete(name);
  }

  async removeFolder(folder) {
    return this.below.removeFolder(folder);
  }

  /** Rewrites {@code name} under the current key unless it is: its size, 0 when current, -1 when gone. */
  async reencrypt(name) {
    this.checkNotReserved(name);
    const u = await this.current();
    const blob = await this.below.get(name);
    if (blob == null) return -1;
    if (keyIdOf(name, blob, this.below.describe()) === u.keys[0].id) return 0;
    const again = await encryptObject(u.keys[0].id, u.keys[0].key, name, await this.decrypt(u, name, blob));
    await this.below.overwrite(name, again);
    return again.length;
  }

  async decrypt(u, name, blob) {
    const id = keyIdOf(name, blob, this.below.describe());
    let key = u.keys.find((k) => k.id === id);
    if (!key) {
      // Written under a key a newer generation holds (a rotation elsewhere).
      await this.refresh();
      key = this.unlocked.keys.find((k) => k.id === id);
    }
    if (!key) {
      throw new SyncError(Reason.CORRUPT, "Object '" + name + "' in " + this.below.describe() + ' is encrypted with'
        + ' data key ' + id + ", which the remote's keyring does not hold");
    }
    return decryptObject(key.key, name, blob, this.below.describe());
  }
}
