/**
 * Completing a todo as the desktop does (app/…/model/TodoVerbs.complete and SeriesStore.createNext): the todo is
 * marked done and, if it repeats, its next occurrence is made with the same rows the desktop would write, so that
 * a phone and a desktop completing the same occurrence offline write one next occurrence between them, which
 * sync merges. The next row's id is derived from the series and its due date (derived-ids.js); its due date from
 * the rule and this occurrence's date alone (recurrence.js); it sits where this one sat (list, parent, section,
 * rank), keeps the reminder's and the start's distance to the due date, the tags (as derived tag rows), and gets a
 * fresh open copy of each subtask not in the Trash (ids derived from the new parent and the subtask), at any depth.
 *
 * Ordering. The ids are computed first (SHA-1 is asynchronous in the browser), then every row is written at once,
 * in the desktop's order: the todo done, the next occurrence, its tags, its fresh subtasks; so no one sees a done
 * occurrence without its successor, and a refusal writes nothing. An existing next row (completed elsewhere and
 * synced) is left as it is, as is an existing fresh subtask with everything under it.
 *
 * Bounds. The rows come from other devices: the subtasks copied are at most MAX_DEPTH levels and MAX_COPIES rows,
 * and a todo met twice (a loop of parents a synced row may hold) is copied once; a rule is read by
 * recurrence.parseRule, which refuses what it does not understand (then nothing repeats).
 */
import { ITEM_COLUMNS, TAG_COLUMNS } from './items.js';
import { freshChildId, occurrenceId, tagId } from './derived-ids.js';
import { anchoredAt, iso, inRange, nextInRange, parseRule, readDate, strip, toRule } from './recurrence.js';

const MS_PER_DAY = 86_400_000n;
/** The deepest outline the desktop keeps (Outline.MAX_DEPTH). */
export const MAX_DEPTH = 32;
/** The most fresh subtasks one completion makes. */
export const MAX_COPIES = 5000;
/** The longest tag kept (ItemTag.MAX_LENGTH). */
const TAG_MAX = 64;

const isDone = (row) => row.done != null && row.done !== 0n && row.done !== 0;
const isNote = (row) => row.kind === 'note';
const big = (v) => (typeof v === 'bigint' ? v : Number.isSafeInteger(v) ? BigInt(v) : null);

/** ItemTag.normalize: no leading '@', stripped, NFC, lower case, inner white space (ASCII, as Java's \s) as '-'. */
export function normalizeTag(tag) {
  if (typeof tag !== 'string') return '';
  let t = strip(tag);
  while (t.startsWith('@')) t = t.slice(1);
  t = strip(t.normalize('NFC').toLowerCase()).replace(/[ \t\n\x0B\f\r]+/g, '-');
  return t.length > TAG_MAX ? t.slice(0, TAG_MAX) : t;
}

/** The live tag rows of each item and the open children of each parent: one pass over the replica. */
function indexes(replica) {
  const tags = new Map();
  const children = new Map();
  for (const e of replica.entities.values()) {
    if (e.table === 'item_tags') {
      const r = replica.row('item_tags', e.entity);
      if (!r || r.removedAt != null || typeof r.itemId !== 'string') continue;
      if (!tags.has(r.itemId)) tags.set(r.itemId, []);
      tags.get(r.itemId).push(r.tag);
    } else if (e.table === 'items') {
      const r = replica.row('items', e.entity);
      if (!r || r.trashedAt != null || typeof r.parentId !== 'string') continue;
      if (!children.has(r.parentId)) children.set(r.parentId, []);
      children.get(r.parentId).push(e.entity);
    }
  }
  return { tags, children };
}

const shifted = (day, by) => (day == null || !inRange(day + by) ? null : iso(day + by));
const remindShifted = (remind, by) => {
  const r = big(remind);
  return r == null ? null : BigInt.asIntN(64, r + BigInt(by) * MS_PER_DAY);
};

/**
 * Completes todo {@code id} at {@code now} (ms): {completed: false} when it is gone, done already or a note
 * (nothing written), else {completed: true, next: the next occurrence's id or null}.
 */
export async function complete(replica, id, now) {
  const it = replica.row('items', id);
  if (!it || isDone(it) || isNote(it)) return { completed: false, next: null };
  const writes = [['items', id, { ...it, done: 1n, doneAt: BigInt(now) }, ITEM_COLUMNS]];
  const next = await planNext(replica, id, it, now, writes);
  for (const [table, entity, row, columns] of writes) replica.save(table, entity, row, columns);
  return { completed: true, next };
}

/** SeriesStore.createNext: the rows of the next occurrence added to {@code writes}; its id, or null for none. */
async function planNext(replica, id, it, now, writes) {
  const rule = parseRule(it.repeat);
  if (rule == null) return null;
  const dated = readDate(it.due);
  if (dated == null && typeof it.due === 'string' && strip(it.due) !== '') return null;
  if (dated == null && it.due != null && typeof it.due !== 'string') return null;
  const created = big(it.createdAt) ?? BigInt(now);
  const due = dated ?? Number(created / MS_PER_DAY - (created % MS_PER_DAY < 0n ? 1n : 0n));
  const anchored = anchoredAt(rule, due);
  const nextDue = nextInRange(anchored, due);
  if (nextDue == null) return null;
  const series = typeof it.seriesId === 'string' ? it.seriesId : id;
  const nextId = await occurrenceId(series, iso(nextDue));
  if (replica.row('items', nextId)) return null;
  const shift = nextDue - due;
  writes.push(['items', nextId, {
    listId: it.listId ?? null, title: it.title ?? null, notes: it.notes ?? null, due: iso(nextDue), done: 0n,
    doneAt: null, trashedAt: null, createdAt: BigInt(now), priority: it.priority ?? null,
    repeat: anchored === rule ? it.repeat : toRule(anchored), seriesId: series,
    remindAt: remindShifted(it.remindAt, shift), remindDismissed: null, kind: null, dueTime: it.dueTime ?? null,
    durationMinutes: it.durationMinutes ?? null, parentId: it.parentId ?? null, sectionId: it.sectionId ?? null,
    rank: it.rank ?? null, start: shifted(readDate(it.start), shift), someday: null, collapsed: null,
  }, ITEM_COLUMNS]);
  const idx = indexes(replica);
  await planTags(replica, idx, id, nextId, writes);
  const budget = { left: MAX_COPIES, seen: new Set([id]) };
  await planChildren(replica, idx, id, nextId, it.listId ?? null, shift, now, writes, 1, budget);
  return nextId;
}

/** TagStore.add of each live tag of {@code fromId} onto {@code toId}, by its derived row. */
async function planTags(replica, idx, fromId, toId, writes) {
  const done = new Set();
  for (const raw of idx.tags.get(fromId) ?? []) {
    const tag = normalizeTag(raw);
    if (!tag || done.has(tag)) continue;
    done.add(tag);
    const rowId = await tagId(toId, tag);
    const cur = replica.row('item_tags', rowId);
    if (cur && cur.removedAt == null) continue;
    writes.push(['item_tags', rowId, { itemId: toId, tag, removedAt: null }, TAG_COLUMNS]);
  }
}

/** SeriesStore.freshChildren: an open copy of each subtask of {@code fromId} under {@code toId}, then theirs. */
async function planChildren(replica, idx, fromId, toId, listId, shift, now, writes, depth, budget) {
  if (depth > MAX_DEPTH) return;
  for (const childId of idx.children.get(fromId) ?? []) {
    if (budget.left <= 0 || budget.seen.has(childId)) continue;
    budget.seen.add(childId);
    const c = replica.row('items', childId);
    const id = await freshChildId(toId, childId);
    if (replica.row('items', id)) continue;
    budget.left--;
    const repeat = c.repeat ?? null;
    writes.push(['items', id, {
      listId, title: c.title ?? null, notes: c.notes ?? null, due: shifted(readDate(c.due), shift), done: 0n,
      doneAt: null, trashedAt: null, createdAt: BigInt(now), priority: c.priority ?? null, repeat,
      seriesId: repeat == null ? null : id, remindAt: remindShifted(c.remindAt, shift), remindDismissed: null,
      kind: c.kind ?? null, dueTime: c.dueTime ?? null, durationMinutes: c.durationMinutes ?? null, parentId: toId,
      sectionId: null, rank: c.rank ?? null, start: shifted(readDate(c.start), shift), someday: null,
      collapsed: c.collapsed != null && c.collapsed !== 0n && c.collapsed !== 0 ? 1n : null,
    }, ITEM_COLUMNS]);
    await planTags(replica, idx, childId, id, writes);
    await planChildren(replica, idx, childId, id, listId, shift, now, writes, depth + 1, budget);
  }
}
