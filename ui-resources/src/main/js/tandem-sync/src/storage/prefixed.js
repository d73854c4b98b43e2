import { validateName, validatePrefix } from './names.js';

/**
 * A storage under a key prefix of another ("s3://bucket/tandem/alice"), as the engine's
 * PrefixedStorage: every name gains the prefix on the way down and loses it on the way up, so the
 * layers above (encryption binds the name inside the prefix) see a remote of their own.
 */
export class PrefixedStorage {
  constructor(below, prefix) {
    const p = prefix.replace(/^\/+|\/+$/g, '');
    validateName(p);
    this.below = below;
    this.prefix = p + '/';
    if (typeof below.openRead !== 'function') {
      // Streaming only where the storage below streams (a caller checks for the methods).
      this.openRead = undefined;
      this.createIfAbsentFrom = undefined;
    }
  }

  describe() {
    return this.below.describe() + '/' + this.prefix.slice(0, -1);
  }

  async list(prefix, startAfter, maxNames) {
    const p = validatePrefix(prefix);
    const names = await this.below.list(this.prefix + p, startAfter == null || startAfter === '' ? this.prefix
      : this.prefix + startAfter, maxNames);
    return names.map((n) => n.slice(this.prefix.length));
  }

  async get(name, maxBytes) {
    return this.below.get(this.prefix + validateName(name), maxBytes);
  }

  async createIfAbsent(name, data) {
    return this.below.createIfAbsent(this.prefix + validateName(name), data);
  }

  async openRead(name, maxBytes) {
    return this.below.openRead(this.prefix + validateName(name), maxBytes);
  }

  async createIfAbsentFrom(name, body) {
    return this.below.createIfAbsentFrom(this.prefix + validateName(name), body);
  }

  async overwrite(name, data) {
    return this.below.overwrite(this.prefix + validateName(name), data);
  }

  async version(name) {
    return this.below.version(this.prefix + validateName(name));
  }

  async delete(name) {
    return this.below.delete(this.prefix + validateName(name));
  }

  async removeFolder(folder) {
    return this.below.removeFolder(this.prefix + folder);
  }
}
