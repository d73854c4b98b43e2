/**
 * Eugene Myers' greedy O((N + M) D) difference of two line lists, built the way java-diff-utils 4.12
 * (the engine's DiffUtils.diff) builds its path and reads its deltas off it, so both find the same
 * deltas where several minimal ones exist: on each diagonal k of round d the path comes from k + 1
 * (a deletion) when k == -d or when k != d and diagonal k - 1 reaches no further, else from k - 1; the
 * snake then follows equal lines. Deltas are {type, sourceStart, sourceEnd, targetStart, targetEnd},
 * last first, as the library lists them.
 */
export function myersDeltas(orig, rev) {
  const N = orig.length;
  const M = rev.length;
  const MAX = N + M + 1;
  const size = 1 + 2 * MAX;
  const middle = Math.floor(size / 2);
  const diagonal = new Array(size).fill(null);
  diagonal[middle + 1] = node(0, -1, true, true, null);
  let end = null;
  outer:
  for (let d = 0; d < MAX; d++) {
    for (let k = -d; k <= d; k += 2) {
      const kmiddle = middle + k;
      const kplus = kmiddle + 1;
      const kminus = kmiddle - 1;
      let prev;
      let i;
      if (k === -d || (k !== d && diagonal[kminus].i < diagonal[kplus].i)) {
        i = diagonal[kplus].i;
        prev = diagonal[kplus];
      } else {
        i = diagonal[kminus].i + 1;
        prev = diagonal[kminus];
      }
      diagonal[kminus] = null;
      let j = i - k;
      let n = node(i, j, false, false, prev);
      while (i < N && j < M && orig[i] === rev[j]) {
        i++;
        j++;
      }
      if (i !== n.i) n = node(i, j, true, false, n);
      diagonal[kmiddle] = n;
      if (i >= N && j >= M) {
        end = n;
        break outer;
      }
    }
    diagonal[middle + d - 1] = null;
  }
  if (end == null) throw new Error('could not find a diff path');
  const changes = [];
  let path = end;
  if (path.snake) path = path.prev;
  while (path != null && path.prev != null && path.prev.j >= 0) {
    const i = path.i;
    const j = path.j;
    path = path.prev;
    const ia = path.i;
    const ja = path.j;
    const type = ia === i && ja !== j ? 'INSERT' : ia !== i && ja === j ? 'DELETE' : 'CHANGE';
    changes.push({ type, sourceStart: ia, sourceEnd: i, targetStart: ja, targetEnd: j });
    if (path.snake) path = path.prev;
  }
  return changes;
}

function previousSnake(n) {
  if (n.bootstrap) return null;
  if (!n.snake && n.prev != null) return previousSnake(n.prev);
  return n;
}

function node(i, j, snake, bootstrap, prev) {
  return { i, j, snake, bootstrap, prev: snake ? prev : prev == null ? null : previousSnake(prev) };
}
