/*
 * The view: a page of item rows at a time (the sentinel at the end asks for more), their done boxes with
 * Undo, and the dispatch to the screens that register for a view (Conflicts, This browser) or an answer of
 * days (the Agenda, the Week): they sit above this module and import it.
 */
import { $, h, icon, toast } from './dom.js';
import { state } from './state.js';
import { api } from './api.js';
import { submit, pending } from './outbox.js';
import { go, onRefresh, onRoute, refreshAll, takeChanged } from './routes.js';
import { viewLabel } from './sidebar.js';
import { formatDayTime, t } from './i18n.js';

/** Views another screen shows: key → {path, render(data, seq)}; and who draws an answer of days. */
const panels = {};
let daysRenderer = () => {};
let outlineRenderer = null;
let outlinePatcher = null;
export function registerPanel(key, path, render) { panels[key] = { path, render }; }
export function registerDays(render) { daysRenderer = render; }
/** Who draws a list in its own order ({outline: true}: sections, nesting); without one, its rows go flat. */
export function registerOutline(render, patch, ids) {
  outlineRenderer = render; outlinePatcher = patch; outlineAsks = ids;
}

// A long view comes a page of rows at a time: the first page is usable at once. A change another device makes
// patches the rows it names (GET /api/rows), so its cost is that of the rows changed, not of the rows loaded; the
// view is fetched whole again when the change named no items, a write of this page waits in the outbox (drawn on
// top of the answer), or the patch is one the view cannot take in place. The sentinel at the end asks for more.
const PAGE = 200;
/** The most changed items a patch asks about; past it the view is fetched whole (the server takes 100). */
const PATCH_IDS = 100;
let shownView = null;
/** The limit of the rows last fetched whole, which patches keep. */
let drawnLimit = 0;
/** How many times the view was fetched whole and patched, on #items (data-fetched, data-patched), for tests. */
function count(what) {
  const list = $('items');
  list.dataset[what] = String(Number(list.dataset[what] || 0) + 1);
}
/** What an outline asks a patch about for the ids a change names (outline.js): null, fetched whole. */
let outlineAsks = null;
let limit = PAGE;
const more = new IntersectionObserver((entries) => {
  if (entries.some((e) => e.isIntersecting)) { limit += PAGE; loadView({ whole: true }); }
});

export let viewSeq = 0;
export async function loadView(opts) {
  const r = state.route;
  const key = r.v + '\u0000' + (r.q || '');
  // Taken in any case: a load that fetches whole (the next page asked for, {whole: true}) covers the change too.
  const named = takeChanged();
  const changed = opts && opts.whole ? null : named;
  const same = key === shownView && $('items').dataset.view === r.v;
  if (key !== shownView) { shownView = key; limit = PAGE; }
  const seq = ++viewSeq;
  // A patch answers for the rows drawn: while more rows are on their way (the limit grew), the load fetches whole.
  if (same && changed && changed.length <= PATCH_IDS && !panels[r.v] && patchable(r.v) && drawnLimit === limit) {
    try {
      if (await patchView(changed, seq)) return;
    } catch (e) {
      // Fetched whole below, which says what went wrong if it goes wrong again.
    }
    if (seq !== viewSeq) return;
  }
  const special = !!panels[r.v];
  document.body.classList.toggle('special-view', special);
  document.body.classList.toggle('week-view', r.v === 'week');
  // A saved filter finds todos by their query: a todo added there would go nowhere the query names.
  $('quick-add-form').hidden = special || r.v === 'completed' || r.v === 'trash' || r.v.startsWith('filter:');
  setTitle(r.v === 'search' ? t('page.view.search', r.q) : viewLabel(r.v));
  try {
    const panel = panels[r.v];
    if (panel) {
      const answer = await api('GET', panel.path);
      if (seq === viewSeq) showMore(0, 0);
      return panel.render(answer, seq);
    }
    const asked = limit;
    const data = await api('GET', viewPath());
    if (seq !== viewSeq) return;
    drawnLimit = asked;
    count('fetched');
    setTitle(r.v === 'search' ? t('page.view.search', r.q) : data.title);
    if (data.days) { showMore(0, 0); daysRenderer(data); }
    else if (data.outline && outlineRenderer) outlineRenderer(data);
    else renderItems(data.items, data.total, data.problem);
    $('items').dataset.view = r.v;
  } catch (e) {
    if (seq !== viewSeq || e.status === 401) return;
    $('panel').hidden = true;
    $('items').replaceChildren();
    showMore(0, 0);
    showEmpty(e.message);
  }
}

// The service worker keeps the view's last whole answer for reading offline, and a patch does not renew it: when
// the page is hidden after a patch (the phone locked, another app), the view is fetched whole once, to be kept.
let keptStale = false;
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'hidden' || !keptStale || !state.online) return;
  keptStale = false;
  fetch(viewPath(), { credentials: 'same-origin' }).catch(() => { keptStale = true; });
});

/** Views whose rows a change patches: not a search's or a saved filter's (bounded answers), nor days. */
function patchable(v) {
  return v !== 'search' && v !== 'agenda' && v !== 'week' && !v.startsWith('filter:');
}

/**
 * Patches the shown rows for a change of {@code ids} (RowPatches on the server): every row named goes, each row
 * answered goes in at its index, in ascending order, and the rows are cut to the limit. True when done (or
 * overtaken by a later load); false when the view must be fetched whole.
 */
async function patchView(ids, seq) {
  if ((await pending()).length) return false;
  const r = state.route;
  const asked = outlineAsks ? outlineAsks(r.v, ids) : ids;
  if (!asked) return false;
  const p = await api('GET', '/api/rows?view=' + encodeURIComponent(r.v) + '&limit=' + limit
    + '&ids=' + asked.map(encodeURIComponent).join(','));
  if (seq !== viewSeq) return true;
  if (!p || p.full || !Array.isArray(p.rows)) return false;
  count('patched');
  if (p.outline) {
    const done = !!outlinePatcher && outlinePatcher(p, limit);
    if (done) keptStale = true;
    return done;
  }
  const list = $('items');
  keepingFocus(() => {
    for (const id of [...p.gone, ...p.rows.map((row) => row.id)]) {
      const row = list.querySelector(`:scope > .item[data-id="${CSS.escape(id)}"]`);
      if (row) row.remove();
    }
    for (const row of p.rows.slice().sort((a, b) => a.index - b.index)) {
      list.insertBefore(itemRow(row), list.children[row.index] || null);
    }
    while (list.children.length > Math.min(limit, p.total)) list.lastElementChild.remove();
  });
  showMore(list.children.length, p.total);
  showEmpty(list.children.length ? '' : emptyText(r.v));
  keptStale = true;
  return true;
}

/** Where the shown view's rows come from. */
export function viewPath() {
  const r = state.route;
  return '/api/items?view=' + encodeURIComponent(r.v) + (r.v === 'search' ? '&q=' + encodeURIComponent(r.q) : '')
    + (r.v === 'week' && r.w ? '&week=' + encodeURIComponent(r.w) : '') + '&limit=' + limit;
}

function setTitle(title) {
  $('view-title').textContent = title;
  document.title = t('page.title', title);
}

export function showEmpty(text) {
  $('empty').textContent = text || '';
  $('empty').hidden = !text;
}

function emptyText(v) {
  if (v === 'today') return t('page.empty.today');
  if (v === 'upcoming') return t('page.empty.upcoming');
  if (v === 'someday') return t('page.empty.someday');
  if (v === 'completed') return t('page.empty.completed');
  if (v === 'trash') return t('page.empty.trash');
  if (v === 'search') return t('page.empty.search');
  if (v === 'inbox') return t('page.empty.inbox');
  if (v.startsWith('filter:')) return t('page.empty.filter');
  return t('page.empty.other');
}

/** The rows; {@code problem}: why a search's query does not read, said where the rows would be. */
function renderItems(items, total, problem) {
  $('panel').hidden = true;
  const rows = items.map((it) => itemRow(it));
  keepingFocus(() => $('items').replaceChildren(...rows));
  showMore(items.length, total);
  showEmpty(items.length ? '' : problem || emptyText(state.route.v));
}

/**
 * Under the list (never in it: it is no todo), how many of the view's rows are shown; scrolled to, it asks for the
 * next page, unless the server carries no more rows than its cap (a saved filter's), where asking again would
 * bring the same.
 */
export function showMore(shown, total) {
  more.disconnect();
  const line = $('more');
  line.hidden = !(total > shown);
  if (line.hidden) { line.textContent = ''; return; }
  const capped = shown < limit;
  line.textContent = capped ? t('page.items.showing', shown, total) : t('page.items.showingMore', shown, total);
  if (!capped) more.observe(line);
}

/** What an empty view says (an outlined list is a view like the others). */
export function showEmptyView(empty) {
  showEmpty(empty ? emptyText(state.route.v) : '');
}

/** Runs render (which replaces the rows) and puts the focus back on the row (or its done box) it was on. */
export function keepingFocus(render) {
  const focusedId = document.activeElement && document.activeElement.closest('.item')
    ? document.activeElement.closest('.item').dataset.id : null;
  const focusedDone = document.activeElement && document.activeElement.classList.contains('item-done');
  render();
  if (focusedId) {
    const row = $('items').querySelector(`.item[data-id="${CSS.escape(focusedId)}"]`);
    if (row) (row.querySelector(focusedDone ? '.item-done' : '.item-open') || row.querySelector('.item-open')).focus();
  }
}

/**
 * When a row's todo is due. Under its day's heading (a day of the agenda or the week, or Today's own todos)
 * the day goes without saying: only the time and length ("14:30 · 45 min"); elsewhere the day too.
 */
function dueText(it, underDay) {
  const under = underDay || (state.route.v === 'today' && it.dueToday);
  if (it.overdue) return under ? (it.timeLabel ? t('page.row.overdueAt', it.timeLabel) : t('page.row.overdue')) : t('page.row.overdueOn', it.dueLabel);
  return under ? it.timeLabel : it.dueLabel;
}

/**
 * One item's row: its done box (ticked through the outbox) and the button that opens it; {day: true} under a
 * day's heading.
 */
export function itemRow(it, { day } = {}) {
  if (it.trashed) return trashedRow(it);
  const due = dueText(it, day);
  const meta = h('span', { class: 'item-meta' },
    it.context ? h('span', { class: 'context' }, it.context) : null,
    it.startLabel ? h('span', { class: 'start' }, it.startLabel) : null,
    due ? h('span', { class: 'due' + (it.overdue ? ' overdue' : '') + (due === it.timeLabel ? ' time' : '') }, due) : null,
    it.repeat ? icon('repeat', t('page.row.repeats', it.repeat)) : null,
    it.remindAt ? icon('bell', t('page.row.reminder', formatDayTime(new Date(it.remindAt)))) : null,
    it.hasNotes ? icon('note', t('page.row.hasNotes')) : null,
    state.route.v.startsWith('list:') || !it.listId || !it.listName ? null : h('span', { class: 'list-name' }, it.listName),
    it.waiting ? h('span', { class: 'waiting-mark' }, t('page.row.waiting')) : null,
    ...(it.tags || []).map((t) => h('span', { class: 'tag' }, '#' + t)));
  const open = h('button', {
    type: 'button', class: 'item-open', 'aria-current': state.route.item === it.id ? 'true' : null,
    onclick: () => go({ item: it.id }),
  }, h('span', { class: 'item-title' }, it.title || t('page.row.noTitle')), meta.childNodes.length ? meta : null);
  const done = it.note
    ? h('span', { class: 'item-note-mark' }, icon('note', t('page.row.note')))
    : h('input', { type: 'checkbox', class: 'item-done check', 'aria-label': t('page.row.done', it.title) });
  if (!it.note) {
    done.checked = it.done;
    done.addEventListener('change', () => tick(it, done));
  }
  // The row is a box of its own in its list item, which may also hold the todo's subtasks (a list's outline).
  return h('li', {
    class: `item${it.done ? ' done' : ''}${it.priority ? ' p' + it.priority : ''}${it.waiting ? ' waiting' : ''}`, 'data-id': it.id,
  }, h('div', { class: 'item-row' },
    h('span', { class: 'priority-bar', title: it.priority ? t('page.row.priority', String(it.priority)) : null }), done, open,
    it.priority ? h('span', { class: 'visually-hidden' }, t('page.row.priority', String(it.priority))) : null));
}

function trashedRow(it) {
  const act = async (entry, ask) => {
    if (ask && !confirm(t('page.trash.confirm', it.title))) return;
    const answer = await submit({ ...entry, id: it.id, title: it.title });
    if (answer.outcome === 'refused') toast(answer.reason);
    refreshAll();
  };
  const button = (cls, key, held, entry, ask) => h('button', { type: 'button', class: 'link-button ' + cls,
    'aria-label': t(held, it.title), onclick: () => act(entry, ask) }, t(key));
  return h('li', { class: 'item trashed', 'data-id': it.id }, h('div', { class: 'item-row' },
    h('span', { class: 'item-open' }, h('span', { class: 'item-title' }, it.title || t('page.row.noTitle'))),
    button('trash-restore', 'page.trash.restore', 'page.held.restore', { op: 'trash', trashed: false }),
    button('trash-delete', 'page.trash.delete', 'page.held.purge', { op: 'purge' }, true)));
}

async function tick(it, box) {
  const done = box.checked;
  box.closest('.item').classList.toggle('done', done);
  const answer = await submit({ op: 'done', id: it.id, done, title: it.title });
  if (answer.outcome === 'refused') {
    box.checked = !done;
    box.closest('.item').classList.toggle('done', !done);
    toast(answer.reason);
    return;
  }
  if (done) toast(t('page.row.completed', it.title), t('page.undo'), () => untick(it));
  refreshAll();
}
async function untick(it) {
  const answer = await submit({ op: 'done', id: it.id, done: false, title: it.title });
  if (answer.outcome === 'refused') toast(answer.reason);
  refreshAll();
}

onRoute((r, before) => { if (r.v !== before.v || r.q !== before.q || r.w !== before.w) loadView(); });
onRefresh(loadView);
