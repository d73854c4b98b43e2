/*
 * Tandem's web companion: one page talking to `tandem serve` (the JSON API of dev.tandem.app.web). No framework
 * and no build step, so the jar serves this file as written. The page never loses typed text: quick add keeps it until
 * the server answered 201, the editor keeps changed fields across live refreshes and closing.
 */
(() => {
  'use strict';

  // ---- Small helpers -------------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /** Builds an element; strings become text nodes, so server text is never parsed as HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'html') el.innerHTML = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  const SVG = (body, label) =>
    `<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none"
      stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`
    + (label ? `<span class="visually-hidden">${label}</span>` : '');
  const ICONS = {
    menu: '<path d="M4 6h16M4 12h16M4 18h16"/>',
    back: '<path d="M15 18l-6-6 6-6"/>',
    settings: '<circle cx="12" cy="12" r="3"/><path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z"/>',
    inbox: '<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.5 5.1L2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.5-6.9A2 2 0 0 0 16.7 4H7.3a2 2 0 0 0-1.8 1.1z"/>',
    today: '<rect x="3" y="4" width="18" height="18" rx="2"/><path d="M16 2v4M8 2v4M3 10h18"/><circle cx="12" cy="16" r="1.5"/>',
    upcoming: '<rect x="3" y="4" width="18" height="18" rx="2"/><path d="M16 2v4M8 2v4M3 10h18M8 15h8"/>',
    completed: '<circle cx="12" cy="12" r="10"/><path d="M8 12l3 3 5-6"/>',
    list: '<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>',
    shared: '<circle cx="9" cy="8" r="4"/><path d="M1 21v-1a6 6 0 0 1 12 0v1"/><path d="M16 4a4 4 0 0 1 0 8M23 21v-1a6 6 0 0 0-4-5.7"/>',
    tag: '<path d="M20.6 13.4l-7.2 7.2a2 2 0 0 1-2.8 0L2 12V2h10l8.6 8.6a2 2 0 0 1 0 2.8z"/><circle cx="7" cy="7" r="1.5"/>',
    conflict: '<path d="M10.3 3.9L1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"/><path d="M12 9v4M12 17h.01"/>',
    repeat: '<path d="M17 1l4 4-4 4"/><path d="M3 11V9a4 4 0 0 1 4-4h14M7 23l-4-4 4-4"/><path d="M21 13v2a4 4 0 0 1-4 4H3"/>',
    note: '<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6M16 13H8M16 17H8"/>',
    bell: '<path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0"/>',
  };
  const icon = (name, label) => {
    const span = h('span', { class: 'icon icon-' + name });
    span.innerHTML = SVG(ICONS[name], label);
    return span;
  };

  function debounce(fn, ms) {
    let t;
    return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
  }

  const pad = (n) => String(n).padStart(2, '0');
  /** Epoch millis as a datetime-local value, in this browser's time zone. */
  function localInput(ms) {
    const d = new Date(ms);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  function when(ms) {
    if (ms == null) return 'never';
    const d = new Date(ms);
    const mins = Math.round((Date.now() - ms) / 60000);
    if (mins < 1) return 'just now';
    if (mins < 60) return `${mins} min ago`;
    return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  // ---- State and the server ------------------------------------------------------------------------

  const state = {
    csrf: null,
    session: null,
    sidebar: null,
    route: { v: 'inbox', q: '', item: null },
    online: true,
    writable: true,       // false while showing answers the service worker kept (offline)
  };

  class ApiError extends Error {
    constructor(status, message, data, retryAfter) {
      super(message);
      this.status = status;
      this.data = data || {};
      this.retryAfter = retryAfter;
    }
  }

  const OFFLINE_WRITE = 'Offline — read-only. This can be changed again once Tandem is reachable.';

  /** One request to the server. POSTs carry the CSRF header and JSON; a 401 returns to pairing. */
  async function api(method, path, body) {
    const opts = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
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
    // The service worker marks answers it kept from earlier: we show them, read-only.
    if (res.headers.get('X-Tandem-Offline')) setOnline(false);
    else if (res.status !== 503) setOnline(true);
    if (res.status === 204) return null;
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (res.ok) return data;
    const message = (data && data.error) || `The server answered ${res.status}.`;
    if (res.status === 401 && state.session && !path.startsWith('/api/pair')) {
      showPairing('This browser is no longer paired. Pair it again to continue.');
    }
    throw new ApiError(res.status, message, data, Number(res.headers.get('Retry-After')) || null);
  }

  function setOnline(online) {
    if (state.online === online && state.writable === online) return;
    state.online = online;
    state.writable = online;
    $('offline').hidden = online;
    document.body.classList.toggle('offline', !online);
    for (const el of document.querySelectorAll('[data-write]')) el.disabled = !online || el.dataset.idle === '1';
    updateSaveButton();
  }

  // ---- Toast ---------------------------------------------------------------------------------------

  let toastTimer;
  function toast(text, actionLabel, action) {
    const box = $('toast');
    $('toast-text').textContent = text;
    const btn = $('toast-action');
    btn.hidden = !actionLabel;
    btn.textContent = actionLabel || '';
    btn.onclick = action ? () => { box.hidden = true; action(); } : null;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, actionLabel ? 8000 : 4000);
  }

  // ---- Start and pairing ---------------------------------------------------------------------------

  async function boot() {
    $('menu-button').innerHTML = SVG(ICONS.menu);
    $('settings-button').innerHTML = SVG(ICONS.settings);
    $('detail-back').innerHTML = SVG(ICONS.back);
    const token = pairTokenFromFragment();
    try {
      const session = await api('GET', '/api/session');
      startApp(session);
    } catch (e) {
      if (e.status === 401) {
        if (token) pair({ token }); else showPairing('');
      } else {
        showPairing(e.message);
      }
    }
  }

  /** Reads `#pair=TOKEN` and clears it at once, so the token stays out of history and bookmarks. */
  function pairTokenFromFragment() {
    const m = /(?:^#|&)pair=([^&]+)/.exec(location.hash);
    if (!m) return null;
    history.replaceState(null, '', location.pathname + location.search);
    return decodeURIComponent(m[1]);
  }

  function showPairing(message) {
    stopEvents();
    forgetCache();
    state.csrf = null;
    state.session = null;
    document.body.classList.remove('booting');
    $('loading').hidden = true;
    $('app').hidden = true;
    $('pair').hidden = false;
    $('pair-busy').hidden = true;
    $('pair-form').hidden = false;
    $('pair-error').textContent = message || '';
    document.title = 'Pair — Tandem';
    if (!message) $('pair-code').focus();
  }

  async function pair(body) {
    $('pair').hidden = false;
    $('loading').hidden = true;
    $('pair-busy').hidden = false;
    $('pair-submit').disabled = true;
    $('pair-error').textContent = '';
    try {
      const answer = await api('POST', '/api/pair', body);
      state.csrf = answer.csrf;
      const session = await api('GET', '/api/session');
      startApp(session);
    } catch (e) {
      $('pair-busy').hidden = true;
      $('pair').hidden = false;
      $('app').hidden = true;
      document.body.classList.remove('booting');
      let msg = e.message;
      if (e.status === 429) {
        msg = 'Too many tries. ' + (e.retryAfter ? `Wait ${e.retryAfter} seconds, then try again.` : 'Wait a little, then try again.');
      } else if (e.status === 0) {
        msg = 'Tandem is not reachable at this address. Is tandem serve still running?';
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
      $('pair-error').textContent = 'Type the code shown on the desktop.';
      $('pair-code').focus();
      return;
    }
    pair({ code });
  });
  $('pair-code').addEventListener('input', (ev) => {
    const v = ev.target.value;
    if (/^\d{8}$/.test(v)) ev.target.value = v.slice(0, 4) + '-' + v.slice(4);
  });

  function startApp(session) {
    state.session = session;
    state.csrf = session.csrf;
    document.body.classList.remove('booting');
    $('loading').hidden = true;
    $('pair').hidden = true;
    $('app').hidden = false;
    state.route = readRoute();
    $('search').value = state.route.v === 'search' ? state.route.q : '';
    refreshAll();
    if (state.route.item) openItem(state.route.item);
    startEvents();
  }

  // ---- Routes: #v=today, #v=list:ID&item=ID, #v=search&q=milk, #v=conflicts, #v=settings ---------------

  function readRoute() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ''));
    return { v: p.get('v') || 'inbox', q: p.get('q') || '', item: p.get('item') };
  }

  function go(route, replace) {
    const r = { ...state.route, ...route };
    const p = new URLSearchParams();
    p.set('v', r.v);
    if (r.v === 'search' && r.q) p.set('q', r.q);
    if (r.item) p.set('item', r.item);
    const hash = '#' + p.toString();
    if (hash === location.hash) { applyRoute(); return; }
    if (replace) { history.replaceState(null, '', hash); applyRoute(); return; }
    if (r.item && r.item !== state.route.item) openedByPush = true;
    location.hash = hash;
  }
  /** Whether the open item has a history entry of its own, so Back can simply go back. */
  let openedByPush = false;

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
    if (r.v !== before.v || r.q !== before.q) {
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
  async function refreshAll() {
    if (refreshing) { refreshAgain = true; return refreshing; }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        await Promise.allSettled([loadSidebar(), loadView(), state.route.item ? reloadItem() : null]);
      } while (refreshAgain);
    })();
    try { await refreshing; } finally { refreshing = null; }
  }

  // ---- Sidebar -------------------------------------------------------------------------------------

  async function loadSidebar() {
    try {
      state.sidebar = await api('GET', '/api/sidebar');
      renderSidebar();
      fillListSelect();
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

  function renderSidebar() {
    const s = state.sidebar;
    if (!s) return;
    $('nav-smart').replaceChildren(...s.smart.map((v) => navItem(v.key, v.label, icon(v.key in ICONS ? v.key : 'list'), v.count)));
    $('nav-lists').replaceChildren(...s.lists.map((l) =>
      navItem('list:' + l.id, l.name, l.shared ? icon('shared', 'Shared') : icon('list'), l.count)));
    $('lists-heading').hidden = s.lists.length === 0;
    $('nav-tags').replaceChildren(...s.tags.map((t) => navItem('tag:' + t.tag, '#' + t.tag, icon('tag'), t.count)));
    $('tags-heading').hidden = s.tags.length === 0;
    const conflicts = navItem('conflicts', 'Conflicts', icon('conflict'), null);
    if (s.conflicts > 0) {
      conflicts.firstChild.append(h('span', { class: 'count badge', 'aria-label': `${s.conflicts} to look at` }, String(s.conflicts)));
    }
    $('nav-more').replaceChildren(conflicts, navItem('settings', 'This browser', icon('settings'), null));
  }

  function viewLabel(key) {
    const s = state.sidebar;
    if (key === 'conflicts') return 'Conflicts';
    if (key === 'settings') return 'This browser';
    if (!s) return 'Tandem';
    const smart = s.smart.find((v) => v.key === key);
    if (smart) return smart.label;
    if (key.startsWith('list:')) return (s.lists.find((l) => 'list:' + l.id === key) || { name: 'List' }).name;
    if (key.startsWith('tag:')) return '#' + key.slice(4);
    return 'Tandem';
  }

  function openDrawer() {
    document.body.classList.add('drawer-open');
    $('backdrop').hidden = false;
    $('menu-button').setAttribute('aria-expanded', 'true');
    const current = $('sidebar').querySelector('[aria-current]') || $('search');
    current.focus();
  }
  function closeDrawer() {
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

  // ---- The view: items, conflicts or this browser ------------------------------------------------------

  // A long view comes a page of rows at a time: the first page is usable at once, and a change
  // another device makes refetches only what is shown. The sentinel at the end asks for more.
  const PAGE = 200;
  let shownView = null;
  let limit = PAGE;
  const more = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) { limit += PAGE; loadView(); }
  });

  let viewSeq = 0;
  async function loadView() {
    const r = state.route;
    const key = r.v + '\u0000' + (r.q || '');
    if (key !== shownView) { shownView = key; limit = PAGE; }
    const seq = ++viewSeq;
    const special = r.v === 'conflicts' || r.v === 'settings';
    document.body.classList.toggle('special-view', special);
    $('quick-add-form').hidden = special || r.v === 'completed';
    setTitle(r.v === 'search' ? `Search: ${r.q}` : viewLabel(r.v));
    try {
      if (r.v === 'conflicts') return renderConflicts(await api('GET', '/api/conflicts'), seq);
      if (r.v === 'settings') return renderSettings(await api('GET', '/api/browsers'), seq);
      let path = '/api/items?view=' + encodeURIComponent(r.v);
      if (r.v === 'search') path += '&q=' + encodeURIComponent(r.q);
      path += '&limit=' + limit;
      const data = await api('GET', path);
      if (seq !== viewSeq) return;
      setTitle(r.v === 'search' ? `Search: ${r.q}` : data.title);
      renderItems(data.items, data.total);
      $('items').dataset.view = r.v;
    } catch (e) {
      if (seq !== viewSeq || e.status === 401) return;
      $('panel').hidden = true;
      $('items').replaceChildren();
      showEmpty(e.message);
    }
  }

  function setTitle(title) {
    $('view-title').textContent = title;
    document.title = `${title} — Tandem`;
  }

  function showEmpty(text) {
    $('empty').textContent = text || '';
    $('empty').hidden = !text;
  }

  function emptyText(v) {
    if (v === 'today') return 'Nothing due today. Enjoy the day.';
    if (v === 'upcoming') return 'Nothing coming up.';
    if (v === 'completed') return 'Nothing completed yet.';
    if (v === 'search') return 'Nothing matches.';
    if (v === 'inbox') return 'The inbox is empty. Add a todo above.';
    return 'Nothing here yet. Add a todo above.';
  }

  function renderItems(items, total) {
    $('panel').hidden = true;
    const focusedId = document.activeElement && document.activeElement.closest('.item')
      ? document.activeElement.closest('.item').dataset.id : null;
    const focusedDone = document.activeElement && document.activeElement.classList.contains('item-done');
    more.disconnect();
    const rows = items.map(itemRow);
    if (total > items.length) {
      const sentinel = h('li', { class: 'more', role: 'status' }, `Showing ${items.length} of ${total}…`);
      rows.push(sentinel);
      more.observe(sentinel);
    }
    $('items').replaceChildren(...rows);
    showEmpty(items.length ? '' : emptyText(state.route.v));
    if (focusedId) {
      const row = $('items').querySelector(`.item[data-id="${CSS.escape(focusedId)}"]`);
      if (row) row.querySelector(focusedDone ? '.item-done' : '.item-open').focus();
    }
  }

  function itemRow(it) {
    const meta = h('span', { class: 'item-meta' },
      it.dueLabel ? h('span', { class: 'due' + (it.overdue ? ' overdue' : '') }, it.overdue ? `Overdue: ${it.dueLabel}` : it.dueLabel) : null,
      it.repeat ? icon('repeat', `Repeats ${it.repeat}`) : null,
      it.remindAt ? icon('bell', `Reminder ${new Date(it.remindAt).toLocaleString()}`) : null,
      it.hasNotes ? icon('note', 'Has notes') : null,
      state.route.v.startsWith('list:') || !it.listId ? null : h('span', { class: 'list-name' }, it.listName),
      ...(it.tags || []).map((t) => h('span', { class: 'tag' }, '#' + t)));
    const open = h('button', {
      type: 'button', class: 'item-open', 'aria-current': state.route.item === it.id ? 'true' : null,
      onclick: () => go({ item: it.id }),
    }, h('span', { class: 'item-title' }, it.title || '(no title)'), meta.childNodes.length ? meta : null);
    const done = it.note
      ? h('span', { class: 'item-note-mark' }, icon('note', 'Note'))
      : h('input', { type: 'checkbox', class: 'item-done check', 'aria-label': `Done: ${it.title}`, 'data-write': '' });
    if (!it.note) {
      done.checked = it.done;
      done.disabled = !state.writable;
      done.addEventListener('change', () => tick(it, done));
    }
    return h('li', {
      class: `item${it.done ? ' done' : ''}${it.priority ? ' p' + it.priority : ''}`, 'data-id': it.id,
    }, h('span', { class: 'priority-bar', title: it.priority ? `Priority ${it.priority}` : null }), done, open,
    it.priority ? h('span', { class: 'visually-hidden' }, `Priority ${it.priority}`) : null);
  }

  async function tick(it, box) {
    const done = box.checked;
    box.closest('.item').classList.toggle('done', done);
    try {
      await api('POST', `/api/items/${encodeURIComponent(it.id)}/done`, { done });
      if (done) toast(`Completed “${it.title}”.`, 'Undo', () => untick(it));
      refreshAll();
    } catch (e) {
      box.checked = !done;
      box.closest('.item').classList.toggle('done', !done);
      toast(e.message);
    }
  }
  async function untick(it) {
    try {
      await api('POST', `/api/items/${encodeURIComponent(it.id)}/done`, { done: false });
      refreshAll();
    } catch (e) { toast(e.message); }
  }

  // ---- Quick add: chips while typing, the text kept until the server has the todo ----------------------

  let parseSeq = 0;
  const parse = debounce(async () => {
    const text = $('quick-add').value;
    const seq = ++parseSeq;
    if (!text.trim() || !state.writable) { renderChips([]); return; }
    try {
      const answer = await api('POST', '/api/parse', { text });
      if (seq === parseSeq) renderChips(answer.chips || []);
    } catch (e) { /* chips are a preview only */ }
  }, 200);

  function renderChips(chips) {
    $('quick-add-chips').replaceChildren(...chips.map((c) =>
      h('li', { class: 'chip chip-' + String(c.kind).toLowerCase() }, c.label)));
  }

  $('quick-add').addEventListener('input', () => {
    if ($('quick-add-message').classList.contains('error')) setQuickMessage('');
    parse();
  });

  function setQuickMessage(text, error, retry) {
    const box = $('quick-add-message');
    box.className = 'quick-add-message' + (error ? ' error' : '');
    box.replaceChildren(text);
    if (retry) box.append(' ', h('button', { type: 'button', class: 'link-button', onclick: retry }, 'Retry'));
  }

  let adding = false;
  async function quickAdd() {
    const field = $('quick-add');
    const text = field.value;
    if (!text.trim() || adding) return;
    if (!state.writable) { setQuickMessage(OFFLINE_WRITE + ' Your text stays here.', true); return; }
    adding = true;
    $('quick-add-submit').disabled = true;
    setQuickMessage('Adding…');
    const view = state.route.v;
    try {
      const answer = await api('POST', '/api/quickadd', { text, view });
      // Only what was sent is cleared: text typed meanwhile stays.
      if (field.value === text) { field.value = ''; renderChips([]); }
      setQuickMessage(answer.message || 'Added.');
      refreshAll();
    } catch (e) {
      setQuickMessage(e.message, true, e.status === 400 ? null : quickAdd);
    } finally {
      adding = false;
      $('quick-add-submit').disabled = false;
    }
  }
  $('quick-add-form').addEventListener('submit', (ev) => { ev.preventDefault(); quickAdd(); });

  // ---- The detail: an editor that sends only changed fields with their base values -------------------

  /** How each field shows in the form and goes back to JSON. */
  const FIELDS = {
    title: { el: 'ed-title', show: (v) => v || '', read: (s) => s.trim() },
    due: { el: 'ed-due', show: (v) => v || '', read: (s) => s || null },
    priority: { el: 'ed-priority', show: (v) => (v == null ? '' : String(v)), read: (s) => (s ? Number(s) : null) },
    listId: { el: 'ed-list', show: (v) => v || '', read: (s) => s || null },
    tags: {
      el: 'ed-tags', show: (v) => (v || []).join(', '),
      read: (s) => s.split(/[,\s]+/).map((t) => t.replace(/^#/, '')).filter(Boolean),
    },
    remindAt: { el: 'ed-remind', show: (v) => (v == null ? '' : localInput(v)), read: (s) => (s ? new Date(s).getTime() : null) },
    repeat: { el: 'ed-repeat', show: (v) => v || '', read: (s) => s.trim() || null },
    notes: { el: 'ed-notes', show: (v) => v || '', read: (s) => s },
  };

  /** The open item: the JSON last shown, and per field the server value the form started from. */
  const editor = { id: null, item: null, base: {}, shown: {}, seq: 0 };
  const DRAFTS = 'tandem.drafts';

  const formValue = (f) => $(FIELDS[f].el).value;
  const dirtyFields = () => Object.keys(FIELDS).filter((f) => editor.id && formValue(f) !== editor.shown[f]);

  function drafts() {
    try { return JSON.parse(sessionStorage.getItem(DRAFTS) || '{}'); } catch (e) { return {}; }
  }
  /** Keeps changed fields of the open item (with their base), so closing or reloading never loses them. */
  function keepDraft() {
    if (!editor.id) return;
    const all = drafts();
    const dirty = dirtyFields();
    if (dirty.length) {
      all[editor.id] = Object.fromEntries(dirty.map((f) => [f, { value: formValue(f), base: editor.base[f] }]));
    } else {
      delete all[editor.id];
    }
    try { sessionStorage.setItem(DRAFTS, JSON.stringify(all)); } catch (e) { /* private mode: memory only */ }
  }

  function fillListSelect() {
    const sel = $('ed-list');
    const value = sel.value;
    const lists = (state.sidebar && state.sidebar.lists) || [];
    sel.replaceChildren(h('option', { value: '' }, 'Inbox'), ...lists.map((l) => h('option', { value: l.id }, l.name)));
    if (editor.item && editor.item.listId && !lists.some((l) => l.id === editor.item.listId)) {
      sel.append(h('option', { value: editor.item.listId }, editor.item.listName || 'Other list'));
    }
    sel.value = value;
  }

  async function openItem(id) {
    keepDraft();
    document.body.classList.add('has-item');
    editor.id = null;
    editor.item = null;
    $('detail-placeholder').hidden = true;
    $('detail-body').hidden = false;
    $('detail-error').hidden = true;
    $('detail-status').textContent = 'Loading…';
    for (const row of $('items').querySelectorAll('.item-open')) {
      row.toggleAttribute('aria-current', row.closest('.item').dataset.id === id);
    }
    const seq = ++editor.seq;
    try {
      const item = await api('GET', '/api/items/' + encodeURIComponent(id));
      if (seq !== editor.seq) return;
      editor.id = id;
      $('detail-status').textContent = '';
      showItem(item, true);
      const draft = drafts()[id];
      if (draft) {
        for (const [f, d] of Object.entries(draft)) {
          if (!FIELDS[f]) continue;
          editor.base[f] = d.base;
          editor.shown[f] = FIELDS[f].show(d.base);
          $(FIELDS[f].el).value = d.value;
        }
        if (draft.notes) setNotesEditing(true);
        $('detail-status').textContent = 'Unsaved changes kept';
      }
      updateSaveButton();
      if (window.matchMedia('(max-width: 899px)').matches) $('detail-heading').focus();
    } catch (e) {
      if (seq !== editor.seq) return;
      $('detail-status').textContent = '';
      showDetailError(e.message);
    }
  }

  function closeItem() {
    keepDraft();
    editor.seq++;
    const id = editor.id;
    editor.id = null;
    editor.item = null;
    document.body.classList.remove('has-item');
    $('detail-body').hidden = true;
    $('detail-placeholder').hidden = false;
    setNotesEditing(false);
    for (const row of $('items').querySelectorAll('.item-open[aria-current]')) row.removeAttribute('aria-current');
    const row = id && $('items').querySelector(`.item[data-id="${CSS.escape(id)}"] .item-open`);
    if (row) row.focus();
  }

  /**
   * Shows an item from the server. With all, every field takes the server's value; otherwise fields the user
   * changed keep their text and their old base (saving them then finds out whether another device changed them).
   */
  function showItem(item, all, keep) {
    const dirty = all ? [] : keep || dirtyFields();
    editor.item = item;
    fillListSelect();
    for (const [f, def] of Object.entries(FIELDS)) {
      if (dirty.includes(f)) continue;
      editor.base[f] = item[f] === undefined ? null : item[f];
      editor.shown[f] = def.show(editor.base[f]);
      const el = $(def.el);
      if (el.value !== editor.shown[f]) el.value = editor.shown[f];
    }
    const done = $('ed-done');
    done.hidden = !!item.note;
    done.checked = !!item.done;
    $('detail-heading').textContent = (item.note ? 'Note' : 'Todo') + (item.shared ? ' · shared list' : '');
    $('detail-heading').setAttribute('tabindex', '-1');
    renderNotes();
    autosizeTitle();
    updateSaveButton();
  }

  function renderNotes() {
    const view = $('notes-view');
    const item = editor.item;
    if (!item) return;
    const stale = formValue('notes') !== editor.shown.notes;
    view.innerHTML = item.notesHtml || '';
    if (!item.notesHtml) view.append(h('p', { class: 'muted' }, 'No notes.'));
    if (stale) view.prepend(h('p', { class: 'muted' }, 'The notes have unsaved changes (Edit shows them).'));
    for (const box of view.querySelectorAll('input[type=checkbox][data-line]')) {
      box.disabled = stale || !state.writable;
      box.setAttribute('data-write', '');
      if (stale) box.dataset.idle = '1';
      box.addEventListener('change', () => checkLine(Number(box.dataset.line), box));
      const line = box.closest('li');
      if (line) line.classList.add('check-line');
    }
  }

  $('notes-view').addEventListener('click', (ev) => {
    const line = ev.target.closest('li.check-line');
    if (!line || ev.target.closest('a, input')) return;
    const box = line.querySelector('input[type=checkbox][data-line]');
    if (box && !box.disabled) box.click();
  });

  async function checkLine(line, box) {
    const checked = box.checked;
    try {
      const answer = await api('POST', `/api/items/${encodeURIComponent(editor.id)}/check`, { line, checked });
      showItem(answer.item, false);
    } catch (e) {
      box.checked = !checked;
      showDetailError(e.message);
    }
  }

  function setNotesEditing(on) {
    $('notes-edit').setAttribute('aria-pressed', String(on));
    $('notes-edit').textContent = on ? 'Done editing' : 'Edit';
    $('ed-notes').hidden = !on;
    $('notes-view').hidden = on;
    if (!on) renderNotes();
  }
  $('notes-edit').addEventListener('click', () => {
    const on = $('notes-edit').getAttribute('aria-pressed') !== 'true';
    setNotesEditing(on);
    if (on) $('ed-notes').focus();
  });

  function autosizeTitle() {
    const t = $('ed-title');
    t.style.height = 'auto';
    t.style.height = t.scrollHeight + 'px';
  }
  $('ed-title').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') { ev.preventDefault(); save(); }
  });

  function updateSaveButton() {
    const dirty = editor.id ? dirtyFields() : [];
    $('save').disabled = !dirty.length || !state.writable;
    $('save-hint').textContent = !editor.id ? ''
      : !state.writable ? (dirty.length ? 'Offline — saving waits for the connection.' : 'Offline — read-only.')
        : dirty.length ? 'Unsaved changes' : '';
  }
  $('editor').addEventListener('input', (ev) => {
    if (ev.target.id === 'ed-title') autosizeTitle();
    if (ev.target.dataset.field) { updateSaveButton(); keepDraft(); }
  });
  $('editor').addEventListener('change', () => updateSaveButton());

  function showDetailError(message, withConflictsLink) {
    const box = $('detail-error');
    box.replaceChildren(message);
    if (withConflictsLink) {
      box.append(' ', h('button', { type: 'button', class: 'link-button', onclick: () => go({ v: 'conflicts', item: null }) },
        'Open Conflicts'));
    }
    box.hidden = false;
  }

  let statusTimer;
  function flashStatus(text) {
    $('detail-status').textContent = text;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { if ($('detail-status').textContent === text) $('detail-status').textContent = ''; }, 3000);
  }

  let saving = false;
  async function save() {
    if (!editor.id || saving) return;
    const dirty = dirtyFields();
    if (!dirty.length) return;
    if (!state.writable) { showDetailError(OFFLINE_WRITE); return; }
    if (dirty.includes('title') && !formValue('title').trim()) {
      showDetailError('A title is needed.');
      $('ed-title').focus();
      return;
    }
    const set = {};
    const base = {};
    const sent = {};
    for (const f of dirty) {
      sent[f] = formValue(f);
      set[f] = FIELDS[f].read(formValue(f));
      base[f] = editor.base[f];
    }
    saving = true;
    $('save').disabled = true;
    $('detail-status').textContent = 'Saving…';
    $('detail-error').hidden = true;
    const id = editor.id;
    try {
      const answer = await api('POST', '/api/items/' + encodeURIComponent(id), { set, base });
      if (editor.id !== id) return;
      // Fields typed into while saving keep their text.
      const typedSince = Object.keys(FIELDS).filter((f) => formValue(f) !== (f in sent ? sent[f] : editor.shown[f]));
      showItem(answer.item, false, typedSince);
      keepDraft();
      flashStatus('Saved');
      refreshAll();
    } catch (e) {
      if (editor.id !== id) return;
      $('detail-status').textContent = '';
      if (e.status === 409) {
        // The other device's value stays; ours is kept in Conflicts.
        if (e.data.item) showItem(e.data.item, true);
        keepDraft();
        showDetailError(/^Changed on another device/.test(e.message) ? e.message
          : 'Changed on another device while you edited. Your version is kept in Conflicts.', true);
        loadSidebar();
      } else {
        showDetailError(e.message);
      }
    } finally {
      saving = false;
      updateSaveButton();
    }
  }
  $('editor').addEventListener('submit', (ev) => { ev.preventDefault(); save(); });

  $('ed-done').addEventListener('change', async () => {
    const box = $('ed-done');
    const done = box.checked;
    try {
      const answer = await api('POST', `/api/items/${encodeURIComponent(editor.id)}/done`, { done });
      if (answer && answer.item) editor.base.done = answer.item.done;
      refreshAll();
    } catch (e) {
      box.checked = !done;
      showDetailError(e.message);
    }
  });

  async function reloadItem() {
    const id = state.route.item;
    if (!id || editor.id !== id) return;
    try {
      const item = await api('GET', '/api/items/' + encodeURIComponent(id));
      if (editor.id === id) showItem(item, false);
    } catch (e) {
      if (e.status === 404 && editor.id === id) showDetailError('This item was deleted on another device.');
    }
  }

  $('detail-back').addEventListener('click', () => {
    if (openedByPush) history.back(); else go({ item: null }, true);
  });

  // ---- Conflicts ---------------------------------------------------------------------------------

  function renderConflicts(data, seq) {
    if (seq !== viewSeq) return;
    $('items').replaceChildren();
    const list = data.conflicts || [];
    const panel = $('panel');
    panel.hidden = false;
    showEmpty(list.length ? '' : 'No conflicts. Edits made on two devices at once show up here.');
    panel.replaceChildren(...list.map((c) => h('article', { class: 'card conflict', 'data-id': c.id },
      h('h2', null, c.kind === 'item'
        ? h('button', { type: 'button', class: 'link-button', onclick: () => go({ item: c.itemId }) }, c.itemTitle || '(no title)')
        : (c.itemTitle || '(no title)')),
      h('p', { class: 'muted' }, `${c.fieldLabel}: edited on ${c.lostBy || 'another device'}, ${when(c.at)}`),
      h('dl', { class: 'kept-lost' },
        h('dt', null, 'Kept'), h('dd', null, c.kept === '' || c.kept == null ? '(empty)' : String(c.kept),
          c.keptBy ? h('span', { class: 'muted' }, ` (${c.keptBy})`) : null),
        h('dt', null, 'Lost'), h('dd', null, c.lost === '' || c.lost == null ? '(empty)' : String(c.lost))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', 'data-write': '', disabled: !state.writable,
          onclick: () => resolveConflict(c.id, 'use-lost') }, 'Use lost value'),
        h('button', { type: 'button', 'data-write': '', disabled: !state.writable,
          onclick: () => resolveConflict(c.id, 'dismiss') }, 'Dismiss')))));
  }

  async function resolveConflict(id, action) {
    try {
      await api('POST', `/api/conflicts/${encodeURIComponent(id)}/${action}`, {});
      toast(action === 'use-lost' ? 'The lost value is back.' : 'Dismissed.');
      refreshAll();
    } catch (e) { toast(e.message); }
  }

  // ---- This browser: paired browsers, revoke, log out -----------------------------------------------

  function renderSettings(data, seq) {
    if (seq !== viewSeq) return;
    $('items').replaceChildren();
    showEmpty('');
    const s = state.session;
    const browsers = data.browsers || [];
    const panel = $('panel');
    panel.hidden = false;
    panel.replaceChildren(
      h('article', { class: 'card' },
        h('h2', null, 'This browser'),
        h('p', null, `“${s.browser.name}”, paired with ${s.device}.`),
        h('p', { class: 'muted' }, state.online ? 'Changes show up here as they happen.' : 'Offline — read-only.'),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'logout', onclick: logout }, 'Log out'))),
      h('article', { class: 'card' },
        h('h2', null, 'Paired browsers'),
        h('ul', { class: 'browsers' }, ...browsers.map((b) => h('li', { 'data-id': b.id },
          h('div', null,
            h('strong', null, b.name), b.current ? h('span', { class: 'tag current' }, 'This browser') : null,
            h('div', { class: 'muted' }, `Paired ${when(b.pairedAt)} · last seen ${when(b.lastSeen)}`)),
          h('button', { type: 'button', class: 'danger', 'data-write': '', disabled: !state.writable,
            'aria-label': `Revoke ${b.name}`, onclick: () => revoke(b) }, 'Revoke'))))));
  }

  async function revoke(b) {
    const question = b.current ? 'Revoke this browser? You will have to pair it again.' : `Revoke “${b.name}”? It will have to pair again.`;
    if (!window.confirm(question)) return;
    try {
      await api('POST', `/api/browsers/${encodeURIComponent(b.id)}/revoke`, {});
      if (b.current) { showPairing('This browser was revoked. Pair it again to continue.'); return; }
      toast(`Revoked “${b.name}”.`);
      loadView();
    } catch (e) { if (e.status !== 401) toast(e.message); }
  }

  async function logout() {
    try {
      await api('POST', '/api/logout', {});
      showPairing('Logged out. Pair again to use Tandem here.');
    } catch (e) { if (e.status !== 401) toast(e.message); }
  }

  // ---- Live: server-sent events, offline and reconnecting ----------------------------------------------

  let events = null;
  let retryTimer = null;
  let retryDelay = 1000;

  function startEvents() {
    stopEvents();
    if (!window.EventSource) return;
    const es = new EventSource('/api/events');
    events = es;
    es.addEventListener('open', () => {
      if (events !== es) return;
      retryDelay = 1000;
      const wasOffline = !state.online;
      setOnline(true);
      if (wasOffline) refreshAll();
    });
    es.addEventListener('change', () => { if (events === es) refreshAll(); });
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

  function stopEvents() {
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

  /** Forgets the answers the service worker kept, so a logged-out browser shows nothing offline. */
  function forgetCache() {
    if (window.caches && window.isSecureContext) caches.delete('tandem-api').catch(() => {});
    try { sessionStorage.removeItem(DRAFTS); } catch (e) { /* nothing kept */ }
  }

  // ---- Keyboard --------------------------------------------------------------------------------------

  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      if (document.body.classList.contains('drawer-open')) { closeDrawer(); $('menu-button').focus(); return; }
      if (state.route.item && !ev.target.closest('#editor')) go({ item: null });
      return;
    }
    const typing = ev.target.closest('input, textarea, select, [contenteditable]');
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey || !state.session) return;
    if (ev.key === '/') { ev.preventDefault(); $('search').focus(); }
    if (ev.key === 'n' && !$('quick-add-form').hidden) { ev.preventDefault(); $('quick-add').focus(); }
  });

  // ---- Service worker: the shell and the last answers, for reading offline -------------------------------

  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* the page works without it */ });
  }

  boot();
})();
