import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quickAdd } from '../app/cli-items.js';

// tandem-js as a person runs it: two devices (two data folders) through an encrypted folder remote;
// quick add, list --json, edit on both sides into a conflict, conflicts --json, done; and its refusals.
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'tandem-js.js');

function run(args, env = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, TANDEM_PASSPHRASE: 'cli passphrase',
    ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('quick add reads a title, a list, a priority, tags, dates and notes', () => {
  const fri = new Date(2026, 10, 25); // a Wednesday
  const milk = quickAdd('Buy milk tomorrow #Groceries p1 @Shop', fri);
  assert.deepEqual([milk.title, milk.list, milk.priority, milk.tags, milk.due, milk.kind],
    ['Buy milk', 'Groceries', 1, ['shop'], '2026-11-26', null]);
  assert.equal(quickAdd('Call the bank fri', fri).due, '2026-11-27');
  assert.equal(quickAdd('Call the bank wednesday', fri).due, '2026-12-02', 'a weekday is the next one');
  const note = quickAdd('note: Packing list #Travel', fri);
  assert.deepEqual([note.title, note.list, note.priority, note.tags, note.due, note.kind],
    ['Packing list', 'Travel', null, [], null, 'note']);
});

test('two tandem-js devices sync, clash, list and complete through an encrypted folder', () => {
  const home = mkdtempSync(join(tmpdir(), 'tandem-js-cli-'));
  const remote = mkdtempSync(join(tmpdir(), 'tandem-js-remote-'));
  try {
    const a = ['--data-dir', join(home, 'a')];
    const b = ['--data-dir', join(home, 'b')];
    const added = run([...a, 'add', 'Buy milk #Groceries p2 @shop']);
    assert.equal(added.code, 0, added.err);
    const id = added.out.trim();
    assert.equal(run([...a, 'sync', '--remote', 'folder:' + remote]).code, 0);
    assert.equal(run([...b, 'sync', '--remote', 'folder:' + remote]).code, 0);
    const listed = JSON.parse(run([...b, 'list', '--json']).out);
    assert.deepEqual(Object.keys(listed[0]), ['id', 'title', 'notes', 'due', 'dueTime', 'durationMinutes', 'done', 'list',
      'listId', 'priority', 'tags', 'repeat', 'repeatText', 'seriesId', 'remindAt', 'kind', 'parentId', 'sectionId', 'rank',
      'start', 'someday', 'checklist'], 'the fields of tandem list --json, in its order');
    assert.deepEqual([listed[0].id, listed[0].title, listed[0].list, listed[0].priority, listed[0].tags, listed[0].done],
      [id, 'Buy milk', 'Groceries', 2, ['shop'], false]);
    assert.equal(run([...b, 'edit', id.slice(-6), '--title', 'Oat milk']).code, 0);
    assert.equal(run([...a, 'edit', id.slice(-6), '--title', 'Soy milk', '--notes', '2 cartons']).code, 0);
    run([...b, 'sync', '--remote', 'folder:' + remote]);
    run([...a, 'sync', '--remote', 'folder:' + remote]);
    run([...b, 'sync', '--remote', 'folder:' + remote]);
    const onB = JSON.parse(run([...b, 'list', '--json']).out)[0];
    assert.deepEqual([onB.title, onB.notes], ['Soy milk', '2 cartons']);
    const conflicts = JSON.parse(run([...a, 'conflicts', '--json']).out);
    assert.deepEqual(conflicts.map((c) => [c.kind, c.field, c.kept, c.lost]), [['EDIT_EDIT', 'title', 'Soy milk', 'Oat milk']]);
    assert.equal(run([...b, 'done', id]).code, 0);
    assert.deepEqual(JSON.parse(run([...b, 'list', '--json']).out), []);
    assert.equal(JSON.parse(run([...b, 'list', '--all', '--json']).out)[0].done, true);
    const wrong = run([...b, 'sync', '--remote', 'folder:' + remote], { TANDEM_PASSPHRASE: 'not it' });
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /does not match/);
    assert.equal(JSON.parse(run([...b, 'list', '--all', '--json']).out).length, 1, 'local data kept');
    assert.equal(run([...b, 'done', 'zz']).code, 1);
    assert.equal(run([...b, 'sync']).code, 2);
    assert.equal(run([...b, 'frobnicate']).code, 2);
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(remote, { recursive: true, force: true });
  }
});

test('tandem-js attach, sync and sync --attachments move files between devices; a damaged one is named, the rest arrive', () => {
  const home = mkdtempSync(join(tmpdir(), 'tandem-js-attach-'));
  const remote = mkdtempSync(join(tmpdir(), 'tandem-js-remote-'));
  try {
    const a = ['--data-dir', join(home, 'a')];
    const b = ['--data-dir', join(home, 'b')];
    const id = run([...a, 'add', 'Tax return']).out.trim();
    const files = ['1-receipt.pdf', '2-scan.png', '3-notes.txt'].map((name, i) => {
      const p = join(home, name);
      writeFileSync(p, randomBytes(30_000 * (i + 1)));
      return p;
    });
    const attached = run([...a, 'attach', id.slice(0, 8), ...files]);
    assert.equal(attached.code, 0, attached.err);
    assert.equal(attached.out.trim().split('\n').length, 3);
    assert.match(attached.err, /Attached 3 files to “Tax return”/);
    assert.equal(run([...a, 'attach', id, join(home, 'missing.pdf')]).code, 1);
    assert.equal(run([...a, 'attach', id]).code, 2);
    const pushed = run([...a, 'sync', '--remote', 'folder:' + remote]);
    assert.equal(pushed.code, 0, pushed.err);
    assert.match(pushed.err, /3 attached files uploaded/);
    const objects = readdirSync(join(remote, 'blobs', 'data'));
    assert.equal(objects.length, 3);
    // One object altered on the remote: the one whose name sorts first, whichever file it is.
    const victim = join(remote, 'blobs', 'data', objects[0]);
    const sealed = readFileSync(victim);
    sealed[sealed.length - 1] ^= 0x40;
    writeFileSync(victim, sealed);
    const fetched = run([...b, 'sync', '--remote', 'folder:' + remote, '--attachments']);
    assert.equal(fetched.code, 1, fetched.err);
    assert.match(fetched.err, /download failed: DamagedAttachmentError: The attachment blobs\/data\/[0-9a-f]{64} on the remote is damaged/);
    assert.match(fetched.err, /Downloaded 2 of 3 attached files not here yet/);
    const listed = JSON.parse(run([...b, 'attachments', id, '--json']).out);
    assert.deepEqual(listed.map((f) => f.name), ['1-receipt.pdf', '2-scan.png', '3-notes.txt']);
    assert.deepEqual(listed.map((f) => f.here).sort(), [false, true, true]);
    const out = join(home, 'out');
    const saved = run([...b, 'attachments', id, '--save', out]);
    assert.equal(saved.code, 1, 'the damaged one is not here to save');
    for (const f of listed.filter((x) => x.here)) {
      assert.deepEqual(readFileSync(join(out, f.name)), readFileSync(join(home, f.name)), f.name + ': the same bytes');
    }
    assert.equal(JSON.parse(run([...b, 'list', '--json']).out)[0].title, 'Tax return', 'local data intact');
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(remote, { recursive: true, force: true });
  }
});
