/*
 * Tandem's service worker: the page's shell (with its words, /messages.json, so it opens offline in the language
 * it last spoke), the last answers of GET /api/… and the files the page opened, so
 * the page opens and reads without a connection. Network first, so a connected page always shows the server's
 * state. POSTs and the event stream are never touched: the page's outbox (outbox.js) keeps its writes in
 * IndexedDB and sends them itself. Answers from the cache carry X-Tandem-Offline, which the page reads as
 * "offline". Background Sync, where the browser has it, wakes an open page to send its outbox.
 *
 * The page as its own device (its files published in a folder of the user's S3 or WebDAV storage, docs/WEB.md)
 * registers this worker from that folder, so its scope is the folder (BASE) and every path below is BASE's. The
 * publisher (`tandem page publish`) replaces the PUBLISHED line with the folder's files and a version made from
 * their bytes: the worker keeps all of them at install (the sync core's chunk, assets/device-core.js, included, which
 * the page only imports once it starts), a new publish is a new worker with a new shell cache, and activating it
 * drops the old one; it answers them from its cache first (they are that version's). In that mode only the page's
 * own files are touched: the remote's requests (signed, or outside
 * the folder) go straight to the network, as the sync core needs to see a failure as a failure. Caches carry the
 * folder in their name, so two pages published on one origin keep theirs apart.
 */
'use strict';

/** Stamped by `tandem page publish` (PagePublisher): {version, files: [the other published paths]}. */
const PUBLISHED = null;
/** The folder this worker serves: '/' from `tandem serve`, '/bucket/page/' from a bucket. */
const BASE = new URL('./', self.location.href).pathname;
const NAMED = BASE === '/' ? '' : '@' + BASE;
const SHELL = 'tandem-shell-v14' + (PUBLISHED ? '-' + PUBLISHED.version : '') + NAMED;
const API = 'tandem-api' + NAMED;
const FILES = 'tandem-files' + NAMED;
/** Whether a cache is this folder's (another folder's page on the same origin keeps its own). */
const OURS = (k) => (NAMED ? k.endsWith(NAMED) : !k.includes('@'));
/** A file larger than this is not kept for reading offline: the phone's storage is the person's. */
const FILE_KEEP_BYTES = 20 * 1024 * 1024;
const SHELL_URLS = [
  '/', '/messages.json', '/assets/i18n.js', '/assets/app.js', '/assets/state.js', '/assets/dom.js', '/assets/format.js', '/assets/api.js',
  '/assets/pairing.js', '/assets/routes.js', '/assets/sidebar.js', '/assets/items.js', '/assets/days.js', '/assets/quickadd.js',
  '/assets/editor.js', '/assets/fields.js', '/assets/notes.js', '/assets/drafts.js', '/assets/attachments.js', '/assets/conflicts.js', '/assets/settings.js', '/assets/live.js',
  '/assets/outbox.js', '/assets/overlay.js', '/assets/waiting.js', '/assets/outline.js', '/assets/move.js',
  '/assets/lines.js', '/assets/drag.js', '/assets/transport.js', '/assets/device-store.js', '/assets/join-link.js', '/assets/device-answer.js', '/assets/device-conflicts.js', '/assets/device-days.js', '/assets/device-search.js', '/assets/device-filters.js', '/assets/device-outline.js', '/assets/device-moves.js', '/assets/device-edits.js', '/assets/device-files.js', '/assets/device-kept-files.js', '/assets/device-storage.js', '/assets/device-first-screen.js', '/assets/device-seal.js',
  '/assets/device.js',
  '/assets/app.css', '/assets/icon.svg', '/manifest.webmanifest',
  '/assets/icon-192.png', '/assets/icon-512.png', '/assets/icon-maskable-512.png', '/assets/apple-touch-icon.png',
].map((p) => BASE + p.slice(1));
/** What the install keeps: the published folder's every file, or the server's shell. */
const KEEP = PUBLISHED ? PUBLISHED.files.map((p) => BASE + p) : SHELL_URLS;
/** The address a navigation is answered from when offline. */
const PAGE = PUBLISHED ? BASE + 'index.html' : BASE;

/**
 * Own device: every request outside the folder (the remote's: signed, elsewhere on the origin or on another one) goes
 * straight to the network without waking this worker (the Service Worker Static Routing API, where the browser has
 * it); the fetch handler below lets the same requests through in a browser without it. Not only for speed: a new
 * publish's worker, installed, activates once the old one has no event left (skipWaiting or not). Chromium tells the
 * old one to stop at once only if it is running at that moment; otherwise it waits for the old one to go 30 s without
 * an event, and a shown page asks the remote every 2.5 s (device.js, CHECK_MS): each of those requests was an event of
 * the old worker, so the new version waited out Chromium's 5-minute limit while the page stayed open.
 */
function routeRemoteToNetwork(event) {
  if (!PUBLISHED || !event.addRoutes || typeof URLPattern === 'undefined') return Promise.resolve();
  const unrouted = (e) => console.warn('the remote\'s requests pass through the worker:', e);
  try {
    // The folder's path as a pattern: a character URLPattern reads as syntax stands for itself.
    const folder = new URLPattern({ pathname: BASE.replace(/[\\:*(){}?+]/g, '\\$&') + '*', baseURL: self.location.origin });
    return Promise.resolve(event.addRoutes([{ condition: { not: { urlPattern: folder } }, source: 'network' }]))
      .catch(unrouted);
  } catch (e) {
    unrouted(e);
    return Promise.resolve();
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([routeRemoteToNetwork(event), caches.open(SHELL).then((cache) => cache.addAll(KEEP))])
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => OURS(k) && k !== SHELL && k !== API && k !== FILES).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  // A patch of rows (/api/rows) names the items of one change: kept, each would be an entry of its own, forever,
  // and none is of use offline, where the page reads the view's whole answer.
  if (url.origin !== self.location.origin || url.pathname === '/api/events' || url.pathname === '/api/rows') return;
  if (PUBLISHED) {
    // Own device: the page's files only. The remote's requests are signed (S3) or carry a password (WebDAV).
    if (req.headers.has('authorization') || !url.pathname.startsWith(BASE)) return;
    if (req.mode === 'navigate') event.respondWith(networkFirst(req, SHELL, PAGE));
    else if (KEEP.includes(url.pathname)) event.respondWith(keptFirst(req, url.pathname));
    return;
  }
  // Files the page opened are kept for reading offline (up to a size), and go when the pairing does.
  if (url.pathname.startsWith('/api/attachments/')) {
    if (!req.headers.has('range')) event.respondWith(networkFirst(req, FILES, req));
  } else if (url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(req, API, req));
  } else if (req.mode === 'navigate') {
    event.respondWith(networkFirst(req, SHELL, PAGE));
  } else if (SHELL_URLS.includes(url.pathname)) {
    event.respondWith(networkFirst(req, SHELL, req));
  }
});

async function networkFirst(req, cacheName, key) {
  try {
    const res = await fetch(req);
    // Only good answers are kept; a 401 means the session is gone, so its kept answers go too.
    const size = Number(res.headers.get('Content-Length') || 0);
    if (res.ok && res.status === 200 && (cacheName !== FILES || (size > 0 && size <= FILE_KEEP_BYTES))) {
      const copy = res.clone();
      caches.open(cacheName).then((cache) => cache.put(key, copy));
    } else if (res.status === 401) {
      caches.delete(API);
      caches.delete(FILES);
    }
    return res;
  } catch (e) {
    const cache = await caches.open(cacheName);
    const kept = await cache.match(key, { ignoreVary: true });
    if (kept) return marked(kept);
    // No words here (the worker has no catalogue): the page says "not reachable" in its own language.
    return new Response('{}', {
      status: 503, headers: { 'Content-Type': 'application/json', 'X-Tandem-Offline': '1' },
    });
  }
}

/**
 * A published file from this worker's cache, the network only for one it has not kept: the cache is this publish's
 * (its name carries the version made of every file's bytes), so what it holds is what the folder holds, and a
 * page of about a hundred modules opens without a request each.
 */
async function keptFirst(req, key) {
  const kept = await (await caches.open(SHELL)).match(key, { ignoreVary: true });
  return kept || networkFirst(req, SHELL, key);
}

async function marked(res) {
  const headers = new Headers(res.headers);
  headers.set('X-Tandem-Offline', '1');
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers });
}

// Background Sync: the connection is back. An open page sends its outbox (it holds the CSRF token and the order).
self.addEventListener('sync', (event) => {
  if (event.tag !== 'tandem-outbox') return;
  event.waitUntil(self.clients.matchAll({ type: 'window' })
    .then((pages) => pages.forEach((page) => page.postMessage('tandem-flush'))));
});
