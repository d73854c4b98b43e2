import { promises as fs, constants } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { SyncError, Reason } from '../errors.js';
import { MAX_OBJECT_BYTES } from '../wire/limits.js';
import { describeName, isValidSegment, tooLarge as tooLargeError, validateMaxNames, validateName, validatePrefix } from './names.js';
import { listTree } from './tree-lister.js';
import { randomBytes } from '../crypto/aead.js';
import { toHex } from '../crypto/hash.js';

/**
 * Objects as files under a folder (Node only), as the engine's FolderStorage: name a/b/c is the file
 * DIR/a/b/c. A write goes to a temp file (".tmp-…", which every lister ignores), is fsynced, and is
 * hard-linked into place, which fails when the name is taken: create-if-absent without a race. The
 * root folder is never created (a typo must show as NOT_FOUND). Symbolic links and special files
 * below the root are refused (CORRUPT for a read), so whoever else writes the folder cannot point a
 * name outside it; a file larger than any Tandem object is refused before it is read. A delete
 * removes the folders it leaves empty, never the root; a writer whose folder was removed meanwhile
 * makes it again.
 */
const TEMP_PREFIX = '.tmp-';
const MAKE_ATTEMPTS = 8;

export class FolderStorage {
  constructor(dir) {
    this.root = resolve(dir);
  }

  describe() {
    return 'folder:' + this.root;
  }

  async requireRoot(what) {
    let st = null;
    try {
      st = await fs.stat(this.root);
    } catch {
      st = null;
    }
    if (!st || !st.isDirectory()) {
      throw new SyncError(Reason.NOT_FOUND, 'Cannot ' + what + ': the sync folder ' + this.root + ' '
        + (st ? 'is not a folder' : 'does not exist'));
    }
  }

  failure(what, e) {
    return new SyncError(Reason.IO, 'Cannot ' + what + ' in folder ' + this.root + ': ' + (e.code ?? '') + ' '
      + e.message, { cause: e });
  }

  /** True when every folder between the root and the name's file is a real folder; a link throws. */
  async areDirectories(name, onLink) {
    let d = this.root;
    const segments = name.split('/');
    for (const segment of segments.slice(0, -1)) {
      d = join(d, segment);
      let st;
      try {
        st = await fs.lstat(d);
      } catch (e) {
        if (e.code === 'ENOENT') return false;
        throw e;
      }
      if (st.isSymbolicLink()) {
        throw new SyncError(onLink, 'Refusing to follow the symbolic link ' + d + " for key '" + name + "' in folder "
          + this.root);
      }
      if (!st.isDirectory()) return false;
    }
    return true;
  }

  /** The object's file's stats, or null when there is none (missing, or a folder). */
  async objectStats(name) {
    if (!(await this.areDirectories(name, Reason.CORRUPT))) return null;
    let st;
    try {
      st = await fs.lstat(join(this.root, name));
    } catch (e) {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return null;
      throw e;
    }
    if (st.isDirectory()) return null;
    if (!st.isFile()) {
      throw new SyncError(Reason.CORRUPT, "Object '" + name + "' in folder " + this.root + ' is a '
        + (st.isSymbolicLink() ? 'symbolic link' : 'special file') + ', not a file Tandem wrote; not followed');
    }
    return st;
  }

  async list(prefix, startAfter, maxNames) {
    const p = validatePrefix(prefix);
    validateMaxNames(maxNames);
    await this.requireRoot(p === '' ? 'list keys' : 'list keys under ' + describeName(p));
    try {
      return await listTree((folderPrefix) => this.children(folderPrefix), p, startAfter, maxNames);
    } catch (e) {
      if (e instanceof SyncError) throw e;
      throw this.failure('list keys', e);
    }
  }

  async children(folderPrefix) {
    const dir = folderPrefix === '' ? this.root : join(this.root, folderPrefix);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return [];
      throw e;
    }
    const nodes = [];
    for (const ent of entries) {
      if (!isValidSegment(ent.name)) continue;
      if (ent.isDirectory()) nodes.push({ name: folderPrefix + ent.name + '/', folder: true });
      else if (ent.isFile()) nodes.push({ name: folderPrefix + ent.name, folder: false });
    }
    return nodes;
  }

  async get(name, maxBytes = MAX_OBJECT_BYTES) {
    validateName(name);
    try {
      const st = await this.objectStats(name);
      if (st == null) {
        await this.requireRoot("get '" + name + "'");
        return null;
      }
      if (st.size > maxBytes) throw tooLargeError(name, 'folder ' + this.root, st.size, maxBytes);
      const handle = await fs.open(join(this.root, name), constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        const buf = new Uint8Array(Math.min(st.size, maxBytes) + 1);
        let n = 0;
        for (;;) {
          const { bytesRead } = await handle.read(buf, n, buf.length - n, null);
          if (bytesRead === 0) break;
          n += bytesRead;
          if (n >= buf.length) {
            if (n > maxBytes) throw tooLargeError(name, 'folder ' + this.root, n, maxBytes);
            break;
          }
        }
        return buf.slice(0, n);
      } finally {
        await handle.close();
      }
    } catch (e) {
      if (e instanceof SyncError) throw e;
      if (e.code === 'ENOENT') {
        await this.requireRoot("get '" + name + "'");
        return null;
      }
      await this.requireRoot("get '" + name + "'");
      throw this.failure("read '" + name + "'", e);
    }
  }

  /** Makes the name's missing folders (never the root) and writes the temp file, again if a delete raced. */
  async makeAndWrite(name, temp, data) {
    for (let attempt = 1; ; attempt++) {
      try {
        await fs.mkdir(dirname(join(this.root, name)), { recursive: true });
        const handle = await fs.open(temp, 'wx', 0o644);
        try {
          if (data instanceof Uint8Array) {
            await handle.writeFile(data);
          } else {
            await writeBody(handle, data, name);
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
        return;
      } catch (e) {
        if (e.code !== 'ENOENT' || attempt === MAKE_ATTEMPTS) throw e;
      }
    }
  }

  /**
   * An object read piece by piece (Node streaming of attachments): null when absent, else {length,
   * chunks: () => async iterable}; past {@code maxBytes} it throws tooLarge, before reading when the
   * file says so, else as soon as the bytes read pass it.
   */
  async openRead(name, maxBytes) {
    validateName(name);
    const st = await this.objectStats(name).catch((e) => {
      throw this.failure("read '" + name + "'", e);
    });
    if (st == null) {
      await this.requireRoot("get '" + name + "'");
      return null;
    }
    if (st.size > maxBytes) throw tooLargeError(name, 'folder ' + this.root, st.size, maxBytes);
    const file = join(this.root, name);
    const where = 'folder ' + this.root;
    return {
      length: st.size,
      async* chunks() {
        const handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
          let n = 0;
          for (;;) {
            const buf = new Uint8Array(PIECE);
            const { bytesRead } = await handle.read(buf, 0, buf.length, null);
            if (bytesRead === 0) return;
            n += bytesRead;
            if (n > maxBytes) throw tooLargeError(name, where, n, maxBytes);
            yield buf.subarray(0, bytesRead);
          }
        } finally {
          await handle.close();
        }
      },
    };
  }

  /** createIfAbsent of a streamed body {length, open: () => async iterable}, written piece by piece. */
  async createIfAbsentFrom(name, body) {
    return this.createIfAbsent(name, body);
  }

  async createIfAbsent(name, data) {
    validateName(name);
    await this.requireRoot("write '" + name + "'");
    const file = join(this.root, name);
    const temp = join(dirname(file), TEMP_PREFIX + toHex(randomBytes(12)));
    let wrote = false;
    try {
      const st = await fs.lstat(file).catch(() => null);
      if (st && st.isDirectory()) {
        throw new SyncError(Reason.IO, "Cannot write '" + name + "' in folder " + this.root + ': a folder of that'
          + ' name holds other objects');
      }
      if (st) return false;
      if (!(await this.areDirectories(name, Reason.IO))) {
        const parentSt = await this.parentNotFolder(name);
        if (parentSt) {
          throw new SyncError(Reason.IO, "Cannot write '" + name + "' in folder " + this.root + ': ' + parentSt
            + ' is an object, not a folder');
        }
      }
      wrote = true; // from here a temp file may exist, whole or cut short by a failing source
      await this.makeAndWrite(name, temp, data);
      try {
        await fs.link(temp, file);
      } catch (e) {
        if (e.code === 'EEXIST') return false;
        throw e;
      }
      await syncDir(dirname(file));
      return true;
    } catch (e) {
      if (e instanceof SyncError) throw e;
      throw this.failure("write '" + name + "'", e);
    } finally {
      if (wrote) await fs.rm(temp, { force: true }).catch(() => {});
    }
  }

  async parentNotFolder(name) {
    let d = this.root;
    for (const segment of name.split('/').slice(0, -1)) {
      d = join(d, segment);
      const st = await fs.lstat(d).catch(() => null);
      if (st && !st.isDirectory()) return d;
      if (!st) return null;
    }
    return null;
  }

  async overwrite(name, data) {
    validateName(name);
    await this.requireRoot("write '" + name + "'");
    const file = join(this.root, name);
    const temp = join(dirname(file), TEMP_PREFIX + toHex(randomBytes(12)));
    try {
      await this.makeAndWrite(name, temp, data);
      await fs.rename(temp, file);
      return this.version(name);
    } catch (e) {
      await fs.rm(temp, { force: true }).catch(() => {});
      throw this.failure("write '" + name + "'", e);
    }
  }

  /** The file's identity, modification time and size: a rename onto it changes the identity. */
  async version(name) {
    validateName(name);
    await this.requireRoot("check '" + name + "'");
    const st = await fs.lstat(join(this.root, name), { bigint: true }).catch(() => null);
    return st && st.isFile() ? st.ino + '/' + st.mtimeNs + '/' + st.size : 'missing';
  }

  /** Removes {@code folder} ("a/b/") and the folders above it while they are empty; never the root. */
  async removeFolder(folder) {
    if (typeof folder !== 'string' || folder.length < 2 || !folder.endsWith('/')) {
      throw new SyncError(Reason.CORRUPT, 'Not a folder: ' + describeName(folder) + " (a key followed by '/')");
    }
    validateName(folder.slice(0, -1));
    await this.requireRoot("remove folder '" + folder + "'");
    if (!(await this.areDirectories(folder + 'x', Reason.IO))) return;
    for (let d = join(this.root, folder.slice(0, -1)); d.startsWith(this.root + '/') && d !== this.root; d = dirname(d)) {
      try {
        await fs.rmdir(d);
      } catch {
        return;
      }
    }
  }

  async delete(name) {
    validateName(name);
    await this.requireRoot("delete '" + name + "'");
    const file = join(this.root, name);
    try {
      if (!(await this.areDirectories(name, Reason.IO))) return;
      const st = await fs.lstat(file).catch(() => null);
      if (!st || st.isDirectory()) return;
      await fs.rm(file, { force: true });
    } catch (e) {
      if (e instanceof SyncError) throw e;
      throw this.failure("delete '" + name + "'", e);
    }
    for (let d = dirname(file); d.startsWith(this.root + '/') && d !== this.root; d = dirname(d)) {
      try {
        await fs.rmdir(d);
      } catch {
        return;
      }
    }
  }
}

const PIECE = 1 << 20;

async function writeBody(handle, body, name) {
  let n = 0;
  for await (const piece of body.open()) {
    n += piece.length;
    if (n > body.length) break;
    let at = 0;
    while (at < piece.length) at += (await handle.write(piece, at, piece.length - at)).bytesWritten;
  }
  if (n !== body.length) throw new Error("'" + name + "' was to be " + body.length + ' bytes but its source gave ' + n);
}

async function syncDir(dir) {
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Some file systems cannot fsync a directory; the object is written either way.
  }
}
