#!/usr/bin/env node
// tandem-js: a Tandem device in Node over the JavaScript sync core. Its local state is a folder
// (--data-dir, TANDEM_JS_DATA_DIR, or ~/.local/share/tandem-js): state.json holds the device's
// changelog, conflicts and sync state, written to a temporary file and renamed into place.
//
//   tandem-js sync --remote folder:DIR|s3://BUCKET[/PREFIX]|webdav:URL [--endpoint URL] [--region R]
//   tandem-js list [--all] [--json]
//   tandem-js add "Buy milk tomorrow #Groceries p1 @shop"
//   tandem-js done ID
//   tandem-js edit ID [--title T] [--notes N]
//   tandem-js conflicts [--json]
//
// The passphrase comes from TANDEM_PASSPHRASE, S3 keys from AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, a WebDAV log-in from TANDEM_WEBDAV_USER and TANDEM_WEBDAV_PASSWORD.
// Exit codes: 0 ok, 1 failed, 2 usage, 3 synced with objects set aside.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Replica } from '../src/replica/replica.js';
import { HybridClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine } from '../src/sync/sync-engine.js';
import { openRemote } from '../src/storage/open-remote.js';
import { ITEM_COLUMNS, addItem, listJson, quickAdd, resolveItem } from '../app/items.js';

class Usage extends Error {}

function parseArgs(argv) {
  const positional = [];
  const options = {};
  const flags = new Set();
  const valued = new Set(['--remote', '--endpoint', '--region', '--title', '--notes', '--data-dir']);
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

const plainValue = (v) => (typeof v === 'bigint' ? Number(v) : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);

async function main(argv, env, out, err) {
  const { positional, options, flags } = parseArgs(argv);
  const command = positional.shift();
  const dir = options['--data-dir'] ?? env.TANDEM_JS_DATA_DIR ?? join(homedir(), '.local', 'share', 'tandem-js');
  const replica = load(dir);
  const now = Date.now();
  switch (command) {
    case 'sync': {
      if (!options['--remote']) throw new Usage('sync needs --remote folder:DIR|s3://BUCKET[/PREFIX]|webdav:URL');
      const pass = env.TANDEM_PASSPHRASE;
      const remote = openRemote(remoteSpec(options['--remote'], options, env), {
        secret: pass ? { type: 'passphrase', passphrase: pass } : null, deviceName: 'tandem-js' });
      const engine = new SyncEngine({ replica, storage: remote.storage, address: remote.address,
        encrypted: remote.encrypted, plainBelow: remote.plain });
      let report;
      try {
        report = await engine.sync();
      } finally {
        save(dir, replica);
      }
      err.write('Synced with ' + remote.storage.describe() + ': ' + report.pulled + ' pulled, ' + report.pushed
        + ' pushed, ' + report.conflicts + ' conflicts\n');
      for (const n of report.notes) err.write(n + '\n');
      for (const s of report.setAside) err.write('Set aside ' + s.key + ': ' + s.problem + '\n');
      return report.setAside.length > 0 ? 3 : 0;
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
    default:
      throw new Usage(command ? 'unknown command ' + command : 'a command: sync, list, add, done, edit, conflicts');
  }
}

main(process.argv.slice(2), process.env, process.stdout, process.stderr).then((code) => {
  process.exitCode = code;
}, (e) => {
  process.stderr.write((e instanceof Usage ? 'Usage: ' : '') + e.message + '\n');
  process.exitCode = e instanceof Usage ? 2 : 1;
});
