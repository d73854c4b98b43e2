import { SyncError, Reason } from '../errors.js';
import { MAX_OBJECT_BYTES } from '../wire/limits.js';
import { describeName, tooLarge, validateMaxNames, validateName, validatePrefix } from './names.js';
import { bodyChunks, open, send, settle, statusError } from './http.js';
import { listTree } from './tree-lister.js';
import { elements, first } from './xml.js';
import { equalBytes, randomBytes } from '../crypto/aead.js';
import { toHex } from '../crypto/hash.js';

/**
 * A WebDAV folder over fetch (Nextcloud, ownCloud, a NAS, Apache, rclone), as the engine's
 * WebDavStorage and DavCreate: Basic auth; names are files under the folder's URL, listed with one
 * PROPFIND (Depth 1) per folder a page reaches; a PUT into a missing folder makes the folders
 * (MKCOL) and tries once more. Create-if-absent is whichever of WebDAV's two ways the server
 * honours, asked once on hidden probe names: a PUT with If-None-Match: * (one request per write),
 * else a PUT to a hidden temporary name and a MOVE with Overwrite: F; a server with neither is
 * refused, NO_CONDITIONAL_WRITES, before anything is written. Hidden names fail the name rule, so no
 * listing shows them. The root folder is never created (a typo must show as NOT_FOUND). A GET larger
 * than any Tandem object and a listing larger than 64 MiB are refused unread.
 *
 * <p>Options: {url, user, password, fetch}.
 */
const TEMP_PREFIX = '.tandem-tmp-';
const PROBE_PREFIX = '.tandem-probe-';
const MAX_LISTING = 64 << 20;
const XML = 'application/xml; charset=utf-8';
const PROPFIND = '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/>'
  + '<D:getetag/></D:prop></D:propfind>';

function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export class WebDavStorage {
  constructor({ url, user = null, password = null, fetch: fetchImpl = globalThis.fetch } = {}) {
    if (!/^https?:\/\//.test(url ?? '')) throw new TypeError('url: must be an http(s) URL, was ' + url);
    this.base = url.endsWith('/') ? url : url + '/';
    this.basePath = new URL(this.base).pathname;
    this.auth = user != null ? 'Basic ' + base64(user + ':' + (password ?? '')) : null;
    this.fetch = fetchImpl;
    this.mode = null;
    this.folders = new Set();
    this.objects = new Set();
    this.rootSeen = false;
  }

  describe() {
    return 'webdav:' + this.base;
  }

  resolve(name) {
    return this.base + name.split('/').map((s) => encodeURIComponent(s)).join('/');
  }

  async req(method, name, { headers = {}, body = null, maxBody = 1 << 20, what, url = null }) {
    const h = { ...headers };
    if (this.auth) h.authorization = this.auth;
    // A streamed body ({length, open}) is sent anew from its source on each attempt, each piece copied
    // (the source may hand out one buffer again and again).
    const streamed = body != null && typeof body.open === 'function';
    if (streamed) h['content-length'] = String(body.length);
    const init = () => (streamed ? { method, headers: h, duplex: 'half', body: ReadableStream.from((async function* () {
      for await (const piece of body.open()) yield piece.slice();
    })()) } : { method, headers: h, body });
    let r = await send(this.fetch, url ?? this.resolve(name), init(), maxBody, what);
    // 423 Locked: the server is busy with the name (a MOVE, an upload); nothing was done, so again.
    for (let i = 0; r.status === 423 && i < 5; i++) {
      r = await send(this.fetch, url ?? this.resolve(name), init(), maxBody, what);
    }
    return r;
  }

  /**
   * A GET whose body is read piece by piece (Node streaming of attachments): null when absent, else
   * {length, chunks}; an object declared or found larger than {@code maxBytes} throws tooLarge.
   */
  async openRead(name, maxBytes) {
    validateName(name);
    const what = "get '" + name + "'";
    const h = this.auth ? { authorization: this.auth } : {};
    const r = await open(this.fetch, this.resolve(name), { method: 'GET', headers: h }, what);
    if (r.status === 200) {
      const declared = Number(r.headers.get('content-length') ?? -1);
      if (declared > maxBytes || this.isWebPage(r)) {
        await r.body?.cancel().catch(() => {});
        if (declared > maxBytes) throw tooLarge(name, this.describe(), declared, maxBytes);
        throw this.webPage(what);
      }
      this.rootSeen = true;
      const where = this.describe();
      return { length: declared, chunks: () => bodyChunks(r, maxBytes, (n) => tooLarge(name, where, n, maxBytes), what) };
    }
    const answer = await settle(r, 1 << 20, what);
    if (answer.status === 404 || answer.status === 410
      || ((answer.status === 405 || answer.status === 409) && await this.isFolder(name))) {
      await this.requireRoot(what);
      return null;
    }
    throw this.fail(what, answer);
  }

  /** createIfAbsent of a streamed body {length, open: () => async iterable}, sent as it is read. */
  async createIfAbsentFrom(name, body) {
    return this.createIfAbsent(name, body);
  }

  fail(what, r) {
    return statusError(this.describe(), what, r);
  }

  webPage(what) {
    return new SyncError(Reason.SERVER_FAULT, 'Cannot ' + what + ' in ' + this.describe() + ': the address answers'
      + ' with a web page, not WebDAV; use the WebDAV address (Nextcloud: Files → Settings → WebDAV)');
  }

  isWebPage(r) {
    return (r.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html');
  }

  async requireRoot(what) {
    if (this.rootSeen) return;
    const r = await this.req('PROPFIND', '', { url: this.base, headers: { depth: '0', 'content-type': XML },
      body: PROPFIND, maxBody: MAX_LISTING, what });
    if (r.status === 207) {
      this.rootSeen = true;
      return;
    }
    if (r.status === 404 || r.status === 409) throw this.missingRoot(what);
    throw r.status < 300 ? this.webPage(what) : this.fail(what, r);
  }

  missingRoot(what) {
    return new SyncError(Reason.NOT_FOUND, 'Cannot ' + what + ' in ' + this.describe() + ': the folder does not exist'
      + ' on the server. Create it first (for example in Nextcloud\'s Files) and check the address');
  }

  async list(prefix, startAfter, maxNames) {
    const p = validatePrefix(prefix);
    validateMaxNames(maxNames);
    return listTree((folder) => this.children(folder, p), p, startAfter, maxNames);
  }

  /** The children of one folder: one PROPFIND, Depth 1. */
  async children(folderPrefix, prefix) {
    const what = prefix === '' ? 'list keys' : 'list keys under ' + describeName(prefix);
    const url = folderPrefix === '' ? this.base : this.resolve(folderPrefix.slice(0, -1)) + '/';
    const r = await this.req('PROPFIND', null, { url, headers: { depth: '1', 'content-type': XML }, body: PROPFIND,
      maxBody: MAX_LISTING, what });
    if (r.status === 404 || r.status === 409 || r.status === 400) {
      if (folderPrefix === '') throw r.status === 400 ? this.fail(what, r) : this.missingRoot(what);
      await this.requireRoot(what);
      return [];
    }
    if (r.status !== 207 || r.body == null) {
      throw r.body == null ? new SyncError(Reason.SERVER_FAULT, 'Cannot ' + what + ': the listing is larger than'
        + ' 64 MiB') : r.status < 300 ? this.webPage(what) : this.fail(what, r);
    }
    const basePath = decodeURIComponent(new URL(url).pathname);
    const nodes = [];
    for (const resp of elements(new TextDecoder().decode(r.body), 'response')) {
      const href = first(resp, 'href');
      if (href == null) continue;
      let path;
      try {
        path = decodeURIComponent(new URL(href, url).pathname);
      } catch {
        continue;
      }
      if (!path.startsWith(basePath)) continue;
      let name = path.slice(basePath.length);
      name = name.endsWith('/') ? name.slice(0, -1) : name;
      if (name === '' || name.includes('/')) continue;
      const collection = elements(resp, 'resourcetype').some((t) => /<(?:[A-Za-z0-9_.-]+:)?collection\b/.test(t));
      if (collection) {
        this.folders.add(folderPrefix + name + '/');
        nodes.push({ name: folderPrefix + name + '/', folder: true });
      } else {
        nodes.push({ name: folderPrefix + name, folder: false });
        this.objects.add(folderPrefix + name);
      }
    }
    if (folderPrefix === '') this.rootSeen = true;
    return nodes;
  }

  async isFolder(name) {
    const r = await this.req('PROPFIND', null, { url: this.resolve(name) + '/', headers: { depth: '0',
      'content-type': XML }, body: PROPFIND, maxBody: MAX_LISTING, what: "check '" + name + "'" });
    return r.status === 207 && r.body != null && elements(new TextDecoder().decode(r.body), 'resourcetype')
      .some((t) => /<(?:[A-Za-z0-9_.-]+:)?collection\b/.test(t));
  }

  async get(name, maxBytes = MAX_OBJECT_BYTES) {
    validateName(name);
    const what = "get '" + name + "'";
    const r = await this.req('GET', name, { maxBody: maxBytes, what });
    if (r.status === 200) {
      if (r.body == null) {
        throw tooLarge(name, this.describe(), r.tooLarge, maxBytes);
      }
      if (this.isWebPage(r)) throw this.webPage(what);
      this.rootSeen = true;
      return r.body;
    }
    if (r.status === 404 || r.status === 410 || ((r.status === 405 || r.status === 409) && await this.isFolder(name))) {
      await this.requireRoot(what);
      return null;
    }
    throw this.fail(what, r);
  }

  async put(name, data, headers, what) {
    const parent = name.slice(0, name.lastIndexOf('/') + 1);
    let r = await this.req('PUT', name, { headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: data, what });
    if ((r.status === 409 || r.status === 404) && parent !== '') {
      await this.makeFolders(parent, what);
      r = await this.req('PUT', name, { headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: data, what });
    }
    if (r.status >= 200 && r.status < 300) {
      this.rootSeen = true;
      this.objects.add(name);
    }
    return r;
  }

  /** MKCOL each missing folder of {@code folder} ("a/b/"), from the top; never the root. */
  async makeFolders(folder, what) {
    const segments = folder.slice(0, -1).split('/');
    for (let i = 1; i <= segments.length; i++) {
      const f = segments.slice(0, i).join('/') + '/';
      if (this.folders.has(f)) continue;
      const r = await this.req('MKCOL', null, { url: this.resolve(f.slice(0, -1)) + '/', what });
      // 405: it exists already. Apache answers 403 when another MKCOL of the same folder won the race: then it exists too.
      if (r.status === 201 || r.status === 405 || r.status === 301 || r.status === 403 && await this.isFolder(f.slice(0, -1))) {
        this.folders.add(f);
      } else if (r.status === 409 && i === 1) {
        throw this.missingRoot(what);
      } else if (!(r.status >= 200 && r.status < 300)) {
        throw this.fail(what, r);
      }
    }
  }

  async createIfAbsent(name, data) {
    validateName(name);
    const what = "write '" + name + "'";
    if ((await this.createMode(what)) === 'if-none-match') {
      const r = await this.put(name, data, { 'if-none-match': '*' }, what);
      if (r.status >= 200 && r.status < 300) return true;
      if (r.status === 412) return false;
      throw this.fail(what, r);
    }
    const temp = name.slice(0, name.lastIndexOf('/') + 1) + TEMP_PREFIX + toHex(randomBytes(8));
    const written = await this.put(temp, data, {}, what);
    if (!(written.status >= 200 && written.status < 300)) {
      await this.deleteQuietly(temp);
      throw this.fail(what, written);
    }
    const moved = await this.move(temp, name, what);
    if (moved.status >= 200 && moved.status < 300) return true;
    await this.deleteQuietly(temp);
    if (moved.status === 412) return false;
    throw this.fail(what, moved);
  }

  move(from, to, what) {
    return this.req('MOVE', from, { headers: { destination: this.resolve(to), overwrite: 'F' }, what });
  }

  /** How this server refuses overwrites, asked once on hidden probe names. */
  async createMode(what) {
    if (this.mode) return this.mode;
    const probe = PROBE_PREFIX + toHex(randomBytes(8));
    const body = new TextEncoder().encode('Tandem checks that this server refuses to overwrite\n');
    const firstPut = await this.put(probe, body, { 'if-none-match': '*' }, what);
    if (!(firstPut.status >= 200 && firstPut.status < 300)) {
      throw firstPut.status === 404 || firstPut.status === 409 ? this.missingRoot(what) : this.fail(what, firstPut);
    }
    try {
      const second = await this.put(probe, body, { 'if-none-match': '*' }, what);
      if (second.status === 412) return (this.mode = 'if-none-match');
      if (!(second.status >= 200 && second.status < 300)) throw this.fail(what, second);
      const temp = TEMP_PREFIX + toHex(randomBytes(8));
      const written = await this.put(temp, body, {}, what);
      if (!(written.status >= 200 && written.status < 300)) throw this.fail(what, written);
      const moved = await this.move(temp, probe, what);
      await this.deleteQuietly(temp);
      if (moved.status === 412) return (this.mode = 'move');
      throw new SyncError(Reason.NO_CONDITIONAL_WRITES, 'Cannot ' + what + ' in ' + this.describe() + ': the server'
        + ' overwrites a file that exists although asked not to (it ignores If-None-Match on PUT, and MOVE with'
        + ' Overwrite: F answered HTTP ' + moved.status + '), so devices syncing at the same time could replace each'
        + " other's changes");
    } finally {
      await this.deleteQuietly(probe);
    }
  }

  async deleteQuietly(name) {
    try {
      await this.req('DELETE', name, { headers: { depth: '0' }, what: "remove '" + name + "'" });
    } catch {
      // Hidden from listings: a failure only leaves litter.
    }
  }

  async overwrite(name, data) {
    validateName(name);
    const what = "write '" + name + "'";
    const r = await this.put(name, data, {}, what);
    if (!(r.status >= 200 && r.status < 300)) throw this.fail(what, r);
    return r.headers.get('etag') ?? this.version(name);
  }

  async version(name) {
    validateName(name);
    const what = "check '" + name + "'";
    const r = await this.req('HEAD', name, { maxBody: 0, what });
    if (r.status === 404) return 'missing';
    if (r.status === 200 && !this.isWebPage(r)) return r.headers.get('etag') ?? 'unknown';
    throw r.status === 200 ? this.webPage(what) : this.fail(what, r);
  }

  /** Deletes a file; a missing one is no error, and a folder (which a DELETE would take whole) is left alone. */
  async delete(name) {
    validateName(name);
    if (this.folders.has(name + '/') || (!this.objects.has(name) && await this.isFolder(name))) return;
    const what = "delete '" + name + "'";
    const r = await this.req('DELETE', name, { headers: { depth: '0' }, what });
    if (!(r.status >= 200 && r.status < 300) && r.status !== 404) throw this.fail(what, r);
    this.objects.delete(name);
  }

  /** Deletes {@code folder} only when it holds nothing (a DELETE of a folder takes everything in it). */
  async removeFolder(folder) {
    validateName(folder.slice(0, -1));
    const what = "remove folder '" + folder + "'";
    if ((await this.children(folder, folder)).length > 0) return;
    const r = await this.req('DELETE', null, { url: this.resolve(folder.slice(0, -1)) + '/',
      headers: { depth: 'infinity' }, what });
    if (!(r.status >= 200 && r.status < 300) && r.status !== 404) throw this.fail(what, r);
    for (const f of [...this.folders]) if (f.startsWith(folder)) this.folders.delete(f);
  }
}

export { equalBytes };
