import { tooLarge, validateMaxNames, validateName, validatePrefix } from './names.js';
import { MAX_OBJECT_BYTES } from '../wire/limits.js';

export const MISSING = 'missing';

/**
 * The storage contract in memory (the engine's MemoryStorage), for tests and as the reference the
 * network backends are held to. Every storage of the core has these calls, each one request:
 * list(prefix, startAfter, maxNames) → names in byte order; get(name[, maxBytes]) → bytes or null, an
 * object over maxBytes (by default any Tandem object's limit) refused unread;
 * createIfAbsent(name, bytes) → true when this call created it; overwrite(name, bytes);
 * delete(name); describe().
 */
export class MemoryStorage {
  constructor() {
    this.objects = new Map();
    this.versions = new Map();
    this.written = 0;
  }

  async list(prefix, startAfter, maxNames) {
    const p = validatePrefix(prefix);
    validateMaxNames(maxNames);
    return [...this.objects.keys()].filter((k) => k.startsWith(p) && (startAfter == null || k > startAfter))
      .sort(byteOrder).slice(0, maxNames);
  }

  async get(name, maxBytes = MAX_OBJECT_BYTES) {
    validateName(name);
    const v = this.objects.get(name);
    if (v && v.length > maxBytes) throw tooLarge(name, 'memory', v.length, maxBytes);
    return v ? v.slice() : null;
  }

  async createIfAbsent(name, data) {
    validateName(name);
    if (this.objects.has(name)) return false;
    this.objects.set(name, data.slice());
    return true;
  }

  async overwrite(name, data) {
    validateName(name);
    this.objects.set(name, data.slice());
    this.versions.set(name, ++this.written);
    return String(this.written);
  }

  /** The change marker's version: a token that changes with every overwrite; 'missing' when absent. */
  async version(name) {
    validateName(name);
    return this.objects.has(name) ? String(this.versions.get(name) ?? 0) : MISSING;
  }

  async removeFolder(folder) {
    validateName(folder.slice(0, -1));
  }

  async delete(name) {
    validateName(name);
    this.objects.delete(name);
  }

  describe() {
    return 'memory';
  }
}

/** Names as the remote orders them: by their UTF-8 bytes, which for these ASCII names is code order. */
export function byteOrder(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
