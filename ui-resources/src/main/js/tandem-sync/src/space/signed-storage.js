import { readSigned, wrapSigned } from './space-objects.js';

/**
 * The storage of a shared space as sync sees it (the engine's SignedStorage): batches, heads, acks
 * and snapshots are signed by the device that writes them and checked against the membership
 * ({@link Members}) when read; an object that fails is a CORRUPT error naming it and why, which sync
 * sets aside. The membership log and the certificates carry their own signatures and pass through.
 * Lies above encryption, so what it signs and checks is the plain object.
 */
export function isSigned(name) {
  return name.startsWith('batches/') || name.startsWith('heads/') || name.startsWith('acks/')
    || name.startsWith('snapshots/');
}

export class SignedStorage {
  constructor(below, members) {
    this.below = below;
    this.members = members;
    this.signer = null;
    this.key = null;
  }

  /** The device that signs what this storage writes from now on: its id and Ed25519 PKCS #8 key. */
  signAs(device, devicePrivate) {
    this.signer = device;
    this.key = devicePrivate;
  }

  describe() {
    return this.below.describe();
  }

  refresh() {
    return this.below.refresh();
  }

  list(prefix, startAfter, maxNames) {
    return this.below.list(prefix, startAfter, maxNames);
  }

  async get(name, maxBytes) {
    const object = await this.below.get(name, maxBytes);
    if (object == null || !isSigned(name)) return object;
    return this.members.check(name, readSigned(name, object));
  }

  createIfAbsent(name, data) {
    return this.below.createIfAbsent(name, isSigned(name) ? this.sign(name, data) : data);
  }

  overwrite(name, data) {
    return this.below.overwrite(name, isSigned(name) ? this.sign(name, data) : data);
  }

  version(name) {
    return this.below.version(name);
  }

  delete(name) {
    return this.below.delete(name);
  }

  removeFolder(folder) {
    return this.below.removeFolder(folder);
  }

  sign(name, data) {
    if (this.signer == null) throw new Error('A shared space\'s objects are written only in a sync, which names its device');
    return wrapSigned(name, data, this.signer, this.key);
  }
}
