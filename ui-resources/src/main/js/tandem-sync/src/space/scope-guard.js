import { known, winningValue } from './scope.js';

/**
 * What a shared space's readers let in (the engine's ScopeGuard): a change another member's device
 * wrote may change only what lies inside the space's tree (its root, and link by link what hangs from
 * it), and may not move anything across the tree's edge. Storage and signatures cannot say this; only
 * the reader, who knows what else it holds, can.
 *
 * A change is judged against this device's winners and against what the changes let in so far in the
 * same group have set, so a todo made in one batch and tagged in another arrive together whatever
 * their order. Verdicts: in (the entity is the root, or its parent before and after the change lies
 * in the tree); out (it touches an entity held here outside the tree, names a parent outside it, takes
 * an entity out of the tree, or lies in a table the tree does not hold: set aside, named, never
 * merged); waits (it changes an entity, or names a parent, not held here yet: kept aside and judged
 * again at each sync; it can never touch what this device holds outside the tree, as that is known).
 * Judging is repeated while letting one in lets in another, so the work is at most quadratic in the
 * group, as the engine's.
 */
const IN = { problem: null, waits: false };
const PLACE_IN = 'in';
const PLACE_OUT = 'out';
const UNKNOWN = 'unknown';

export class ScopeGuard {
  constructor(tree, replica) {
    this.tree = tree;
    this.replica = replica;
    /** Parents set by changes let in during this guard's group: table \0 entity \0 field → value. */
    this.set = new Map();
  }

  /** {in: [t] in their order, out: [{item: t, verdict}]}: what one group lets in and what it does not. */
  admit(items, changeOf) {
    const out = [];
    let pending = items.slice();
    const let_ = new Set();
    const last = new Map();
    let progress = true;
    while (progress && pending.length > 0) {
      progress = false;
      const still = [];
      for (const t of pending) {
        const v = this.judge(changeOf(t));
        if (v.problem == null && !v.waits) {
          let_.add(t);
          this.remember(changeOf(t));
          progress = true;
        } else if (v.waits) {
          still.push(t);
          last.set(t, v);
        } else {
          out.push({ item: t, verdict: v });
        }
      }
      pending = still;
    }
    for (const t of pending) out.push({ item: t, verdict: last.get(t) });
    return { in: items.filter((t) => let_.has(t)), out };
  }

  judge(ch) {
    const what = ch.table + ' ' + ch.entity;
    const tree = this.tree;
    // Names compare exactly: a change spelled otherwise would reach rows while its entity stayed apart.
    if (ch.table === tree.rootTable) {
      return tree.rootIds.includes(ch.entity) ? IN
        : { problem: 'it changes ' + what + ', which is not the shared ' + tree.rootTable, waits: false };
    }
    const links = this.linksOf(ch.table);
    if (links.length === 0) return { problem: 'it changes ' + what + ': this shared space holds no ' + ch.table, waits: false };
    for (const link of links) {
      let named = 0;
      for (const f of ch.fields) {
        if (f.name.toLowerCase() === link.field.toLowerCase() && (++named > 1 || f.name !== link.field)) {
          return { problem: 'it sets ' + link.field + ' of ' + what + ' under another spelling', waits: false };
        }
      }
    }
    const held = this.set.has(key(ch.table, ch.entity, links[0].field)) || known(this.replica, ch.table, ch.entity);
    let waits = false;
    for (const link of links) {
      if (held) {
        const before = this.parent(ch.table, ch.entity, link.field);
        const p = typeof before === 'string' ? this.place(link.parent, before) : PLACE_OUT;
        if (p === PLACE_OUT) {
          return { problem: 'it changes ' + what + ', which this device holds outside the shared ' + tree.rootTable,
            waits: false };
        }
        if (p === UNKNOWN) waits = true;
      }
      const f = field(ch, link.field);
      if (f != null) {
        const p = typeof f.value === 'string' ? this.place(link.parent, f.value) : PLACE_OUT;
        if (p === PLACE_OUT) {
          return { problem: 'it ' + (held ? 'moves ' : 'puts ') + what + (f.value == null ? ' out of the shared '
            + tree.rootTable : ' into ' + link.parent + ' ' + f.value + ', outside the shared ' + tree.rootTable),
          waits: false };
        }
        if (p === UNKNOWN) waits = true;
      } else if (!held) {
        waits = true;
      }
    }
    return waits ? { problem: 'it changes ' + what + ', which has not arrived on this device yet', waits: true } : IN;
  }

  remember(ch) {
    for (const link of this.linksOf(ch.table)) {
      const f = field(ch, link.field);
      if (f != null) this.set.set(key(ch.table, ch.entity, link.field), f.value);
    }
  }

  place(table, id, depth = 0) {
    if (table === this.tree.rootTable) return this.tree.rootIds.includes(id) ? PLACE_IN : PLACE_OUT;
    const links = this.linksOf(table);
    if (links.length === 0 || depth > 16) return PLACE_OUT;
    const held = this.set.has(key(table, id, links[0].field)) || known(this.replica, table, id);
    if (!held) return UNKNOWN;
    let worst = PLACE_IN;
    for (const link of links) {
      const parent = this.parent(table, id, link.field);
      const p = typeof parent === 'string' ? this.place(link.parent, parent, depth + 1) : PLACE_OUT;
      if (p === PLACE_OUT) return PLACE_OUT;
      if (p === UNKNOWN) worst = UNKNOWN;
    }
    return worst;
  }

  parent(table, entity, f) {
    const k = key(table, entity, f);
    return this.set.has(k) ? this.set.get(k) : winningValue(this.replica, table, entity, f);
  }

  linksOf(table) {
    return this.tree.links.filter((l) => l.table === table);
  }
}

function field(ch, name) {
  const lower = name.toLowerCase();
  return ch.fields.find((f) => f.name.toLowerCase() === lower) ?? null;
}

function key(table, entity, f) {
  return table.toLowerCase() + '\u0000' + entity + '\u0000' + f.toLowerCase();
}
