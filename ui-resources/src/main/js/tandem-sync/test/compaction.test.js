import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderStorage } from '../src/storage/folder.js';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { GOLDEN, goldenSkip, readGolden } from './support/golden.js';

// Snapshots and cleanup written by the JavaScript core: the engine's snapshot of the same batches
// at the same clock, byte for byte, with the same batches cleaned up (SnapshotGoldenTest).
const skipSnapshot = goldenSkip('snapshot');

test('golden snapshot: a JS device compacting the engine\'s batches writes the engine\'s parts and manifest'
  + ' and deletes the same batches', { skip: skipSnapshot }, async () => {
  const { json } = readGolden('snapshot', 'expected');
  const dir = mkdtempSync(join(tmpdir(), 'tandem-golden-snapshot-'));
  try {
    cpSync(join(GOLDEN, 'snapshot', 'folder'), dir, { recursive: true });
    const replica = new Replica({ deviceId: json.device, clock: new HybridClock(() => json.now),
      mergeText: ['items.notes'] });
    const engine = new SyncEngine({ replica, storage: new FolderStorage(dir), address: dir, now: () => json.now,
      snapshotEvery: 0 });
    const first = await engine.sync();
    assert.equal(first.compaction.snapshot, null, 'the policy is off: a sync writes none');
    const report = await engine.compact();
    assert.equal(report.compaction.snapshot, json.id);
    assert.equal(report.compaction.deletedBatches, json.deletedBatches);
    const written = join(dir, 'snapshots', json.id);
    assert.deepEqual(readdirSync(written).sort(), [...json.parts, 'manifest'].sort());
    for (const name of [...json.parts, 'manifest']) {
      const mine = readFileSync(join(written, name));
      const engines = readFileSync(join(GOLDEN, 'snapshot', 'written', name));
      assert.ok(mine.equals(engines), name + ' differs from the engine\'s (' + mine.length + ' against '
        + engines.length + ' bytes)');
    }
    const left = existsSync(join(dir, 'batches')) ? readdirSync(join(dir, 'batches'), { recursive: true })
      .filter((p) => /[0-9]{12}$/.test(p)) : [];
    assert.deepEqual(left, json.batchesLeft);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
