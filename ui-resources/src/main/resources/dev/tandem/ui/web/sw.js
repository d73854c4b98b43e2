/*
 * Tandem's service worker: the page's shell and the last answers of GET /api/…, so the page opens without a
 * connection. Network first, so a connected page always shows the server's state. POSTs and the event stream
 * are never touched. Answers from the cache carry X-Tandem-Offline, which the page reads as "offline": it
 * holds writes back, keeping what is typed as drafts on the phone.
 */
'use strict';

const SHELL = 'tandem-shell-v3';
const API = 'tandem-api';
const SHELL_URLS = [
  '/', '/assets/app.js', '/assets/state.js', '/assets/dom.js', '/assets/format.js', '/assets/api.js',
  '/assets/pairing.js', '/assets/routes.js', '/assets/sidebar.js', '/assets/items.js', '/assets/days.js', '/assets/quickadd.js',
  '/assets/editor.js', '/assets/fields.js', '/assets/drafts.js', '/assets/attachments.js', '/assets/conflicts.js', '/assets/settings.js', '/assets/live.js',
  '/assets/app.css', '/assets/icon.svg', '/manifest.webmanifest',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_URLS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== API).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  // Files go straight to the network: they can be large, and a kept copy would outlive a revoked pairing.
  if (url.origin !== self.location.origin || url.pathname === '/api/events' || url.pathname.startsWith('/api/attachments/')) return;
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(req, API, req));
  } else if (req.mode === 'navigate') {
    event.respondWith(networkFirst(req, SHELL, '/'));
  } else if (SHELL_URLS.includes(url.pathname)) {
    event.respondWith(networkFirst(req, SHELL, req));
  }
});

async function networkFirst(req, cacheName, key) {
  try {
    const res = await fetch(req);
    // Only good answers are kept; a 401 means the session is gone, so its kept answers go too.
    if (res.ok && res.status === 200) {
      const copy = res.clone();
      caches.open(cacheName).then((cache) => cache.put(key, copy));
    } else if (res.status === 401) {
      caches.delete(API);
    }
    return res;
  } catch (e) {
    const cache = await caches.open(cacheName);
    const kept = await cache.match(key, { ignoreVary: true });
    if (kept) return marked(kept);
    return new Response(JSON.stringify({ error: 'Offline — this was not seen before the connection went.' }), {
      status: 503, headers: { 'Content-Type': 'application/json', 'X-Tandem-Offline': '1' },
    });
  }
}

async function marked(res) {
  const headers = new Headers(res.headers);
  headers.set('X-Tandem-Offline', '1');
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers });
}
