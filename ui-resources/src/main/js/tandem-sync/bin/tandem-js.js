#!/usr/bin/env node
// tandem-js: a Tandem device in Node over the JavaScript sync core. Its local state is a folder
// (--data-dir, TANDEM_JS_DATA_DIR, or ~/.local/share/tandem-js): state.json holds the device's
// changelog, conflicts and sync state, written to a temporary file and renamed into place.
//
//   tandem-js sync [--remote folder:DIR|s3://BUCKET[/PREFIX]|webdav:URL] [--endpoint URL] [--region R] [--attachments]
//   tandem-js join CODE --as NAME [--remote ...] (asks to join a shared list; the next sync brings it once admitted)
//   tandem-js members [--json] (each joined list's members, as this device last read them)
//   tandem-js compact --remote ... (a sync, then a snapshot and cleanup whatever the policy says)
//   tandem-js list [--all] [--json]
//   tandem-js add "Buy milk tomorrow #Groceries p1 @shop"
//   tandem-js done ID
//   tandem-js edit ID [--title T] [--notes N]
//   tandem-js conflicts [--json]
//   tandem-js attach ID FILE... [--limit MB]
//   tandem-js attachments ID [--json] [--save DIR]
//
// The passphrase comes from TANDEM_PASSPHRASE, S3 keys from AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, a WebDAV log-in from TANDEM_WEBDAV_USER and TANDEM_WEBDAV_PASSWORD.
// Attached files' local copies live in the folder's attachments/, laid out as the desktop's.
// Exit codes: 0 ok, 1 failed, 2 usage, 3 synced with objects set aside.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { openRemote } from '../src/storage/open-remote.js';
import { ITEM_COLUMNS, listJson } from '../app/items.js';
import { addItem, quickAdd, resolveItem } from '../app/cli-items.js';
import { ATTACH_LIMIT, attachFile, attachments, fetchAttachments, referencedNames } from '../app/attachments.js';
import { FileNames, saveUnique } from '../app/file-names.js';
import { FolderBlobs } from '../src/blob/local-blobs.js';
import { BlobPush, BlobTransfer } from '../src/blob/blob-transfer.js';
import { joinSpace, loadSpaces, membersOf, personalScope, syncSpaces } from '../app/spaces.js';

class Usage extends Error {}

function parseArgs(argv) {
  const positional = [];
  const options = {};
  const flags = new Set();
  const valued = new Set(['--remote', '--endpoint', '--region', '--title', '--notes', '--data-dir', '--save', '--limit',
    '--as']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (valued.has(a)) {
      if (i + 1 >= argv.length) throw new Usage(a + ' needs a value');
      options[a] = argv[++i];
    } else if (a.startsWith('--')) {
      flags.add(a);
    } else {
      positional.push(a);
    }
  }
  return { positional, options, flags };
}

function load(dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'state.json');
  const clock = new HybridClock();
  if (!existsSync(file)) {
    return new Replica({ deviceId: randomUUID(), clock, mergeText: ['items.notes'] });
  }
  return Replica.fromJSON(JSON.parse(readFileSync(file, 'utf8')), { clock });
}

function save(dir, replica) {
  const file = join(dir, 'state.json');
  writeFileSync(file + '.tmp', JSON.stringify(replica));
  renameSync(file + '.tmp', file);
}

/** folder:DIR, s3://BUCKET[/PREFIX] or webdav:URL, with the environment's keys. */
export function remoteSpec(text, options, env) {
  if (text.startsWith('folder:')) return { kind: 'folder', dir: text.slice(7) };
  if (text.startsWith('s3://')) {
    const [bucket, ...prefix] = text.slice(5).split('/');
    if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) {
      throw new Usage('S3 needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    }
    return { kind: 's3', bucket, prefix: prefix.join('/') || null, endpoint: options['--endpoint'] ?? null,
      region: options['--region'] ?? env.AWS_REGION ?? 'us-east-1', accessKey: env.AWS_ACCESS_KEY_ID,
      secretKey: env.AWS_SECRET_ACCESS_KEY };
  }
  if (text.startsWith('webdav:')) {
    return { kind: 'webdav', url: text.slice(7), user: env.TANDEM_WEBDAV_USER ?? null,
      password: env.TANDEM_WEBDAV_PASSWORD ?? null };
  }
  throw new Usage('--remote: folder:DIR, s3://BUCKET[/PREFIX] or webdav:URL, not ' + text);
}

const oneLine = (s) => (s == null ? 'file' : String(s).replace(/[\u0000-\u001f\u007f]/g, ' '));

/** "12 KB", "3.4 MB": a byte count as the desktop's words say it. */
/** --limit MB: a whole number of megabytes (10^6 bytes), as the desktop's attachment limit. */
function megabytes(text) {
  if (!/^[1-9][0-9]{0,6}$/.test(text)) throw new Usage('--limit: a whole number of megabytes, e.g. --limit 500');
  return Number(text) * 1_000_000;
}

function size(bytes) {
  if (bytes < 1000) return bytes + ' bytes';
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return (v >= 100 || v === Math.round(v) ? v.toFixed(0) : v.toFixed(1)) + ' ' + units[u];
}

const plainValue = (v) => (typeof v === 'bigint' ? Number(v) : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);

async function main(argv, env, out, err) {
  const { positional, options, flags } = parseArgs(argv);
  const command = positional.shift();
  const dir = options['--data-dir'] ?? env.TANDEM_JS_DATA_DIR ?? join(homedir(), '.local', 'share', 'tandem-js');
  const replica = load(dir);
  const blobs = new FolderBlobs(join(dir, 'attachments'));
  const now = Date.now();
  const spaces = loadSpaces(dir);
  const openSpec = (text) => remoteSpec(text, options, env);
  switch (command) {
    case 'join': {
      if (positional.length !== 1 || !options['--as']) throw new Usage('join CODE --as NAME [--remote ...]');
      const fingerprint = await joinSpace(dir, replica, spaces, positional[0], options['--as'], options['--remote'] ?? null, openSpec);
      out.write(fingerprint + '\n');
      err.write('Asked to join. Read this fingerprint to the list\'s owner; once they admit it, sync brings the list.\n');
      return 0;
    }
    case 'members': {
      const lists = await membersOf(replica, spaces);
      if (flags.has('--json')) {
        out.write(JSON.stringify(lists) + '\n');
        return 0;
      }
      for (const l of lists) {
        out.write(oneLine(l.name ?? l.list) + ' (' + oneLine(l.remote) + ')' + (l.admitted ? '' : ': not admitted yet') + '\n');
        for (const m of l.members) {
          out.write('  ' + oneLine(m.name) + '  ' + m.fingerprint + (m.owner ? '  owner' : '') + (m.removed ? '  removed' : '')
            + '\n');
        }
      }
      return 0;
    }
    case 'sync':
    case 'compact': {
      if (command === 'sync' && !options['--remote'] && spaces.length > 0) {
        try {
          return await syncSpaces(dir, replica, spaces, openSpec, err);
        } finally {
          save(dir, replica);
        }
      }
      if (!options['--remote']) throw new Usage(command + ' needs --remote folder:DIR|s3://BUCKET[/PREFIX]|webdav:URL');
      const pass = env.TANDEM_PASSPHRASE;
      const remote = openRemote(remoteSpec(options['--remote'], options, env), {
        secret: pass ? { type: 'passphrase', passphrase: pass } : null, deviceName: 'tandem-js' });
      const transfer = new BlobTransfer({ data: remote.plain, encrypted: remote.encrypted ? remote.storage : null });
      const warnings = [];
      const push = new BlobPush(transfer, blobs, warnings);
      const engine = new SyncEngine({ replica, storage: remote.storage, address: remote.address,
        encrypted: remote.encrypted, plainBelow: remote.plain, beforePush: (batch) => push.beforePush(batch),
        blobs: { referencedNames: () => referencedNames(replica, transfer), data: remote.plain },
        scope: personalScope(spaces) });
      let report;
      try {
        report = command === 'compact' ? await engine.compact() : await engine.sync();
      } finally {
        save(dir, replica);
      }
      err.write('Synced with ' + remote.storage.describe() + ': ' + report.pulled + ' pulled, ' + report.pushed
        + ' pushed, ' + report.conflicts + ' conflicts' + (push.uploaded ? ', ' + push.uploaded + ' attached files uploaded'
        : '') + '\n');
      const k = report.compaction;
      if (k.snapshot || command === 'compact') {
        err.write((k.snapshot ? 'Wrote snapshot ' + k.snapshot : 'No new snapshot: the newest covers all this device holds')
          + '; cleaned up ' + k.deletedBatches + ' batches and ' + k.deletedSnapshots + ' snapshots'
          + (k.retiredDevices ? '; retired ' + k.retiredDevices + ' devices unseen for 90 days' : '')
          + '; forgot ' + k.forgotten + ' deleted items every device has seen deleted.\n');
      } else if (k.forgotten) {
        err.write('Forgot ' + k.forgotten + ' deleted items every device has seen deleted.\n');
      }
      if (report.blobSweep) {
        const b = report.blobSweep;
        err.write('Attachments no item names: ' + b.unreferenced + ' on the remote, ' + b.deleted + ' removed'
          + (b.waiting ? ', ' + b.waiting + ' kept until 30 days have passed and every device has answered' : '') + '.\n');
      }
      for (const p of report.warnings) err.write('warning: ' + oneLine(p) + '\n');
      if (report.sweepsAnswered) {
        err.write('Told ' + report.sweepsAnswered + ' other devices\' attachment cleanup which files this device still uses.\n');
      }
      for (const n of report.notes) err.write(n + '\n');
      for (const w of warnings) err.write('warning: ' + w + '\n');
      for (const s of report.setAside) err.write('Set aside ' + s.key + ': ' + s.problem + '\n');
      let code = report.setAside.length > 0 ? 3 : 0;
      if (command === 'sync' && spaces.length > 0) {
        try {
          code = Math.max(code, await syncSpaces(dir, replica, spaces, openSpec, err));
        } finally {
          save(dir, replica);
        }
      }
      if (!flags.has('--attachments')) return code;
      return (await fetchAll(replica, blobs, transfer, err)) ? code : Math.max(code, 1);
    }
    case 'list': {
      const items = listJson(replica, { all: flags.has('--all') });
      if (flags.has('--json')) {
        out.write('[' + items.map((i) => JSON.stringify(i)).join(',\n ') + ']\n');
      } else {
        for (const i of items) {
          out.write(i.id.slice(-8) + '  ' + (i.kind === 'note' ? 'note: ' : i.done ? '[x] ' : '[ ] ') + (i.title ?? '')
            + (i.due ? '  due ' + i.due : '') + (i.list ? '  #' + i.list : '') + (i.priority ? '  p' + i.priority : '')
            + i.tags.map((t) => '  @' + t).join('') + '\n');
        }
      }
      return 0;
    }
    case 'add': {
      const text = positional.join(' ');
      if (!text.trim()) throw new Usage('add needs a title');
      const id = addItem(replica, quickAdd(text), now);
      save(dir, replica);
      out.write(id + '\n');
      return 0;
    }
    case 'done': {
      if (positional.length !== 1) throw new Usage('done needs one ID');
      const id = resolveItem(replica, positional[0]);
      const row = replica.row('items', id);
      if (row.kind === 'note') throw new Error('"' + (row.title ?? '') + '" is a note; a note is never done');
      replica.save('items', id, { ...row, done: 1n, doneAt: BigInt(now) }, ITEM_COLUMNS);
      save(dir, replica);
      err.write('Done: ' + (row.title ?? '') + '\n');
      return 0;
    }
    case 'edit': {
      if (positional.length !== 1) throw new Usage('edit needs one ID');
      if (!('--title' in options) && !('--notes' in options)) throw new Usage('edit needs --title or --notes');
      const id = resolveItem(replica, positional[0]);
      const row = replica.row('items', id);
      const next = { ...row };
      if ('--title' in options) next.title = options['--title'];
      if ('--notes' in options) next.notes = options['--notes'];
      replica.save('items', id, next, ITEM_COLUMNS);
      save(dir, replica);
      return 0;
    }
    case 'conflicts': {
      const list = replica.listConflicts();
      if (flags.has('--json')) {
        out.write(JSON.stringify(list.map((c) => ({ id: c.id, kind: c.kind, table: c.table, entity: c.entity,
          field: c.field, kept: plainValue(c.keptValue), keptAuthor: c.keptAuthor, lost: plainValue(c.lostValue),
          lostAuthor: c.lostAuthor, lostAt: new Date(c.lostAtMillis).toISOString(),
          detectedAt: new Date(c.detectedAtMillis).toISOString() }))) + '\n');
      } else {
        for (const c of list) {
          out.write(c.kind + ' ' + c.table + '/' + c.entity + '.' + c.field + ': kept ' + JSON.stringify(plainValue(c.keptValue))
            + ', lost ' + JSON.stringify(plainValue(c.lostValue)) + '\n');
        }
      }
      return 0;
    }
    case 'attach': {
      if (positional.length < 2) throw new Usage('attach: give the item\'s ID and one or more files, e.g. tandem-js attach 3f2a receipt.pdf');
      const id = resolveItem(replica, positional[0]);
      const limit = options['--limit'] == null ? ATTACH_LIMIT : megabytes(options['--limit']);
      const files = positional.slice(1).map((name) => {
        let st;
        try {
          st = statSync(resolve(name));
        } catch {
          st = null;
        }
        if (!st || !st.isFile()) throw new Error('attach: ' + name + ': no such file, or not readable');
        if (st.size > limit) {
          throw new Error('attach: ' + name + ' is ' + size(st.size) + ', larger than the limit of ' + size(limit)
            + ' for one file; nothing was attached');
        }
        return name;
      });
      const added = [];
      try {
        for (const f of files) {
          // Streamed in, checked again: a file that grew past the limit since is refused, the ones before it stay.
          added.push(await attachFile(replica, blobs, id, resolve(f), basename(f), now, limit));
        }
      } catch (e) {
        throw new Error('attach: ' + e.message + '; it was not attached' + (added.length ? ' (the ' + added.length
          + ' before it were)' : ''), { cause: e });
      } finally {
        save(dir, replica);
      }
      for (const a of added) out.write(a.id + '\n');
      err.write('Attached ' + added.length + (added.length === 1 ? ' file' : ' files') + ' to “'
        + (replica.row('items', id).title ?? '') + '”\n');
      return 0;
    }
    case 'attachments': {
      if (positional.length !== 1) throw new Usage('attachments needs one ID');
      const id = resolveItem(replica, positional[0]);
      const files = attachments(replica, id);
      if ('--save' in options) return saveAll(files, blobs, options['--save'], out, err);
      if (flags.has('--json')) {
        const rows = [];
        for (const f of files) {
          rows.push(JSON.stringify({ id: f.id, itemId: f.itemId, name: f.name ?? null, type: f.type ?? null,
            size: plainValue(f.size ?? null), blob: f.blob ?? null, createdAt: plainValue(f.createdAt ?? null),
            here: typeof f.blob === 'string' && await blobs.has(f.blob).catch(() => false) }));
        }
        out.write('[' + rows.join(',\n ') + ']\n');
        return 0;
      }
      if (files.length === 0) err.write('No attachments on ' + id.slice(-8) + '\n');
      for (const f of files) {
        const here = typeof f.blob === 'string' && await blobs.has(f.blob).catch(() => false);
        out.write(f.id.slice(-8) + '  ' + oneLine(f.name) + '  ' + f.type + '  ' + size(Number(f.size ?? 0n)) + '  '
          + (here ? 'here' : 'on the remote') + '\n');
      }
      return 0;
    }
    default:
      throw new Usage(command ? 'unknown command ' + command
        : 'a command: sync, compact, list, add, done, edit, conflicts, attach, attachments');
  }
}

/**
 * Downloads every attached file not here yet, saying each; false when one could not be had (one its
 * device has not uploaded yet is said, and is no failure).
 */
async function fetchAll(replica, blobs, transfer, err) {
  const results = await fetchAttachments(replica, blobs, transfer, ({ name, size: n }) => {
    err.write('Downloading ' + oneLine(name) + ' (' + (n == null ? 'size unknown' : size(Number(n))) + ')…\n');
  });
  let failed = 0;
  let missing = 0;
  for (const r of results) {
    if (r.state === 'NOT_ON_REMOTE') {
      missing++;
      err.write('note: ' + oneLine(r.name) + ': not on the remote yet: the device that attached it has not synced since\n');
    } else if (r.state === 'FAILED') {
      failed++;
      err.write(oneLine(r.name) + ': download failed: ' + (r.error.name ?? 'Error') + ': ' + r.error.message + '\n');
    }
  }
  if (results.length > 0) {
    err.write('Downloaded ' + (results.length - failed - missing) + ' of ' + results.length
      + ' attached files not here yet.\n');
  }
  return failed === 0;
}

/** attachments ID --save DIR: each file here copied into DIR under its name made safe, never over a file there. */
async function saveAll(files, blobs, target, out, err) {
  await mkdir(resolve(target), { recursive: true });
  const names = new FileNames();
  let failed = 0;
  for (const f of files) {
    const bytes = typeof f.blob === 'string' ? await blobs.source(f.blob).catch(() => null) : null;
    if (bytes == null) {
      failed++;
      err.write('Could not save ' + oneLine(f.name) + ': not on this device; sync --attachments downloads it\n');
      continue;
    }
    out.write(await saveUnique(bytes, resolve(target), f.name, names) + '\n');
  }
  err.write('Saved ' + (files.length - failed) + ' of ' + files.length + ' files into ' + target + '\n');
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2), process.env, process.stdout, process.stderr).then((code) => {
  process.exitCode = code;
}, (e) => {
  process.stderr.write((e instanceof Usage ? 'Usage: ' : '') + e.message + '\n');
  process.exitCode = e instanceof Usage ? 2 : 1;
});
