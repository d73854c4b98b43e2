/*
 * Dragging a row of a list's outline by its handle, with a mouse, a finger or a pen (pointer events): over another
 * row, its top quarter drops above it, its bottom quarter below it, its middle makes the dragged todo its subtask;
 * over a section's heading, its top half drops at the end of what comes before the heading, the rest first in that
 * section. A line (or an outline around the row) shows where it would go. Near the top or the bottom of the screen
 * the list scrolls. A press that does not move is a tap: the handle's own click (the Move… sheet). Escape, or the
 * pointer leaving the page, drops nothing. What the drop means is the caller's (lines.js reads it from the rows).
 */
import { $, h } from './dom.js';

/** How far the pointer moves before a press becomes a drag, in CSS pixels. */
const THRESHOLD = 6;
/** How close to the top or bottom of the screen the list scrolls, and how far each move. */
const EDGE = 72;
const STEP = 14;

let line = null;
function indicator() {
  if (!line) {
    line = h('div', { class: 'drop-line', 'aria-hidden': 'true', hidden: true });
    document.body.append(line);
  }
  return line;
}

/** Where the pointer is over the rows: {target: {id} or {heading}, zone, rect}, or null (nowhere, or the row itself). */
function spot(x, y, dragged) {
  const el = document.elementFromPoint(x, y);
  if (!el || dragged.contains(el) || !$('items').contains(el)) return null;
  const heading = el.closest('.section-heading');
  if (heading) {
    const rect = heading.getBoundingClientRect();
    return { target: { heading: heading.closest('.section').dataset.section }, zone: y < rect.top + rect.height / 2 ? 'above' : 'into', rect };
  }
  const row = el.closest('.item-row');
  if (!row) return null;
  const rect = row.getBoundingClientRect();
  const quarter = rect.height / 4;
  const zone = y < rect.top + quarter ? 'above' : y > rect.bottom - quarter ? 'below' : 'into';
  return { target: { id: row.closest('.item').dataset.id }, zone, rect };
}

function show(at) {
  const l = indicator();
  if (!at) { l.hidden = true; return; }
  l.hidden = false;
  l.classList.toggle('into', at.zone === 'into' && !at.target.heading);
  const y = at.zone === 'above' ? at.rect.top : at.zone === 'below' ? at.rect.bottom : at.rect.top;
  l.style.left = at.rect.left + 'px';
  l.style.width = at.rect.width + 'px';
  l.style.top = (at.zone === 'into' && !at.target.heading ? at.rect.top : y - 1) + 'px';
  l.style.height = (at.zone === 'into' && !at.target.heading ? at.rect.height : 3) + 'px';
}

function scrollNear(y) {
  const by = y < EDGE ? -STEP : y > window.innerHeight - EDGE ? STEP : 0;
  if (!by) return;
  const pane = $('list-pane');
  if (pane.scrollHeight > pane.clientHeight && getComputedStyle(pane).overflowY !== 'visible') pane.scrollBy(0, by);
  else window.scrollBy(0, by);
}

/** Lets {@code handle} drag its row; {@code drop(target, zone)} is called where it was let go. */
export function dragFrom(handle, drop) {
  handle.addEventListener('pointerdown', (down) => {
    if (down.button !== 0 || !down.isPrimary) return;
    const row = handle.closest('.item');
    let dragging = false;
    let at = null;
    const move = (ev) => {
      if (ev.pointerId !== down.pointerId) return;
      if (!dragging) {
        if (Math.abs(ev.clientX - down.clientX) < THRESHOLD && Math.abs(ev.clientY - down.clientY) < THRESHOLD) return;
        dragging = true;
        row.classList.add('dragging');
        document.body.classList.add('dragging-row');
      }
      ev.preventDefault();
      at = spot(ev.clientX, ev.clientY, row);
      show(at);
      scrollNear(ev.clientY);
    };
    const finish = (ev, dropIt) => {
      if (ev && ev.pointerId !== down.pointerId) return;
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', up);
      document.removeEventListener('pointercancel', cancel);
      document.removeEventListener('keydown', escape, true);
      show(null);
      row.classList.remove('dragging');
      document.body.classList.remove('dragging-row');
      if (dragging) {
        // The click that follows a drag is no tap.
        handle.dataset.dragged = '1';
        setTimeout(() => { delete handle.dataset.dragged; }, 0);
        if (dropIt && at) drop(at.target, at.zone);
      }
    };
    const up = (ev) => finish(ev, true);
    const cancel = (ev) => finish(ev, false);
    const escape = (ev) => { if (ev.key === 'Escape' && dragging) { ev.preventDefault(); ev.stopPropagation(); finish(null, false); } };
    document.addEventListener('pointermove', move);
    document.addEventListener('pointerup', up);
    document.addEventListener('pointercancel', cancel);
    document.addEventListener('keydown', escape, true);
  });
}
