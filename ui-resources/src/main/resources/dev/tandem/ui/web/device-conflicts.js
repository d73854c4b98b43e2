/*
 * Conflicts on the page as its own device: GET /api/conflicts and POST /api/conflicts/ID/use-lost|dismiss made
 * from the replica's recorded conflicts (the core records them as the engine's RemoteApply does), in the shapes
 * ApiRoutes sends and with the words of ConflictWords/ConflictValues (the page's own catalogue: page.device.conflict.*).
 *
 * Use lost value does what the engine's LostValues.use does: one local change setting the lost value (and, for an
 * edit that lost to a delete, bringing the entity back), each field replacing its current winner, then the conflict
 * dismissed; Dismiss only marks it dismissed. Either is kept by the caller before its answer goes back and syncs
 * as any other change. A conflict's values are synced data: each is said in words by its column, never as markup,
 * text cut at VALUE_MAX characters, and the list is cut at LIST_MAX conflicts (newest first).
 *
 * Imports nothing, like device-answer.js: the replica and the words come in.
 */
const LIST_MAX = 200;
const VALUE_MAX = 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const FIELD = {
  title: 'title', notes: 'notes', due: 'due', done: 'done', doneAt: 'doneAt', listId: 'list', trashedAt: 'trash',
  name: 'name', _deleted: 'deleted', parentId: 'parent', sectionId: 'section', rank: 'rank', start: 'start',
  someday: 'someday', createdAt: 'createdAt', priority: 'priority', kind: 'kind', tag: 'tag', removedAt: 'tag',
};

const cut = (s) => (s.length > VALUE_MAX ? s.slice(0, VALUE_MAX) + '…' : s);

export function makeConflicts({ replica, t }) {
  const say = (k, ...a) => t('page.device.conflict.value.' + k, ...a);
  const set = (v) => { const s = v == null ? '' : String(v).trim(); return s !== '' && s !== '0'; };
  const listName = (id) => {
    const row = typeof id === 'string' ? replica.row('lists', id) : null;
    return row && typeof row.name === 'string' && row.name.trim() ? row.name : null;
  };

  /** {@code value} of {@code field} in words (ConflictValues.text). */
  function text(field, value) {
    if (field === '_deleted') return say(set(value) ? 'deleted' : 'kept');
    const on = set(value);
    switch (field) {
      case 'done': return say(on ? 'done' : 'notDone');
      case 'trashedAt': return say(on ? 'inTrash' : 'notInTrash');
      case 'parentId': return say(on ? 'underTodo' : 'topOfList');
      case 'sectionId': return say(on ? 'inSection' : 'noSection');
      case 'rank': return say(on ? 'ownPlace' : 'empty');
      case 'someday': return say(on ? 'someday' : 'notSomeday');
      case 'kind': return say(value === 'note' ? 'note' : 'todo');
      case 'removedAt': return say(on ? 'tagRemoved' : 'tagOn');
      default: break;
    }
    if (value == null || String(value).trim() === '') return say('empty');
    switch (field) {
      case 'createdAt': case 'doneAt': {
        const n = typeof value === 'bigint' ? Number(value) : value;
        return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 8.64e15
          ? new Date(n).toISOString().slice(0, 16).replace('T', ' ') : say('other');
      }
      case 'due': case 'start': return typeof value === 'string' && DATE.test(value) ? value : say('other');
      case 'priority': return typeof value === 'bigint' || typeof value === 'number' ? say('priority', String(value)) : say('other');
      case 'listId': { const n = listName(value); return n ? say('inList', cut(n)) : say('anotherList'); }
      default: return typeof value === 'string' ? cut(value) : say('other');
    }
  }

  function title(c) {
    const title = (r) => (r && typeof r.title === 'string' ? cut(r.title) : '');
    if (c.table === 'items') {
      const row = replica.row('items', c.entity);
      if (row) return title(row);
      return c.field === 'title' && typeof c.lostValue === 'string'
        ? t('page.device.conflict.deletedTodoTitled', cut(c.lostValue)) : t('page.device.conflict.deletedTodo');
    }
    if (c.table === 'lists') {
      const n = listName(c.entity);
      return n ? t('page.device.conflict.list', cut(n)) : t('page.device.conflict.deletedList');
    }
    return t('page.device.conflict.other');
  }

  /** Who made a change: a device by its synced name, this one flagged, any other by the end of its id. */
  function by(author) {
    if (typeof author !== 'string') return null;
    if (author === replica.deviceId) return t('page.conflicts.thisBrowser');
    const row = replica.row('devices', author);
    if (row && typeof row.name === 'string' && row.name.trim()) return cut(row.name);
    return t('page.device.conflict.device', author.slice(-6));
  }

  function list() {
    const out = [];
    for (const c of replica.listConflicts()) {
      if (out.length >= LIST_MAX) break;
      const field = typeof c.field === 'string' ? c.field : '';
      const editOfDeleted = c.kind === 'EDIT_DELETE' && field !== '_deleted';
      out.push({ id: c.id, kind: c.table === 'items' ? 'item' : 'list', itemId: c.entity, itemTitle: title(c), field,
        fieldLabel: t('page.device.conflict.field.' + (FIELD[field] ?? 'other')),
        kept: text(editOfDeleted ? '_deleted' : field, c.keptValue), lost: text(field, c.lostValue),
        keptBy: by(c.keptAuthor), lostBy: by(c.lostAuthor),
        keptHere: c.keptAuthor === replica.deviceId, lostHere: c.lostAuthor === replica.deviceId,
        at: Number.isFinite(c.detectedAtMillis) ? c.detectedAtMillis : null });
    }
    return out;
  }

  /** The listed conflict {@code id} names (a positive whole number as text), or null. */
  function find(id) {
    if (typeof id !== 'string' || !/^[1-9]\d{0,8}$/.test(id)) return null;
    const k = replica.conflicts.find((c) => c && c.id === Number(id));
    return k && !k.dismissed ? k : null;
  }

  /** Dismisses conflict {@code id}, after writing its lost value back when {@code useLost}; false when it is gone. */
  function resolve(id, useLost) {
    const k = find(id);
    if (!k) return false;
    if (useLost) {
      const lost = replica.changes.get(k.loserSeq)?.fields.find((f) => f.name === k.field);
      if (!lost) return false;
      const fields = {};
      if (k.kind === 'EDIT_DELETE' && k.field !== '_deleted') fields._deleted = 0n;
      fields[k.field] = lost.value;
      replica.recordLocal(k.table, k.entity, fields);
    }
    k.dismissed = true;
    k.seen = true;
    return true;
  }

  return { list, resolve };
}
