/**
 * Fractional keys for the user's own order, as the desktop's Rank (app/…/model/Rank.java): strings that sort as
 * the todos should (by UTF-16 unit, as Java's compareTo and SQLite's BINARY order), with a key between any two, so a
 * move writes one key, its own. A second implementation of Java's, held to it by the vectors MoveGoldenTest writes
 * (test/vectors/outline-moves.json, read by test/moves-golden.test.js).
 *
 * A key is an integer part (its first character says how many base-62 digits follow: 'a' one, 'b' two, …, and
 * 'Z', 'Y', … below 'a0') and a fraction that never ends in '0'.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const SMALLEST_INTEGER = 'A' + '0'.repeat(26);
export const FIRST = 'a0';

function integerLength(head) {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  return -1;
}

const integerPart = (key) => key.slice(0, integerLength(key[0]));

/** Whether {@code key} is one Rank makes: anything else (hostile or damaged) is re-ranked. */
export function isValid(key) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 1024) return false;
  const n = integerLength(key[0]);
  if (n < 0 || key.length < n) return false;
  for (let i = 1; i < key.length; i++) if (DIGITS.indexOf(key[i]) < 0) return false;
  if (key.slice(0, n) === SMALLEST_INTEGER && key.length === n) return false;
  return key.length === n || key[key.length - 1] !== '0';
}

function midpoint(a, b) {
  if (b != null) {
    let n = 0;
    while (n < b.length && (n < a.length ? a[n] : '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(n < a.length ? a.slice(n) : '', b.slice(n));
  }
  const da = a.length === 0 ? 0 : DIGITS.indexOf(a[0]);
  const db = b == null ? BASE : DIGITS.indexOf(b[0]);
  if (db - da > 1) return DIGITS[Math.floor((da + db + 1) / 2)];
  if (b != null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da] + midpoint(a.length === 0 ? '' : a.slice(1), null);
}

function increment(integer) {
  const head = integer[0];
  const digits = integer.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = DIGITS.indexOf(digits[i]) + 1;
    if (d < BASE) {
      digits[i] = DIGITS[d];
      return head + digits.join('');
    }
    digits[i] = '0';
  }
  if (head === 'Z') return 'a0';
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  const rest = digits.join('');
  return next > 'a' ? next + rest + '0' : next + rest.slice(1);
}

function decrement(integer) {
  const head = integer[0];
  const digits = integer.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = DIGITS.indexOf(digits[i]) - 1;
    if (d >= 0) {
      digits[i] = DIGITS[d];
      return head + digits.join('');
    }
    digits[i] = 'z';
  }
  if (head === 'a') return 'Zz';
  if (head === 'A') return null;
  const prev = String.fromCharCode(head.charCodeAt(0) - 1);
  const rest = digits.join('');
  return prev < 'Z' ? prev + rest + 'z' : prev + rest.slice(1);
}

/** A key after {@code before} and before {@code after} (null: either end); both valid and in order, else throws. */
export function between(before, after) {
  if (before != null && !isValid(before)) throw new Error('before: not a rank: ' + before);
  if (after != null && !isValid(after)) throw new Error('after: not a rank: ' + after);
  if (before != null && after != null && before >= after) throw new Error('before: ' + before + ' is not before ' + after);
  if (before == null && after == null) return FIRST;
  if (before == null) {
    const ib = integerPart(after);
    const fb = after.slice(ib.length);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (ib < after) return ib;
    const dec = decrement(ib);
    if (dec == null) throw new Error('after: no rank before ' + after);
    return dec;
  }
  const ia = integerPart(before);
  const fa = before.slice(ia.length);
  if (after == null) {
    const inc = increment(ia);
    return inc == null ? ia + midpoint(fa, null) : inc;
  }
  const ib = integerPart(after);
  const fb = after.slice(ib.length);
  if (ia === ib) return ia + midpoint(fa, fb);
  const inc = increment(ia);
  if (inc == null) throw new Error('before: no rank after ' + before);
  return inc < after ? inc : ia + midpoint(fa, null);
}

/** {@code n} keys in order after {@code before} (null: from the start). */
export function after(before, n) {
  const out = [];
  let k = before;
  for (let i = 0; i < n; i++) {
    k = between(k, null);
    out.push(k);
  }
  return out;
}
