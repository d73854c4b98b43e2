import { myersDeltas } from './myers.js';

/**
 * Three-way merge of text at line level, as the engine's LineMerge and Hunk (docs/ARCHITECTURE.md,
 * "Merging text"): each side diffed against the ancestor into hunks; hunks of different sides on
 * different lines all applied; an n-for-n replacement split per line, the same hunk on both sides
 * applied once; two insertions at one place both kept, ordered by their text; a merge holding a
 * non-blank line more often than either side refused; anything else overlapping is a conflict
 * (null). A function of (ancestor, older, newer) only, so every device writes the same merge. Lines
 * split on "\n" only. Bounded: texts over 1 Mi characters, or more than 4,000 lines left to diff
 * once the shared ends are set aside, are not merged.
 */
export const MAX_CHARS = 1 << 20;
export const MAX_DIFF_LINES = 4000;

/** Java's Character.isWhitespace for one code point. */
function isJavaWhitespace(cp) {
  if (cp === 0x00a0 || cp === 0x2007 || cp === 0x202f) return false;
  if ((cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) return true;
  return cp === 0x20 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029
    || cp === 0x205f || cp === 0x3000;
}

/** String.isBlank. */
function isBlank(s) {
  for (const ch of s) {
    if (!isJavaWhitespace(ch.codePointAt(0))) return false;
  }
  return true;
}

function lines(text) {
  return text.split('\n');
}

const eqList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const hunk = (start, end, ls) => ({ start, end, lines: ls });
const insertion = (h) => h.start === h.end;
const sameHunk = (a, b) => a.start === b.start && a.end === b.end && eqList(a.lines, b.lines);

export function merge(ancestor, older, newer) {
  const base = ancestor ?? '';
  const a = older ?? '';
  const b = newer ?? '';
  if (a === b) return a;
  if (base.length > MAX_CHARS || a.length > MAX_CHARS || b.length > MAX_CHARS) return null;
  if (a === base) return b;
  if (b === base) return a;
  const o = lines(base);
  const left = lines(a);
  const right = lines(b);
  const ha = diff(o, left);
  const hb = diff(o, right);
  if (ha == null || hb == null) return null;
  const all = combine(o, ha, hb);
  if (all == null) return null;
  const merged = apply(o, all);
  return doubles(merged, left, right) ? null : merged.join('\n');
}

/** Whether two texts hold the same lines, each as often, in any order. */
export function sameLines(a, b) {
  if (a == null || b == null || a.length !== b.length) return a == null ? b == null : a === b;
  const x = lines(a).sort(cmp);
  const y = lines(b).sort(cmp);
  return eqList(x, y);
}

function cmp(x, y) {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function doubles(merged, left, right) {
  const counts = new Map();
  for (const line of merged) {
    if (!isBlank(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const count = (ls, line) => ls.reduce((n, l) => n + (l === line ? 1 : 0), 0);
  for (const [line, n] of counts) {
    if (n > 1 && n > Math.max(count(left, line), count(right, line))) return true;
  }
  return false;
}

function diff(base, side) {
  let prefix = 0;
  const max = Math.min(base.length, side.length);
  while (prefix < max && base[prefix] === side[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && base[base.length - 1 - suffix] === side[side.length - 1 - suffix]) suffix++;
  const o = base.slice(prefix, base.length - suffix);
  const s = side.slice(prefix, side.length - suffix);
  if (o.length > MAX_DIFF_LINES || s.length > MAX_DIFF_LINES) return null;
  const hunks = [];
  if (o.length === 0 || s.length === 0) {
    if (o.length !== 0 || s.length !== 0) hunks.push(hunk(prefix, prefix + o.length, s.slice()));
    return hunks;
  }
  for (const d of myersDeltas(o, s)) {
    const start = prefix + d.sourceStart;
    const from = o.slice(d.sourceStart, d.sourceEnd);
    const to = s.slice(d.targetStart, d.targetEnd);
    if (from.length === to.length) {
      for (let k = 0; k < from.length; k++) {
        if (from[k] !== to[k]) hunks.push(hunk(start + k, start + k + 1, [to[k]]));
      }
    } else {
      hunks.push(hunk(start, start + from.length, to));
    }
  }
  hunks.sort((x, y) => x.start - y.start || x.end - y.end);
  return hunks;
}

function order(x, y) {
  return x.start !== y.start ? x.start - y.start : x.end - y.end;
}

function overlap(x, y) {
  if (insertion(x) && insertion(y)) return x.start === y.start;
  if (insertion(x)) return y.start < x.start && x.start < y.end;
  if (insertion(y)) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

function before(x, y) {
  return x.start !== y.start ? x.start < y.start : x.end <= y.end;
}

function apply(base, hunks) {
  const out = [];
  let at = 0;
  for (const h of hunks) {
    for (let i = at; i < h.start; i++) out.push(base[i]);
    out.push(...h.lines);
    at = h.end;
  }
  for (let i = at; i < base.length; i++) out.push(base[i]);
  return out;
}

function combine(base, older, newer) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < older.length || j < newer.length) {
    const takeOlder = j >= newer.length || (i < older.length && before(older[i], newer[j]));
    const firstH = takeOlder ? older[i] : newer[j];
    let end = firstH.end;
    const i0 = i;
    const j0 = j;
    if (takeOlder) i++;
    else j++;
    let grew = true;
    while (grew) {
      grew = false;
      if (i < older.length && older[i].start <= end) {
        end = Math.max(end, older[i++].end);
        grew = true;
      }
      if (j < newer.length && newer[j].start <= end) {
        end = Math.max(end, newer[j++].end);
        grew = true;
      }
    }
    const a = older.slice(i0, i);
    const b = newer.slice(j0, j);
    if (a.length === 0 || b.length === 0) {
      out.push(...(a.length === 0 ? b : a));
      continue;
    }
    const settled = resolve(base, firstH.start, end, a, b);
    if (settled == null) return null;
    out.push(...settled);
  }
  return out;
}

function region(base, from, to, hunks) {
  const out = [];
  let at = from;
  for (const h of hunks) {
    for (let k = at; k < h.start; k++) out.push(base[k]);
    out.push(...h.lines);
    at = h.end;
  }
  for (let k = at; k < to; k++) out.push(base[k]);
  return out;
}

function resolve(base, from, to, older, newer) {
  const o = base.slice(from, to);
  const a = region(base, from, to, older);
  const b = region(base, from, to, newer);
  if (eqList(a, b)) return [hunk(from, to, a)];
  const both = compatible(older, newer);
  if (both != null) return both;
  let prefix = 0;
  const max = Math.min(a.length, b.length);
  while (prefix < max && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  let basePrefix = 0;
  while (basePrefix < Math.min(prefix, o.length) && o[basePrefix] === a[basePrefix]) basePrefix++;
  let baseSuffix = 0;
  while (baseSuffix < Math.min(suffix, o.length - basePrefix)
    && o[o.length - 1 - baseSuffix] === a[a.length - 1 - baseSuffix]) baseSuffix++;
  const midO = o.slice(basePrefix, o.length - baseSuffix);
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  let mid;
  if (eqList(midA, midO)) mid = midB;
  else if (eqList(midB, midO)) mid = midA;
  else return null;
  return [hunk(from, to, [...a.slice(0, prefix), ...mid, ...a.slice(a.length - suffix)])];
}

function compatible(older, newer) {
  const restA = older.slice();
  const restB = newer.slice();
  const shared = [];
  for (const h of older) {
    const at = restB.findIndex((x) => sameHunk(x, h));
    if (at >= 0) {
      restB.splice(at, 1);
      const inA = restA.findIndex((x) => sameHunk(x, h));
      restA.splice(inA, 1);
      shared.push(h);
    }
  }
  const added = new Set();
  for (const h of restA) for (const l of h.lines) added.add(l);
  for (const h of restB) for (const l of h.lines) if (added.has(l)) return null;
  const out = shared.slice();
  for (const x of restA) {
    for (const y of restB) {
      if (overlap(x, y) && !(insertion(x) && insertion(y))) return null;
    }
  }
  const merged = [];
  for (const x of restA) {
    let joined = x;
    for (let k = 0; k < restB.length; k++) {
      const y = restB[k];
      if (insertion(x) && insertion(y) && x.start === y.start) {
        const aFirst = x.lines.join('\n') <= y.lines.join('\n');
        joined = hunk(x.start, x.start, aFirst ? [...x.lines, ...y.lines] : [...y.lines, ...x.lines]);
        restB.splice(k, 1);
        k--;
      }
    }
    merged.push(joined);
  }
  merged.push(...restB);
  out.push(...merged);
  out.sort(order);
  for (let k = 1; k < out.length; k++) {
    if (out[k].start < out[k - 1].end
      || (insertion(out[k]) && insertion(out[k - 1]) && out[k].start === out[k - 1].start)) return null;
  }
  return out;
}
