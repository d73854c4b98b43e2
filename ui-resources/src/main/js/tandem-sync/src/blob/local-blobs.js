import { promises as fs, constants } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from '../crypto/aead.js';
import { toHex } from '../crypto/hash.js';
import { ID, blobId } from './blob-transfer.js';

/**
 * A device's local copies of attachments in a folder (Node), laid out as the engine's LocalBlobs:
 * `<dir>/<first two hex digits>/<id>` is a complete copy whose SHA-256 is its name, `<id>.up` beside
 * it marks one a remote is known to hold, `tmp/` holds copies being written.
 *
 * Invariant: a file appears under a blob's name only by renaming a fully written, fsynced temporary
 * file whose digest is the name (computed on add, checked by the download before publish), then
 * fsyncing the folder; a crash leaves complete copies and stray temporary files, which opening
 * removes. Only names of the id form are ever joined to the folder, so no row can reach outside it.
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
