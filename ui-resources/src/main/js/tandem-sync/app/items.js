/**
 * Tandem's own tables as the desktop app keeps them (app/…/model/Schema.java): todos and notes in
 * `items`, lists in `lists`, tags in `item_tags`; what `tandem list --json` shows of an item; quick
 * add's writes (quick-add.js) for the page. A new row records every column, as the engine's save of the app's records does.
 */
export const ITEM_COLUMNS = ['listId', 'title', 'notes', 'due', 'done', 'doneAt', 'trashedAt', 'createdAt', 'priority',
  'repeat', 'seriesId', 'remindAt', 'remindDismissed', 'kind', 'dueTime', 'durationMinutes', 'parentId', 'sectionId',
  'rank', 'start', 'someday', 'collapsed'];
export const LIST_COLUMNS = ['name', 'position', 'createdAt', 'rank'];
export const TAG_COLUMNS = ['itemId', 'tag', 'removedAt'];

const num = (v) => (typeof v === 'bigint' ? Number(v) : v);
/** A synced moment in ISO form; null for none, or one no Date holds (a row of another device's is untrusted). */
const isoMoment = (v) => {
  const d = new Date(typeof v === 'bigint' || typeof v === 'number' ? Number(v) : NaN);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

export function lists(replica) {
  const out = new Map();
  for (const e of replica.entities.values()) {
    if (e.table !== 'lists') continue;
    const row = replica.row('lists', e.entity);
    if (row) out.set(e.entity, row.name ?? '');
  }
  return out;
}

function tags(replica) {
  const out = new Map();
  for (const e of replica.entities.values()) {
    if (e.table !== 'item_tags') continue;
    const row = replica.row('item_tags', e.entity);
    if (!row || row.removedAt != null || row.itemId == null) continue;
    if (!out.has(row.itemId)) out.set(row.itemId, []);
    out.get(row.itemId).push(row.tag);
  }
  for (const t of out.values()) t.sort();
  return out;
}

/** "2/5" for a note's check boxes, or null. */
function checklist(notes) {
  // A synced value of another class (an integer, bytes) is no note: it has no boxes, and never stops the listing.
  if (typeof notes !== 'string' || !notes) return null;
  let all = 0;
  let ticked = 0;
  for (const line of notes.split('\n')) {
    const m = /^\s*[-*+] \[( |x|X)\]/.exec(line);
    if (m) {
      all++;
      if (m[1] !== ' ') ticked++;
    }
  }
  return all === 0 ? null : ticked + '/' + all;
}

/**
 * The items `tandem list --json` prints: not trashed, done ones only with {@code all}, in creation order; with
 * {@code trashed}, the ones in the Trash instead (done or not).
 */
export function listJson(replica, { all = false, trashed = false } = {}) {
  const names = lists(replica);
  const tagsOf = tags(replica);
  const out = [];
  for (const e of replica.entities.values()) {
    if (e.table !== 'items') continue;
    const it = replica.row('items', e.entity);
    if (!it || (it.trashedAt != null) !== trashed) continue;
    const note = it.kind === 'note';
    const done = it.done != null && it.done !== 0n;
    if (!all && !trashed && done && !note) continue;
    const dated = it.due != null && it.due !== '';
    const priority = num(it.priority);
    out.push({ id: e.entity, title: it.title ?? null, notes: it.notes ?? null, due: it.due ?? null,
      dueTime: dated ? it.dueTime ?? null : null,
      durationMinutes: it.durationMinutes == null || it.durationMinutes === 0n ? null : num(it.durationMinutes),
      done: !note && done, list: it.listId == null ? null : names.get(it.listId) ?? null, listId: it.listId ?? null,
      priority: priority >= 1 && priority <= 4 ? priority : null, tags: tagsOf.get(e.entity) ?? [],
      repeat: it.repeat ?? null, repeatText: null, seriesId: it.seriesId ?? null,
      remindAt: isoMoment(it.remindAt),
      kind: note ? 'note' : 'todo', parentId: it.parentId ?? null, sectionId: it.sectionId ?? null, rank: it.rank ?? null,
      start: it.start ?? null, someday: it.someday != null && it.someday !== 0n, checklist: checklist(it.notes),
      createdAt: num(it.createdAt) ?? 0 });
  }
  out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return out.map(({ createdAt, ...rest }) => rest);
}


export { chips as quickAddChips, planQuickAdd, readQuickAdd, saveDetails, warningText as quickAddWarning } from './quick-add.js';
export { compileGrammar } from './quick-add-grammar.js';
export { EditRefused, applyDetails, details, tagsOf } from './edits.js';
export { dueLabel, timeAndLength } from './due-labels.js';
