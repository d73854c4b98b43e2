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
 * be its own device (it says so).
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

/** The device kept here: {state, settings, key}, or null when this browser never joined. */
export async function loadDevice() {
  let db;
  try { db = await open(); } catch (e) { return null; }
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, 'readonly');
    const s = t.objectStore(STORE);
    const got = {};
    for (const name of ['state', 'settings', 'key']) s.get(name).onsuccess = (ev) => { got[name] = ev.target.result; };
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
}
