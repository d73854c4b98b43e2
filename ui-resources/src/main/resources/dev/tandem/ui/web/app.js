/*
 * Tandem's web companion: one page talking to `tandem serve` (the JSON API of dev.tandem.app.web). No framework
 * and no build step, so the jar serves these modules as written. The page never loses typed text: quick add keeps it
 * until the server answered 201, the editor keeps changed fields across live refreshes and closing.
 *
 * This module starts the page; the others each hold one part of it.
 */
import { $, SVG, ICONS } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { state } from './state.js';
import { api } from './api.js';
import { onStart, pairTokenFromFragment, showPairing, pair, startApp } from './pairing.js';
import { go } from './routes.js';
import { viewPath } from './items.js';
import { closeDrawer } from './sidebar.js';
import { joined, showJoin, startDevice } from './device.js';
import { ownDevice } from './transport.js';
import { joinFromFragment } from './join-link.js';
// Screens nothing below refers to: importing them wires them (the open item, quick add's field, the waiting
// line, and the views they register with the list: a list's outline, the Agenda and Week, Conflicts, This browser).
import './editor.js';
import './quickadd.js';
import './waiting.js';
import './days.js';
import './outline.js';
import './conflicts.js';
import './settings.js';

async function boot() {
  // The words first: nothing is drawn in a language it then changes from.
  await loadMessages();
  $('menu-button').innerHTML = SVG(ICONS.menu);
  $('settings-button').innerHTML = SVG(ICONS.settings);
  $('detail-back').innerHTML = SVG(ICONS.back);
  $('trash').innerHTML = SVG(ICONS.trash);
  const token = pairTokenFromFragment();
  // Out of the address bar before anything is awaited: the link carries the remote's credential.
  const joinLink = joinFromFragment();
  // A browser that joined a remote as its own device starts on its own copy, with or without a network.
  const own = 'indexedDB' in window;
  // The start's phases as performance marks (tandem:boot, kept, core, replica, started): where an own-device
  // page's opening goes, for OwnDevicePagePerfTest and any browser's profiler.
  performance.mark('tandem:boot');
  const kept = own ? await joined().catch(() => null) : null;
  performance.mark('tandem:kept');
  if (kept) {
    try {
      await startDevice(kept);
    } catch (e) {
      // The core's files could not be loaded (offline, and the browser kept no copy): said, never a blank page.
      $('loading').textContent = t('page.device.cannotStart', e && e.message ? e.message : String(e));
    }
    return;
  }
  try {
    // Asked beside index.html: '/api/session' from `tandem serve`; from a folder of the user's storage, a path in
    // that folder (public), never the storage's root, where a WebDAV server would ask for its password.
    const session = await api('GET', new URL('api/session', document.baseURI).pathname);
    startApp(session);
  } catch (e) {
    if (e.status === 401) {
      if (token) pair({ token }); else showPairing('', true);
    } else if (own && e.status >= 400 && e.status < 500 && !(e.data && e.data.error)) {
      // No Tandem server answers here (the page's files on the user's own storage: a bucket's 403 or 404, never
      // Tandem's JSON refusal): the page becomes a device.
      showJoin(joinLink);
    } else {
      showPairing(e.message);
    }
  }
}

// Keyboard: Escape closes the drawer or the item, / searches, n adds.
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') {
    // A sheet open over the page (Move…) closes by itself, and only it.
    if (document.querySelector('dialog[open]')) return;
    if (document.body.classList.contains('drawer-open')) { closeDrawer(); $('menu-button').focus(); return; }
    // From the editor's fields too: leaving the item sends what was typed, and focus goes back to its row.
    if (state.route.item && !ev.defaultPrevented) go({ item: null });
    return;
  }
  const typing = ev.target.closest('input, textarea, select, [contenteditable]');
  if (typing || ev.ctrlKey || ev.metaKey || ev.altKey || !state.session) return;
  if (ev.key === '/') { ev.preventDefault(); $('search').focus(); }
  if (ev.key === 'n' && !$('quick-add-form').hidden) { ev.preventDefault(); $('quick-add').focus(); }
});

// The service worker keeps the shell and the last answers, for reading offline. The first time it takes the
// page over, what the page fetched before it did is fetched again through it (and only kept, not shown again),
// so a reload offline finds it. If it takes over while the session is still being asked for (pairing from a
// link, at the first visit), that happens once the page has started: the session's answer is kept too.
// The worker is registered beside index.html, so a page published in a folder of the user's storage (its own
// device) gets one scoped to that folder, which keeps the folder's files at install; such a page asks no server.
if ('serviceWorker' in navigator && window.isSecureContext) {
  let keepOnStart = false;
  const keepForOffline = () => {
    if (ownDevice()) return;
    for (const path of ['/api/session', '/api/sidebar', viewPath()]) {
      fetch(path, { credentials: 'same-origin' }).catch(() => { /* kept next time */ });
    }
  };
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href).catch((e) => {
    // The page works without it. Over HTTPS a browser refuses it for a certificate it does not trust (one whose
    // warning the person went past): no opening offline, no installing. This browser says so, and what to do.
    if (location.protocol === 'https:' && e && e.name === 'SecurityError') state.untrusted = true;
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (state.session) keepForOffline(); else keepOnStart = true;
  });
  onStart(() => {
    if (keepOnStart) { keepOnStart = false; keepForOffline(); }
  });
}

// The bars that stick while the page scrolls stop under the banners (app.css): they learn how tall those are.
new ResizeObserver(() => document.documentElement.style.setProperty('--banners-h',
  document.querySelector('.banners').offsetHeight + 'px')).observe(document.querySelector('.banners'));

boot();
