/*
 * A list (or the Inbox) in its own order, as the desktop shows it (GET /api/items answers {outline: true}): the
 * todos outside any section first, then each section as a heading over its todos, each todo followed by its
 * subtasks as a list nested in its row, indented. A todo's subtasks and a section's todos fold away and come back
 * from a button that says how many they are; folding is this browser's own (kept in localStorage), starting from
 * what the desktop folded, so a phone reshapes nothing on the desktop. Each row has its Move… handle (move.js);
 * Ctrl+. (Cmd+. on a Mac) on a focused row folds its subtasks or shows them.
 *
 * Rows come in outline order with their depth; a row whose section is not among the list's (moved by a change
 * still waiting) shows with the todos outside any section.
 */
import { $, h } from './dom.js';
import { itemRow, keepingFocus, registerOutline, showEmptyView, showMore } from './items.js';
import { moveHandle, setShown } from './move.js';
import { t } from './i18n.js';

const FOLDS = 'tandem-folds';
/** Folds this browser remembers; the oldest go first past this many. */
const FOLDS_KEPT = 500;

function folds() {
  try {
    const kept = JSON.parse(localStorage.getItem(FOLDS) || '{}');
    return kept && typeof kept === 'object' ? kept : {};
  } catch (e) {
    return {};
  }
}

/** Whether {@code key} (a todo's id, or "section:" and a section's) is folded here; {@code desktop}: its fold there. */
function folded(key, desktop) {
  const f = folds();
  return key in f ? f[key] === true : !!desktop;
}

function setFolded(key, value) {
  const f = folds();
  delete f[key];
  f[key] = value;
  const keys = Object.keys(f);
  for (let i = 0; i < keys.length - FOLDS_KEPT; i++) delete f[keys[i]];
  try { localStorage.setItem(FOLDS, JSON.stringify(f)); } catch (e) { /* the fold still shows until the next refresh */ }
}

/** The rows as a tree: per section (null: none) the top-level todos, each {row, children}. */
function tree(data) {
  const groups = new Map([[null, []]]);
  for (const s of data.sections || []) groups.set(s.id, []);
  const stack = [];
  for (const row of data.items) {
    const node = { row, children: [] };
    const depth = Math.min(row.depth || 0, stack.length);
    stack.length = depth;
    if (depth === 0) (groups.get(row.section || null) || groups.get(null)).push(node);
    else stack[depth - 1].children.push(node);
    stack.push(node);
  }
  return groups;
}

/** The answer last drawn, which a patch changes in place. */
let drawn = null;

export function renderOutline(data) {
  $('panel').hidden = true;
  drawn = data;
  const groups = tree(data);
  const rows = groups.get(null).map(todo);
  // Cut short (the first rows of a long list), the sections after the last row shown are not drawn empty.
  const cut = data.items.length < data.total;
  const last = data.items.length ? data.items[data.items.length - 1] : null;
  const lastSection = cut && last ? (data.sections || []).findIndex((s) => s.id === last.section) : Infinity;
  (data.sections || []).forEach((s, i) => {
    if (!cut || i <= lastSection) rows.push(section(s, groups.get(s.id)));
  });
  setShown(data);
  keepingFocus(() => $('items').replaceChildren(...rows));
  showMore(data.items.length, data.total);
  showEmptyView(data.items.length === 0 && !(data.sections || []).length);
}

/** A todo's row with its move handle, and its subtasks nested under it with the button that folds them. */
function todo(node) {
  const { row } = node;
  const li = itemRow(row);
  const line = li.querySelector('.item-row');
  const count = row.subtasks || node.children.length;
  if (node.children.length) {
    const id = 'sub-' + row.id;
    const open = !folded(row.id, row.folded);
    const list = h('ul', { class: 'subitems', id, hidden: !open }, ...node.children.map(todo));
    line.append(foldButton(row.id, id, open, t('page.outline.subtasks', row.title || t('page.row.noTitle'), count), count));
    li.append(list);
  }
  line.append(moveHandle(row));
  return li;
}

/** A section: its heading, a button that folds its todos, and the todos. */
function section(s, nodes) {
  const id = 'section-' + s.id;
  const open = !folded('section:' + s.id, s.folded);
  const name = [h('span', { class: 'section-name' }, s.name), h('span', { class: 'count' }, String(s.count))];
  // An empty section has nothing to fold: its heading is only its name.
  const heading = h('h2', { class: 'section-heading' }, nodes.length ? h('button', {
    type: 'button', class: 'section-fold', 'aria-expanded': String(open), 'aria-controls': id,
    onclick: (ev) => toggle('section:' + s.id, ev.currentTarget),
  }, ...name, h('span', { class: 'fold-mark', 'aria-hidden': 'true' })) : h('span', { class: 'section-title' }, ...name));
  return h('li', { class: 'section', 'data-section': s.id },
    heading, nodes.length ? h('ul', { class: 'section-items', id, hidden: !open, 'aria-label': s.name }, ...nodes.map(todo)) : null);
}

function foldButton(key, controls, open, label, count) {
  return h('button', {
    type: 'button', class: 'fold', 'aria-expanded': String(open), 'aria-controls': controls, 'aria-label': label,
    onclick: (ev) => toggle(key, ev.currentTarget),
  }, h('span', { class: 'fold-count' }, String(count)), h('span', { class: 'fold-mark', 'aria-hidden': 'true' }));
}

function toggle(key, button) {
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  const list = document.getElementById(button.getAttribute('aria-controls'));
  if (list) list.hidden = !open;
  setFolded(key, !open);
}

document.addEventListener('keydown', (ev) => {
  if (!(ev.ctrlKey || ev.metaKey) || ev.key !== '.' || ev.altKey) return;
  const item = ev.target.closest && ev.target.closest('#items .item');
  const fold = item && item.querySelector(':scope > .item-row > .fold');
  if (!fold) return;
  ev.preventDefault();
  toggle(item.dataset.id, fold);
});

/** What a row's place in the outline is: a patch that changes any of it is drawn whole. */
const PLACE = ['id', 'depth', 'parent', 'section', 'subtasks', 'doneSubtasks', 'folded'];

/** The most rows a change may touch (named, their subtasks and parents shown) for the outline to be patched. */
const PATCH_ROWS = 50;

/**
 * The ids a patch of the outline drawn asks about for a change naming {@code ids}: those, every row shown under
 * one of them and the row each is shown under (a move takes its subtasks along, and changes its parents' counts),
 * so every row the patch removes is one the server answers for (its tail is as long as what is asked); null when
 * that is more than {@link PATCH_ROWS} rows, and the view is fetched whole. The ids as they are for another view.
 */
export function outlineIds(view, ids) {
  if (!drawn || drawn.view !== view) return ids;
  const asked = new Set(ids);
  const wanted = new Set(ids);
  let under = -1;
  for (const row of drawn.items) {
    const depth = row.depth || 0;
    if (under >= 0 && depth <= under) under = -1;
    if (under >= 0) wanted.add(row.id);
    else if (asked.has(row.id)) {
      under = depth;
      if (row.parent) wanted.add(row.parent);
    }
    if (wanted.size > PATCH_ROWS) return null;
  }
  return [...wanted];
}

/**
 * A patch (GET /api/rows) of the outline drawn, asked with {@link outlineIds}. One level of todos (no sections,
 * no subtasks) takes any patch as a flat view does. When every row it answers is where it was, with the same
 * subtasks, the same total and sections, each row whose words changed is drawn again in place (its subtasks and
 * fold kept). Otherwise (a row added, gone or moved, a parent's or a section's count changed) the rows go as a
 * flat view's do: every row named leaves the outline's order, each row answered goes in at its index, in
 * ascending order, the rows are cut to {@code limit}, and the outline is drawn again from them, with no fetch:
 * the answer holds every row the change moved, so the result is the view's first {@code limit} rows.
 */
export function patchOutline(p, limit) {
  if (!drawn || drawn.view !== p.view) return false;
  if (oneLevel(p)) return patchOneLevel(p, limit);
  if (!patchInPlace(p)) patchPlaces(p, limit);
  return true;
}

/** Rows removed and answered rows put in at their index, the outline then drawn from the rows (no fetch). */
function patchPlaces(p, limit) {
  const named = new Set([...p.gone, ...p.rows.map((r) => r.id)]);
  const items = drawn.items.filter((r) => !named.has(r.id));
  for (const { index, ...row } of p.rows.slice().sort((a, b) => a.index - b.index)) items.splice(index, 0, row);
  items.length = Math.min(items.length, limit, p.total);
  const seen = lookedAt();
  renderOutline({ ...drawn, items, total: p.total, sections: p.sections || [] });
  // Rows added or gone above it would push the row looked at away: it stays where it was on the screen.
  const now = seen && $('items').querySelector(`.item[data-id="${CSS.escape(seen.id)}"] > .item-row`);
  if (now) window.scrollBy(0, now.getBoundingClientRect().top - seen.top);
}

/** The row in the middle of the screen and where it is, or null. */
function lookedAt() {
  const list = $('items').getBoundingClientRect();
  const at = document.elementFromPoint(list.left + list.width / 2, window.innerHeight / 2);
  const li = at && at.closest && at.closest('#items .item');
  const line = li && li.querySelector(':scope > .item-row');
  return line ? { id: li.dataset.id, top: line.getBoundingClientRect().top } : null;
}

/** An edit of words only, drawn in place (true); false when some row's place, the total or a section changed. */
function patchInPlace(p) {
  if (p.total !== drawn.total
    || JSON.stringify(p.sections) !== JSON.stringify(drawn.sections || [])) return false;
  const items = drawn.items.slice();
  if (p.gone.some((id) => items.some((r) => r.id === id))) return false;
  const rows = p.rows.map(({ index, ...row }) => ({ index, row }));
  if (rows.some(({ index, row }) => !items[index] || PLACE.some((k) => items[index][k] !== row[k]))) return false;
  for (const { index, row } of rows) {
    if (JSON.stringify(row) === JSON.stringify(items[index])) continue;
    const li = $('items').querySelector(`.item[data-id="${CSS.escape(row.id)}"]`);
    if (!li) return false;
    items[index] = row;
    keepingFocus(() => {
      const fresh = itemRow(row);
      const line = fresh.querySelector('.item-row');
      const old = li.querySelector(':scope > .item-row');
      const fold = old.querySelector(':scope > .fold');
      if (fold) {
        fold.setAttribute('aria-label', t('page.outline.subtasks', row.title || t('page.row.noTitle'), row.subtasks));
        line.append(fold);
      }
      line.append(moveHandle(row));
      li.className = fresh.className;
      old.replaceWith(line);
    });
  }
  drawn = { ...drawn, items };
  setShown(drawn);
  return true;
}

/** Whether the outline drawn and the patch are one level of todos, no sections and no subtasks: a flat list. */
function oneLevel(p) {
  const plain = (r) => !r.depth && !r.subtasks && !r.doneSubtasks;
  return !(p.sections || []).length && !(drawn.sections || []).length && drawn.items.every(plain) && p.rows.every(plain);
}

/**
 * A patch of an outline that is one level of todos, as a flat view's (items.js): every row named goes, each row
 * answered goes in at its index, in ascending order, and the rows are cut to {@code limit}.
 */
function patchOneLevel(p, limit) {
  const list = $('items');
  const named = new Set([...p.gone, ...p.rows.map((r) => r.id)]);
  const items = drawn.items.filter((r) => !named.has(r.id));
  keepingFocus(() => {
    for (const id of named) {
      const li = list.querySelector(`:scope > .item[data-id="${CSS.escape(id)}"]`);
      if (li) li.remove();
    }
    for (const { index, ...row } of p.rows.slice().sort((a, b) => a.index - b.index)) {
      items.splice(index, 0, row);
      list.insertBefore(todo({ row, children: [] }), list.children[index] || null);
    }
    const cut = Math.min(limit, p.total);
    while (items.length > cut) items.pop();
    while (list.children.length > cut) list.lastElementChild.remove();
  });
  drawn = { ...drawn, items, total: p.total, sections: p.sections || [] };
  setShown(drawn);
  showMore(items.length, p.total);
  showEmptyView(items.length === 0);
  return true;
}

registerOutline(renderOutline, patchOutline, outlineIds);
