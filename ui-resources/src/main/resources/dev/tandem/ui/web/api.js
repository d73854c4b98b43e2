/*
 * Talking to the server: one fetch wrapper (CSRF header, JSON, errors as ApiError) and the offline marker,
 * which holds writes back while the page shows answers the service worker kept (the editor keeps what is
 * typed as drafts meanwhile, sent when the connection is back).
 */
import { $ } from './dom.js';
import { state } from './state.js';
import { showPairing } from './pairing.js';
import { updateSaveButton } from './editor.js';
import { saveAllDrafts } from './drafts.js';

class ApiError extends Error {
  constructor(status, message, data, retryAfter) {
    super(message);
    this.status = status;
    this.data = data || {};
    this.retryAfter = retryAfter;
  }
}

export const OFFLINE_WRITE = 'Offline — this waits until Tandem is reachable again.';

/**
 * One request to the server. POSTs carry the CSRF header and JSON; a 401 returns to pairing. With
 * {keepalive: true} the request outlives the page (a save as the page is left).
 */
export async function api(method, path, body, options) {
  const opts = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (options && options.keepalive) opts.keepalive = true;
  if (method !== 'GET') {
    if (!state.writable && !path.startsWith('/api/pair')) throw new ApiError(0, OFFLINE_WRITE);
    opts.headers['Content-Type'] = 'application/json';
    if (state.csrf) opts.headers['X-Tandem-CSRF'] = state.csrf;
    opts.body = JSON.stringify(body || {});
  }
  let res;
  try {
    res = await fetch(path, opts);
  } catch (e) {
    setOnline(false);
    throw new ApiError(0, method === 'GET' ? 'Tandem is not reachable right now.' : OFFLINE_WRITE);
  }
  // The service worker marks answers it kept from earlier: we show them, and hold writes back.
  if (res.headers.get('X-Tandem-Offline')) setOnline(false);
  else if (res.status !== 503) setOnline(true);
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (res.ok) return data;
  const message = (data && data.error) || `The server answered ${res.status}.`;
  if (res.status === 401 && state.session && !path.startsWith('/api/pair')) {
    showPairing('This browser is no longer paired. Pair it again to continue.', true);
  }
  throw new ApiError(res.status, message, data, Number(res.headers.get('Retry-After')) || null);
}

export function setOnline(online) {
  if (state.online === online && state.writable === online) return;
  state.online = online;
  state.writable = online;
  $('offline').hidden = online;
  document.body.classList.toggle('offline', !online);
  for (const el of document.querySelectorAll('[data-write]')) el.disabled = !online || el.dataset.idle === '1';
  updateSaveButton();
  if (online) saveAllDrafts();
}
