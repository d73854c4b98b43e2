/*
 * Putting a todo where it belongs in its list (a list's outline, outline.js), as on the desktop: each row's Move…
 * handle opens a sheet (up, down, subtask of the todo above, out of its parent, into a section, under any todo of
 * the list), and drags the row by mouse, finger or pen (drag.js); on a focused row Alt+Shift+Up and Down move it and
 * Ctrl+] and Ctrl+[ (Cmd on a Mac) make it a subtask of the one above or take it out, the desktop's keys.
 *
 * Where a move puts the todo is read from the rows shown (lines.js). Every move is an outbox entry, {op: 'move', id,
 * to: {listId, parentId, sectionId, beforeId}, base: {listId, parentId, sectionId}}: kept on this phone and sent
 * like any other change, drawn at once on the rows (overlay.js), and made on the server with the model's own move,
 * whose ranks every device orders the same way. Its base is where the page showed the todo: moved elsewhere on
 * another device meanwhile, it stays there and this page's place for it goes to Conflicts.
 */
import { $, h, ICONS, SVG, say, toast } from './dom.js';
import { state } from './state.js';
import { submit } from './outbox.js';
import { refreshAll } from './routes.js';
import * as lines from './lines.js';
import { dragFrom } from './drag.js';
import { t } from './i18n.js';

let shown = { items: [], sections: [] };
/** The outline last drawn (its rows in order, its sections): where a move goes is read from it. */
export function setShown(data) {
  shown = data;
  if ($('move-dialog').open) fillSheet();
}

/** A row of the outline shown now: none once another view (a flat one) is drawn over it. */
const rowOf = (id) => (state.route.v === shown.view && shown.items.find((r) => r.id === id)) || null;
const titleOf = (row) => row.title || t('page.row.noTitle');

/** The handle's icon, parsed once and copied into each row (a list draws hundreds of them). */
let grip = null;

/** The row's Move… handle: a tap or Enter opens the sheet, a drag moves the row. */
export function moveHandle(row) {
  const handle = h('button', {
    type: 'button', class: 'move-handle', 'aria-label': t('page.move.open', titleOf(row)), 'aria-haspopup': 'dialog',
    onclick: () => { if (handle.dataset.dragged) { delete handle.dataset.dragged; return; } openSheet(row.id); },
  });
  if (!grip) {
    grip = h('template');
    grip.innerHTML = SVG(ICONS.grip);
  }
  handle.append(grip.content.cloneNode(true));
  dragFrom(handle, (target, zone) => {
    const r = rowOf(row.id);
    if (r) moveTo(r, lines.drop(shown.items, shown.sections, r, target, zone), 'page.move.moved');
  });
  return handle;
}

/**
 * Moves {@code row} to {@code place} ({parent, section, before}; null: nowhere to go, said so) through the outbox,
 * and says {@code said} (a key taking the title) where a screen reader hears it.
 */
async function moveTo(row, place, said, nowhere) {
  if (!place) {
    say(t(nowhere || 'page.move.nowhere', titleOf(row)));
    return;
  }
  const listId = row.listId || null;
  const entry = {
    op: 'move', id: row.id, title: row.title,
    to: { listId, parentId: place.parent || null, sectionId: place.parent ? null : place.section || null, beforeId: place.before || null },
    base: { listId, parentId: row.parentId || null, sectionId: row.parentId ? null : row.sectionId || null },
  };
  // The next move (a key pressed again before the rows are drawn anew) is read from where this one put it, and
  // builds on it: its base is this one's place.
  shown = { ...shown, items: lines.applyMove(shown.items, entry) };
  if ($('move-dialog').open) fillSheet();
  const answer = await submit(entry);
  const failed = answer.outcome === 'refused' || answer.outcome === 'conflict';
  if (failed) toast(answer.reason || t('page.error.status', String(answer.status)));
  else say(t(said, titleOf(row)));
  if ($('move-dialog').open) $('move-status').textContent = failed ? answer.reason || '' : t(said, titleOf(row));
  await refreshAll();
}

// The sheet.
let sheetId = null;
let opener = null;

function openSheet(id) {
  sheetId = id;
  opener = document.activeElement;
  $('move-status').textContent = '';
  fillSheet();
  $('move-dialog').showModal();
  const first = [...$('move-dialog').querySelectorAll('button, select')].find((b) => !b.disabled && !b.hidden);
  if (first) first.focus();
}

/** The sheet's buttons and choices for the row as it is shown now (after each move the rows are drawn anew). */
function fillSheet() {
  const row = rowOf(sheetId);
  if (!row) { $('move-dialog').close(); return; }
  const rows = shown.items;
  $('move-heading').textContent = t('page.move.heading', titleOf(row));
  $('move-up').disabled = !lines.up(rows, shown.sections, row);
  $('move-down').disabled = !lines.down(rows, shown.sections, row);
  const above = lines.above(rows, row);
  $('move-indent').textContent = above ? t('page.move.under', titleOf(above)) : t('page.move.underNone');
  $('move-indent').disabled = !above;
  const parent = lines.parentRow(rows, row);
  $('move-outdent').textContent = parent ? t('page.move.outOf', titleOf(parent)) : t('page.move.outOfNone');
  $('move-outdent').disabled = !parent;
  const sections = shown.sections || [];
  $('move-section-field').hidden = sections.length === 0;
  const top = topOf(rows, row);
  $('move-section').replaceChildren(h('option', { value: '' }, t('page.move.noSection')),
    ...sections.map((s) => h('option', { value: s.id }, s.name)));
  $('move-section').value = (top.section || '');
  const candidates = rows.filter((r) => !lines.inSubtree(rows, row, r.id));
  $('move-parent').replaceChildren(h('option', { value: '' }, t('page.move.noParent')),
    ...candidates.map((r) => h('option', { value: r.id }, '– '.repeat(r.depth || 0) + titleOf(r))));
  $('move-parent').value = row.parent || '';
}

/** The todo at the top of the list that {@code row} is under (itself at the top). */
function topOf(rows, row) {
  let at = row;
  for (let p = lines.parentRow(rows, at); p; p = lines.parentRow(rows, p)) at = p;
  return at;
}

const current = () => rowOf(sheetId);
$('move-up').addEventListener('click', () => { const r = current(); if (r) moveTo(r, lines.up(shown.items, shown.sections, r), 'page.move.movedUp', 'page.move.first'); });
$('move-down').addEventListener('click', () => { const r = current(); if (r) moveTo(r, lines.down(shown.items, shown.sections, r), 'page.move.movedDown', 'page.move.last'); });
$('move-indent').addEventListener('click', () => { const r = current(); if (r) moveTo(r, lines.indent(shown.items, r), 'page.move.indented'); });
$('move-outdent').addEventListener('click', () => { const r = current(); if (r) moveTo(r, lines.outdent(shown.items, r), 'page.move.outdented'); });
$('move-section').addEventListener('change', () => {
  const r = current();
  if (r) moveTo(r, lines.intoSection(r, $('move-section').value || null), 'page.move.moved');
});
$('move-parent').addEventListener('change', () => {
  const r = current();
  if (!r) return;
  const parent = $('move-parent').value || null;
  if (parent) { moveTo(r, lines.under(shown.items, r, parent), 'page.move.moved'); return; }
  // None: at the top of the list, right after the todo it was under.
  const top = topOf(shown.items, r);
  const sibs = lines.siblings(shown.items, top);
  const j = sibs.findIndex((s) => s.id === top.id);
  moveTo(r, top.id === r.id ? null : { parent: null, section: top.section || null, before: j + 1 < sibs.length ? sibs[j + 1].id : null },
    'page.move.outdented');
});
$('move-dialog').addEventListener('close', () => {
  // Opened again on another row before this close was heard (the event comes a task later): that sheet stays.
  if ($('move-dialog').open) return;
  const id = sheetId;
  sheetId = null;
  // Back to the row's handle it was opened from (drawn anew meanwhile, most likely).
  const handle = id && $('items').querySelector(`.item[data-id="${CSS.escape(id)}"] .move-handle`);
  (handle || opener || $('items')).focus();
});

// The desktop's keys, on a focused row of a list's outline.
document.addEventListener('keydown', (ev) => {
  const item = ev.target.closest && ev.target.closest('#items .item');
  const row = item && rowOf(item.dataset.id);
  if (!row || $('move-dialog').open || state.route.item && window.matchMedia('(max-width: 899px)').matches) return;
  const mod = ev.ctrlKey || ev.metaKey;
  let place;
  let said;
  if (ev.altKey && ev.shiftKey && (ev.key === 'ArrowUp' || ev.key === 'ArrowDown')) {
    const upwards = ev.key === 'ArrowUp';
    place = upwards ? lines.up(shown.items, shown.sections, row) : lines.down(shown.items, shown.sections, row);
    said = [upwards ? 'page.move.movedUp' : 'page.move.movedDown', upwards ? 'page.move.first' : 'page.move.last'];
  } else if (mod && !ev.altKey && (ev.key === ']' || ev.code === 'BracketRight')) {
    place = lines.indent(shown.items, row);
    said = ['page.move.indented', 'page.move.nowhere'];
  } else if (mod && !ev.altKey && (ev.key === '[' || ev.code === 'BracketLeft')) {
    place = lines.outdent(shown.items, row);
    said = ['page.move.outdented', 'page.move.nowhere'];
  } else {
    return;
  }
  ev.preventDefault();
  moveTo(row, place, said[0], said[1]);
});
