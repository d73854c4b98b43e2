/**
 * To the Trash and back as the desktop's TodoVerbs.trash and restore (app/…/model): a todo goes with every todo
 * under it in its list not in the Trash yet, all at one moment; restoring brings back those that went at that same
 * moment, and the todos above it that are in the Trash (within its list), so a subtask never comes back under a
 * deleted parent. The walks are moves.js's: each row once, parents followed with a set of those seen.
 */
import { ITEM_COLUMNS } from './items.js';
import { descendants, snapshot } from './moves.js';

/** Moves {@code id} and the todos under it to the Trash at {@code now}; their ids, it first (none if trashed already). */
export function trash(replica, id, now) {
  const s = snapshot(replica);
  const it = s.items.get(id);
  if (!it || it.trashedAt != null) return [];
  const at = BigInt(now);
  const out = [id];
  replica.save('items', id, { ...it, trashedAt: at }, ITEM_COLUMNS);
  for (const d of descendants(s, id)) {
    if (d.trashedAt != null) continue;
    replica.save('items', d.id, { ...d, trashedAt: at }, ITEM_COLUMNS);
    out.push(d.id);
  }
  return out;
}

/** Takes {@code id} out of the Trash with what went with it and the todos above it in the Trash; their ids. */
export function restore(replica, id) {
  const s = snapshot(replica);
  const it = s.items.get(id);
  if (!it || it.trashedAt == null) return [];
  const when = it.trashedAt;
  const out = [id];
  replica.save('items', id, { ...it, trashedAt: null }, ITEM_COLUMNS);
  for (const d of descendants(s, id)) {
    if (d.trashedAt == null || d.trashedAt !== when) continue;
    replica.save('items', d.id, { ...d, trashedAt: null }, ITEM_COLUMNS);
    out.push(d.id);
  }
  const seen = new Set();
  let at = it;
  while (at && typeof at.parentId === 'string' && at.parentId !== '' && !seen.has(at.id)) {
    seen.add(at.id);
    const p = s.items.get(at.parentId);
    // Never across the list's edge, as the desktop's restoreAbove.
    if (!p || (p.listId ?? null) !== (at.listId ?? null)) break;
    if (p.trashedAt != null) {
      replica.save('items', p.id, { ...p, trashedAt: null }, ITEM_COLUMNS);
      out.push(p.id);
    }
    at = p;
  }
  return out;
}

/**
 * Deletes {@code id} for good as the desktop's TodoStore.deleteForever (ItemWrites.delete): the row becomes a
 * tombstone that syncs, with its links (item_links of it); its tag rows stay, as on the desktop. Only from the
 * Trash, as the desktop offers it; false when it is not there.
 */
export function deleteForGood(replica, id) {
  const it = replica.row('items', id);
  if (!it || it.trashedAt == null) return false;
  replica.delete('items', id);
  for (const e of [...replica.entities.values()]) {
    if (e.table === 'item_links' && replica.row('item_links', e.entity)?.itemId === id) replica.delete('item_links', e.entity);
  }
  return true;
}
