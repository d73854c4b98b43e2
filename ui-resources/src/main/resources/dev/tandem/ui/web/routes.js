/*
 * Where the page is: the route in the fragment (#v=today, #v=list:ID&item=ID, #v=search&q=milk, #v=agenda,
 * #v=week&w=2026-11-23, #v=conflicts, #v=settings), and bringing sidebar, view and open item up to date.
 * The screens above say what they do when the route changes (onRoute) and what they show again on a refresh
 * (onRefresh): this module imports no screen, so the page's modules import downwards only.
 */
import { state } from './state.js';

const routeListeners = [];
const refreshers = [];
let unpaired = () => {};
/** fn(route, before) each time the route changes, for a page with a session. */
export function onRoute(fn) { routeListeners.push(fn); }
/** fn() returning a promise: what a screen shows, fetched again on refreshAll. */
export function onRefresh(fn) { refreshers.push(fn); }
/** fn() when the route changes without a session (a pairing link opened on the pairing screen). */
export function onRouteUnpaired(fn) { unpaired = fn; }

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
    unpaired();
    return;
  }
  const before = state.route;
  const r = readRoute();
  state.route = r;
  if (!r.item) openedByPush = false;
  routeListeners.forEach((fn) => fn(r, before));
}
window.addEventListener('hashchange', applyRoute);

let refreshing = null;
let refreshAgain = false;
// What changed since the view last fetched: the items a server's change named, or anything (changedAll).
const changedIds = new Set();
let changedAll = true;
/** The items changed since the last call, for the view to patch only their rows; null: fetch it whole. */
export function takeChanged() {
  const out = changedAll || !changedIds.size ? null : [...changedIds];
  changedIds.clear();
  changedAll = false;
  return out;
}
/**
 * Sidebar, view and open item again; calls while one runs coalesce into one more. {@code ids}: only these items
 * changed (a server's change event), so the view may patch their rows; without, anything may have.
 */
export async function refreshAll(ids) {
  if (Array.isArray(ids)) ids.forEach((id) => changedIds.add(String(id)));
  else changedAll = true;
  if (refreshing) { refreshAgain = true; return refreshing; }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      await Promise.allSettled(refreshers.map((fn) => fn()));
    } while (refreshAgain);
  })();
  try { await refreshing; } finally { refreshing = null; }
}
