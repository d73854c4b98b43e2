import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, symlinkSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from '../src/storage/memory.js';
import { FolderStorage } from '../src/storage/folder.js';
import { PrefixedStorage } from '../src/storage/prefixed.js';
import { storageContract } from './support/storage-contract.js';

// The storage contract against memory and a real folder, and what a hostile folder holds.
storageContract('memory', async () => ({ storage: new MemoryStorage() }));
storageContract('memory under a prefix', async () => {
  const below = new MemoryStorage();
  await below.createIfAbsent('other/x', new Uint8Array([1]));
  await below.createIfAbsent('tandem/alicf', new Uint8Array([1]));
  return { storage: new PrefixedStorage(below, 'tandem/alice') };
});
storageContract('folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-sync-folder-'));
  return { storage: new FolderStorage(dir), close: () => rmSync(dir, { recursive: true, force: true }) };
});

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-sync-folder-'));
  return { dir, storage: new FolderStorage(dir), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('folder: a missing root is NOT_FOUND and is never created', async () => {
  const s = new FolderStorage(join(tmpdir(), 'tandem-sync-no-such-folder-' + process.pid));
  await assert.rejects(s.list('', null, 10), { reason: 'NOT_FOUND' });
  await assert.rejects(s.createIfAbsent('k', new Uint8Array(1)), { reason: 'NOT_FOUND' });
});

test('folder: a symbolic link, to a file or a folder outside, is refused as CORRUPT, never followed', async () => {
  const { dir, storage, done } = folder();
  const outside = folder();
  try {
    writeFileSync(join(outside.dir, 'secret'), 'x');
    mkdirSync(join(dir, 'batches'));
    symlinkSync(join(outside.dir, 'secret'), join(dir, 'batches', 'link'));
    symlinkSync(outside.dir, join(dir, 'heads'));
    await assert.rejects(storage.get('batches/link'), { reason: 'CORRUPT' });
    await assert.rejects(storage.get('heads/secret'), { reason: 'CORRUPT' });
    assert.deepEqual(await storage.list('', null, 10), []);
  } finally {
    done();
    outside.done();
  }
});

test('folder: a file larger than any Tandem object is refused before it is read', async () => {
  const { dir, storage, done } = folder();
  try {
    const big = join(dir, 'big');
    writeFileSync(big, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(big, 66 * 1024 * 1024);
    await assert.rejects(storage.get('big'), /more than any Tandem object/);
  } finally {
    done();
  }
});

test('folder: temp files, hidden files and conflict copies are not listed; a write leaves no temp file', async () => {
  const { dir, storage, done } = folder();
  try {
    writeFileSync(join(dir, '.tmp-abc'), 'x');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    writeFileSync(join(dir, 'b.sync-conflict-20240101-120000-ABC'), 'x');
    await storage.createIfAbsent('a/b', new Uint8Array([1]));
    assert.deepEqual(await storage.list('', null, 10), ['a/b']);
    assert.deepEqual(readdirSync(join(dir, 'a')), ['b']);
  } finally {
    done();
  }
});
