/**
 * A todo moved in its list's outline, as the desktop's SeenMoves.move and OutlineStore.move make it
 * (app/…/model): under another todo or out, into a section, before a sibling, into another list. The move writes
 * the moved todo's rank between its new neighbours' (rank.js) and its list, parent and section when they change;
 * its siblings are re-ranked only when their keys leave no room (none yet, two alike, damaged), then all of them
 * once; moving to another list writes the list of each todo under it. So a move made here and one made on the
 * desktop end in the same order on every device, as ranks and ids order siblings everywhere.
 *
 * A move carries its base, where the page showed the todo: it moves only if the todo still sits there (or sits
 * where the move puts it already, the entry sent again); moved elsewhere meanwhile by a sync, it stays where that
 * put it and the answer says so ({outcome: 'MOVED_ELSEWHERE', stale}). The desktop keeps the page's place in
 * Conflicts then; this core's replica records only the conflicts of a merge, so here it is said, not kept.
 *
 * Reads every row once (one pass over the replica) and walks parents with a set of those seen and at most
 * MAX_DEPTH + 1 levels, so a loop of parents or a chain thousands deep from sync costs a bounded walk. Held to the
 * desktop by the vectors MoveGoldenTest writes (test/vectors/outline-moves.json).
 */
import { ITEM_COLUMNS } from './items.js';
import { after as ranksAfter, between, isValid } from './rank.js';

export const MAX_DEPTH = 32;

const str = (v) => (typeof v === 'string' ? v : null);
const hasParent = (r) => typeof r.parentId === 'string' && r.parentId !== '';
const open = (r) => r.trashedAt == null && (r.done == null || r.done === 0n || r.done === 0 || r.kind === 'note');

function nullsFirst(a, b) {
  if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
const bigOf = (v) => (typeof v === 'bigint' ? v : null);
const siblingOrder = (a, b) => nullsFirst(str(a.rank), str(b.rank)) || nullsFirst(bigOf(a.createdAt), bigOf(b.createdAt))
  || nullsFirst(a.id, b.id);

/** The rows the move reads, once: items (with their ids), the lists, the sections' lists, children by parent. */
export function snapshot(replica) {
  const items = new Map();
  const lists = new Set();
  const sections = new Map();
  const children = new Map();
  for (const e of replica.entities.values()) {
    const r = replica.row(e.table, e.entity);
    if (!r) continue;
    if (e.table === 'items') {
      items.set(e.entity, { ...r, id: e.entity });
      if (hasParent(r)) {
        if (!children.has(r.parentId)) children.set(r.parentId, []);
        children.get(r.parentId).push(e.entity);
      }
    } else if (e.table === 'lists') {
      lists.add(e.entity);
    } else if (e.table === 'sections') {
      sections.set(e.entity, str(r.listId));
    }
  }
  return { items, lists, sections, children };
}

function siblings(s, probe) {
  const out = [];
  const inbox = probe.listId == null || !s.lists.has(probe.listId);
  for (const r of s.items.values()) {
    if (!open(r)) continue;
    if (probe.parentId != null) {
      if (r.parentId === probe.parentId && (r.listId ?? null) === (probe.listId ?? null)) out.push(r);
    } else if (r.parentId != null) {
      continue;
    } else if (inbox) {
      if (r.listId == null || !s.lists.has(r.listId)) out.push(r);
    } else if (r.listId === probe.listId && (r.sectionId ?? '') === (probe.sectionId ?? '')) {
      out.push(r);
    }
  }
  return out.sort(siblingOrder);
}

/** TreeDepth.levelUnder: the level a subtask of {@code parent} takes, past the limit for a loop. */
function levelUnder(s, parent) {
  const seen = new Set();
  let level = 1;
  let at = parent;
  while (hasParent(at) && level <= MAX_DEPTH) {
    if (seen.has(at.id)) return MAX_DEPTH + 1;
    seen.add(at.id);
    const p = s.items.get(at.parentId);
    if (!p || (p.listId ?? null) !== (at.listId ?? null)) break;
    at = p;
    level++;
  }
  return level;
}

/** TreeDepth.levelsUnder: the levels under {@code id} in its list, counted up to one past the limit. */
function levelsUnder(s, id) {
  let frontier = [s.items.get(id)];
  let depth = 0;
  while (frontier.length && depth <= MAX_DEPTH) {
    const next = new Map();
    for (const p of frontier) {
      for (const c of s.children.get(p.id) ?? []) {
        const r = s.items.get(c);
        if ((r.listId ?? null) === (p.listId ?? null)) next.set(c, r);
      }
    }
    if (next.size === 0) break;
    depth++;
    frontier = [...next.values()];
  }
  return depth;
}

/** ItemTree.descendants: the todos under {@code id} in its list, each once, itself left out. */
export function descendants(s, id) {
  const out = new Map();
  const stack = [s.items.get(id)];
  while (stack.length) {
    const p = stack.pop();
    for (const c of s.children.get(p.id) ?? []) {
      const r = s.items.get(c);
      if (c === id || out.has(c) || (r.listId ?? null) !== (p.listId ?? null)) continue;
      out.set(c, r);
      stack.push(r);
    }
  }
  return [...out.values()];
}

function isUnder(s, item, id) {
  const seen = new Set();
  let at = item;
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    if (at.id === id) return true;
    at = hasParent(at) ? s.items.get(at.parentId) : null;
  }
  return false;
}

/** OutlineStore.move's writes: [id, row] pairs, in order; an Error with .outcome for a refusal. */
function plan(s, id, target) {
  const cur = s.items.get(id);
  const parent = target.parentId == null ? null : s.items.get(target.parentId) ?? null;
  if (target.parentId != null && (parent == null || isUnder(s, parent, id))) throw Object.assign(new Error(), { outcome: 'UNDER_ITSELF' });
  if (parent && levelUnder(s, parent) + levelsUnder(s, id) > MAX_DEPTH) throw Object.assign(new Error(), { outcome: 'TOO_DEEP' });
  const listId = parent ? parent.listId ?? null : target.listId;
  const sectionId = parent ? null : target.sectionId;
  const sibs = siblings(s, { listId, parentId: target.parentId, sectionId }).filter((r) => r.id !== id);
  const writes = new Map();
  let at = target.beforeId == null ? sibs.length : sibs.findIndex((r) => r.id === target.beforeId);
  if (at < 0) at = sibs.length;
  const lo0 = at === 0 ? null : sibs[at - 1].rank;
  const hi0 = at === sibs.length ? null : sibs[at].rank;
  const room = !((at > 0 && !isValid(lo0)) || (at < sibs.length && !isValid(hi0))) && (lo0 == null || hi0 == null || lo0 < hi0);
  if (!room) {
    const keys = ranksAfter(null, sibs.length);
    sibs.forEach((r, k) => {
      if (keys[k] !== r.rank) {
        sibs[k] = { ...r, rank: keys[k] };
        writes.set(r.id, sibs[k]);
      }
    });
  }
  const lo = at === 0 ? null : sibs[at - 1].rank;
  const hi = at === sibs.length ? null : sibs[at].rank;
  const rank = str(cur.rank);
  const samePlace = (cur.listId ?? null) === listId && (cur.parentId ?? null) === target.parentId
    && (cur.sectionId ?? null) === sectionId && rank != null && isValid(rank) && (lo == null || lo < rank)
    && (hi == null || rank < hi);
  if (samePlace && writes.size === 0) return [];
  const under = (cur.listId ?? null) === listId ? [] : descendants(s, id);
  writes.set(id, { ...cur, listId, parentId: target.parentId, sectionId, rank: samePlace ? rank : between(lo, hi) });
  for (const d of under) if ((d.listId ?? null) !== listId) writes.set(d.id, { ...d, listId });
  return [...writes];
}

const place = (listId, parentId, sectionId) => ({ listId, parentId, sectionId: parentId != null ? null : sectionId });
const samePlace = (a, b) => a.listId === b.listId && a.parentId === b.parentId && a.sectionId === b.sectionId;

/**
 * SeenMoves.move: moves {@code id} to {@code target} ({listId, parentId, sectionId, beforeId}) if it sits at
 * {@code seen} ({listId, parentId, sectionId}) or at the target already. {outcome, stale}: MOVED, MOVED_ELSEWHERE
 * (stale: the fields another move set meanwhile), GONE, PARENT_GONE, LIST_GONE, SECTION_GONE, UNDER_ITSELF,
 * TOO_DEEP. Nothing is written unless MOVED.
 */
export function move(replica, id, seen, target) {
  const s = snapshot(replica);
  const cur = s.items.get(id);
  if (!cur || cur.trashedAt != null) return { outcome: 'GONE', stale: [] };
  let t;
  if (target.parentId != null) {
    const parent = s.items.get(target.parentId);
    if (!parent || parent.trashedAt != null) return { outcome: 'PARENT_GONE', stale: [] };
    t = { listId: parent.listId ?? null, parentId: parent.id, sectionId: null, beforeId: target.beforeId };
  } else {
    if (target.listId != null && !s.lists.has(target.listId)) return { outcome: 'LIST_GONE', stale: [] };
    if (target.sectionId != null && s.sections.get(target.sectionId) !== target.listId) return { outcome: 'SECTION_GONE', stale: [] };
    t = target;
  }
  const list = cur.listId == null || !s.lists.has(cur.listId) ? null : cur.listId;
  const now = place(list, cur.parentId ?? null, cur.sectionId ?? null);
  const wanted = place(t.listId, t.parentId, t.sectionId);
  if (samePlace(now, place(seen.listId, seen.parentId, seen.sectionId)) || samePlace(now, wanted)) {
    let writes;
    try {
      writes = plan(s, id, t);
    } catch (e) {
      if (e.outcome) return { outcome: e.outcome, stale: [] };
      throw e;
    }
    for (const [rowId, row] of writes) replica.save('items', rowId, row, ITEM_COLUMNS);
    return { outcome: 'MOVED', stale: [] };
  }
  const stale = ['listId', 'parentId', 'sectionId'].filter((f) => now[f] !== wanted[f]);
  return { outcome: 'MOVED_ELSEWHERE', stale };
}

/**
 * ItemTree.nextRank: the key for a new todo at the end of {@code parentId}'s subtasks, or of the top of list
 * {@code listId} (null: the Inbox) in {@code sectionId}: after the greatest key there, which is skipped when it is
 * damaged (as the desktop skips it rather than build on it).
 */
export function nextRank(replica, listId, parentId, sectionId) {
  const s = snapshot(replica);
  let last = null;
  for (const r of s.items.values()) {
    if (r.trashedAt != null || typeof r.rank !== 'string') continue;
    const fits = parentId != null ? r.parentId === parentId
      : r.parentId == null && (listId == null ? r.listId == null || !s.lists.has(r.listId)
        : r.listId === listId && (r.sectionId ?? '') === (sectionId ?? ''));
    if (fits && (last == null || r.rank > last)) last = r.rank;
  }
  return between(last != null && isValid(last) ? last : null, null);
}

/** Whether a new subtask fits under {@code parentId} within MAX_DEPTH (TreeDepth.check for a new todo). */
export function fitsUnder(replica, parentId) {
  const s = snapshot(replica);
  const parent = s.items.get(parentId);
  return parent != null && levelUnder(s, parent) <= MAX_DEPTH;
}
