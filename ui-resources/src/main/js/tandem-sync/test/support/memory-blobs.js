// Local copies of attachments in memory for the tests (read, has, publish, markOnRemote, add): what a device's
// own store of files answers, kept out of the core the page loads, which has its own (the page's device-kept-files.js).
import { blobId } from '../../src/blob/blob-transfer.js';

/** Local copies in memory: read, has, publish, markOnRemote, add. */
export class MemoryBlobs {
  constructor() {
    this.copies = new Map();
    this.onRemote = new Set();
  }

  async add(bytes) {
    const id = await blobId(bytes);
    this.copies.set(id, bytes.slice());
    return { id, size: bytes.length };
  }

  async read(id) {
    return this.copies.get(id)?.slice() ?? null;
  }

  async has(id) {
    return this.copies.has(id);
  }

  async publish(id, bytes) {
    this.copies.set(id, bytes.slice());
  }

  async markOnRemote(id) {
    this.onRemote.add(id);
  }
}
