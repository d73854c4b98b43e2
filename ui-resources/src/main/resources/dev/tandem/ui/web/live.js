/*
 * Live: server-sent events refresh the page; a closed stream is retried after a check, with backoff; a page
 * left lets its stream go.
 */
import { state } from './state.js';
import { api, setOnline } from './api.js';
import { refreshAll } from './routes.js';
import { ownDevice } from './transport.js';

let events = null;
let retryTimer = null;
let retryDelay = 1000;

export function startEvents() {
  stopEvents();
  // Its own device has no server to listen to: a sync refreshes what it changed (device.js).
  if (!window.EventSource || ownDevice()) return;
  const es = new EventSource('/api/events');
  events = es;
  es.addEventListener('open', () => {
    if (events !== es) return;
    retryDelay = 1000;
    const wasOffline = !state.online;
    setOnline(true);
    if (wasOffline) refreshAll();
  });
  // A change names the items it touched (ids), so the view patches their rows; or says all.
  es.addEventListener('change', (ev) => {
    if (events !== es) return;
    let data = null;
    try { data = JSON.parse(ev.data); } catch (e) { data = null; }
    refreshAll(data && Array.isArray(data.ids) ? data.ids : undefined);
  });
  es.addEventListener('error', () => {
    if (events !== es) return;
    setOnline(false);
    // A closed stream (revoked, or the server said no) is not retried by the browser: we do, after a check.
    if (es.readyState === EventSource.CLOSED) {
      es.close();
      events = null;
      retryTimer = setTimeout(reconnect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    }
  });
}

async function reconnect() {
  retryTimer = null;
  try {
    const session = await api('GET', '/api/session');
    if (!state.writable) { retryTimer = setTimeout(reconnect, retryDelay); return; }
    state.csrf = session.csrf;
    startEvents();
    refreshAll();
  } catch (e) {
    if (e.status === 401) return;
    retryTimer = setTimeout(reconnect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }
}

export function stopEvents() {
  if (events) events.close();
  events = null;
  clearTimeout(retryTimer);
  retryTimer = null;
}

window.addEventListener('online', () => { if (state.session && !events) reconnect(); });
// A page left (or put in the back-forward cache) lets its stream go at once: a browser keeps six
// connections to a host, and streams of pages gone would hold them until the server's next write.
window.addEventListener('pagehide', () => stopEvents());
window.addEventListener('pageshow', (ev) => { if (ev.persisted && state.session) { startEvents(); refreshAll(); } });
