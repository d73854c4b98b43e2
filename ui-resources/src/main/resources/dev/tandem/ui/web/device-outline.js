/*
 * A list (or the Inbox) in its own order on the page as its own device, as OutlineViews answers it from the
 * desktop's ListOutline and Outline: the todos outside any section, then each section's header and its todos, each
 * todo followed by its subtasks one level deeper; every section with its count; the first LIMIT todos as rows with
 * where they sit (depth, parent, section, parentId, sectionId), their open and completed subtasks and whether they
 * are folded on the devices. Moves are device-moves.js's (the core's app/moves.js writes the ranks).
 *
 * Which todos (LiveOutline.tree): the roots are the list's open todos and notes (the Inbox's: no list, or a list
 * that is gone, and not Someday's) whose parent is no open row of the same list; then every open row of the same
 * list under them. A row in a cycle of parents (two devices' moves) is under no root and so not shown, as on the
 * server. Siblings by rank, then creation, then id, nulls first (Outline.SIBLINGS, text compared by UTF-16 units as
 * Java's String.compareTo); sections by rank, creation, id. Deeper than MAX_DEPTH shows at MAX_DEPTH. Every walk is
 * a loop with its own stack, never a recursion, so a chain thousands deep from sync exhausts nothing.
 *
 * Synced values are hostile: a rank, section or parent of the wrong class reads as none.
 *
 * Imports nothing: the replica, the rows and the row writer come in.
 */
const MAX_DEPTH = 32;

const str = (v) => (typeof v === 'string' ? v : null);
const int = (v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isFinite(v) ? v : null);
const set = (v) => v != null && v !== 0n && v !== 0 && v !== '' && v !== '0';

function nullsFirst(a, b) {
  if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sibling order: rank, createdAt, id, nulls first. */
const siblings = (a, b) => nullsFirst(a.rank, b.rank) || nullsFirst(a.createdAt, b.createdAt) || nullsFirst(a.id, b.id);

/**
 * The outline answer of {@code key} for list {@code listId} (null: the Inbox). {@code rows}: the open rows and notes
 * not in the Trash as listJson gives them; {@code names}: the lists there are; {@code row}: writes one row.
 */
export function outline({ replica, rows, names, key, listId, title, limit, row }) {
  // Where each row sits, read from the replica: listJson leaves out createdAt and collapsed.
  const place = new Map();
  for (const it of rows) {
    const r = replica.row('items', it.id) ?? {};
    place.set(it.id, { it, id: it.id, listId: str(r.listId), parentId: str(r.parentId), sectionId: str(r.sectionId),
      rank: str(r.rank), createdAt: int(r.createdAt), folded: set(r.collapsed), someday: set(r.someday) });
  }
  const inList = (p) => (listId == null ? p.listId == null || !names.has(p.listId) : p.listId === listId);
  const parentOf = (p) => {
    const up = p.parentId == null ? null : place.get(p.parentId);
    return up && up.listId === p.listId ? up : null;
  };
  const kids = new Map();
  for (const p of place.values()) {
    const up = parentOf(p);
    if (!up) continue;
    if (!kids.has(up.id)) kids.set(up.id, []);
    kids.get(up.id).push(p);
  }
  const roots = [...place.values()].filter((p) => inList(p) && !(listId == null && p.someday) && !parentOf(p));

  // Completed subtasks of each row: done, not in the Trash, in the same list, no note (LiveOutline.DONE_UNDER_TREE).
  const doneUnder = new Map();
  for (const e of replica.entities.values()) {
    if (e.table !== 'items') continue;
    const r = replica.row('items', e.entity);
    if (!r || r.trashedAt != null || !set(r.done) || r.kind === 'note' || typeof r.parentId !== 'string') continue;
    const up = place.get(r.parentId);
    if (up && up.listId === str(r.listId)) doneUnder.set(up.id, (doneUnder.get(up.id) ?? 0) + 1);
  }

  const sections = [];
  if (listId != null) {
    for (const e of replica.entities.values()) {
      if (e.table !== 'sections') continue;
      const s = replica.row('sections', e.entity);
      if (!s || s.listId !== listId) continue;
      sections.push({ id: e.entity, name: str(s.name) ?? '', rank: str(s.rank), createdAt: int(s.createdAt),
        folded: set(s.collapsed) });
    }
    sections.sort(siblings);
  }
  const sectionIds = new Set(sections.map((s) => s.id));
  const top = new Map([['', []]]);
  for (const p of roots) {
    const k = p.sectionId != null && sectionIds.has(p.sectionId) ? p.sectionId : '';
    if (!top.has(k)) top.set(k, []);
    top.get(k).push(p);
  }
  for (const l of kids.values()) l.sort(siblings);
  for (const l of top.values()) l.sort(siblings);

  const out = [];
  const sectionsOut = [];
  const shownAt = [];
  let total = 0;
  /** Adds the lines of {@code level} and all under it, depth first; returns how many todos it passed. */
  function emit(level, section) {
    let n = 0;
    const stack = [{ list: level, at: 0 }];
    while (stack.length) {
      const frame = stack[stack.length - 1];
      if (frame.at >= frame.list.length) { stack.pop(); continue; }
      const p = frame.list[frame.at++];
      n++;
      const depth = Math.min(MAX_DEPTH, stack.length - 1);
      shownAt[depth] = p.id;
      const under = kids.get(p.id) ?? [];
      if (total++ < limit) {
        out.push({ ...row(p.it), context: null, depth, parent: depth === 0 ? null : shownAt[depth - 1] ?? null,
          section: section, parentId: p.parentId, sectionId: p.sectionId, subtasks: under.length,
          doneSubtasks: doneUnder.get(p.id) ?? 0, folded: p.folded });
      }
      if (under.length) stack.push({ list: under, at: 0 });
    }
    return n;
  }
  emit(top.get(''), null);
  for (const s of sections) {
    const count = emit(top.get(s.id) ?? [], s.id);
    sectionsOut.push({ id: s.id, name: s.name, count, folded: s.folded });
  }
  return { view: key, title, total, items: out, sections: sectionsOut, outline: true };
}
