import { compareUuid } from '../wire/uuid.js';

/**
 * Per-attribute last write wins (the engine's LwwMerge and VersionWalk): pure functions over an
 * ancestry, {replaced(changeId, field), merged(changeId, field)}, which looks a change of the entity
 * up by id. The greater change id wins, an equal id the greater author. Two versions are concurrent
 * when their authors differ and neither is on the other's replace chain; walks visit versions in
 * descending id order (every parent's id is lower than its child's) and stop after their limit,
 * answering the cautious "not found".
 */
export const MAX_WALK = 10_000;
const FROM_A = 1;
const FROM_B = 2;
const BOTH = 3;
const STALE = 4;

/** A max-heap of ids (canonical text sorts as the id). */
class IdHeap {
  constructor() {
    this.a = [];
  }

  get size() {
    return this.a.length;
  }

  push(x) {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] >= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }

  pop() {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] > a[m]) m = l;
        if (r < a.length && a[r] > a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

export function compareVersions(a, b) {
  const c = compareUuid(a.id, b.id);
  return c !== 0 ? c : compareUuid(a.author, b.author);
}

/** {incomingWins, concurrent} for an incoming version against the current winner (null: none). */
export function decide(current, incoming, field, ancestry) {
  if (current == null) return { incomingWins: true, concurrent: false };
  if (current.id === incoming.id && current.author === incoming.author) return { incomingWins: false, concurrent: false };
  const incomingWins = compareVersions(incoming, current) > 0;
  const concurrent = current.author !== incoming.author && !reaches(incoming, current.id, field, ancestry, MAX_WALK)
    && !reaches(current, incoming.id, field, ancestry, MAX_WALK);
  return { incomingWins, concurrent };
}

/** Whether {@code target} is an ancestor of {@code version}. */
export function reaches(version, target, field, ancestry, limit) {
  const queue = new IdHeap();
  const queued = new Set();
  const offer = (id) => {
    if (id != null && !queued.has(id)) {
      queued.add(id);
      queue.push(id);
    }
  };
  offer(version.replaces);
  offer(version.merged);
  for (let steps = 0; queue.size > 0 && steps < limit; steps++) {
    const at = queue.pop();
    const c = compareUuid(at, target);
    if (c === 0) return true;
    if (c < 0) return false;
    offer(ancestry.replaced(at, field));
    offer(ancestry.merged(at, field));
  }
  return false;
}

/** The best common ancestors of a and b, newest first; [] when none is known, null past the limit. */
export function bestCommonAncestors(a, b, field, ancestry, limit) {
  const queue = new IdHeap();
  const marks = new Map();
  const mark = (id, m) => {
    if (id == null) return;
    const before = marks.get(id);
    if (before === undefined) {
      marks.set(id, m);
      queue.push(id);
    } else {
      marks.set(id, before | m);
    }
  };
  mark(a, FROM_A);
  mark(b, FROM_B);
  const best = [];
  for (let steps = 0; queue.size > 0; steps++) {
    if (steps >= limit) return null;
    if (queue.a.every((id) => (marks.get(id) & STALE) !== 0)) break;
    const at = queue.pop();
    let m = marks.get(at);
    if ((m & BOTH) === BOTH && (m & STALE) === 0) {
      best.push(at);
      m |= STALE;
    }
    mark(ancestry.replaced(at, field), m);
    mark(ancestry.merged(at, field), m);
  }
  return best;
}
