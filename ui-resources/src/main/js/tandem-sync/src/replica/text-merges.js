import { bestCommonAncestors } from '../merge/lww.js';
import { merge } from '../merge/line-merge.js';
import { compareUuid } from '../wire/uuid.js';
import { isText } from './values.js';

/**
 * The line merge of two concurrent versions of a mergeable text attribute (the engine's TextMerges):
 * the text both started from is the value of their best common ancestor in this device's changelog,
 * or, when merges crossed and there are two, their own merge against theirs (git's recursive way,
 * at most 3 deep); the side with the lower change id is the older. Null when not text, no common
 * version is known here, the edits overlap, or the bounds are passed.
 */
const MAX_WALK = 2000;
const MAX_DEPTH = 3;
const NOT_TEXT = Symbol('not text');

export function textMerge(replica, e, field, a, valueA, b, valueB, ancestry) {
  if (!isText(valueA) || !isText(valueB)) return null;
  const base = baseOf(replica, e, field, a, b, ancestry, 0);
  return base == null ? null : mergeOrdered(base, a, valueA, b, valueB);
}

function mergeOrdered(base, a, valueA, b, valueB) {
  const aOlder = compareUuid(a, b) < 0;
  return merge(base, aOlder ? valueA : valueB, aOlder ? valueB : valueA);
}

function valueOf(replica, e, change, field) {
  const f = replica.exactField(e, change, field);
  return f == null || !isText(f.value) ? NOT_TEXT : f.value;
}

function baseOf(replica, e, field, a, b, ancestry, depth) {
  const best = bestCommonAncestors(a, b, field, ancestry, MAX_WALK);
  if (best == null || best.length === 0 || best.length > 2) return null;
  const first = valueOf(replica, e, best[0], field);
  if (first === NOT_TEXT) return null;
  if (best.length === 1) return first ?? '';
  const second = valueOf(replica, e, best[1], field);
  if (second === NOT_TEXT || depth >= MAX_DEPTH) return null;
  const below = baseOf(replica, e, field, best[0], best[1], ancestry, depth + 1);
  return below == null ? null : mergeOrdered(below, best[0], first, best[1], second);
}
