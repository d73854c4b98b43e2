/*
 * Where the page is: the route in the fragment (#v=today, #v=list:ID&item=ID, #v=search&q=milk, #v=agenda,
 * #v=week&w=2026-11-23, #v=conflicts, #v=settings), and bringing sidebar, view and open item up to date.
 */
import { $ } from './dom.js';
import { state } from './state.js';
import { pairTokenFromFragment, pair } from './pairing.js';
import { loadSidebar, renderSidebar, closeDrawer } from './sidebar.js';
import { loadView } from './items.js';
import { openItem, closeItem, reloadItem } from './editor.js';

export function readRoute() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  return { v: p.get('v') || 'inbox', q: p.get('q') || '', w: p.get('w') || '', item: p.get('item') };
}

export function go(route, replace) {
  const r = { ...state.route, ...route };
  const p = new URLSearchParams();
  p.set('v', r.v);
  if (r.v === 'search' && r.q) p.set('q', r.q);
  if (r.v === 'week' && r.w) p.set('w', r.w);
  if (r.item) p.set('item', r.item);
  const hash = '#' + p.toString();
  if (hash === location.hash) { applyRoute(); return; }
  if (replace) { history.replaceState(null, '', hash); applyRoute(); return; }
  if (r.item && r.item !== state.route.item) openedByPush = true;
  location.hash = hash;
}
/** Whether the open item has a history entry of its own, so Back can simply go back. */
export let openedByPush = false;

function applyRoute() {
  if (!state.session) {
    // A pairing link opened in a tab that already shows the pairing screen.
    const token = pairTokenFromFragment();
    if (token) pair({ token });
    return;
  }
  const before = state.route;
  const r = readRoute();
  state.route = r;
  if (r.v !== before.v || r.q !== before.q || r.w !== before.w) {
    // Results of typing in the drawer's search field show once the drawer is closed (Enter, or a tap beside it).
    if (document.activeElement !== $('search')) closeDrawer();
    loadView();
    renderSidebar();
  }
  if (r.item !== before.item) {
    if (r.item) openItem(r.item); else { openedByPush = false; closeItem(); }
  }
}
window.addEventListener('hashchange', applyRoute);

let refreshing = null;
let refreshAgain = false;
/** Sidebar, view and open item again; calls while one runs coalesce into one more. */
export async function refreshAll() {
  if (refreshing) { refreshAgain = true; return refreshing; }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      await Promise.allSettled([loadSidebar(), loadView(), state.route.item ? reloadItem() : null]);
    } while (refreshAgain);
  })();
  try { await refreshing; } finally { refreshing = null; }
}
