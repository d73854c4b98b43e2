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

// The phone page as `tandem page publish` writes it (tools/bundle-page.js): its code, the core's and the packages'
// bundled by esbuild into a few chunks, minified, the core split off; and the served page's modules, each minified on
// its own, still the same modules. The bundle is laid out below node_modules/, as the build lays it out in the jar.
const core = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(core, '..', '..', 'resources', 'dev', 'tandem', 'ui', 'web');
/** The published page's entries; every other script is a chunk they share. */
const ENTRIES = ['assets/app.js', 'assets/device-core.js', 'assets/device-seal.js', 'assets/device-store.js', 'assets/outbox.js'];
let out;
let paths;

before(async () => {
  await fs.mkdir(join(core, 'node_modules', '.cache'), { recursive: true });
  out = await fs.mkdtemp(join(core, 'node_modules', '.cache', 'page-bundle-'));
  await promisify(execFile)(process.execPath, [join(core, 'tools', 'bundle-page.js'), web, join(out, 'page'),
    join(out, 'files.txt'), join(out, 'served')]);
  paths = (await fs.readFile(join(out, 'files.txt'), 'utf8')).trim().split('\n');
});

after(async () => {
  if (out) await fs.rm(out, { recursive: true, force: true });
});

/** The lines of a source that are comments, past the slashes or the star: none of them may be published. */
const commentsOf = (text) => text.split('\n').map((l) => l.trim().match(/^(?:\/\/|\/?\*)\s*(.{24,})$/)?.[1]).filter(Boolean);

test('the page\'s code is a few minified chunks: the entries, the chunks they share, no module on its own', async () => {
  const scripts = paths.filter((p) => p.endsWith('.js') && p !== 'sw.js');
  for (const e of ENTRIES) assert.ok(scripts.includes(e), `${e} missing`);
  const chunks = scripts.filter((p) => !ENTRIES.includes(p));
  assert.ok(chunks.every((p) => /^assets\/chunk-[A-Z0-9]+\.js$/.test(p)), `not chunks: ${chunks}`);
  assert.ok(scripts.length <= 15, `${scripts.length} scripts`);
  assert.ok(!paths.some((p) => p.startsWith('sync/') || p.endsWith('.mjs')), 'a core module or package build on its own');
  assert.deepEqual(paths.filter((p) => p.startsWith('vendor/')), ['vendor/commonmark/LICENSE', 'vendor/entities/LICENSE',
    'vendor/hash-wasm/LICENSE', 'vendor/mdurl/LICENSE', 'vendor/pako/LICENSE']);
  const published = (await Promise.all(scripts.map((p) => fs.readFile(join(out, 'page', p), 'utf8')))).join('\n');
  for (const source of ['app.js', 'device.js', 'items.js', 'device-answer.js']) {
    for (const comment of commentsOf(await fs.readFile(join(web, source), 'utf8'))) {
      assert.ok(!published.includes(comment), `${source}: its comment '${comment}'`);
    }
  }
  const engine = await fs.readFile(join(core, 'src', 'sync', 'sync-engine.js'), 'utf8');
  assert.ok(engine.includes("One device's sync with one remote") && !published.includes("One device's sync with one remote"));
  const app = await fs.readFile(join(out, 'page', 'assets', 'app.js'), 'utf8');
  assert.ok(app.includes('import("./device-core.js")'), 'the core is not loaded apart, when needed');
  // pako's words, one of the core's packages: in the core's chunk, not in the page's first file.
  const chunk = await fs.readFile(join(out, 'page', 'assets', 'device-core.js'), 'utf8');
  assert.ok(chunk.includes('invalid distance too far back') && !app.includes('invalid distance too far back'),
    'the core is in the page\'s first file');
  // commonmark.js, the device's Markdown renderer (app/note-html.js): in the core's chunk, never in a file the
  // served page or the page's first file loads.
  const markdown = 'continue returned illegal value, must be 0, 1, or 2';
  assert.ok(chunk.includes(markdown), 'commonmark.js is not in the core\'s chunk');
  for (const p of scripts.filter((s) => s !== 'assets/device-core.js')) {
    assert.ok(!(await fs.readFile(join(out, 'page', p), 'utf8')).includes(markdown), `commonmark.js in ${p}`);
  }
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

test('index.html is published as it is; the core holds Argon2\'s WASM', async () => {
  assert.equal(await fs.readFile(join(out, 'page', 'index.html'), 'utf8'), await fs.readFile(join(web, 'index.html'), 'utf8'));
  const wasm = (await fs.readFile(join(core, 'node_modules', 'hash-wasm', 'dist', 'argon2.umd.min.js'), 'utf8'))
    .match(/"([A-Za-z0-9+/]{1000,}=*)"/)[1];
  assert.ok((await fs.readFile(join(out, 'page', 'assets', 'device-core.js'), 'utf8')).includes(wasm), 'hash-wasm\'s WASM');
});

/** A module's exported names, as esbuild reads its text (a module's own, not a bundle's). */
async function exportsOf(file) {
  const r = await build({ entryPoints: [file], write: false, metafile: true, format: 'esm', outdir: join(out, 'x'),
    logLevel: 'silent' });
  return Object.values(r.metafile.outputs).find((o) => o.entryPoint).exports.slice().sort();
}

test('each entry of the published page exports the names its source exports', async () => {
  const differ = [];
  for (const p of ENTRIES) {
    const [mine, theirs] = await Promise.all([exportsOf(join(out, 'page', p)), exportsOf(join(web, p.slice(7)))]);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) differ.push(`${p}: ${mine} ≠ ${theirs}`);
  }
  assert.deepEqual(differ, []);
});

test('the served page\'s modules are minified each on its own, exporting the names their sources export', async () => {
  const served = (await fs.readdir(join(out, 'served'))).sort();
  assert.ok(served.length > 40 && served.includes('app.css') && !served.includes('device-core.js'), `${served}`);
  const differ = [];
  for (const f of served.filter((n) => n.endsWith('.js'))) {
    const [text, from] = await Promise.all([fs.readFile(join(out, 'served', f), 'utf8'), fs.readFile(join(web, f), 'utf8')]);
    assert.ok(text.length < from.length && text.split('\n').length <= 1 + from.split('\n').length / 10, `${f}: not minified`);
    for (const comment of commentsOf(from)) assert.ok(!text.includes(comment), `${f}: its comment '${comment}'`);
    const [mine, theirs] = await Promise.all([exportsOf(join(out, 'served', f)), exportsOf(join(web, f))]);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) differ.push(`${f}: ${mine} ≠ ${theirs}`);
  }
  assert.deepEqual(differ, []);
  assert.deepEqual(await exportsOf(join(out, 'served', 'device-answer.js')), ['makeAnswerer']);
});

test('the published core and the page\'s answers run: a desktop\'s todo reaches them, theirs reach the desktop', async () => {
  const c = await import(pathToFileURL(join(out, 'page', 'assets', 'device-core.js')).href);
  const { makeAnswerer } = await import(pathToFileURL(join(out, 'served', 'device-answer.js')).href);
  const [{ Replica }, { HybridClock }, { SyncEngine }, { EncryptedStorage }, items] = [c.replica, c.clock, c.sync,
    c.encrypted, c.items];
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
