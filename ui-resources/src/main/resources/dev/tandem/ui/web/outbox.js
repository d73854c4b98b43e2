/*
 * The outbox: every write the page makes to items (quick add, a subtask, ticking, an edit, the Trash) is kept
 * on this phone in IndexedDB before it is sent, and leaves it only once the server answered for it. The page
 * never merges: the server replays the entries (POST /api/outbox) through the one Java engine, so an edit of a
 * field another device changed meanwhile becomes a Conflict there.
 *
 * Invariants.
 * - Order: entries are sent in the order they were made, a batch at a time, and the server applies them in
 *   that order; a new entry waits for the batch under way.
 * - Once: every entry has a key the server claims with its write, in one transaction, so an entry sent again
 *   (the answer lost, the page reloaded, the server killed) never applies twice. An entry leaves the outbox
 *   only after the server's answer for it, whatever that answer was.
 * - Answered: the server answers each entry with its outcome (applied, conflict, refused with a reason) and
 *   goes on with the next whatever it was; nothing waits behind a refused entry. An entry leaves the outbox with
 *   its answer; a refused one moves to the held entries, shown with its reason until the person copies or
 *   dismisses them. A revoked browser's entries are all held and never sent again, even after pairing anew.
 * - Items made here get ids made here (UUIDv7, as the server requires), so they can be edited and ticked before
 *   the server saw them.
 * - Coalescing: an edit joins the previous entry when that is an edit of the same item not yet sent, with the
 *   earlier base of each field, so typing makes one entry, not one per pause.
 * - Building on our own entries: what this page shows of an item it made offline is what it typed, not what the
 *   server will make of it (quick add reads "p1" out of the text there). So an edit of such an item is never sent
 *   with a base guessed from that. While its add waits unsent, the edit joins the add (the add's {@code set},
 *   applied over what the text gives); once the add is on its way, the edit waits for the add's answer, whose
 *   {@code values} become its base ({@code after}: the add's key). An edit of an item this page made therefore
 *   never meets a conflict with itself.
 * - Time: entries carry when they were made ({@code at}) in the server's time (the page's clock corrected by the
 *   server's {@code now}), which quick add reads dates from and a tick or move to the Trash is judged by.
 */
import { t } from './i18n.js';
import { request } from './transport.js';

const DB_NAME = 'tandem';
const QUEUE = 'outbox';
const HELD = 'held';
/** Entries per request: the server takes at most 100. */
const BATCH = 100;
/** Why a revoked browser's entries are held. */
export const REVOKED = 'This browser is no longer paired.';

let dbPromise = null;
/** Without IndexedDB (some private modes) the outbox lives as long as the page, and says so. */
let memory = null;

function open() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve) => {
      if (!window.indexedDB) { memory = { [QUEUE]: [], [HELD]: [] }; resolve(null); return; }
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(QUEUE, { keyPath: 'seq', autoIncrement: true });
        req.result.createObjectStore(HELD, { keyPath: 'seq', autoIncrement: true });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => { memory = { [QUEUE]: [], [HELD]: [] }; resolve(null); };
    });
  }
  return dbPromise;
}

/** Runs fn(store) in one transaction of {@code name}; resolves when it committed. */
async function tx(name, mode, fn) {
  const db = await open();
  if (!db) return fn(memoryStore(name));
  return new Promise((resolve, reject) => {
    const t = db.transaction(name, mode);
    let result;
    Promise.resolve(fn(t.objectStore(name))).then((r) => { result = r; });
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new Error('aborted'));
  });
}

const asPromise = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

function memoryStore(name) {
  const rows = memory[name];
  let next = rows.length ? rows[rows.length - 1].seq + 1 : 1;
  const done = (v) => ({ then: (f) => f(v) });
  return {
    getAll: () => done(rows.slice()),
    add: (v) => { v.seq = next++; rows.push(v); return done(v.seq); },
    put: (v) => { const i = rows.findIndex((r) => r.seq === v.seq); if (i >= 0) rows[i] = v; else rows.push(v); return done(v.seq); },
    delete: (seq) => { const i = rows.findIndex((r) => r.seq === seq); if (i >= 0) rows.splice(i, 1); return done(); },
    clear: () => { rows.length = 0; return done(); },
  };
}
const call = (store, method, ...args) => {
  const r = store[method](...args);
  return r instanceof IDBRequest ? asPromise(r) : r;
};

/** An id as the engine makes them: UUIDv7, time first, so ids made here sort with the server's. */
export function newId() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let t = Date.now();
  for (let i = 5; i >= 0; i--) { b[i] = t % 256; t = Math.floor(t / 256); }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The entries waiting, oldest first. */
export function pending() { return tx(QUEUE, 'readonly', (s) => call(s, 'getAll')); }
/** The entries the server refused or that a revoked browser could not send, oldest first. */
export function held() { return tx(HELD, 'readonly', (s) => call(s, 'getAll')); }

let inFlight = new Set();
let listeners = [];
/**
 * fn(change): after every change of the outbox; {answer, entry, heard} for each answer (heard: a caller had it),
 * {answered: n} after each batch the server answered.
 */
export function onOutbox(fn) { listeners.push(fn); }
const tell = (change) => listeners.forEach((fn) => fn(change));

/** How far the server's clock is ahead of this page's, in ms, as last learnt (kept for pages opened offline). */
let clockOffset = Number(localStorage.getItem('tandem.clockOffset')) || 0;
/** The server said it was {@code now} when it answered a request sent at {@code sent} and answered at {@code got}. */
export function learnServerTime(now, sent, got) {
  if (typeof now !== 'number') return;
  clockOffset = Math.round(now - (sent + got) / 2);
  try { localStorage.setItem('tandem.clockOffset', String(clockOffset)); } catch (e) { /* kept in memory */ }
}
/** Now, in the server's time. */
export function serverNow() { return Date.now() + clockOffset; }

/**
 * Keeps {@code entry} ({op, id, ...}) with a key and the time it was made, then sends what waits. Resolves to
 * the server's answer for it when one comes during this send, else to {status: 0, queued: true}.
 */
export async function submit(entry) {
  const kept = await enqueue(entry);
  const answer = waitFor(kept.key);
  flush();
  return answer;
}

async function enqueue(entry) {
  const made = { ...entry, key: newId(), at: serverNow() };
  const kept = await tx(QUEUE, 'readwrite', async (s) => {
    const all = await call(s, 'getAll');
    const last = all.filter((e) => e.id === made.id).pop();
    if (made.op === 'edit' && last && last.op === 'edit' && !inFlight.has(last.key) && all[all.length - 1] === last) {
      const joined = { ...last, set: { ...last.set, ...made.set }, base: { ...made.base, ...last.base } };
      await call(s, 'put', joined);
      return joined;
    }
    const add = all.find((e) => e.op === 'add' && e.id === made.id);
    // An edit of an item this page made, whose add waits unsent: the edit is part of the add.
    if (made.op === 'edit' && add && add === last && !inFlight.has(add.key)) {
      const joined = { ...add, set: { ...(add.set || {}), ...made.set } };
      await call(s, 'put', joined);
      return joined;
    }
    // Its add on its way (or other entries of it in between): the edit waits for what the add made, its base.
    if (made.op === 'edit' && add) made.after = add.key;
    await call(s, 'add', made);
    return made;
  });
  tell({ queued: kept });
  return kept;
}

/** How long a caller waits for the server's answer before hearing "kept here" (a slow network). */
const ANSWER_WITHIN_MS = 5000;
/** Whether the last send stopped with entries unanswered (no connection, the server down); the next answer clears it. */
let stalled = false;
/**
 * Whether {@code entry} waits, as the page says "N changes waiting": sending stopped short, or the server has not
 * answered it within ANSWER_WITHIN_MS of its making. One on its way and answered at once never waits: said, the
 * banner would show and go within a blink, moving the page under the finger about to press something.
 */
export function waits(entry, now = serverNow()) {
  return stalled || now - entry.at >= ANSWER_WITHIN_MS;
}
/** When the youngest of {@code entries} that does not wait yet will (ms from now); null when none is left. */
export function waitsIn(entries, now = serverNow()) {
  const young = entries.filter((e) => !waits(e, now));
  return young.length ? Math.max(0, ANSWER_WITHIN_MS - (now - Math.min(...young.map((e) => e.at)))) : null;
}
const waiters = new Map();
function waitFor(key) {
  return new Promise((resolve) => {
    const list = waiters.get(key) || [];
    list.push(resolve);
    waiters.set(key, list);
    setTimeout(() => answerWaiters(key, { status: 0, queued: true }), ANSWER_WITHIN_MS);
  });
}
function answerWaiters(key, answer) {
  const list = waiters.get(key);
  if (!list) return;
  waiters.delete(key);
  list.forEach((r) => r(answer));
}
/** Every waiter not answered in this send hears "queued": the entry is safe here and goes later. */
function releaseWaiters() {
  for (const key of [...waiters.keys()]) answerWaiters(key, { status: 0, queued: true });
}

let sending = null;
let retryTimer = null;
let retryDelay = 1000;
let csrf = () => null;
let revoked = () => {};
/** What sending needs from the page: its CSRF token, and who to tell that the browser was revoked. */
export function configure(options) {
  csrf = options.csrf;
  revoked = options.revoked;
}

/**
 * Sends every waiting entry, a batch at a time. One send at a time: a call meanwhile makes it look once more
 * when it is done, so an entry kept just as the last batch went is not left behind.
 */
export function flush() {
  if (sending) { lookAgain = true; return sending; }
  sending = (async () => {
    let sent;
    try {
      do { lookAgain = false; sent = await send(); } while (sent && lookAgain);
    } finally {
      sending = null;
      inFlight = new Set();
      // Not all answered (offline, revoked): those who wait hear that it is kept here.
      if (!sent) releaseWaiters();
    }
  })();
  return sending;
}
let lookAgain = false;

/** True when the outbox was emptied; false when sending stopped (tried again later, or revoked). */
async function send() {
  clearTimeout(retryTimer);
  for (;;) {
    const waiting = await pending();
    if (!waiting.length) { retryDelay = 1000; stalled = false; tell({ empty: true }); return true; }
    const batch = sendable(waiting);
    batch.forEach((e) => inFlight.add(e.key));
    let res;
    const sent = Date.now();
    try {
      res = await request('/api/outbox', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Tandem-CSRF': csrf() || '' },
        body: JSON.stringify({ entries: batch.map(wire) }),
      });
    } catch (e) {
      return later();
    }
    if (res.status === 401) { await holdAll(REVOKED); revoked(); return false; }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok || !data || !Array.isArray(data.results) || res.headers.get('X-Tandem-Offline')) return later();
    learnServerTime(data.now, sent, Date.now());
    stalled = false;
    await settle(batch, data.results);
    tell({ answered: data.results.length });
    if (data.stopped || data.results.length < batch.length) return later();
  }
}

/**
 * The next batch: up to BATCH entries in order, ending before an edit that waits for the answer to an add still in
 * the outbox (its base is what that add made: it goes in the next batch, after the answer).
 */
function sendable(waiting) {
  const keys = new Set(waiting.map((e) => e.key));
  const batch = [];
  for (const e of waiting.slice(0, BATCH)) {
    if (e.after && keys.has(e.after) && batch.length) break;
    batch.push(e);
  }
  return batch;
}

/** An entry as the server reads it (the seq, the title and what it waits for are this phone's own). */
function wire(e) {
  const { seq, title, after, ...rest } = e;
  return rest;
}

/**
 * The entries the server answered leave the outbox, in one transaction, and the edits that waited for an add's
 * answer take what it made as their base; then each answer is told.
 */
async function settle(batch, results) {
  const answered = results.map((answer) => [batch.find((e) => answer.key && e.key === answer.key), answer])
    .filter(([e]) => e);
  const adds = new Map(answered.filter(([e]) => e.op === 'add').map(([e, answer]) => [e.key, answer]));
  await tx(QUEUE, 'readwrite', async (s) => {
    await Promise.all(answered.map(([e]) => call(s, 'delete', e.seq)));
    if (!adds.size) return;
    for (const e of await call(s, 'getAll')) {
      if (!e.after || !adds.has(e.after)) continue;
      const values = adds.get(e.after).values || {};
      const base = { ...e.base };
      for (const f of Object.keys(base)) if (f in values) base[f] = values[f];
      const { after, ...rebased } = e;
      await call(s, 'put', { ...rebased, base });
    }
  });
  for (const [entry, answer] of answered) {
    const refused = answer.outcome === 'refused';
    // An answer someone waits for (the quick add just typed, the editor's save) is shown by them, its text kept.
    const heard = waiters.has(entry.key);
    if (refused && !heard) await hold(entry, answer.reason || t('page.error.status', String(answer.status)));
    answerWaiters(entry.key, answer);
    tell({ answer, entry, heard });
  }
}

function hold(entry, reason) {
  const { seq, ...rest } = entry;
  return tx(HELD, 'readwrite', (s) => call(s, 'add', { ...rest, reason }));
}

/** Holds every waiting entry, never to be sent: the browser was revoked or logged out. */
export async function holdWaiting() {
  if ((await pending()).length) await holdAll(REVOKED);
}

async function holdAll(reason) {
  const all = await pending();
  for (const e of all) await hold(e, reason);
  await tx(QUEUE, 'readwrite', (s) => call(s, 'clear'));
  tell({ held: all.length });
}

/** Nothing was answered (no connection, the server down): tried again later, backing off to a minute. */
function later() {
  laterTimer();
  return false;
}
function laterTimer() {
  stalled = true;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(flush, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60000);
  tell({ waiting: true });
  // Background Sync, where the browser has it, sends when the connection is back even if this page is not shown.
  if (navigator.serviceWorker && navigator.serviceWorker.ready) {
    navigator.serviceWorker.ready.then((reg) => reg.sync && reg.sync.register('tandem-outbox')).catch(() => {});
  }
}

/** Forgets the held entries (after the person copied or read them). */
export async function dismissHeld() {
  await tx(HELD, 'readwrite', (s) => call(s, 'clear'));
  tell({ held: 0 });
}

/** Whether the outbox is only in this page's memory (no IndexedDB here). */
export async function volatile() {
  await open();
  return memory !== null;
}

/** A held entry in words, for copying out: what it would have done. */
export function describe(e) {
  if (e.op === 'add') {
    return t('page.held.add', e.text) + (e.set && Object.keys(e.set).length ? '; ' + fields(e.set) : '');
  }
  if (e.op === 'check') return t('page.held.check', String(e.checked === true), e.text, e.title || e.id);
  if (e.op === 'done') return t(e.done ? 'page.held.complete' : 'page.held.reopen', e.title || e.id);
  if (e.op === 'trash') return t(e.trashed === false ? 'page.held.restore' : 'page.held.trash', e.title || e.id);
  if (e.op === 'purge') return t('page.held.purge', e.title || e.id);
  if (e.op === 'move') return t('page.held.move', e.title || e.id);
  if (e.op === 'edit') {
    return t('page.held.edit', e.title || e.id, fields(e.set || {}));
  }
  return JSON.stringify(e);
}

const fields = (set) => Object.entries(set)
  .map(([f, v]) => `${f} = ${Array.isArray(v) ? v.join(', ') : v == null ? t('page.held.none') : v}`).join('; ');

window.addEventListener('online', () => flush());
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') flush(); });
window.addEventListener('focus', () => flush());
if (navigator.serviceWorker) {
  navigator.serviceWorker.addEventListener('message', (ev) => { if (ev.data === 'tandem-flush') flush(); });
}
