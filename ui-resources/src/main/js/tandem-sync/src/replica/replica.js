import { HybridClock } from '../clock/hybrid-clock.js';
import { compareUuid, uuidMillis } from '../wire/uuid.js';
import { decide } from '../merge/lww.js';
import { sameLines } from '../merge/line-merge.js';
import { textMerge } from './text-merges.js';
import { fromJson, idBytes, isText, mergedParent, same, toJson } from './values.js';
import { fieldNameOk, tableNameOk, MAX_ENTITY, MAX_VALUE, MAX_CHANGE, hasIsoControl } from '../wire/limits.js';
import { javaUtf8 } from '../wire/msgpack.js';

/**
 * One device's changelog and the state it merges to, held in memory (the engine keeps the same in
 * SQLite: _tandem_change, _tandem_entity, _tandem_conflict). What a device is made of:
 * <ul>
 *   <li>changes, each {seq, id, author, table, entity, fields}, fields sorted by name as the
 *       engine's FieldCodec stores them, so the batches cut from them carry the same order;</li>
 *   <li>per entity its winners, per attribute (field names compared ignoring case, spelled as the
 *       first change that set it) the seq and id of the change whose value it shows, and which
 *       change ids it holds;</li>
 *   <li>conflicts, once per (losing change, field), as the engine records them.</li>
 * </ul>
 * Remote changes merge by {@link applyAll}, a line for line port of the engine's RemoteApply:
 * last write wins per attribute decided by change id, a concurrent loser with a different value
 * recorded as a conflict or, for mergeable text, merged line by line into a merge change of this
 * device, and edits concurrent with deletes recorded as EDIT_DELETE. Local saves follow the
 * engine's ChangeCapture: a change's id follows every value it replaces.
 */
export const DELETED = '_deleted';
export const HIDDEN_PREFIX = '_merged_';

export const isHidden = (field) => field.toLowerCase().startsWith(HIDDEN_PREFIX);
export const hiddenFor = (field) => HIDDEN_PREFIX + field.toLowerCase();
const key = (table, entity) => table + '\u0000' + entity;

function sortFields(fields) {
  return fields.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export class Replica {
  /**
   * {deviceId, clock, mergeText: ["items.notes"]}: this device's id (the engine's database id, a
   * random UUID), its clock and the text columns merged line by line.
   */
  constructor({ deviceId, clock = new HybridClock(), mergeText = [] }) {
    this.deviceId = deviceId;
    this.clock = clock;
    this.mergeText = new Set(mergeText.map((m) => m.toLowerCase()));
    this.changes = new Map();
    this.entities = new Map();
    this.conflicts = [];
    this.conflictKeys = new Set();
    this.lastSeq = 0;
    this.remotes = new Map();
  }

  entity(table, entity, create = true) {
    const k = key(table, entity);
    let e = this.entities.get(k);
    if (!e && create) {
      e = { table, entity, winners: new Map(), ids: new Map() };
      this.entities.set(k, e);
    }
    return e ?? null;
  }

  /** Appends a change of {@code e} and returns its seq; fields stored sorted by name. */
  append(e, id, author, fields) {
    const seq = ++this.lastSeq;
    this.changes.set(seq, { seq, id, author, table: e.table, entity: e.entity, fields: sortFields(fields) });
    e.ids.set(id, seq);
    return seq;
  }

  /** The field {@code name} of change {@code seq}, in any case (StoredChange.field). */
  fieldOf(seq, name) {
    const c = this.changes.get(seq);
    const lower = name.toLowerCase();
    return c.fields.find((f) => f.name.toLowerCase() === lower) ?? null;
  }

  /** The winner of {@code field} as of {@code winners}: {field, seq, id, author, value, replaces, merged}. */
  winner(winners, field) {
    const w = winners.get(field.toLowerCase());
    if (!w) return null;
    const c = this.changes.get(w.seq);
    const f = this.fieldOf(w.seq, w.field);
    if (f == null) throw new Error('the changelog names change ' + w.seq + ' the winner of ' + w.field + ', but it did not set it');
    const hidden = this.fieldOf(w.seq, hiddenFor(w.field));
    return { field: w.field, seq: w.seq, id: w.id, author: c.author, value: f.value, replaces: f.replaces,
      merged: mergedParent(hidden) };
  }

  /** The field a change of this entity wrote under exactly {@code field}, or null (FieldCodec.find). */
  exactField(e, id, field) {
    const seq = e.ids.get(id);
    if (seq === undefined) return null;
    return this.changes.get(seq).fields.find((f) => f.name === field) ?? null;
  }

  ancestry(e) {
    return {
      replaced: (id, field) => this.exactField(e, id, field)?.replaces ?? null,
      merged: (id, field) => mergedParent(this.exactField(e, id, hiddenFor(field))),
    };
  }

  /** Records that {@code loserSeq} lost {@code field} to {@code winnerSeq}; once per loser and field. */
  record(kind, table, entity, field, winnerSeq, loserSeq, now) {
    const k = loserSeq + '\u0000' + field;
    if (this.conflictKeys.has(k)) return false;
    this.conflictKeys.add(k);
    this.conflicts.push({ id: this.conflicts.length + 1, kind, table, entity, field, winnerSeq, loserSeq,
      detectedAt: now, seen: false, dismissed: false });
    return true;
  }

  /**
   * Merges other devices' changes, [{author, change}], as one (RemoteApply.applyAll): in clock order;
   * own changes after local seq {@code unpushedAfter} count as unseen by any delete here.
   */
  applyAll(incoming, { now = this.clock.wallMillis(), unpushedAfter = Number.MAX_SAFE_INTEGER } = {}) {
    const sorted = incoming.slice().sort((a, b) => compareUuid(a.change.id, b.change.id));
    let pulled = 0;
    let merged = 0;
    let conflicts = 0;
    let aheadMillis = 0;
    let aheadAuthor = null;
    for (const { author, change: c } of sorted) {
      const e = this.entity(c.table, c.entity);
      if (e.ids.has(c.id)) continue;
      const fields = c.fields.filter((f) => !skipped(f));
      const seq = this.append(e, c.id, author, fields);
      pulled++;
      if (!this.clock.observe(c.id)) {
        const by = uuidMillis(c.id) - this.clock.wallMillis();
        if (by > aheadMillis) {
          aheadMillis = by;
          aheadAuthor = author;
        }
      }
      const ancestry = this.ancestry(e);
      const before = e.winners;
      let next = null;
      let textMerged = null;
      for (const f of fields) {
        if (isHidden(f.name)) continue;
        const cur = this.winner(before, f.name);
        const current = cur && { id: cur.id, author: cur.author, replaces: cur.replaces, merged: cur.merged };
        const inV = { id: c.id, author, replaces: f.replaces, merged: mergedIn(fields, f.name) };
        const d = decide(current, inV, f.name, ancestry);
        if (d.incomingWins) {
          next = next ?? new Map(before);
          put(next, f.name, seq, c.id);
        }
        if (d.concurrent && !same(cur.value, f.value)) {
          let m = null;
          if (this.mergeText.size > 0 && this.mergeText.has((e.table + '.' + f.name).toLowerCase())) {
            m = this.attemptLineMerge(e, f, c.id, cur, d.incomingWins, ancestry);
          }
          if (m != null && m.text !== null) {
            textMerged = textMerged ?? [];
            textMerged.push(m);
          } else if (m == null) {
            conflicts += this.record(f.name === DELETED ? 'EDIT_DELETE' : 'EDIT_EDIT', e.table, c.entity, f.name,
              d.incomingWins ? seq : cur.seq, d.incomingWins ? cur.seq : seq, now) ? 1 : 0;
          }
        }
      }
      conflicts += this.editDeleteConflicts(e, before, c, author, seq, now, unpushedAfter);
      if (next != null) e.winners = next;
      let moved = next != null;
      if (textMerged != null) moved = this.writeLineMerges(e, textMerged) || moved;
      if (moved) merged++;
    }
    return { pulled, merged, conflicts, aheadMillis, aheadAuthor };
  }

  attemptLineMerge(e, f, id, cur, incomingWins, ancestry) {
    const winner = incomingWins ? id : cur.id;
    const loser = incomingWins ? cur.id : id;
    if (typeof cur.value === 'string' && typeof f.value === 'string' && sameLines(cur.value, f.value)) {
      return { field: f.name, text: null, winner, loser };
    }
    const text = textMerge(this, e, f.name, cur.id, cur.value, id, f.value, ancestry);
    if (text == null) return null;
    const winning = incomingWins ? f.value : cur.value;
    const unchanged = same(winning, text) || (winning === null && text === '');
    return { field: f.name, text: unchanged ? null : text, winner, loser };
  }

  /** One merge change of this device for {@code merges}, made the winner of their fields (LineMerges.write). */
  writeLineMerges(e, merges) {
    let floor = null;
    const fields = [];
    for (const m of merges) {
      floor = floor == null || compareUuid(m.winner, floor) > 0 ? m.winner : floor;
      floor = compareUuid(m.loser, floor) > 0 ? m.loser : floor;
      fields.push({ name: m.field, value: m.text, replaces: m.winner });
      fields.push({ name: hiddenFor(m.field), value: idBytes(m.loser), replaces: null });
    }
    const id = this.clock.nextAfter(floor);
    if (e.ids.has(id)) throw new Error('merge change ' + id + ' is here already');
    const seq = this.append(e, id, this.deviceId, fields);
    const next = new Map(e.winners);
    for (const m of merges) put(next, m.field, seq, id);
    e.winners = next;
    return true;
  }

  editDeleteConflicts(e, before, c, author, seq, now, unpushedAfter) {
    let count = 0;
    const incomingDeletes = c.fields.some((f) => f.name === DELETED && f.value === 1n);
    if (incomingDeletes) {
      for (const lower of before.keys()) {
        const w = this.winner(before, lower);
        const unseen = compareUuid(w.id, c.id) > 0 || (w.seq > unpushedAfter && w.author === this.deviceId);
        if (w.field !== DELETED && w.author !== author && unseen && !isHidden(w.field)) {
          count += this.record('EDIT_DELETE', e.table, c.entity, w.field, seq, w.seq, now) ? 1 : 0;
        }
      }
      return count;
    }
    const deleted = before.get(DELETED) ? this.winner(before, DELETED) : null;
    const unseenOwn = author === this.deviceId && seq > unpushedAfter;
    if (deleted && deleted.value === 1n && deleted.author !== author
      && (compareUuid(c.id, deleted.id) > 0 || unseenOwn) && !c.fields.some((f) => f.name === DELETED)) {
      for (const f of c.fields) {
        if (isHidden(f.name)) continue;
        count += this.record('EDIT_DELETE', e.table, c.entity, f.name, deleted.seq, seq, now) ? 1 : 0;
      }
    }
    return count;
  }

  // --- local writes (ChangeCapture) ---

  /** Whether the entity shows as a row: it has winners and its _deleted winner is not 1. */
  exists(table, entity) {
    const e = this.entity(table, entity, false);
    return e != null && e.winners.size > 0 && !this.isDeleted(e);
  }

  isDeleted(e) {
    const d = this.winner(e.winners, DELETED);
    return d != null && d.value === 1n;
  }

  /** The entity's attributes as its row shows them (hidden and _deleted left out), or null when it is no row. */
  row(table, entity) {
    const e = this.entity(table, entity, false);
    if (e == null || e.winners.size === 0 || this.isDeleted(e)) return null;
    const out = {};
    for (const lower of e.winners.keys()) {
      const w = this.winner(e.winners, lower);
      if (w.field === DELETED || isHidden(w.field) || w.field.toLowerCase() === 'id') continue;
      out[w.field] = w.value;
    }
    return out;
  }

  /** Writes one local change setting {@code fields} ({name: value}), each replacing its current winner. */
  recordLocal(table, entity, fields) {
    checkLocal(table, entity, fields);
    const e = this.entity(table, entity);
    let newest = null;
    const list = [];
    for (const [name, value] of Object.entries(fields)) {
      const replaced = e.winners.get(name.toLowerCase());
      list.push({ name, value, replaces: replaced ? replaced.id : null });
      if (replaced && (newest == null || compareUuid(replaced.id, newest) > 0)) newest = replaced.id;
    }
    const id = this.clock.nextAfter(newest);
    const seq = this.append(e, id, this.deviceId, list);
    const next = new Map(e.winners);
    for (const f of list) put(next, f.name, seq, id);
    e.winners = next;
    return { id, seq };
  }

  /**
   * Saves a record as the engine's Db.save does: a new row records every column of {@code columns}
   * (absent ones as null, _deleted 0 when it was deleted), an existing one only the columns that
   * differ. Returns the change, or null when nothing differed.
   */
  save(table, entity, record, columns) {
    if (!this.exists(table, entity)) {
      const fields = {};
      for (const c of columns) if (c !== 'id') fields[c] = record[c] ?? null;
      const e = this.entity(table, entity, false);
      if (e != null && this.isDeleted(e)) fields[DELETED] = 0n;
      return this.recordLocal(table, entity, fields);
    }
    const row = this.row(table, entity);
    const changed = {};
    for (const c of columns) {
      if (c === 'id' || !(c in record)) continue;
      const stored = Object.entries(row).find(([k]) => k.toLowerCase() === c.toLowerCase());
      if (!same(stored ? stored[1] : null, record[c] ?? null)) changed[c] = record[c] ?? null;
    }
    return Object.keys(changed).length === 0 ? null : this.recordLocal(table, entity, changed);
  }

  delete(table, entity) {
    return this.exists(table, entity) ? this.recordLocal(table, entity, { [DELETED]: 1n }) : null;
  }

  /** Brings back a deleted entity with every winning value, so a device that forgot it gets it whole. */
  restore(table, entity) {
    const e = this.entity(table, entity, false);
    if (e == null || !this.isDeleted(e)) return null;
    const fields = { [DELETED]: 0n };
    for (const lower of e.winners.keys()) {
      const w = this.winner(e.winners, lower);
      if (w.field !== DELETED && w.field.toLowerCase() !== 'id' && !isHidden(w.field)) fields[w.field] = w.value;
    }
    return this.recordLocal(table, entity, fields);
  }

  /** Own changes after local seq {@code after}, in seq order. */
  *ownAfter(after) {
    for (let s = after + 1; s <= this.lastSeq; s++) {
      const c = this.changes.get(s);
      if (c && c.author === this.deviceId) yield c;
    }
  }

  /** Conflicts still listed, newest first, each with its kept and lost values (ConflictStore.list). */
  listConflicts() {
    const out = [];
    for (let i = this.conflicts.length - 1; i >= 0; i--) {
      const k = this.conflicts[i];
      if (k.dismissed) continue;
      const lostChange = this.changes.get(k.loserSeq);
      const lost = lostChange.fields.find((f) => f.name === k.field);
      if (!lost) continue;
      const keptField = k.kind === 'EDIT_DELETE' ? DELETED : k.field;
      const e = this.entity(k.table, k.entity, false);
      const w = e?.winners.get(keptField.toLowerCase());
      let kept = null;
      if (w) {
        const kc = this.changes.get(w.seq);
        let value = null;
        for (const f of kc.fields) if (f.name.toLowerCase() === keptField.toLowerCase()) value = f.value;
        kept = { value, id: kc.id, author: kc.author };
      }
      out.push({ id: k.id, kind: k.kind, table: k.table, entity: k.entity, field: k.field,
        keptValue: kept?.value ?? null, keptId: kept?.id ?? null, keptAuthor: kept?.author ?? null,
        lostValue: lost.value, lostId: lostChange.id, lostAuthor: lostChange.author,
        lostAtMillis: uuidMillis(lostChange.id), detectedAtMillis: k.detectedAt, seen: k.seen });
    }
    return out;
  }

  /** The highest change id held: observed at load so every later local edit follows it. */
  maxId() {
    let max = null;
    for (const c of this.changes.values()) if (max == null || c.id > max) max = c.id;
    return max;
  }

  toJSON() {
    return {
      format: 1, deviceId: this.deviceId, lastSeq: this.lastSeq, mergeText: [...this.mergeText],
      changes: [...this.changes.values()].map((c) => [c.seq, c.id, c.author, c.table, c.entity,
        c.fields.map((f) => [f.name, toJson(f.value), f.replaces])]),
      winners: [...this.entities.values()].map((e) => [e.table, e.entity,
        [...e.winners.values()].map((w) => [w.field, w.seq])]),
      conflicts: this.conflicts,
      remotes: Object.fromEntries([...this.remotes].map(([k, r]) => [k, remoteJson(r)])),
    };
  }

  static fromJSON(j, { clock = new HybridClock() } = {}) {
    if (j.format !== 1) throw new Error('this device state has format ' + j.format + '; tandem-js reads format 1');
    const r = new Replica({ deviceId: j.deviceId, clock, mergeText: j.mergeText });
    for (const [seq, id, author, table, entity, fields] of j.changes) {
      const e = r.entity(table, entity);
      r.changes.set(seq, { seq, id, author, table, entity,
        fields: fields.map(([name, value, replaces]) => ({ name, value: fromJson(value), replaces })) });
      e.ids.set(id, seq);
    }
    for (const [table, entity, winners] of j.winners) {
      const e = r.entity(table, entity);
      for (const [field, seq] of winners) e.winners.set(field.toLowerCase(), { field, seq, id: r.changes.get(seq).id });
    }
    r.lastSeq = j.lastSeq;
    r.conflicts = j.conflicts;
    for (const k of r.conflicts) r.conflictKeys.add(k.loserSeq + '\u0000' + k.field);
    for (const [k, v] of Object.entries(j.remotes ?? {})) r.remotes.set(k, remoteOf(v));
    const max = r.maxId();
    if (max) clock.observe(max);
    return r;
  }

  /** The sync state this device keeps for one remote (by its address). */
  remote(address) {
    let s = this.remotes.get(address);
    if (!s) {
      s = { pushedBatch: 0, pushedChange: 0, cursors: new Map(), publishedHead: 0, setAside: new Map(),
        lastAck: 0, ackedCursors: new Map(), marker: null };
      this.remotes.set(address, s);
    }
    return s;
  }
}

// A shared space's remote also keeps the changes its readers set aside ({refused: [{author, object,
// change, problem, waits, firstSeen}]}) and what it accepted of the membership log ({log: {entries:
// Map seq → bytes, junk: Map seq → why}}).
function remoteJson(r) {
  const j = { ...r, cursors: [...r.cursors], setAside: [...r.setAside], ackedCursors: [...r.ackedCursors] };
  if (r.refused) {
    j.refused = r.refused.map((x) => ({ ...x, change: { ...x.change, fields: x.change.fields.map((f) => [f.name,
      toJson(f.value), f.replaces]) } }));
  }
  if (r.log) {
    j.log = { entries: [...r.log.entries].map(([seq, b]) => [seq, Buffer.from(b).toString('base64')]),
      junk: [...r.log.junk] };
  }
  return j;
}

function remoteOf(j) {
  const r = { ...j, cursors: new Map(j.cursors), setAside: new Map(j.setAside), ackedCursors: new Map(j.ackedCursors ?? []) };
  if (j.refused) {
    r.refused = j.refused.map((x) => ({ ...x, change: { ...x.change, fields: x.change.fields.map(([name, value,
      replaces]) => ({ name, value: fromJson(value), replaces })) } }));
  }
  if (j.log) {
    r.log = { entries: new Map(j.log.entries.map(([seq, b]) => [seq, new Uint8Array(Buffer.from(b, 'base64'))])),
      junk: new Map(j.log.junk) };
  }
  return r;
}

function put(winners, field, seq, id) {
  const before = winners.get(field.toLowerCase());
  winners.set(field.toLowerCase(), { field: before ? before.field : field, seq, id });
}

/** An attribute no merge records: the id, or a _deleted that is neither 0 nor 1. */
export function skipped(f) {
  return f.name.toLowerCase() === 'id' || (f.name === DELETED && !(f.value === 0n || f.value === 1n));
}

function mergedIn(fields, field) {
  const hidden = hiddenFor(field);
  const f = fields.find((x) => x.name === hidden);
  return f ? mergedParent(f) : null;
}

/** SyncLimits.checkLocal: a change no other device could read is refused before it is written. */
export function checkLocal(table, entity, fields) {
  if (!tableNameOk(table)) throw new Error("Table '" + table + "' cannot sync: a synced table's name is up to 128 ASCII letters, digits and '_'");
  if (entity.length === 0 || hasIsoControl(entity) || javaUtf8(entity).length > MAX_ENTITY) {
    throw new Error('id: a synced id is 1 to ' + MAX_ENTITY + ' bytes of UTF-8 without control characters');
  }
  let total = 0;
  for (const [name, v] of Object.entries(fields)) {
    if (!fieldNameOk(name)) throw new Error('Column ' + table + '.' + name + " cannot sync");
    const size = typeof v === 'string' ? javaUtf8(v).length : v instanceof Uint8Array ? v.length : 9;
    if (size > MAX_VALUE) throw new Error(table + '.' + name + ': ' + size + ' bytes, more than a synced value may hold');
    total += size;
  }
  if (total > MAX_CHANGE) throw new Error(table + " '" + entity + "': " + total + ' bytes in one save, too many');
}

export { isText };
