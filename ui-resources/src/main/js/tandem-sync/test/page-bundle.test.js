import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { MemoryStorage } from '../src/storage/memory.js';
import { Replica as SourceReplica } from '../src/replica/replica.js';
import { HybridClock as SourceClock } from '../src/clock/hybrid-clock.js';
import { SyncEngine as SourceEngine } from '../src/sync/sync-engine.js';
import { EncryptedStorage as SourceEncrypted } from '../src/storage/encrypted.js';
import { listJson } from '../app/items.js';
import { addItem, quickAdd } from '../app/cli-items.js';

// The phone page as `tandem page publish` writes it (tools/bundle-page.js): its modules, the core's and the @noble
// packages' minified each on its own, and still the same modules. The bundle is laid out below node_modules/, so
// the published core's bare imports (pako, hash-wasm) find the packages as the page's import map finds their builds.
const core = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(core, '..', '..', 'resources', 'dev', 'tandem', 'ui', 'web');
let out;
let paths;

before(async () => {
  await fs.mkdir(join(core, 'node_modules', '.cache'), { recursive: true });
  out = await fs.mkdtemp(join(core, 'node_modules', '.cache', 'page-bundle-'));
  await promisify(execFile)(process.execPath, [join(core, 'tools', 'bundle-page.js'), web, join(out, 'page'),
    join(out, 'files.txt')]);
  paths = (await fs.readFile(join(out, 'files.txt'), 'utf8')).trim().split('\n');
});

after(async () => {
  if (out) await fs.rm(out, { recursive: true, force: true });
});

/** A published path's source file, or null for one made here (the UMD builds) or a package's own file. */
function sourceOf(path) {
  if (path.startsWith('assets/')) return join(web, ...path.slice(7).split('/'));
  if (path.startsWith('sync/')) return join(core, ...path.slice(5).split('/'));
  const noble = path.match(/^vendor\/noble-(curves|hashes)\/(.*)$/);
  return noble ? join(core, 'node_modules', '@noble', noble[1], ...noble[2].split('/')) : null;
}

const minifiable = (p) => /^(?:assets\/.*\.(?:js|css)|sync\/.*\.js|vendor\/noble-[a-z]+\/.*\.js)$/.test(p);

test('every module and style sheet of the page and the core is published minified: its comments left out, a few lines', async () => {
  const checked = paths.filter(minifiable);
  assert.ok(checked.length > 80, `only ${checked.length} modules and styles`);
  let sources = 0;
  let published = 0;
  for (const p of checked) {
    const text = await fs.readFile(join(out, 'page', p), 'utf8');
    const from = await fs.readFile(sourceOf(p), 'utf8');
    sources += from.length;
    published += text.length;
    // A minified file is a line or a few (a template literal keeps its line breaks and blanks), with no comment:
    // not one of its source's comment lines (their words, past the slashes or the star) is in it.
    const lines = text.split('\n');
    assert.ok(lines.length <= 1 + from.split('\n').length / 10, `${p}: ${lines.length} lines`);
    for (const line of lines) assert.ok(!/^\s*\/[/*]/.test(line), `${p}: a comment line: ${line.slice(0, 80)}`);
    for (const comment of from.split('\n').map((l) => l.trim().match(/^(?:\/\/|\/?\*)\s*(.{24,})$/)?.[1]).filter(Boolean)) {
      assert.ok(!text.includes(comment), `${p}: its comment '${comment}'`);
    }
    assert.ok(text.length < from.length, `${p}: ${text.length} bytes, its source ${from.length}`);
  }
  assert.ok(published < sources * 0.6, `published ${published} bytes of ${sources}: not minified`);
  const engine = await fs.readFile(join(out, 'page', 'sync', 'src', 'sync', 'sync-engine.js'), 'utf8');
  assert.ok(engine.includes('export{') && !engine.includes("One device's sync with one remote"), 'its design comment left out');
});

test('the service worker loses only its comments and blanks, the line the publisher stamps kept as written', async () => {
  const sw = await fs.readFile(join(out, 'page', 'sw.js'), 'utf8');
  const source = await fs.readFile(join(web, 'sw.js'), 'utf8');
  assert.equal(sw.split('\nconst PUBLISHED = null;\n').length, 2, 'the line the publisher stamps, once, on its own line');
  assert.ok(sw.length < source.length / 2 && !sw.includes('/*') && !sw.includes("Tandem's service worker"), 'no comments');
  // Every name and every string as written: nothing renamed or rewritten, so the worker does what its source says.
  const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const strings = /'((?:[^'\\\n]|\\.)*)'/g;
  for (const [, text] of code.matchAll(strings)) assert.ok(sw.includes(text.replace(/\\(.)/g, '$1')), text);
  for (const [name] of code.replace(strings, '').matchAll(/\b[A-Za-z_$][\w$]*\b/g)) {
    assert.match(sw, new RegExp('\\b' + name.replace('$', '\\$') + '\\b'), name);
  }
});

test('index.html and the packages\' own builds are published as they are', async () => {
  assert.equal(await fs.readFile(join(out, 'page', 'index.html'), 'utf8'), await fs.readFile(join(web, 'index.html'), 'utf8'));
  const argon = await fs.readFile(join(out, 'page', 'vendor', 'hash-wasm', 'argon2.min.mjs'), 'utf8');
  assert.ok(argon.includes(await fs.readFile(join(core, 'node_modules', 'hash-wasm', 'dist', 'argon2.umd.min.js'), 'utf8')),
    'hash-wasm\'s build with its WASM unchanged');
});

/** A module's exported names, as esbuild reads its text (a module's own, not a bundle's). */
async function exportsOf(file) {
  const r = await build({ entryPoints: [file], write: false, metafile: true, format: 'esm', outdir: join(out, 'x'),
    logLevel: 'silent' });
  return Object.values(r.metafile.outputs).find((o) => o.entryPoint).exports.slice().sort();
}

test('each published module exports the names its source exports', async () => {
  const modules = paths.filter((p) => minifiable(p) && p.endsWith('.js'));
  const differ = [];
  for (const p of modules) {
    const [mine, theirs] = await Promise.all([exportsOf(join(out, 'page', p)), exportsOf(sourceOf(p))]);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) differ.push(`${p}: ${mine} ≠ ${theirs}`);
  }
  assert.deepEqual(differ, []);
  assert.deepEqual(await exportsOf(join(out, 'page', 'assets', 'device-answer.js')), ['makeAnswerer']);
});

test('the published core and the page\'s answers run: a desktop\'s todo reaches them, theirs reach the desktop', async () => {
  const page = (p) => import(pathToFileURL(join(out, 'page', ...p.split('/'))).href);
  const [{ Replica }, { HybridClock }, { SyncEngine }, { EncryptedStorage }, items, { makeAnswerer }] = await Promise.all([
    page('sync/src/replica/replica.js'), page('sync/src/clock/hybrid-clock.js'), page('sync/src/sync/sync-engine.js'),
    page('sync/src/storage/encrypted.js'), page('sync/app/items.js'), page('assets/device-answer.js')]);
  assert.notEqual(Replica, SourceReplica, 'the published module, not the source');
  const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
  const below = new MemoryStorage();
  const secret = { type: 'passphrase', passphrase: 'pw' };
  // The desktop's side from the sources, the page's from the bundle: one remote, the same format.
  const desk = new SourceReplica({ deviceId: crypto.randomUUID(), clock: new SourceClock(), mergeText: ['items.notes'] });
  const made = addItem(desk, quickAdd('Desk todo #Work'), NOW);
  await new SourceEngine({ replica: desk, storage: new SourceEncrypted(below, secret), address: 'memory',
    encrypted: true, plainBelow: below }).sync();
  const replica = new Replica({ deviceId: crypto.randomUUID(), clock: new HybridClock(), mergeText: ['items.notes'] });
  const syncPage = () => new SyncEngine({ replica, storage: new EncryptedStorage(below, secret), address: 'memory',
    encrypted: true, plainBelow: below }).sync();
  await syncPage();
  const answer = makeAnswerer({ replica, items, t: (k) => k, now: () => NOW, session: () => ({ csrf: 'own-device', own: true }),
    kept: async () => {} });
  const call = async (method, path, body) => (await answer(path, { method, body: body && JSON.stringify(body) })).json();
  const work = (await call('GET', '/api/sidebar')).lists.find((l) => l.name === 'Work');
  assert.deepEqual((await call('GET', '/api/items?view=list:' + work.id)).items.map((i) => i.id), [made]);
  const id = '01900000-0000-7000-8000-000000000001';
  const added = await call('POST', '/api/outbox', { entries: [{ op: 'add', id, key: 'p1', text: 'From the page tomorrow', at: NOW }] });
  assert.deepEqual(added.results.map((r) => r.outcome), ['applied']);
  await syncPage();
  await new SourceEngine({ replica: desk, storage: new SourceEncrypted(below, secret), address: 'memory',
    encrypted: true, plainBelow: below }).sync();
  const seen = listJson(desk, { all: true }).find((i) => i.id === id);
  assert.equal(seen.title, 'From the page');
  assert.equal(seen.due, '2026-11-21', 'the published quick add read "tomorrow"');
});
