import { promises as fs, constants } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { randomBytes } from '../crypto/aead.js';
import { toHex } from '../crypto/hash.js';
import { ID, blobId } from './blob-transfer.js';
import { damaged } from './blob-cipher.js';

/** How much of a file one read takes: what streaming holds of it at a time. */
export const READ_PIECE = 1 << 20;

/**
 * A device's local copies of attachments in a folder (Node), laid out as the engine's LocalBlobs:
 * `<dir>/<first two hex digits>/<id>` is a complete copy whose SHA-256 is its name, `<id>.up` beside
 * it marks one a remote is known to hold, `tmp/` holds copies being written.
 *
 * Invariant: a file appears under a blob's name only by renaming a fully written, fsynced temporary
 * file whose digest is the name (computed on add, checked by the download before publish), then
 * fsyncing the folder; a crash leaves complete copies and stray temporary files, which opening
 * removes. Only names of the id form are ever joined to the folder, so no row can reach outside it.
 *
 * Files of any size stream through ({@link addFile}, {@link source}, {@link receive}): at most a
 * piece of {@link READ_PIECE} is held at a time, hashed as it passes.
 */
export class FolderBlobs {
  constructor(dir) {
    this.dir = dir;
    this.tmp = join(dir, 'tmp');
    this.opened = null;
  }

  async open() {
    if (!this.opened) {
      this.opened = (async () => {
        await fs.mkdir(this.tmp, { recursive: true });
        for (const stale of await fs.readdir(this.tmp)) await fs.rm(join(this.tmp, stale), { force: true });
      })();
    }
    return this.opened;
  }

  path(id) {
    if (!ID.test(id)) throw new TypeError('id: not a blob id: ' + id);
    return join(this.dir, id.slice(0, 2), id);
  }

  /** Copies {@code bytes} in; {id, size}. */
  async add(bytes) {
    const id = await blobId(bytes);
    if (!(await this.has(id))) await this.publish(id, bytes);
    return { id, size: bytes.length };
  }

  async has(id) {
    try {
      return (await fs.lstat(this.path(id))).isFile();
    } catch (e) {
      if (e.code === 'ENOENT') return false;
      throw e;
    }
  }

  /** The copy's bytes, or null when this device has none. */
  async read(id) {
    try {
      const handle = await fs.open(this.path(id), constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        return new Uint8Array(await handle.readFile());
      } finally {
        await handle.close();
      }
    } catch (e) {
      if (e.code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Puts {@code bytes}, already checked to be blob {@code id}, under its name: written, fsynced, renamed. */
  async publish(id, bytes) {
    await this.open();
    const target = this.path(id);
    const temp = join(this.tmp, 'put-' + toHex(randomBytes(8)));
    try {
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.mkdir(join(this.dir, id.slice(0, 2)), { recursive: true });
      await fs.rename(temp, target);
      await syncFolder(join(this.dir, id.slice(0, 2)));
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  /** Copies the file at {@code path} in, streamed and hashed on the way: {id, size}. */
  async addFile(path) {
    await this.open();
    const temp = join(this.tmp, 'add-' + toHex(randomBytes(8)));
    const sha = createHash('sha256');
    let size = 0;
    try {
      const input = await fs.open(path, constants.O_RDONLY);
      try {
        const out = await fs.open(temp, 'wx');
        try {
          // One buffer for every piece: each is hashed and written before the next is read.
          for await (const piece of readPieces(input, new Uint8Array(READ_PIECE))) {
            sha.update(piece);
            size += piece.length;
            await writeAll(out, piece);
          }
          await out.sync();
        } finally {
          await out.close();
        }
      } finally {
        await input.close();
      }
      const id = sha.digest('hex');
      if (!(await this.has(id))) await this.place(temp, id);
      return { id, size };
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  /**
   * The copy as a stream: {size, chunks: () => async iterable of its bytes}, or null when there is
   * none. Each piece is one buffer read again and again: valid until the next piece is asked for.
   */
  async source(id) {
    let st;
    try {
      st = await fs.lstat(this.path(id));
    } catch (e) {
      if (e.code === 'ENOENT') return null;
      throw e;
    }
    if (!st.isFile()) return null;
    const file = this.path(id);
    return {
      size: st.size,
      async* chunks() {
        const handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
          yield* readPieces(handle, new Uint8Array(READ_PIECE));
        } finally {
          await handle.close();
        }
      },
    };
  }

  /**
   * Writes blob {@code id} from {@code chunks} (checked pieces of its content) into a temporary file,
   * hashing as it goes; keeps it under its name only when it is at most {@code maxBytes} long and its
   * SHA-256 is {@code id}. Otherwise DamagedAttachmentError naming {@code name}, and nothing stays.
   */
  async receive(id, chunks, maxBytes, name) {
    if (!ID.test(id)) throw new TypeError('id: not a blob id: ' + id);
    await this.open();
    const temp = join(this.tmp, 'get-' + toHex(randomBytes(8)));
    const sha = createHash('sha256');
    let total = 0;
    try {
      const out = await fs.open(temp, 'wx');
      try {
        for await (const piece of chunks) {
          total += piece.length;
          if (total > maxBytes) {
            throw damaged(name, 'it is larger than the attachment it stands for (' + maxBytes + ' bytes)');
          }
          sha.update(piece);
          await writeAll(out, piece);
        }
        await out.sync();
      } finally {
        await out.close();
      }
      const got = sha.digest('hex');
      if (got !== id) throw damaged(name, 'its content is not the attachment\'s (SHA-256 ' + got + ')');
      await this.place(temp, id);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  /** Renames a written, fsynced temporary file into place as blob {@code id}. */
  async place(temp, id) {
    await fs.mkdir(join(this.dir, id.slice(0, 2)), { recursive: true });
    await fs.rename(temp, this.path(id));
    await syncFolder(join(this.dir, id.slice(0, 2)));
  }

  async markOnRemote(id) {
    await fs.writeFile(this.path(id) + '.up', '');
  }

  async onRemote(id) {
    try {
      await fs.access(this.path(id) + '.up');
      return true;
    } catch {
      return false;
    }
  }
}

/** A file's pieces: each a fresh array, or {@code reuse} again and again when the caller is done with each. */
async function* readPieces(handle, reuse = null) {
  for (;;) {
    const buf = reuse ?? new Uint8Array(READ_PIECE);
    const { bytesRead } = await handle.read(buf, 0, buf.length, null);
    if (bytesRead === 0) return;
    yield buf.subarray(0, bytesRead);
  }
}

async function writeAll(handle, bytes) {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}

async function syncFolder(dir) {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some systems cannot fsync a folder; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
