/*
 * The files the page as its own device keeps (docs/WEB.md, "The page as its own device"): the local copies of
 * attachments' bytes, named by their SHA-256 (the blob id), in a store of their own (device-store.js's
 * "tandem-files" database in a browser, a Map in Node's tests), within a storage budget the person sets.
 *
 * It is the core's "local blobs" (blob-transfer.js: has, read, publish, markOnRemote, add), so the core's
 * BlobTransfer downloads into it and its BlobPush uploads from it.
 *
 * Invariants.
 * - A copy is kept only after the core checked it: every TDEB chunk's tag, at most the row's size, and the SHA-256
 *   of the whole against the id. A damaged download throws before publish, so nothing of it is kept.
 * - Files opened here are kept while they fit in the budget: before one is kept, the least recently opened ones are
 *   evicted until it fits; one larger than the whole budget is shown (its bytes returned to the caller) but not kept.
 * - A file attached here is kept whatever the budget until it is on the remote (pending): evicting it would lose it,
 *   as no other device has it yet. Once the upload is done (markOnRemote) it counts like any other.
 *
 * Imports nothing: the store's backend, the hash and the transfer come in.
 */

/** The budget when the person set none: 100 MB. */
export const DEFAULT_BUDGET = 100_000_000;

/** A download's outcome the caller words: the remote does not have the file. */
export const NOT_ON_REMOTE = 'NOT_ON_REMOTE';

export class KeptFiles {
  /**
   * {backend: get/put/touch/delete/list; idOf(bytes) → the SHA-256 in lower-case hex; transfer() → the core's
   * BlobTransfer for the remote (made when first needed); budget() → bytes; now() → ms}.
   */
  constructor({ backend, idOf, transfer = () => null, budget = () => DEFAULT_BUDGET, now = () => Date.now() }) {
    this.backend = backend;
    this.idOf = idOf;
    this.transfer = transfer;
    this.budget = budget;
    this.now = now;
  }

  async has(id) {
    return (await this.backend.get(id)) != null;
  }

  /** The kept bytes of {@code id}, or null; reading counts as opening it (the budget evicts the least recent). */
  async read(id) {
    const r = await this.backend.get(id);
    if (!r) return null;
    await this.backend.touch(id, this.now());
    return r.bytes;
  }

  /** A file attached here: kept (pending its upload) whatever the budget; {id, size} as the core's blobs give. */
  async add(bytes) {
    const id = await this.idOf(bytes);
    const there = await this.backend.get(id);
    if (!there) await this.backend.put(id, { bytes: bytes.slice(), size: bytes.length, opened: this.now(), pending: true });
    return { id, size: bytes.length };
  }

  /** A checked download: kept if it fits the budget, the least recently opened evicted for it; false when not kept. */
  async publish(id, bytes) {
    const budget = this.budget();
    if (bytes.length > budget) return false;
    await this.trim(budget - bytes.length);
    await this.backend.put(id, { bytes: bytes.slice(), size: bytes.length, opened: this.now(), pending: false });
    return true;
  }

  async markOnRemote(id) {
    const r = await this.backend.get(id);
    if (r && r.pending) {
      await this.backend.put(id, { ...r, pending: false });
      await this.trim(this.budget());
    }
  }

  /** Evicts the least recently opened copies that are on the remote until the rest take at most {@code room}. */
  async trim(room) {
    const all = await this.backend.list();
    let used = all.reduce((s, r) => s + r.size, 0);
    for (const r of all.filter((x) => !x.pending).sort((a, b) => a.opened - b.opened)) {
      if (used <= room) break;
      await this.backend.delete(r.id);
      used -= r.size;
    }
  }

  /** The bytes the copies take: {used, files}. */
  async usage() {
    const all = await this.backend.list();
    return { used: all.reduce((s, r) => s + r.size, 0), files: all.length };
  }

  /**
   * The bytes of blob {@code id} whose row says {@code size}: the kept copy, else downloaded through the core's
   * bounded, authenticated download (at most {@code size}) and kept within the budget; NOT_ON_REMOTE when the
   * remote lacks it. A damaged object throws the core's DamagedAttachmentError and keeps nothing.
   */
  async open(id, size) {
    const here = await this.read(id);
    if (here) return here;
    const transfer = await this.transfer();
    if (!transfer) return NOT_ON_REMOTE;
    let got = null;
    const self = this;
    const once = {
      has: async () => false,
      publish: async (blob, bytes) => { got = bytes; await self.publish(blob, bytes); },
      markOnRemote: async () => {},
    };
    const outcome = await transfer.download(once, id, size);
    return outcome === NOT_ON_REMOTE || got == null ? NOT_ON_REMOTE : got;
  }
}
