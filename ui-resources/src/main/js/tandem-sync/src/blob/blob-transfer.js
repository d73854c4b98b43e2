import { sha256, toHex } from '../crypto/hash.js';
import { BlobKeys, blobKey, blobName, plainBlobName } from './blob-keys.js';
import { damaged, decryptBlob, decryptChunks, encryptBlob, encryptChunks, encryptedLength } from './blob-cipher.js';

/**
 * Attachments' bytes between a device's local copies and one remote, as the engine's BlobTransfer
 * and BlobPush (docs/SYNC_FORMAT.md, "Attachments"):
 * <ul>
 *   <li>A blob is named by its content: its id is the SHA-256 of its bytes in lower-case hex. A row
 *       of the blob column (Tandem's `attachments.blob`) names it; batches carry the name only.</li>
 *   <li>Before an own batch is created, every blob it names is uploaded ({@link BlobPush}, the sync's
 *       beforePush): so no batch on the remote names a blob the remote lacks, and a push cut short
 *       leaves at most blobs no batch names yet, which the next push finds there.</li>
 *   <li>An upload looks first (one listing, not the file's bytes) and creates if absent: a repeated
 *       upload, or two devices attaching the same file, store one object. On an encrypted remote the
 *       object is encrypted under its own key in the `TDEB` format, named by keyed hash, under the
 *       generation of the remote's current data key ({@link BlobKeys}); on a plain one it is the bytes.</li>
 *   <li>A download reads at most what the row's size allows (the encrypted length of that size), so a
 *       planted giant is refused unread; every chunk's tag is checked, then the SHA-256 of the whole
 *       against the id, and only then is the copy kept. Anything else is a DamagedAttachmentError and
 *       nothing is kept.</li>
 * </ul>
 * Streamed when both ends can (Node: a folder of local copies with source/receive, a storage with
 * openRead/createIfAbsentFrom): chunk by chunk, a chunk authenticated before it is written, hashed as
 * it is written to a temporary file that is renamed into place only once its SHA-256 is the id, so
 * memory holds a few chunks whatever the file's size and the bound is the row's size alone.
 * Otherwise (a browser) whole objects are held in memory, and a download is bounded by
 * {@link MAX_ATTACHMENT} as well.
 */
export const ID = /^[0-9a-f]{64}$/;
/** The largest attachment this core moves: the desktop's default limit for one file (100 MB). */
export const MAX_ATTACHMENT = 100_000_000;

export const Fetched = Object.freeze({ FETCHED: 'FETCHED', ALREADY_HERE: 'ALREADY_HERE', NOT_ON_REMOTE: 'NOT_ON_REMOTE' });

export async function blobId(bytes) {
  return toHex(await sha256(bytes));
}

export class BlobTransfer {
  /**
   * {data: the remote's storage below any encryption layer; encrypted: the remote's EncryptedStorage,
   * or null on a plain remote}.
   */
  constructor({ data, encrypted = null }) {
    this.data = data;
    this.encrypted = encrypted;
    this.keys = encrypted ? new BlobKeys(encrypted) : null;
  }

  /** The names blob {@code id} may have on the remote, newest generation first. */
  async names(id) {
    if (!this.keys) return [plainBlobName(id)];
    return Promise.all((await this.keys.generations()).map((g) => blobName(g.secret, id)));
  }

  /** Whether {@code local} and this remote can stream. */
  streams(local) {
    return typeof local.receive === 'function' && typeof local.source === 'function'
      && typeof this.data.openRead === 'function' && typeof this.data.createIfAbsentFrom === 'function';
  }

  /** Uploads blob {@code id} from {@code local}; false when this device has no copy to send. */
  async upload(local, id) {
    if (this.streams(local)) return this.uploadStreamed(local, id);
    const plain = await local.read(id);
    if (plain == null) return false;
    let name;
    let body;
    if (!this.keys) {
      name = plainBlobName(id);
      body = () => plain;
    } else {
      const u = await this.encrypted.current();
      const g = await this.keys.current(u.keys[0].id);
      name = await blobName(g.secret, id);
      const key = await blobKey(g.secret, id);
      body = () => encryptBlob(plain, key, g.number, name);
    }
    // A look first: an upload that finds the object costs one listing, not the file's bytes.
    const there = await this.data.list(name, null, 1);
    if (there[0] !== name) await this.data.createIfAbsent(name, await body());
    await local.markOnRemote(id);
    return true;
  }

  /**
   * Downloads blob {@code id} into {@code local} unless it is there: FETCHED, ALREADY_HERE or
   * NOT_ON_REMOTE; an object larger than {@code maxBytes} of content, cut short, altered or of
   * other content throws DamagedAttachmentError and keeps nothing.
   */
  async download(local, id, maxBytes) {
    if (!ID.test(id)) throw new TypeError('id: not a blob id: ' + id);
    if (await local.has(id)) return Fetched.ALREADY_HERE;
    if (this.streams(local)) return this.downloadStreamed(local, id, maxBytes);
    const cap = Math.min(maxBytes, MAX_ATTACHMENT);
    const generations = this.keys ? await this.keys.generations() : [];
    let name = null;
    let raw = null;
    for (const n of await this.names(id)) {
      name = n;
      try {
        raw = await this.data.get(n, this.keys ? encryptedLength(cap) : cap);
      } catch (e) {
        if (e.tooLarge) {
          throw damaged(n, 'it is larger than the attachment it stands for (' + cap + ' bytes'
            + (cap < maxBytes ? ', the most this device downloads' : '') + ')');
        }
        throw e;
      }
      if (raw != null) break;
    }
    if (raw == null) return Fetched.NOT_ON_REMOTE;
    const plain = !this.keys ? raw : await decryptBlob(raw, async (number) => {
      const g = generations.find((x) => x.number === number);
      return g ? blobKey(g.secret, id) : null;
    }, name);
    if (plain.length > cap) {
      throw damaged(name, 'it is larger than the attachment it stands for (' + cap + ' bytes)');
    }
    const got = await blobId(plain);
    if (got !== id) throw damaged(name, 'its content is not the attachment\'s (SHA-256 ' + got + ')');
    await local.publish(id, plain);
    await local.markOnRemote(id);
    return Fetched.FETCHED;
  }

  async uploadStreamed(local, id) {
    const src = await local.source(id);
    if (src == null) return false;
    let name;
    let body;
    if (!this.keys) {
      name = plainBlobName(id);
      body = { length: src.size, open: () => src.chunks(), sha256: id };
    } else {
      const u = await this.encrypted.current();
      const g = await this.keys.current(u.keys[0].id);
      name = await blobName(g.secret, id);
      const key = await blobKey(g.secret, id);
      body = { length: encryptedLength(src.size), open: () => encryptChunks(src.chunks(), src.size, key, g.number, name),
        sha256: null };
    }
    const there = await this.data.list(name, null, 1);
    if (there[0] !== name) await this.data.createIfAbsentFrom(name, body);
    await local.markOnRemote(id);
    return true;
  }

  async downloadStreamed(local, id, maxBytes) {
    const generations = this.keys ? await this.keys.generations() : [];
    const rawCap = this.keys ? encryptedLength(maxBytes) : maxBytes;
    for (const name of await this.names(id)) {
      const tooLarge = () => damaged(name, 'it is larger than the attachment it stands for (' + maxBytes + ' bytes)');
      let raw;
      try {
        raw = await this.data.openRead(name, rawCap);
      } catch (e) {
        throw e.tooLarge ? tooLarge() : e;
      }
      if (raw == null) continue;
      const bounded = (async function* () {
        try {
          yield* raw.chunks();
        } catch (e) {
          throw e.tooLarge ? tooLarge() : e;
        }
      })();
      const plain = !this.keys ? bounded : decryptChunks(bounded, async (number) => {
        const g = generations.find((x) => x.number === number);
        return g ? blobKey(g.secret, id) : null;
      }, name);
      await local.receive(id, plain, maxBytes, name);
      await local.markOnRemote(id);
      return Fetched.FETCHED;
    }
    return Fetched.NOT_ON_REMOTE;
  }
}

/** The blob ids {@code batch} sets in the blob column. */
export function namedBlobs(batch, table = 'attachments', column = 'blob') {
  const ids = new Set();
  for (const c of batch.changes) {
    if (c.table.toLowerCase() !== table.toLowerCase()) continue;
    for (const f of c.fields) {
      if (f.name.toLowerCase() === column.toLowerCase() && typeof f.value === 'string' && ID.test(f.value)) ids.add(f.value);
    }
  }
  return ids;
}

/**
 * The sync's beforePush: uploads the blobs an own batch names before the batch is created, each
 * once a sync; one this device has no copy of is said in {@code warnings} (other devices will show
 * it as missing), as the engine's BlobPush says it.
 */
export class BlobPush {
  constructor(transfer, local, warnings = []) {
    this.transfer = transfer;
    this.local = local;
    this.warnings = warnings;
    this.done = new Set();
    this.uploaded = 0;
  }

  async beforePush(batch) {
    for (const id of namedBlobs(batch)) {
      if (this.done.has(id)) continue;
      if (await this.transfer.upload(this.local, id)) {
        this.uploaded++;
      } else {
        this.warnings.push('An attachment (' + id.slice(0, 12) + '…) is named by a change from this device but its'
          + ' file is not on this device; other devices will show it as missing.');
      }
      this.done.add(id);
    }
  }
}

