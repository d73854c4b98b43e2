/*
 * Pairing this browser: by the code typed in or the #pair= link, the start once a session exists, and
 * forgetting what was kept when the session ends. The screens above that act at the start register (onStart):
 * this module imports none of them.
 */
import { $, h, toast } from './dom.js';
import { t, tNodes } from './i18n.js';
import { state } from './state.js';
import { api, onUnpaired } from './api.js';
import { configure, flush, holdWaiting } from './outbox.js';
import { showWaiting } from './waiting.js';
import { go, onRouteUnpaired, readRoute, refreshAll } from './routes.js';
import { forgetDrafts, saveAllDrafts } from './drafts.js';
import { startEvents, stopEvents } from './live.js';

const starting = [];
/** fn() each time the page starts with a session (at boot, after pairing), once the view is asked for. */
export function onStart(fn) { starting.push(fn); }

/** Reads `#pair=TOKEN` and clears it at once, so the token stays out of history and bookmarks. */
export function pairTokenFromFragment() {
  const m = /(?:^#|&)pair=([^&]+)/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(m[1]);
}

/** The pairing screen; unpaired (the server said this browser is not paired) also forgets what was kept. */
export function showPairing(message, unpaired) {
  stopEvents();
  if (unpaired) forgetKept();
  // Changes this browser could not send stay on screen, to copy, whatever screen shows.
  showWaiting();
  state.csrf = null;
  state.session = null;
  document.body.classList.remove('booting');
  $('loading').hidden = true;
  $('app').hidden = true;
  $('pair').hidden = false;
  $('pair-busy').hidden = true;
  $('pair-form').hidden = false;
  $('pair-error').textContent = message || '';
  showHelp();
  document.title = t('page.pair.title');
  if (!message) $('pair-code').focus();
}

/** How to get a code, with the desktop's menu item and the command as they are shown there. */
function showHelp() {
  $('pair-help').replaceChildren(...tNodes('page.pair.help', h('strong', null, t('page.pair.openOnPhone')),
    h('code', null, 'tandem serve --pair')));
}

/** Set by a pairing from a link: the page says what the browser is called, with Rename, once it has started. */
let pairedByLink = false;

export async function pair(body) {
  showHelp();
  $('pair').hidden = false;
  $('loading').hidden = true;
  $('pair-busy').hidden = false;
  $('pair-submit').disabled = true;
  $('pair-error').textContent = '';
  try {
    const answer = await api('POST', '/api/pair', body);
    state.csrf = answer.csrf;
    const session = await api('GET', '/api/session');
    pairedByLink = !!body.token;
    startApp(session);
  } catch (e) {
    $('pair-busy').hidden = true;
    $('pair').hidden = false;
    $('app').hidden = true;
    document.body.classList.remove('booting');
    let msg = e.message;
    if (e.status === 429) {
      msg = e.retryAfter ? t('page.pair.tooManyWait', String(e.retryAfter)) : t('page.pair.tooMany');
    } else if (e.status === 0) {
      msg = t('page.pair.unreachable');
    }
    $('pair-error').textContent = msg;
    $('pair-code').focus();
  } finally {
    $('pair-submit').disabled = false;
  }
}

$('pair-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const code = $('pair-code').value.trim();
  if (!code) {
    $('pair-error').textContent = t('page.pair.noCode');
    $('pair-code').focus();
    return;
  }
  const name = $('pair-name').value.trim();
  pair(name ? { code, name } : { code });
});
$('pair-code').addEventListener('input', (ev) => {
  const v = ev.target.value;
  if (/^\d{8}$/.test(v)) ev.target.value = v.slice(0, 4) + '-' + v.slice(4);
});

export function startApp(session) {
  state.session = session;
  state.csrf = session.csrf;
  document.body.classList.remove('booting');
  $('loading').hidden = true;
  $('pair').hidden = true;
  $('app').hidden = false;
  state.route = readRoute();
  $('search').value = state.route.v === 'search' ? state.route.q : '';
  const firstScreen = refreshAll();
  starting.forEach((fn) => fn());
  // Drafts of items not open (left before the page was) go now; the open one's goes once it shows.
  saveAllDrafts();
  flush();
  showWaiting();
  startEvents();
  askToKeepStorage();
  if (pairedByLink) {
    // Paired by a link, nobody typed a name: the one the server gave it is said, with a way to change it.
    pairedByLink = false;
    toast(t('page.pair.pairedAs', session.browser.name), t('page.settings.rename'),
      () => { state.renameSoon = true; go({ v: 'settings', item: null }); });
  }
  return firstScreen;
}

/**
 * Asks the browser to keep this site's storage (drafts, kept answers) when the phone runs short of space, now
 * that it holds something worth keeping. Not awaited: the browser may ask the person, or decide by itself.
 */
function askToKeepStorage() {
  if (!navigator.storage || !navigator.storage.persist) return;
  navigator.storage.persisted()
    .then((kept) => kept || navigator.storage.persist())
    .catch(() => { /* storage stays "best effort", as it was: drafts are still kept */ });
}

/**
 * Forgets the answers and files the service worker kept and the drafts, so an unpaired browser holds nothing
 * of the profile; a server merely out of reach forgets nothing. The outbox's held changes stay until the
 * person copied or dismissed them: they are what this person typed.
 */
function forgetKept() {
  if (window.caches && window.isSecureContext) {
    caches.delete('tandem-api').catch(() => {});
    caches.delete('tandem-files').catch(() => {});
  }
  forgetDrafts();
  holdWaiting().then(showWaiting);
}

onUnpaired((message) => showPairing(message, true));
configure({
  csrf: () => state.csrf,
  revoked: () => showPairing(t('page.pair.unpaired'), true),
});

// A pairing link opened in a tab that already shows the pairing screen.
onRouteUnpaired(() => {
  const token = pairTokenFromFragment();
  if (token) pair({ token });
});
