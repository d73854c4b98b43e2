/*
 * What the page shows is the server's answer (fresh, or kept by the service worker) with the outbox's waiting
 * entries applied on top, in order: a todo added offline is in its view, a tick shows ticked, an edit shows its
 * new text, a todo moved to the Trash is gone, a todo moved in its list is in its new place. The server decides what really happens when the entries reach
 * it; this only draws what the person did, marked as waiting.
 */
import { pending } from './outbox.js';
import { applyMove } from './lines.js';

/** The view key an entry's new item shows in: the view it was added in (a subtask shows under its parent). */
const addedIn = (e) => (e.parentId ? null : e.view || 'inbox');

/** The row of an item added here, as typed (the server reads the text), with the edits joined to its add. */
function addedRow(e) {
  const row = {
    id: e.id, title: e.text, listId: e.view && e.view.startsWith('list:') ? e.view.slice(5) : null,
    listName: '', due: null, dueLabel: '', done: false, note: false, tags: [], hasNotes: false,
    priority: null, waiting: true, parentId: e.parentId || null,
  };
  return e.set ? applyEdit(row, e.set) : row;
}

function applyEdit(row, set) {
  const out = { ...row, waiting: true };
  for (const [f, v] of Object.entries(set)) {
    out[f] = v;
    // The server renders notes; until it has these, they show as typed (notesHtml null).
    if (f === 'notes') { out.hasNotes = !!(v && v.trim()); out.notesHtml = null; }
    if (f === 'due') out.dueLabel = v || '';
  }
  return out;
}

/** A view's answer ({items, total}, or the Agenda's and Week's {days}) with the waiting entries applied. */
export async function overlayView(view, answer) {
  const entries = await pending();
  if (!entries.length) return answer;
  // Each day's rows as a view of their own, one that nothing added offline is in (it has no date yet).
  if (answer.days) return { ...answer, days: answer.days.map((d) => overlaid('', d, entries)) };
  return overlaid(view, answer, entries);
}

function overlaid(view, answer, entries) {
  let items = answer.items.slice();
  let total = answer.total;
  for (const e of entries) {
    if (e.op === 'move') {
      // Drawn where it goes in a list's outline; elsewhere a todo's place in its list shows nothing.
      if (answer.outline) items = applyMove(items, e);
      continue;
    }
    const at = items.findIndex((r) => r.id === e.id);
    if (e.op === 'add' && addedIn(e) === view && at < 0) {
      items.push(addedRow(e));
      total++;
    } else if (at < 0) {
      continue;
    } else if (e.op === 'done') {
      items[at] = { ...items[at], done: e.done, waiting: true };
    } else if (e.op === 'edit') {
      items[at] = applyEdit(items[at], e.set);
      if (view.startsWith('list:') && 'listId' in e.set && 'list:' + (e.set.listId || '') !== view) {
        items.splice(at, 1);
        total--;
      }
    } else if (e.op === 'purge' || (e.op === 'trash' && (e.trashed !== false) !== (view === 'trash'))) {
      items.splice(at, 1);
      total--;
    }
  }
  items = items.filter((r) => r);
  return { ...answer, items, total };
}

/**
 * One item's answer with the waiting entries applied; {@code answer} null when the server (or the kept copy)
 * does not have it, which is the case for an item made offline. Null when neither knows it.
 */
export async function overlayItem(id, answer) {
  const entries = await pending();
  let item = answer;
  for (const e of entries) {
    if (e.op === 'add' && e.id === id && !item) {
      item = { ...addedRow(e), notes: '', notesHtml: '', attachments: [], subtasks: [], remindAt: null, repeat: null };
    } else if (item && e.id === id) {
      if (e.op === 'done') item = { ...item, done: e.done, waiting: true };
      else if (e.op === 'edit') item = applyEdit(item, e.set);
      else if (e.op === 'trash') item = { ...item, trashed: e.trashed !== false, waiting: true };
      else if (e.op === 'check') {
        item = { ...item, waiting: true, checks: [...(item.checks || []), { text: e.text, occurrence: e.occurrence, checked: e.checked }] };
      }
    } else if (item && e.op === 'add' && e.parentId === id && !(item.subtasks || []).some((s) => s.id === e.id)) {
      item = { ...item, subtasks: [...(item.subtasks || []), addedRow(e)] };
    } else if (item && (item.subtasks || []).some((s) => s.id === e.id)) {
      item = { ...item, subtasks: item.subtasks.map((s) => (s.id !== e.id ? s
        : e.op === 'done' ? { ...s, done: e.done, waiting: true }
          : e.op === 'edit' ? applyEdit(s, e.set) : s)).filter((s) => !(e.op === 'trash' && s.id === e.id && e.trashed !== false)) };
    }
  }
  return item;
}
