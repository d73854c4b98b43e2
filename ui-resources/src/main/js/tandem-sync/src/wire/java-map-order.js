import { uuidHalves } from './uuid.js';

/**
 * The order in which a java.util.HashMap keyed by UUID iterates, for objects whose bytes the engine
 * writes from such a map (a snapshot manifest's cursors): each key's bucket is (hash ^ hash >>> 16)
 * & (capacity - 1), where hash is UUID.hashCode(); buckets iterate in index order, and within a
 * bucket keys keep the order they were put in (a resize splits a bucket keeping that order). So the
 * order is the insertion order sorted stably by bucket in the map's final capacity, which follows
 * from how the map was made ({@code initialCapacity}: the table the first put makes) and how many
 * keys went in. Buckets of eight or more keys (trees) are not modelled; they need a map of 64+ keys
 * whose hashes collide.
 */
const LOAD = 0.75;

function uuidHash(id) {
  const [msb, lsb] = uuidHalves(id);
  const hilo = BigInt.asIntN(64, msb ^ lsb);
  const h = Number(BigInt.asIntN(32, hilo >> 32n)) ^ Number(BigInt.asIntN(32, hilo));
  return h ^ (h >>> 16);
}

/** Java's HashMap.tableSizeFor: the smallest power of two at least {@code c} (1 for c <= 1). */
function tableSizeFor(c) {
  let n = 1;
  while (n < c) n *= 2;
  return n;
}

/** The capacity {@code new HashMap<>(source)} starts with when {@code source} holds {@code size} keys. */
export function copiedCapacity(size) {
  return size === 0 ? 16 : tableSizeFor(Math.trunc(Math.fround(size / LOAD) + 1));
}

/**
 * {@code keys} (UUID text, in the order they were put into a map whose first table has {@code
 * initialCapacity} buckets) in the order the Java map iterates them.
 */
export function javaHashOrder(keys, initialCapacity = 16) {
  let cap = initialCapacity;
  let size = 0;
  for (let i = 0; i < keys.length; i++) {
    size++;
    if (size > Math.trunc(cap * LOAD)) cap *= 2;
  }
  return keys.map((k, i) => ({ k, i, b: uuidHash(k) & (cap - 1) }))
    .sort((x, y) => x.b - y.b || x.i - y.i).map((x) => x.k);
}
