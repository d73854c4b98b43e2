/**
 * Which entities a remote holds (the engine's SyncScope and ScopeCheck), decided from the entity's
 * winning values in this device's changelog, so a deleted entity still knows where it belonged. A
 * shared list's space holds a tree: the list's row, the items whose listId is the list, and the
 * item_tags and attachments of those items. The personal remote then holds everything but the trees
 * of the lists shared (an "except" scope), as on the desktop.
 *
 * A scope is {tree} or {except: [tree...]} or null (everything); a tree is {rootTable, rootIds: [ids],
 * links: [{table, field, parent}]}.
 */
export function listTree(listId) {
  return { rootTable: 'lists', rootIds: [listId], links: [{ table: 'items', field: 'listId', parent: 'lists' },
    { table: 'item_tags', field: 'itemId', parent: 'items' }, { table: 'attachments', field: 'itemId', parent: 'items' }] };
}

/** Whether this device holds {@code entity} of {@code table} at all (deleted ones included). */
export function known(replica, table, entity) {
  return replica.entity(table, entity, false) != null;
}

/** The value of {@code field} the entity shows (or showed, if deleted); null if never set. */
export function winningValue(replica, table, entity, field) {
  const e = replica.entity(table, entity, false);
  const w = e?.winners.get(field.toLowerCase());
  if (!w) return null;
  return replica.fieldOf(w.seq, field)?.value ?? null;
}

/** One check's answers, cached for as long as the winners do not change (one cut). */
export class ScopeCheck {
  constructor(scope) {
    this.scope = scope;
    this.cache = new Map();
  }

  includes(replica, table, entity) {
    if (this.scope == null) return true;
    if (this.scope.tree) return this.inTree(replica, 0, this.scope.tree, table, entity);
    return !this.scope.except.some((t, i) => this.inTree(replica, i, t, table, entity));
  }

  inTree(replica, index, tree, table, entity, depth = 0) {
    if (table.toLowerCase() === tree.rootTable.toLowerCase()) return tree.rootIds.includes(entity);
    const k = index + '\u0000' + table.toLowerCase() + '\u0000' + entity;
    if (this.cache.has(k)) return this.cache.get(k);
    let inside = false;
    // The tree's links are acyclic (items hang from lists, tags from items), so depth stays small; the
    // bound only keeps a hostile value from recursing.
    for (const link of tree.links) {
      if (!inside && depth < 16 && link.table.toLowerCase() === table.toLowerCase()) {
        const parent = winningValue(replica, table, entity, link.field);
        inside = typeof parent === 'string' && this.inTree(replica, index, tree, link.parent, parent, depth + 1);
      }
    }
    this.cache.set(k, inside);
    return inside;
  }
}
