/*
 * The sidebar: built-in views, lists, saved filters (Smart lists), tags, Conflicts and This browser with their
 * counts, the drawer it becomes on a narrow screen, and the search field.
 */
import { $, h, ICONS, icon, debounce } from './dom.js';
import { state } from './state.js';
import { api } from './api.js';
import { go, onRefresh, onRoute } from './routes.js';
import { t } from './i18n.js';

const loaded = [];
/** fn() after each sidebar the server sent (the editor fills its list choice from it). */
export function onSidebar(fn) { loaded.push(fn); }

export async function loadSidebar() {
  try {
    state.sidebar = await api('GET', '/api/sidebar');
    renderSidebar();
    loaded.forEach((fn) => fn());
  } catch (e) { /* the banner says offline; 401 went to pairing */ }
}

function navItem(key, label, iconEl, count, extra) {
  const current = state.route.v === key;
  const btn = h('button', {
    type: 'button', class: 'nav-item', 'aria-current': current ? 'page' : null, 'data-view': key,
    onclick: () => go({ v: key, item: null }),
  }, iconEl, h('span', { class: 'nav-label' }, label), extra || null,
  count == null ? null : h('span', { class: 'count' + (extra === 'badge' ? ' badge' : '') }, String(count)));
  return h('li', null, btn);
}

/** A filter's colour only as #rrggbb (it is synced data), set as a style property, never as markup. */
const COLOR = /^#[0-9a-fA-F]{6}$/;

function filterItem(f) {
  const color = typeof f.color === 'string' && COLOR.test(f.color) ? f.color : null;
  const dot = h('span', { class: 'filter-dot' + (color ? '' : ' no-color'), 'aria-hidden': 'true' });
  if (color) dot.style.backgroundColor = color;
  const li = navItem('filter:' + f.id, f.name, dot, f.count);
  if (f.tooSlow) {
    // Counting it ran past its time budget: a short word where the number goes, the whole sentence for a reader.
    li.firstChild.append(h('span', {
      class: 'count too-slow', title: t('page.sidebar.filterTooSlow'), 'aria-label': t('page.sidebar.filterTooSlow'),
    }, t('page.sidebar.filterTooSlowShort')));
  }
  if (f.unreadable) {
    const mark = icon('conflict', t('page.sidebar.filterUnreadable'));
    mark.classList.add('unreadable-mark');
    mark.title = t('page.sidebar.filterUnreadable');
    li.firstChild.append(mark);
  }
  return li;
}

/**
 * The built-in views (Inbox, Today…) of a sidebar answer. Answers said them under `smart` until `views` took the
 * name (a smart list is a saved filter only); the service worker keeps the last /api/sidebar answer across page
 * versions, so a page offline may read one from the older server. Read both for one version, then `views` only.
 */
function builtInViews(s) {
  return s.views ?? s.smart ?? [];
}

export function renderSidebar() {
  const s = state.sidebar;
  if (!s) return;
  $('nav-views').replaceChildren(...builtInViews(s).map((v) => navItem(v.key, v.label, icon(v.key in ICONS ? v.key : 'list'), v.count)));
  $('nav-lists').replaceChildren(...s.lists.map((l) =>
    navItem('list:' + l.id, l.name, l.shared ? icon('shared', t('page.sidebar.shared')) : icon('list'), l.count)));
  $('lists-heading').hidden = s.lists.length === 0;
  const filters = s.filters || [];
  $('nav-filters').replaceChildren(...filters.map(filterItem));
  $('filters-heading').hidden = filters.length === 0;
  $('nav-tags').replaceChildren(...s.tags.map((t) => navItem('tag:' + t.tag, '#' + t.tag, icon('tag'), t.count)));
  $('tags-heading').hidden = s.tags.length === 0;
  const conflicts = navItem('conflicts', t('page.view.conflicts'), icon('conflict'), null);
  if (s.conflicts > 0) {
    conflicts.firstChild.append(h('span', { class: 'count badge', 'aria-label': t('page.sidebar.conflictsCount', s.conflicts) }, String(s.conflicts)));
  }
  $('nav-more').replaceChildren(conflicts, navItem('settings', t('page.view.settings'), icon('settings'), null));
}

export function viewLabel(key) {
  const s = state.sidebar;
  if (key === 'conflicts') return t('page.view.conflicts');
  if (key === 'settings') return t('page.view.settings');
  if (!s) return 'Tandem';
  const view = builtInViews(s).find((v) => v.key === key);
  if (view) return view.label;
  if (key.startsWith('list:')) return (s.lists.find((l) => 'list:' + l.id === key) || { name: t('page.field.list') }).name;
  if (key.startsWith('tag:')) return '#' + key.slice(4);
  const filter = key.startsWith('filter:') && (s.filters || []).find((f) => 'filter:' + f.id === key);
  if (filter) return filter.name;
  return 'Tandem';
}

function openDrawer() {
  document.body.classList.add('drawer-open');
  $('backdrop').hidden = false;
  $('menu-button').setAttribute('aria-expanded', 'true');
  const current = $('sidebar').querySelector('[aria-current]') || $('search');
  current.focus();
}
export function closeDrawer() {
  if (!document.body.classList.contains('drawer-open')) return;
  document.body.classList.remove('drawer-open');
  $('backdrop').hidden = true;
  $('menu-button').setAttribute('aria-expanded', 'false');
}
$('menu-button').addEventListener('click', () =>
  (document.body.classList.contains('drawer-open') ? closeDrawer() : openDrawer()));
$('backdrop').addEventListener('click', closeDrawer);
$('settings-button').addEventListener('click', () => go({ v: 'settings', item: null }));

const search = debounce(() => {
  const q = $('search').value.trim();
  if (q) go({ v: 'search', q, item: null }, state.route.v === 'search');
}, 300);
$('search').addEventListener('input', search);
$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = $('search').value.trim();
  if (q) { go({ v: 'search', q, item: null }, state.route.v === 'search'); closeDrawer(); }
});

onRoute((r, before) => {
  if (r.v === before.v && r.q === before.q && r.w === before.w) return;
  // Results of typing in the drawer's search field show once the drawer is closed (Enter, or a tap beside it).
  if (document.activeElement !== $('search')) closeDrawer();
  renderSidebar();
});
onRefresh(loadSidebar);
