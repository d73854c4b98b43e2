// What only the command line (bin/tandem-js.js) does with items: quick add on a Date, adding what it read, and
// naming an item by a part of its id. Apart from items.js so the phone page, which adds through
// quick-add.js's planQuickAdd, does not load it.
import { ITEM_COLUMNS, LIST_COLUMNS, TAG_COLUMNS, lists } from './items.js';
import { readQuickAdd } from './quick-add.js';
import { normalizeTag } from './series.js';

function isoDate(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

/**
 * Quick add as the desktop reads it (app/quick-add.js): the title, "#List", "p1"–"p4", "@tag" (as stored), dates,
 * times, lengths, repeats, "remind …", and "note:" first for a plain note. {@code today}: a Date, its local day.
 */
export function quickAdd(text, today = new Date()) {
  const read = readQuickAdd(text, isoDate(today));
  return { ...read, tags: read.tags.map(normalizeTag).filter(Boolean) };
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
