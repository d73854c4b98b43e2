/**
 * Cuts {@code source} (an async iterable of byte arrays) into pieces of exactly {@code size} bytes,
 * the last shorter; holds at most one piece and one incoming array. With {@code reuse} every piece
 * is the same buffer, valid until the next is asked for (a consumer that sends or copies each).
 */
export async function* rechunk(source, size, reuse = false) {
  const fresh = () => new Uint8Array(size);
  const one = reuse ? fresh() : null;
  let buf = one ?? fresh();
  let n = 0;
  for await (const part of source) {
    let at = 0;
    while (at < part.length) {
      const take = Math.min(size - n, part.length - at);
      buf.set(part.subarray(at, at + take), n);
      n += take;
      at += take;
      if (n === size) {
        yield buf;
        buf = one ?? fresh();
        n = 0;
      }
    }
  }
  if (n > 0) yield buf.subarray(0, n);
}
