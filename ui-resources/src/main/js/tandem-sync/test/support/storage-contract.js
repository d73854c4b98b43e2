import { test } from 'node:test';
import assert from 'node:assert/strict';

/**
 * What every storage of the core must do: the cases of the engine's SyncStorageContract, ported, for
 * each backend's test to run against a fresh, empty store. {@code open()} gives {storage, close}.
 */
export const NAMES_IN_BYTE_ORDER = ['9', 'A', 'Z', '_x', 'a-b', 'a.b', 'a/b', 'a/c-d', 'a/c/d', 'a0', 'b', 'z9'];
const INVALID = ['../x', 'a/../b', '..', 'a//b', '.hidden', 'a/.hidden', 'x; DROP TABLE item', '/abs', '/etc/passwd',
  'C:\\Windows\\win.ini', 'a\\b', '', 'a/', 'key with space', 'nul\u0000byte', 'new\nline', 'caf\u00e9', 'a..b',
  'x'.repeat(600), 'name.sync-conflict-20240101-120000-ABCDEFG', "name (Alice's conflicted copy 2024-01-01)", null];

const bytes = (s) => new TextEncoder().encode(s);
const text = (b) => new TextDecoder().decode(b);

export function storageContract(label, open, { skip = false, race = 'exact' } = {}) {
  const cases = [];
  const it = (name, fn) => cases.push([name, fn]);

  const writeAllShuffled = async (s) => {
    const shuffled = NAMES_IN_BYTE_ORDER.slice().sort((a, b) => (a.length * 7 + a.charCodeAt(0)) % 5
      - (b.length * 7 + b.charCodeAt(0)) % 5);
    for (const name of shuffled) assert.equal(await s.createIfAbsent(name, bytes('value of ' + name)), true, name);
  };
  const pageThrough = async (s, prefix, size) => {
    const all = [];
    let after = null;
    for (;;) {
      const page = await s.list(prefix, after, size);
      assert.ok(page.length <= size);
      if (page.length === 0) return all;
      all.push(...page);
      after = page[page.length - 1];
    }
  };

  it('list: an empty store lists nothing', async (s) => assert.deepEqual(await s.list('', null, 1000), []));
  it('list: names written in shuffled order come back in byte order', async (s) => {
    await writeAllShuffled(s);
    assert.deepEqual(await s.list('', null, 1000), NAMES_IN_BYTE_ORDER);
  });
  it('list: a prefix ending in a slash, or mid-segment, or naming nothing', async (s) => {
    await writeAllShuffled(s);
    assert.deepEqual(await s.list('a/', null, 1000), ['a/b', 'a/c-d', 'a/c/d']);
    assert.deepEqual(await s.list('a/c/', null, 1000), ['a/c/d']);
    assert.deepEqual(await s.list('a', null, 1000), ['a-b', 'a.b', 'a/b', 'a/c-d', 'a/c/d', 'a0']);
    assert.deepEqual(await s.list('a/c', null, 1000), ['a/c-d', 'a/c/d']);
    assert.deepEqual(await s.list('nothing/', null, 1000), []);
    assert.deepEqual(await s.list('a/b/', null, 1000), []);
  });
  it('list: startAfter before, at, inside and past the prefix', async (s) => {
    await writeAllShuffled(s);
    assert.deepEqual(await s.list('a/', 'A', 1000), ['a/b', 'a/c-d', 'a/c/d']);
    assert.deepEqual(await s.list('a/', 'a.b', 1000), ['a/b', 'a/c-d', 'a/c/d']);
    assert.deepEqual(await s.list('a/', 'a/', 1000), ['a/b', 'a/c-d', 'a/c/d']);
    assert.deepEqual(await s.list('a/', 'a/b', 1000), ['a/c-d', 'a/c/d']);
    assert.deepEqual(await s.list('a/', 'a/c-d', 1000), ['a/c/d']);
    assert.deepEqual(await s.list('a/', 'a/c/d', 1000), []);
    assert.deepEqual(await s.list('a/', 'a/bz', 1000), ['a/c-d', 'a/c/d']);
    assert.deepEqual(await s.list('a/', 'a/c.', 1000), ['a/c/d']);
    assert.deepEqual(await s.list('a/', 'a0', 1000), []);
    assert.deepEqual(await s.list('a/', 'zzz', 1000), []);
    assert.deepEqual(await s.list('', 'a/c/d', 1000), ['a0', 'b', 'z9']);
    assert.deepEqual(await s.list('', '', 1000), NAMES_IN_BYTE_ORDER);
  });
  it('list: maxNames, and paging with startAfter visits every name once in order', async (s) => {
    await writeAllShuffled(s);
    assert.deepEqual(await s.list('', null, 1), ['9']);
    assert.deepEqual(await s.list('', null, 3), ['9', 'A', 'Z']);
    assert.deepEqual(await s.list('a/', null, 2), ['a/b', 'a/c-d']);
    for (const size of [1, 2, 5, 11, 12, 1000]) {
      assert.deepEqual(await pageThrough(s, '', size), NAMES_IN_BYTE_ORDER);
      assert.deepEqual(await pageThrough(s, 'a', size), ['a-b', 'a.b', 'a/b', 'a/c-d', 'a/c/d', 'a0']);
    }
  });
  it('list: maxNames below one and invalid prefixes are refused', async (s) => {
    for (const n of [0, -1]) await assert.rejects(s.list('', null, n), RangeError);
    for (const p of ['../', '/', '.x/', 'a//', 'a/../b/', 'x y/']) {
      await assert.rejects(s.list(p, null, 10), { name: 'SyncError' });
    }
  });
  it('the change marker: overwrite replaces content, and the version tells a rewrite', async (s) => {
    assert.equal(await s.version('marker'), 'missing');
    const first = await s.overwrite('marker', bytes('one'));
    assert.equal(text(await s.get('marker')), 'one');
    assert.equal(await s.version('marker'), first);
    const second = await s.overwrite('marker', bytes('two'));
    assert.equal(text(await s.get('marker')), 'two');
    assert.notEqual(first, second);
    assert.equal(await s.version('marker'), second);
  });
  it('get: a missing name, or one that only prefixes others, is null', async (s) => {
    assert.equal(await s.get('missing'), null);
    assert.equal(await s.get('missing/deeper/key'), null);
    await s.createIfAbsent('a/c/d', bytes('x'));
    assert.equal(await s.get('a/c'), null);
    assert.equal(await s.get('a'), null);
  });
  it('get with a bound: an object over it is refused unread as too large, one within it is read', async (s) => {
    await s.createIfAbsent('blobs/data/bounded', bytes('0123456789'));
    assert.equal(text(await s.get('blobs/data/bounded', 10)), '0123456789');
    await assert.rejects(s.get('blobs/data/bounded', 9), (e) => e.tooLarge === true && e.reason === 'CORRUPT'
      && /more than the 9 it may hold/.test(e.message));
  });
  it('createIfAbsent: creates once, keeps the first content, deep names list', async (s) => {
    assert.equal(await s.createIfAbsent('k', bytes('first')), true);
    assert.equal(await s.createIfAbsent('k', bytes('second')), false);
    assert.equal(await s.createIfAbsent('k', bytes('first')), false);
    assert.equal(text(await s.get('k')), 'first');
    assert.deepEqual(await s.list('', null, 10), ['k']);
    assert.equal(await s.createIfAbsent('d1/d2/d3/d4/d5/leaf', bytes('deep')), true);
    assert.equal(text(await s.get('d1/d2/d3/d4/d5/leaf')), 'deep');
    assert.deepEqual(await s.list('d1/', null, 10), ['d1/d2/d3/d4/d5/leaf']);
  });
  it('createIfAbsent: of writers racing on one name exactly one wins' + (race === 'exact' ? '' : ' (or, on a'
    + ' server that checks then writes, the stored object is a winner\'s and later writes are refused)'), async (s) => {
    for (let round = 0; round < 3; round++) {
      const name = 'race/' + round;
      const results = await Promise.all([...Array(8).keys()].map((w) => s.createIfAbsent(name, bytes('writer ' + w))));
      const winners = results.flatMap((won, w) => (won ? [w] : []));
      const stored = text(await s.get(name));
      if (race === 'exact') {
        assert.equal(winners.length, 1, 'round ' + round + ': winners ' + winners);
        assert.equal(stored, 'writer ' + winners[0]);
      } else {
        assert.ok(winners.length >= 1);
        assert.ok(winners.some((w) => stored === 'writer ' + w));
        assert.equal(await s.createIfAbsent(name, bytes('late')), false);
      }
    }
  });
  it('delete: removes only that name; twice or missing is nothing; created again afterwards', async (s) => {
    await s.createIfAbsent('a/1', bytes('1'));
    await s.createIfAbsent('a/2', bytes('2'));
    await s.delete('a/1');
    assert.equal(await s.get('a/1'), null);
    assert.equal(text(await s.get('a/2')), '2');
    assert.deepEqual(await s.list('', null, 10), ['a/2']);
    await s.delete('never/written');
    await s.delete('a/2');
    await s.delete('a/2');
    assert.deepEqual(await s.list('', null, 10), []);
    assert.equal(await s.createIfAbsent('a/2', bytes('new')), true);
    assert.equal(text(await s.get('a/2')), 'new');
    await s.createIfAbsent('x/c/d', bytes('x'));
    await s.delete('x/c');
    assert.equal(text(await s.get('x/c/d')), 'x');
  });
  it('removeFolder: after its names went, others stay and it can be written again', async (s) => {
    await s.createIfAbsent('snap/a/p0', bytes('0'));
    await s.createIfAbsent('snap/a/p1', bytes('1'));
    await s.createIfAbsent('snap/b/p0', bytes('2'));
    await s.delete('snap/a/p0');
    await s.delete('snap/a/p1');
    await s.removeFolder('snap/a/');
    await s.removeFolder('snap/a/');
    await s.removeFolder('never/written/');
    assert.deepEqual(await s.list('snap/', null, 10), ['snap/b/p0']);
    assert.equal(await s.createIfAbsent('snap/a/p0', bytes('again')), true);
    await s.createIfAbsent('snap/a/deeper/p1', bytes('1'));
    await s.removeFolder('snap/a/');
    await s.removeFolder('snap/a/deeper/');
    assert.deepEqual(await s.list('snap/', null, 10), ['snap/a/deeper/p1', 'snap/a/p0', 'snap/b/p0']);
  });
  it('content: every byte value, an empty object, five megabytes, no aliasing of arrays', async (s) => {
    const all = new Uint8Array(512).map((_, i) => i & 0xff);
    assert.equal(await s.createIfAbsent('bytes', all), true);
    assert.deepEqual(await s.get('bytes'), all);
    assert.equal(await s.createIfAbsent('empty', new Uint8Array(0)), true);
    assert.deepEqual(await s.get('empty'), new Uint8Array(0));
    assert.equal(await s.createIfAbsent('empty', new Uint8Array(0)), false);
    const big = new Uint8Array(5 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    assert.equal(await s.createIfAbsent('big', big), true);
    assert.deepEqual(await s.get('big'), big);
    const data = bytes('original');
    await s.createIfAbsent('k', data);
    data[0] = 88;
    const got = await s.get('k');
    assert.equal(text(got), 'original');
    got.fill(0);
    assert.equal(text(await s.get('k')), 'original');
  });
  it('streamed (Node): written from a source piece by piece, read back in pieces, bounded', async (s) => {
    if (typeof s.openRead !== 'function') return;
    const big = new Uint8Array(3 * (1 << 20) + 5).map((_, i) => (i * 31) % 251);
    // The source hands out one buffer again and again, as local copies do.
    const body = { length: big.length, sha256: null, async* open() {
      const one = new Uint8Array(1 << 16);
      for (let at = 0; at < big.length; at += one.length) {
        const n = Math.min(one.length, big.length - at);
        one.set(big.subarray(at, at + n));
        yield one.subarray(0, n);
      }
    } };
    assert.equal(await s.createIfAbsentFrom('blobs/data/streamed', body), true);
    assert.equal(await s.createIfAbsentFrom('blobs/data/streamed', body), false, 'the name is taken');
    assert.deepEqual(await s.get('blobs/data/streamed', big.length), big);
    const read = await s.openRead('blobs/data/streamed', big.length);
    const pieces = [];
    for await (const piece of read.chunks()) pieces.push(piece.slice());
    assert.deepEqual(Buffer.concat(pieces), Buffer.from(big));
    assert.equal(await s.openRead('blobs/data/none', 10), null);
    await assert.rejects(async () => {
      const r = await s.openRead('blobs/data/streamed', big.length - 1);
      for await (const piece of r.chunks()) assert.ok(piece);
    }, (e) => e.tooLarge === true && e.reason === 'CORRUPT');
  });
  it('hostile names: every call refuses them, writes nothing, and says the name', async (s) => {
    for (const name of INVALID) {
      await assert.rejects(s.get(name), { name: 'SyncError' });
      await assert.rejects(s.createIfAbsent(name, bytes('evil')), { name: 'SyncError' });
      await assert.rejects(s.delete(name), { name: 'SyncError' });
    }
    assert.deepEqual(await s.list('', null, 10), []);
    await assert.rejects(s.createIfAbsent('../escape', bytes('x')), /\.\.\/escape/);
    assert.ok(s.describe().trim().length > 0);
  });

  for (const [name, fn] of cases) {
    test(label + ': ' + name, async (t) => {
      const why = typeof skip === 'function' ? skip() : skip;
      if (why) return t.skip(why);
      const { storage, close } = await open();
      try {
        await fn(storage);
      } finally {
        await close?.();
      }
    });
  }
}
