/**
 * Tandem's own tables as the desktop app keeps them (app/…/model/Schema.java): todos and notes in
 * `items`, lists in `lists`, tags in `item_tags`; what `tandem list --json` shows of an item; quick
 * add in English. A new row records every column, as the engine's save of the app's records does.
 */
export const ITEM_COLUMNS = ['listId', 'title', 'notes', 'due', 'done', 'doneAt', 'trashedAt', 'createdAt', 'priority',
  'repeat', 'seriesId', 'remindAt', 'remindDismissed', 'kind', 'dueTime', 'durationMinutes', 'parentId', 'sectionId',
  'rank', 'start', 'someday', 'collapsed'];
export const LIST_COLUMNS = ['name', 'position', 'createdAt', 'rank'];
export const TAG_COLUMNS = ['itemId', 'tag', 'removedAt'];

const num = (v) => (typeof v === 'bigint' ? Number(v) : v);

function lists(replica) {
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

/** The items `tandem list --json` prints: not trashed, done ones only with {@code all}, in creation order. */
export function listJson(replica, { all = false } = {}) {
  const names = lists(replica);
  const tagsOf = tags(replica);
  const out = [];
  for (const e of replica.entities.values()) {
    if (e.table !== 'items') continue;
    const it = replica.row('items', e.entity);
    if (!it || it.trashedAt != null) continue;
    const note = it.kind === 'note';
    const done = it.done != null && it.done !== 0n;
    if (!all && done && !note) continue;
    const dated = it.due != null && it.due !== '';
    const priority = num(it.priority);
    out.push({ id: e.entity, title: it.title ?? null, notes: it.notes ?? null, due: it.due ?? null,
      dueTime: dated ? it.dueTime ?? null : null,
      durationMinutes: it.durationMinutes == null || it.durationMinutes === 0n ? null : num(it.durationMinutes),
      done: !note && done, list: it.listId == null ? null : names.get(it.listId) ?? null, listId: it.listId ?? null,
      priority: priority >= 1 && priority <= 4 ? priority : null, tags: tagsOf.get(e.entity) ?? [],
      repeat: it.repeat ?? null, repeatText: null, seriesId: it.seriesId ?? null,
      remindAt: it.remindAt == null ? null : new Date(num(it.remindAt)).toISOString(),
      kind: note ? 'note' : 'todo', parentId: it.parentId ?? null, sectionId: it.sectionId ?? null, rank: it.rank ?? null,
      start: it.start ?? null, someday: it.someday != null && it.someday !== 0n, checklist: checklist(it.notes),
      createdAt: num(it.createdAt) ?? 0 });
  }
  out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return out.map(({ createdAt, ...rest }) => rest);
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function isoDate(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

/**
 * Quick add in English: the title, "#List", "p1"–"p4", "@tag", a date ("today", "tomorrow", a weekday
 * such as "fri" or "friday" for the next one, "2026-12-24"), and "note:" first for a plain note.
 */
export function quickAdd(text, today = new Date()) {
  let rest = text.trim();
  const out = { title: '', list: null, priority: null, tags: [], due: null, kind: null };
  if (/^note:\s*/i.test(rest)) {
    out.kind = 'note';
    rest = rest.replace(/^note:\s*/i, '');
  }
  const words = [];
  for (const w of rest.split(/\s+/)) {
    const lower = w.toLowerCase();
    const day = DAYS.findIndex((d) => d === lower || d.slice(0, 3) === lower);
    if (/^#\S+/.test(w)) out.list = w.slice(1);
    else if (/^@\S+/.test(w)) out.tags.push(w.slice(1).toLowerCase());
    else if (/^p[1-4]$/i.test(w) && out.kind !== 'note') out.priority = Number(w[1]);
    else if (lower === 'today' && out.kind !== 'note') out.due = isoDate(today);
    else if (lower === 'tomorrow' && out.kind !== 'note') out.due = isoDate(new Date(today.getTime() + 86400000));
    else if (day >= 0 && out.kind !== 'note') {
      const ahead = ((day - today.getDay() + 7) % 7) || 7;
      out.due = isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + ahead));
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(w) && out.kind !== 'note') out.due = w;
    else words.push(w);
  }
  out.title = words.join(' ');
  return out;
}

/** Adds what quick add read; returns the new item's id. */
export function addItem(replica, parsed, now) {
  let listId = null;
  if (parsed.list) {
    const found = [...lists(replica)].find(([, name]) => name.trim().toLowerCase() === parsed.list.toLowerCase());
    if (found) {
      listId = found[0];
    } else if (parsed.list.toLowerCase() !== 'inbox') {
      listId = replica.clock.nextRandom();
      replica.save('lists', listId, { name: parsed.list, createdAt: BigInt(now) }, LIST_COLUMNS);
    }
  }
  const id = replica.clock.nextRandom();
  replica.save('items', id, { listId, title: parsed.title, due: parsed.due, done: 0n, createdAt: BigInt(now),
    priority: parsed.priority == null ? null : BigInt(parsed.priority), kind: parsed.kind }, ITEM_COLUMNS);
  for (const tag of parsed.tags) {
    replica.save('item_tags', replica.clock.nextRandom(), { itemId: id, tag }, TAG_COLUMNS);
  }
  return id;
}

/** The item a reference names: its id, or a unique part of its start or end (4 characters or more). */
export function resolveItem(replica, ref) {
  if (replica.row('items', ref)) return ref;
  if (ref.length < 4) throw new Error('"' + ref + '" is too short to name an item: give 4 characters or more');
  const r = ref.toLowerCase();
  const matches = [...replica.entities.values()].filter((e) => e.table === 'items' && replica.row('items', e.entity)
    && (e.entity.toLowerCase().startsWith(r) || e.entity.toLowerCase().endsWith(r))).map((e) => e.entity);
  if (matches.length === 0) throw new Error('No item matches "' + ref + '"');
  if (matches.length > 1) throw new Error('"' + ref + '" matches ' + matches.length + ' items: ' + matches.slice(0, 5).join(', '));
  return matches[0];
}
