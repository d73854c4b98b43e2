/*
 * The page as its own device keeps itself in this browser's IndexedDB (database "tandem-device", one object store
 * "device"), these records:
 * - "state": the replica, the same JSON text tandem-js keeps in its state.json (changelog, winners, conflicts, the
 *   sync state per remote);
 * - "settings": the remote (S3 endpoint, bucket, prefix, region and keys, or a WebDAV URL, user and password), the
 *   device's name, when it last synced;
 * - "screen": the first screen kept (device-first-screen.js);
 * - "key": the key the passphrase gave for the keyring's passphrase slot, as a WebCrypto key made non-extractable
 *   (no script, ours included, can read its bytes back), with that slot's salt. The passphrase itself is never kept;
 * - "storeKey": the store key, an AES-GCM 256 WebCrypto key made non-extractable at join, which seals "state",
 *   "settings" and "screen" (and the kept files' bytes, below): each is kept as device-seal.js's {v, iv, data}
 *   with its name as the additional data. A record that does not open (tampered, swapped, junk) is as missing.
 *
 * Invariants. Every write is one IndexedDB transaction, so a crash, a closed tab or a full disk leaves the old
 * records or the new ones, never half of them; joining writes all of them in one transaction only after the first
 * sync succeeded, so a wrong passphrase or an unreachable remote stores nothing. Sealing is done before the
 * transaction opens: a transaction commits by itself once its requests are done and the code awaits anything else.
 * A browser that joined before records were sealed has them as plain JSON and no store key: the first load reads
 * them as they are and rewrites them sealed under a new store key, all in one transaction (should that write fail,
 * the page goes on with them plain, writes them plain, and the next load tries again). Without IndexedDB the page
 * cannot be its own device (it says so). The files it keeps are in a database of their own (below).
 */
import { isSealed, newStoreKey, openBytes, openText, seal } from './device-seal.js';

const DB = 'tandem-device';
const STORE = 'device';

let dbPromise = null;
/** Set once the device is being forgotten: nothing may open (and so re-create) the database again. */
let forgotten = false;
/** The store key read or made; null before, and while records are kept plain (a migration that failed). */
let storeKey = null;
function open() {
  if (forgotten) return Promise.reject(new Error('forgotten'));
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      if (!window.indexedDB) { reject(new Error('no IndexedDB')); return; }
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    dbPromise.catch(() => { dbPromise = null; });
  }
  return dbPromise;
}

/** Runs fn(store) in one transaction; resolves with what fn's requests gave once the transaction committed. */
async function tx(mode, fn) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode, { durability: 'strict' });
    const out = fn(t.objectStore(STORE));
    t.oncomplete = () => resolve(out && out.result !== undefined ? out.result : out);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error('aborted'));
  });
}

/** Record {@code name}'s value as kept: sealed under the store key, or as it is while records are kept plain. */
const pack = (name, text) => (storeKey ? seal(storeKey, name, text) : Promise.resolve(text));

/** The settings in a record: sealed JSON under {@code key}, or (no key: an older page's) a plain object; else null. */
async function settingsOf(key, raw) {
  if (!key) return raw && typeof raw === 'object' && !isSealed(raw) ? raw : null;
  const text = await openText(key, 'settings', raw);
  try {
    const s = text == null ? null : JSON.parse(text);
    return s && typeof s === 'object' && !Array.isArray(s) ? s : null;
  } catch (e) {
    return null;
  }
}

/** A text record: sealed under {@code key}, or (no key: an older page's) a plain string; else null. */
const textOf = async (key, name, raw) => (key ? openText(key, name, raw) : typeof raw === 'string' ? raw : null);

/**
 * The device kept here: {state, settings, key}; {unreadable: true} when it joined but its replica or settings do not
 * open; null when this browser never joined. {@code onScreen} has the record "screen" (device-first-screen.js) of a
 * device with all three, before the replica's megabytes are read and opened.
 */
export async function loadDevice(onScreen) {
  let db;
  try { db = await open(); } catch (e) { return null; }
  let shown = null;
  const got = await new Promise((resolve, reject) => {
    const t = db.transaction(STORE, 'readonly');
    const s = t.objectStore(STORE);
    const got = {};
    const get = (name) => { s.get(name).onsuccess = (ev) => { got[name] = ev.target.result; }; };
    // Requests answer in the order made.
    get('storeKey');
    get('settings');
    get('key');
    s.getKey('state').onsuccess = (ev) => { got.has = ev.target.result; };
    s.get('screen').onsuccess = (ev) => {
      const raw = ev.target.result;
      got.screen = raw;
      if (!onScreen || !got.settings || !got.key || got.has === undefined) return;
      // Opened while the replica is read.
      shown = (async () => {
        const [settings, text] = await Promise.all([settingsOf(got.storeKey, got.settings), textOf(got.storeKey, 'screen', raw)]);
        if (settings && text) onScreen(text, settings);
      })().catch(() => { /* without */ });
    };
    get('state');
    t.oncomplete = () => resolve(got);
    t.onerror = () => reject(t.error);
  });
  await shown;
  if (got.state === undefined || got.settings === undefined || !got.key) return null;
  const key = got.storeKey instanceof CryptoKey ? got.storeKey : null;
  // The replica's decryption, between these marks (the benchmark's phases: OwnDevicePagePerfTest).
  performance.mark('tandem:read');
  const [state, settings] = await Promise.all([textOf(key, 'state', got.state), settingsOf(key, got.settings)]);
  performance.mark('tandem:unsealed');
  if (state == null || settings == null || (!key && got.storeKey !== undefined)) return { unreadable: true };
  storeKey = key;
  if (!key) await sealAll(state, settings, got.screen);
  return { state, settings, key: got.key };
}

/** An older page's plain records, sealed under a new store key in one transaction; kept plain should that fail. */
async function sealAll(state, settings, screen) {
  try {
    const k = await newStoreKey();
    const [st, se, sc] = await Promise.all([seal(k, 'state', state), seal(k, 'settings', JSON.stringify(settings)),
      typeof screen === 'string' ? seal(k, 'screen', screen) : null]);
    await tx('readwrite', (s) => {
      s.put(k, 'storeKey');
      s.put(st, 'state');
      s.put(se, 'settings');
      if (sc) s.put(sc, 'screen'); else s.delete('screen');
    });
    storeKey = k;
    // The files an older page kept plain, one at a time, while the page starts.
    sealPlainFiles().catch(() => {});
  } catch (e) {
    console.warn('the device\'s records stay plain until the next load:', e);
  }
}

/**
 * Keeps a joined device: all three records in one transaction, sealed under the store key (a new one when joining,
 * or while records were kept plain: then the first screen kept under no key is dropped).
 */
export async function keepDevice({ state, settings, key }) {
  const fresh = !storeKey;
  const k = storeKey || await newStoreKey();
  const [st, se] = await Promise.all([seal(k, 'state', state), seal(k, 'settings', JSON.stringify(settings))]);
  await tx('readwrite', (s) => {
    s.put(k, 'storeKey');
    s.put(st, 'state');
    s.put(se, 'settings');
    s.put(key, 'key');
    if (fresh) s.delete('screen');
  });
  storeKey = k;
}

/** Replaces the replica's record (after a change or a sync); the settings too when given. */
export async function keepState(state, settings) {
  const [st, se] = await Promise.all([pack('state', state),
    settings ? (storeKey ? pack('settings', JSON.stringify(settings)) : settings) : null]);
  return tx('readwrite', (s) => {
    s.put(st, 'state');
    if (se) s.put(se, 'settings');
  });
}

/** Keeps the record "screen" (device-first-screen.js). */
export async function keepScreen(text) {
  const sc = await pack('screen', text);
  return tx('readwrite', (s) => { s.put(sc, 'screen'); });
}

/** Forgets the device (leaving): every record, in one transaction. */
export async function forgetDevice() {
  await tx('readwrite', (s) => s.clear());
  storeKey = null;
}

/**
 * Deletes the whole database (the replica, the remote's settings and the kept key). Its records are cleared first,
 * in one transaction, so even a deletion the browser keeps waiting (another tab holding it open) leaves no key
 * and no replica behind; from then on nothing of this page opens the database again.
 */
export async function deleteDevice() {
  await forgetDevice();
  forgotten = true;
  const db = await dbPromise;
  dbPromise = null;
  if (db) db.close();
  await new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
  await deleteFiles();
}

// ---- the files kept (device-kept-files.js) ----------------------------------------------------------------------
/*
 * Attachments' bytes live in a database of their own, "tandem-files": store "bytes" (blob id → Uint8Array) and store
 * "meta" (blob id → {size, opened, pending}), so the budget is reckoned from the small records without reading a
 * file's bytes. A record's two halves are written and deleted in one transaction. The bytes are sealed under the
 * store key with "file:" and the blob id as the additional data; bytes that do not open are a file not kept (it is
 * downloaded again, checked). Bytes an older page kept plain are read as they are and sealed when first read.
 */
const FILES_DB = 'tandem-files';
let filesPromise = null;
function openFiles() {
  if (!filesPromise) {
    filesPromise = new Promise((resolve, reject) => {
      if (!window.indexedDB) { reject(new Error('no IndexedDB')); return; }
      const req = indexedDB.open(FILES_DB, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('bytes');
        req.result.createObjectStore('meta');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    filesPromise.catch(() => { filesPromise = null; });
  }
  return filesPromise;
}

async function filesTx(mode, names, fn) {
  const db = await openFiles();
  return new Promise((resolve, reject) => {
    const t = db.transaction(names, mode);
    const out = fn(...names.map((n) => t.objectStore(n)));
    t.oncomplete = () => resolve(out && out.result !== undefined ? out.result : out);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error('aborted'));
  });
}

/** The backend KeptFiles keeps its copies in: get, put, touch, delete, list. */
export const filesBackend = {
  async get(id) {
    let meta = null;
    let raw = null;
    await filesTx('readonly', ['meta', 'bytes'], (m, b) => {
      m.get(id).onsuccess = (ev) => { meta = ev.target.result ?? null; };
      b.get(id).onsuccess = (ev) => { raw = ev.target.result ?? null; };
    });
    if (!meta || !raw) return null;
    if (raw instanceof Uint8Array) {
      // Kept plain by an older page (or while records are kept plain): sealed now, when it can be.
      if (storeKey) await this.put(id, { ...meta, bytes: raw }).catch(() => {});
      return { ...meta, bytes: raw };
    }
    const bytes = await openBytes(storeKey, 'file:' + id, raw);
    return bytes ? { ...meta, bytes } : null;
  },
  async put(id, rec) {
    const bytes = storeKey ? await seal(storeKey, 'file:' + id, rec.bytes) : rec.bytes;
    await filesTx('readwrite', ['meta', 'bytes'], (m, b) => {
      m.put({ size: rec.size, opened: rec.opened, pending: rec.pending }, id);
      b.put(bytes, id);
    });
  },
  touch(id, opened) {
    return filesTx('readwrite', ['meta'], (m) => {
      const req = m.get(id);
      req.onsuccess = () => { if (req.result) m.put({ ...req.result, opened }, id); };
    }).then(() => undefined);
  },
  delete(id) {
    return filesTx('readwrite', ['meta', 'bytes'], (m, b) => { m.delete(id); b.delete(id); }).then(() => undefined);
  },
  async list() {
    let keys = [];
    let values = [];
    await filesTx('readonly', ['meta'], (m) => {
      m.getAllKeys().onsuccess = (ev) => { keys = ev.target.result; };
      m.getAll().onsuccess = (ev) => { values = ev.target.result; };
    });
    return keys.map((id, i) => ({ id, ...values[i] }));
  },
};

/** Seals every file's bytes an older page kept plain (reading one seals it). */
async function sealPlainFiles() {
  let ids = [];
  await filesTx('readonly', ['bytes'], (b) => { b.getAllKeys().onsuccess = (ev) => { ids = ev.target.result; }; });
  for (const id of ids) await filesBackend.get(id);
}

/** Deletes the kept files' database too (forgetting the remote leaves nothing of it in this browser). */
async function deleteFiles() {
  const db = filesPromise ? await filesPromise.catch(() => null) : null;
  filesPromise = null;
  if (db) db.close();
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(FILES_DB);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    req.onblocked = () => resolve();
  });
}
