/*
 * Talking to the server: one fetch wrapper (CSRF header, JSON, errors as ApiError), the online marker, and
 * what a read shows: the server's answer, or the one the service worker kept, with the outbox's waiting
 * entries on top (overlay.js). Writes to items go through the outbox (outbox.js), never through here.
 * This module imports no screen: the screens hear of the connection and of an ended pairing through
 * onConnection and onUnpaired.
 */
import { $ } from './dom.js';
import { state } from './state.js';
import { overlayItem, overlayView } from './overlay.js';
import { t } from './i18n.js';
import { request } from './transport.js';

class ApiError extends Error {
  constructor(status, message, data, retryAfter) {
    super(message);
    this.status = status;
    this.data = data || {};
    this.retryAfter = retryAfter;
  }
}

let connection = [];
let unpaired = () => {};
/** fn(online), each time the server becomes reachable or unreachable. */
export function onConnection(fn) { connection.push(fn); }
/** fn(message), when the server says this browser is no longer paired. */
export function onUnpaired(fn) { unpaired = fn; }

/**
 * One request to the server. POSTs carry the CSRF header and JSON; a 401 returns to pairing. With
 * {keepalive: true} the request outlives the page.
 */
export async function api(method, path, body, options) {
  const opts = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (options && options.keepalive) opts.keepalive = true;
  if (method !== 'GET') {
    opts.headers['Content-Type'] = 'application/json';
    if (state.csrf) opts.headers['X-Tandem-CSRF'] = state.csrf;
    opts.body = JSON.stringify(body || {});
  }
  let res;
  try {
    res = await request(path, opts);
  } catch (e) {
    setOnline(false);
    if (method === 'GET') return read(path, null, 0);
    throw new ApiError(0, t('page.error.offlineAction'));
  }
  // The service worker marks answers it kept from earlier: we show them, with what waits on top.
  if (res.headers.get('X-Tandem-Offline')) setOnline(false);
  else if (res.status !== 503) setOnline(true);
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (method === 'GET') return read(path, res.ok ? data : null, res.status, data);
  if (res.ok) return data;
  throw failure(res, data, path);
}

function failure(res, data, path) {
  const message = (data && data.error) || t('page.error.status', String(res.status));
  if (res.status === 401 && state.session && !path.startsWith('/api/pair')) {
    unpaired(t('page.pair.unpaired'));
  }
  return new ApiError(res.status, message, data, Number(res.headers.get('Retry-After')) || null);
}

/**
 * The last answer of each read this page made, for when neither the server nor the service worker answers (the
 * worker not in control yet, or none: no secure context): what was on screen stays readable. Bounded.
 */
const lastSeen = new Map();
const LAST_SEEN_PATHS = 64;

/** A read's answer with the outbox on top; an item only the outbox knows (made offline) is shown too. */
async function read(path, fresh, status, error) {
  let data = fresh;
  if (data) {
    lastSeen.delete(path);
    lastSeen.set(path, data);
    if (lastSeen.size > LAST_SEEN_PATHS) lastSeen.delete(lastSeen.keys().next().value);
  } else if ((status === 0 || status === 503) && lastSeen.has(path)) {
    data = lastSeen.get(path);
  }
  const url = new URL(path, location.href);
  if (url.pathname === '/api/items' && data) return overlayView(url.searchParams.get('view') || 'inbox', data);
  const one = /^\/api\/items\/([^/]+)$/.exec(url.pathname);
  if (one && (data || status === 404 || status === 503 || status === 0)) {
    const item = await overlayItem(decodeURIComponent(one[1]), data);
    if (item) return item;
  }
  if (data) return data;
  if (status === 0 || status === 503) throw new ApiError(status, t('page.error.unreachable'));
  const message = (error && error.error) || t('page.error.status', String(status));
  if (status === 401 && state.session) unpaired(t('page.pair.unpaired'));
  throw new ApiError(status, message, error);
}

export function setOnline(online) {
  if (state.online === online && state.writable === online) return;
  state.online = online;
  state.writable = online;
  $('offline').hidden = online;
  document.body.classList.toggle('offline', !online);
  for (const el of document.querySelectorAll('[data-write]')) el.disabled = !online || el.dataset.idle === '1';
  connection.forEach((fn) => fn(online));
}
