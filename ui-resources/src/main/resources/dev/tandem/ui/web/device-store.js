/*
 * The page as its own device keeps itself in this browser's IndexedDB (database "tandem-device", one object store
 * "device"), three records:
 * - "state": the replica, the same JSON text tandem-js keeps in its state.json (changelog, winners, conflicts, the
 *   sync state per remote);
 * - "settings": the remote (S3 endpoint, bucket, prefix, region and keys, or a WebDAV URL, user and password), the
 *   device's name, when it last synced;
 * - "key": the key the passphrase gave for the keyring's passphrase slot, as a WebCrypto key made non-extractable
 *   (no script, ours included, can read its bytes back), with that slot's salt. The passphrase itself is never kept.
 *
 * Invariants. Every write is one IndexedDB transaction, so a crash, a closed tab or a full disk leaves the old
 * records or the new ones, never half of them; joining writes all three in one transaction only after the first
 * sync succeeded, so a wrong passphrase or an unreachable remote stores nothing. Without IndexedDB the page cannot
 * be its own device (it says so). The files it keeps are in a database of their own (below).
 */
const DB = 'tandem-device';
const STORE = 'device';

let dbPromise = null;
/** Set once the device is being forgotten: nothing may open (and so re-create) the database again. */
let forgotten = false;
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

/**
 * The device kept here: {state, settings, key}, or null when this browser never joined. {@code onScreen} has the
 * record "screen" (device-first-screen.js) of a device with all three, before the replica's megabytes are read.
 */
export async function loadDevice(onScreen) {
  let db;
  try { db = await open(); } catch (e) { return null; }
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, 'readonly');
    const s = t.objectStore(STORE);
    const got = {};
    const get = (name) => { s.get(name).onsuccess = (ev) => { got[name] = ev.target.result; }; };
    // Requests answer in the order made.
    get('settings');
    get('key');
    s.getKey('state').onsuccess = (ev) => { got.has = ev.target.result; };
    s.get('screen').onsuccess = (ev) => {
      // A throw here would abort the transaction.
      try { if (onScreen && got.settings && got.key && got.has) onScreen(ev.target.result, got.settings); } catch (e) { /* without */ }
    };
    get('state');
    t.oncomplete = () => resolve(got.state && got.settings && got.key ? got : null);
    t.onerror = () => reject(t.error);
  });
}

/** Keeps a joined device: all three records in one transaction. */
export function keepDevice({ state, settings, key }) {
  return tx('readwrite', (s) => {
    s.put(state, 'state');
    s.put(settings, 'settings');
    s.put(key, 'key');
  });
}

/** Replaces the replica's record (after a change or a sync); the settings too when given. */
export function keepState(state, settings) {
  return tx('readwrite', (s) => {
    s.put(state, 'state');
    if (settings) s.put(settings, 'settings');
  });
}

/** Keeps the record "screen" (device-first-screen.js). */
export function keepScreen(text) {
  return tx('readwrite', (s) => { s.put(text, 'screen'); });
}

/** Forgets the device (leaving): every record, in one transaction. */
export function forgetDevice() {
  return tx('readwrite', (s) => s.clear());
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
 * file's bytes. A record's two halves are written and deleted in one transaction.
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
    let bytes = null;
    await filesTx('readonly', ['meta', 'bytes'], (m, b) => {
      m.get(id).onsuccess = (ev) => { meta = ev.target.result ?? null; };
      b.get(id).onsuccess = (ev) => { bytes = ev.target.result ?? null; };
    });
    return meta && bytes ? { ...meta, bytes } : null;
  },
  put(id, rec) {
    return filesTx('readwrite', ['meta', 'bytes'], (m, b) => {
      m.put({ size: rec.size, opened: rec.opened, pending: rec.pending }, id);
      b.put(rec.bytes, id);
    }).then(() => undefined);
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
