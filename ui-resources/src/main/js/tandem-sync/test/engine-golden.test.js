import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { merge, sameLines } from '../src/merge/line-merge.js';
import { FolderStorage } from '../src/storage/folder.js';
import { EncryptedStorage } from '../src/storage/encrypted.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { GOLDEN, goldenSkip, readGolden, typed } from './support/golden.js';

// What the engine decided, for the JavaScript core to decide alike: 3,000 line merges
// (LineMergeGoldenTest), and a whole encrypted remote with a snapshot and batches after it
// (RemoteGoldenTest) that a new JavaScript device opens to the engine's rows.
const skipMerge = goldenSkip('merge');
const skipRemote = goldenSkip('remote');

test('golden line merges: every merged text and every conflict as the engine found it', { skip: skipMerge }, () => {
  const { json } = readGolden('merge', 'line-merge');
  let merged = 0;
  for (const c of json.cases) {
    assert.equal(merge(c.base, c.older, c.newer), c.merged, JSON.stringify(c));
    assert.equal(sameLines(c.older, c.newer), c.sameLines);
    merged += c.merged === null ? 0 : 1;
  }
  assert.ok(merged > 0 && merged < json.cases.length);
});

test('golden remote: a new device starts from the engine\'s snapshot, pulls what follows, shows its rows',
  { skip: skipRemote }, async () => {
    const { json } = readGolden('remote', 'expected');
    const dir = mkdtempSync(join(tmpdir(), 'tandem-golden-remote-'));
    try {
      cpSync(join(GOLDEN, 'remote', 'folder'), dir, { recursive: true });
      const plain = new FolderStorage(dir);
      const storage = new EncryptedStorage(plain, { type: 'passphrase', passphrase: json.passphrase });
      const replica = new Replica({ deviceId: '0190a1b2-0000-4000-8000-0000000000aa', clock: new HybridClock(),
        mergeText: ['items.notes'] });
      const engine = new SyncEngine({ replica, storage, address: dir, encrypted: true, plainBelow: plain });
      const report = await engine.sync();
      assert.ok(report.bootstrapped, 'started from the snapshot');
      const rows = [...replica.entities.values()].filter((e) => e.table === 'items' && replica.row('items', e.entity))
        .map((e) => {
          const r = replica.row('items', e.entity);
          return { id: e.entity, title: typed(r.title ?? null), notes: typed(r.notes ?? null), done: typed(r.done ?? null),
            rank: typed(r.rank ?? null) };
        }).sort((a, b) => (a.id < b.id ? -1 : 1));
      assert.deepEqual(rows, json.rows);
      assert.equal(replica.listConflicts().length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
