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

/**
 * The answer last drawn, which a patch changes; and what is drawn of it: each todo's row element and its row by id,
 * each section's element by id.
 */
let drawn = null;
let byId = new Map();
let sectionEls = new Map();

export function renderOutline(data) {
  $('panel').hidden = true;
  drawn = data;
  byId = new Map();
  sectionEls = new Map();
  const groups = tree(data);
  const rows = groups.get(null).map(todo);
  const shownSections = sectionsShown(data.items, data.total, data.sections || []);
  (data.sections || []).forEach((s, i) => {
    if (i < shownSections) rows.push(section(s, groups.get(s.id).map(todo)));
  });
  setShown(data);
  keepingFocus(() => $('items').replaceChildren(...rows));
  showMore(data.items.length, data.total);
  showEmptyView(data.items.length === 0 && !(data.sections || []).length);
}

/**
 * How many of the sections are drawn: all, unless the rows are cut short (the first rows of a long list), where
 * the sections after the last row shown are not drawn empty.
 */
function sectionsShown(items, total, sections) {
  if (items.length >= total) return sections.length;
  const last = items.length ? items[items.length - 1] : null;
  return last ? sections.findIndex((s) => s.id === last.section) + 1 : sections.length;
}

/** A todo's row with its move handle, and its subtasks nested under it with the button that folds them. */
function todo(node) {
  const li = itemRow(node.row);
  byId.set(node.row.id, { li, row: node.row });
  li.querySelector('.item-row').append(moveHandle(node.row));
  if (node.children.length) withSubtasks(li, node.row, node.children.map(todo));
  return li;
}

/** Gives a todo's row ({@code li}) the list of its subtasks' rows {@code kids} and the button that folds them. */
function withSubtasks(li, row, kids) {
  const id = 'sub-' + row.id;
  const open = !folded(row.id, row.folded);
  const count = row.subtasks || kids.length;
  const line = li.querySelector(':scope > .item-row');
  line.insertBefore(foldButton(row.id, id, open, subtasksLabel(row, count), count), line.querySelector(':scope > .move-handle'));
  const list = h('ul', { class: 'subitems', id, hidden: !open }, ...kids);
  li.append(list);
  return list;
}

const subtasksLabel = (row, count) => t('page.outline.subtasks', row.title || t('page.row.noTitle'), count);

/** A section: its heading, a button that folds its todos, and the todos' rows ({@code lis}). */
function section(s, lis) {
  const el = h('li', { class: 'section', 'data-section': s.id }, heading(s, lis.length > 0, !folded('section:' + s.id, s.folded)));
  sectionEls.set(s.id, el);
  if (lis.length) el.append(sectionList(s, lis));
  return el;
}

function sectionList(s, lis) {
  return h('ul', { class: 'section-items', id: 'section-' + s.id, hidden: folded('section:' + s.id, s.folded), 'aria-label': s.name }, ...lis);
}

/** A section's heading: its name and count, and the button that folds its todos when it has any. */
function heading(s, rows, open) {
  const name = [h('span', { class: 'section-name' }, s.name), h('span', { class: 'count' }, String(s.count))];
  // An empty section has nothing to fold: its heading is only its name.
  return h('h2', { class: 'section-heading' }, rows ? h('button', {
    type: 'button', class: 'section-fold', 'aria-expanded': String(open), 'aria-controls': 'section-' + s.id,
    onclick: (ev) => toggle('section:' + s.id, ev.currentTarget),
  }, ...name, h('span', { class: 'fold-mark', 'aria-hidden': 'true' })) : h('span', { class: 'section-title' }, ...name));
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
 * A patch (GET /api/rows) of the outline drawn, asked with {@link outlineIds}: as a flat view's (items.js), every
 * row named leaves the outline's order, each row answered goes in at its index, in ascending order, and the rows are
 * cut to {@code limit}; the answer holds every row the change moved, so the result is the view's first {@code limit}
 * rows. What is drawn follows at the cost of the rows answered, not of the rows loaded: the rows gone or pushed past
 * the limit leave; a row answered is drawn anew only when it changed (its element, and the list of its subtasks
 * in it, stay); each answered row is then put in its parent's list or its section's before its next sibling,
 * from the last to the first, so each lands before one already in place and a row moved takes its subtasks along;
 * then the fold buttons of the rows whose subtasks changed, and the sections' counts. Should what is drawn not
 * hold as many rows as the outline, the outline is drawn whole from its rows (no fetch). The row in the middle
 * of the screen stays where it was.
 */
export function patchOutline(p, limit) {
  if (!drawn || drawn.view !== p.view) return false;
  const answered = p.rows.slice().sort((a, b) => a.index - b.index);
  const named = new Set([...p.gone, ...answered.map((r) => r.id)]);
  const items = drawn.items.filter((r) => !named.has(r.id));
  for (const { index, ...row } of answered) items.splice(index, 0, row);
  const cut = items.splice(Math.min(limit, p.total));
  const data = { ...drawn, items, total: p.total, sections: p.sections || [] };
  const seen = lookedAt();
  let whole = false;
  keepingFocus(() => {
    const hosts = new Set();
    for (const id of [...p.gone, ...cut.map((r) => r.id)]) drop(id, hosts);
    const placed = answered.filter((r) => r.index < items.length);
    for (const { index, ...row } of placed) redraw(row);
    const sections = sectionsShown(items, data.total, data.sections);
    data.sections.slice(0, sections).forEach(ensureSection);
    for (let k = placed.length - 1; k >= 0 && !whole; k--) whole = !place(items, placed[k].index, data.sections, hosts);
    for (const { id } of placed) hosts.add(id);
    for (const id of hosts) syncFold(byId.get(id));
    tidySections(data.sections, sections);
    whole = whole || $('items').getElementsByClassName('item').length !== items.length;
  });
  if (whole) renderOutline(data);
  else {
    drawn = data;
    setShown(drawn);
    showMore(items.length, drawn.total);
    showEmptyView(items.length === 0 && !drawn.sections.length);
  }
  // Rows added or gone above it would push the row looked at away: it stays where it was on the screen.
  const now = seen && byId.get(seen.id);
  const delta = now ? now.li.querySelector(':scope > .item-row').getBoundingClientRect().top - seen.top : 0;
  if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
  return true;
}

/** Takes a todo's row out (with what is left under it); its parent's id into {@code hosts}. */
function drop(id, hosts) {
  const shown = byId.get(id);
  if (!shown) return;
  byId.delete(id);
  const host = shown.li.parentElement && shown.li.parentElement.closest('.item');
  if (host) hosts.add(host.dataset.id);
  shown.li.remove();
}

/** A row answered: drawn new, or its line drawn again when it changed (its subtasks' list and fold button kept). */
function redraw(row) {
  const shown = byId.get(row.id);
  if (shown && JSON.stringify(shown.row) === JSON.stringify(row)) return;
  const fresh = itemRow(row);
  const line = fresh.querySelector('.item-row');
  line.append(moveHandle(row));
  if (!shown) {
    byId.set(row.id, { li: fresh, row });
    return;
  }
  const old = shown.li.querySelector(':scope > .item-row');
  const fold = old.querySelector(':scope > .fold');
  if (fold) line.insertBefore(fold, line.querySelector(':scope > .move-handle'));
  shown.li.className = fresh.className;
  old.replaceWith(line);
  shown.row = row;
}

/** The section's group of a top-level row: its section if it is one of the list's, else null (none). */
const group = (row, sections) => (row.section && sections.some((s) => s.id === row.section) ? row.section : null);

/**
 * Puts the row at {@code i} in the list it belongs in (its parent's subtasks, its section's todos or the
 * top-level ones), before its next sibling, which is in place already; its parent's id into {@code hosts}. False
 * when where it goes is not drawn.
 */
function place(items, i, sections, hosts) {
  const row = items[i];
  const depth = row.depth || 0;
  let j = i + 1;
  while (j < items.length && (items[j].depth || 0) > depth) j++;
  const sibling = j < items.length && (items[j].depth || 0) === depth
    && (depth > 0 || group(items[j], sections) === group(row, sections)) ? byId.get(items[j].id) : null;
  let list;
  if (depth > 0) {
    const host = byId.get(row.parent);
    if (!host) return false;
    list = host.li.querySelector(':scope > .subitems') || withSubtasks(host.li, host.row, []);
    hosts.add(row.parent);
  } else {
    const s = group(row, sections);
    list = s ? sectionItems(sections.find((x) => x.id === s)) : $('items');
  }
  if (!list) return false;
  const at = sibling ? sibling.li : (list === $('items') ? firstSection(sections) : null);
  const { li } = byId.get(row.id);
  if (li.parentElement === list && li.nextElementSibling === at) return true;
  const was = li.parentElement && li.parentElement.closest('.item');
  if (was) hosts.add(was.dataset.id);
  list.insertBefore(li, at);
  return true;
}

/** The first section drawn, before which the top-level todos outside any section end; null when none is. */
function firstSection(sections) {
  for (const s of sections) if (sectionEls.has(s.id)) return sectionEls.get(s.id);
  return null;
}

/** The section drawn, after the sections before it (drawn whole, without todos, when it was not). */
function ensureSection(s, i, sections) {
  if (sectionEls.has(s.id)) return;
  const before = i > 0 ? sectionEls.get(sections[i - 1].id) : null;
  const el = section(s, []);
  if (before) before.after(el);
  else $('items').append(el);
}

/** The list of a section's todos, made when it had none; null when the section is not drawn. */
function sectionItems(s) {
  const el = s && sectionEls.get(s.id);
  if (!el) return null;
  return el.querySelector(':scope > .section-items') || el.appendChild(sectionList(s, []));
}

/**
 * Each section's count, and its heading as it is drawn (a button to fold, or only the name when it has no todos
 * drawn); the sections from {@code shown} on, and those no more in the list, are taken out.
 */
function tidySections(sections, shown) {
  const keep = new Set(sections.slice(0, shown).map((s) => s.id));
  for (const [id, el] of sectionEls) {
    if (!keep.has(id)) {
      el.remove();
      sectionEls.delete(id);
    }
  }
  for (const s of sections.slice(0, shown)) {
    const el = sectionEls.get(s.id);
    const list = el.querySelector(':scope > .section-items');
    const rows = !!(list && list.childElementCount);
    if (list && !rows) list.remove();
    const old = el.querySelector(':scope > .section-heading');
    const same = !!old.querySelector('.section-fold') === rows && old.querySelector('.section-name').textContent === s.name;
    if (same) old.querySelector('.count').textContent = String(s.count);
    else old.replaceWith(heading(s, rows, !folded('section:' + s.id, s.folded)));
  }
}

/** A todo's fold button as its subtasks drawn now say: gone with the last of them, made with the first. */
function syncFold(shown) {
  if (!shown) return;
  const { li, row } = shown;
  const list = li.querySelector(':scope > .subitems');
  const line = li.querySelector(':scope > .item-row');
  const fold = line.querySelector(':scope > .fold');
  const kids = list ? list.childElementCount : 0;
  if (!kids) {
    if (list) list.remove();
    if (fold) fold.remove();
    return;
  }
  const count = row.subtasks || kids;
  if (!fold) {
    line.insertBefore(foldButton(row.id, list.id, !list.hidden, subtasksLabel(row, count), count), line.querySelector(':scope > .move-handle'));
    return;
  }
  fold.setAttribute('aria-label', subtasksLabel(row, count));
  fold.querySelector('.fold-count').textContent = String(count);
}

/** The todo's row in the middle of the screen and where its line is, or null. */
function lookedAt() {
  const list = $('items').getBoundingClientRect();
  const at = document.elementFromPoint(list.left + list.width / 2, window.innerHeight / 2);
  const li = at && at.closest && at.closest('#items .item');
  const line = li && li.querySelector(':scope > .item-row');
  return line ? { id: li.dataset.id, top: line.getBoundingClientRect().top } : null;
}

registerOutline(renderOutline, patchOutline, outlineIds);
