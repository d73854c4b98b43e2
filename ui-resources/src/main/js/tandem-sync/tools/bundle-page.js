#!/usr/bin/env node
// Lays out the phone page as one folder of static files, for `tandem page publish` (docs/WEB.md,
// "Tandem on your phone without a computer"), at build time, from the page's own files (web/), this sync
// core's src/ and app/, and its npm packages from node_modules, which `npm ci` filled from the pinned
// package-lock. Nothing is fetched here. The page's code goes as a few chunks esbuild bundles, not one file a module:
// a phone fetches (and its worker keeps) a handful of files, and one file compresses better than its modules each on
// their own (docs/PERFORMANCE.md, "The page as its own device"):
//
//   page/index.html page/sw.js page/manifest.webmanifest      the web folder's root files, at the paths
//                                                            `tandem serve` serves them at (dev.tandem.ui.WebAssets)
//   page/assets/app.css page/assets/icon*.png|svg …          every other web file that is no module, there too
//   page/assets/app.js                                       the page's code: app.js and every module it imports
//   page/assets/device-core.js                               the sync core and its packages (device-core.js), split
//                                                            off: device.js imports it only when the page is a device
//   page/assets/device-seal.js device-store.js outbox.js     OPENED below: entries of their own, so a script (a test)
//                                                            can open them by path and get the instance the page runs
//   page/assets/chunk-HASH.js                                code more than one of these entries needs, shared
//   page/vendor/NAME/LICENSE                                 the license of each package bundled
//
// Every path segment must be a storage object name's ([A-Za-z0-9_-][A-Za-z0-9._-]*), so the files can
// be written under page/ of any remote; a file named otherwise fails the build. The list of files,
// one path a line in byte order, goes to the manifest the Java side (dev.tandem.ui.PageBundle) reads; the
// publisher stamps it into the worker, which keeps every file at install.
//
// The page `tandem serve` serves stays one module a file, as written, so that a module loads as its source says:
// with SERVED_DIR, each of its modules and its style sheet goes there minified on its own (below: minified), the
// files dev.tandem.ui.WebAssets serves in their place.
//
// Usage: bundle-page.js WEB_DIR OUT_DIR MANIFEST [SERVED_DIR]
import { promises as fs } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const core = join(dirname(fileURLToPath(import.meta.url)), '..');
const [webDir, outDir, manifest, servedDir] = process.argv.slice(2);
if (!webDir || !outDir || !manifest) {
  console.error('usage: bundle-page.js WEB_DIR OUT_DIR MANIFEST [SERVED_DIR]');
  process.exit(2);
}
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** The published page's entries, besides app.js: the core, split off, and the modules opened by path (OPENED). */
const CORE = 'device-core.js';
/**
 * The page's modules a script may open by path in the published page, beside app.js: browser tests read and plant
 * the device's sealed records with the page's own device-seal.js and device-store.js, and fill its outbox.js. As
 * entries they are files of their own, their code in the chunks app.js shares, so one instance runs either way.
 */
const OPENED = ['device-seal.js', 'device-store.js', 'outbox.js'];
const WORKER = 'sw.js';
/** The line of sw.js the publisher stamps with the published files (PagePublisher.UNSTAMPED). */
const UNSTAMPED = 'const PUBLISHED = null;';
/** The web folder's files at the page's root, as served; the service worker there so its scope is the page's. */
const ROOT_FILES = new Set(['index.html', WORKER, 'manifest.webmanifest']);
const files = [];

async function walk(dir) {
  const out = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...await walk(p));
    } else if (e.isFile()) {
      out.push(p);
    }
  }
  return out;
}

/** A published path, checked against the name rule, and its place under OUT_DIR (its folders made). */
async function target(to, from) {
  for (const s of to.split('/')) {
    if (!SEGMENT.test(s) || s.includes('..')) {
      throw new Error(`bundle-page: '${to}' (from ${from}) is not a name the page may have on a remote`);
    }
  }
  const path = join(outDir, ...to.split('/'));
  await fs.mkdir(dirname(path), { recursive: true });
  files.push(to);
  return path;
}

/**
 * A module or style sheet minified on its own by esbuild: comments, blanks and local names go, as an ES module, so
 * its imports and exported names stay what the source says. Strings and template literals keep their text;
 * `import.meta` stays. No target is given: nothing is rewritten for older browsers, the syntax is the sources'.
 */
async function minified(text, name) {
  const css = name.endsWith('.css');
  const out = await transform(text, { loader: css ? 'css' : 'js', ...(css ? {} : { format: 'esm' }), minify: true,
    charset: 'utf8', sourcefile: name, logLevel: 'silent' });
  return out.code;
}

/**
 * The service worker without its comments and blanks (1.7 KB compressed instead of 3.6 KB, of the page's 200 KB):
 * esbuild's whitespace minification alone, as a classic script, so every name, statement and string stays
 * as written (its caches' names, the files it keeps, 'use strict'); only the publisher's line is put back as it
 * was written, on a line of its own, the one place it stamps. A worker without that line once is no bundle.
 */
async function worker(text) {
  const out = (await transform(text, { loader: 'js', minifyWhitespace: true, legalComments: 'none', charset: 'utf8',
    sourcefile: WORKER, logLevel: 'silent' })).code.replace('const PUBLISHED=null;', '\n' + UNSTAMPED + '\n');
  if (out.split(UNSTAMPED).length !== 2) throw new Error(`bundle-page: ${WORKER} has no single line '${UNSTAMPED}'`);
  return out;
}

const modules = join(core, 'node_modules');
try {
  await fs.access(join(modules, 'pako', 'package.json'));
} catch {
  throw new Error(`bundle-page: ${modules} has no packages; run npm ci in ${core} first`);
}

await fs.rm(outDir, { recursive: true, force: true });
const web = (await walk(webDir)).map((f) => relative(webDir, f).split(sep).join('/')).sort();
const isModule = (rel) => rel.endsWith('.js') && !ROOT_FILES.has(rel);

// The files that are no module: as written, the style sheet minified, the worker without its comments.
for (const rel of web.filter((r) => !isModule(r))) {
  const from = join(webDir, ...rel.split('/'));
  const to = await target(ROOT_FILES.has(rel) ? rel : `assets/${rel}`, from);
  if (rel === WORKER) {
    await fs.writeFile(to, await worker(await fs.readFile(from, 'utf8')));
  } else if (rel.endsWith('.css')) {
    await fs.writeFile(to, await minified(await fs.readFile(from, 'utf8'), rel));
  } else {
    await fs.copyFile(from, to);
  }
}

/**
 * device-core.js names the core's modules as `tandem-sync/src/…` and `tandem-sync/app/…`: this package's folders.
 * Their bare imports (pako, hash-wasm, @noble/…) are found in node_modules as Node finds them, each package's ES
 * module build, of which esbuild keeps what the core uses (hash-wasm declares itself free of side effects, so only
 * Argon2's code and WASM stay). `node:` modules stay imports: only the core's Node-only paths load them.
 */
const corePaths = { name: 'tandem-sync', setup(b) {
  b.onResolve({ filter: /^tandem-sync\// }, (a) => ({ path: join(core, ...a.path.slice('tandem-sync/'.length).split('/')) }));
} };
const entries = ['app.js', CORE, ...OPENED];
for (const e of entries) {
  if (!web.includes(e)) throw new Error(`bundle-page: ${webDir} has no ${e}`);
}
const built = await build({
  entryPoints: entries.map((e) => ({ in: join(webDir, e), out: `assets/${e.slice(0, -3)}` })),
  bundle: true, format: 'esm', splitting: true, minify: true, platform: 'browser', charset: 'utf8',
  chunkNames: 'assets/[name]-[hash]', outdir: outDir, external: ['node:*'], plugins: [corePaths],
  metafile: true, write: false, logLevel: 'warning',
});
for (const out of built.outputFiles) {
  const rel = relative(outDir, out.path).split(sep).join('/');
  await fs.writeFile(await target(rel, 'esbuild'), out.contents);
}
// Each package bundled, its license beside the page's code, as vendor/NAME/LICENSE (no '@' in a storage's names).
const bundled = new Set();
for (const input of Object.keys(built.metafile.inputs)) {
  const m = input.split(sep).join('/').match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) bundled.add(m[1]);
}
for (const pkg of [...bundled].sort()) {
  await fs.copyFile(join(modules, ...pkg.split('/'), 'LICENSE'),
    await target(`vendor/${pkg.replace(/^@([^/]+)\//, '$1-')}/LICENSE`, pkg));
}

files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
await fs.mkdir(dirname(manifest), { recursive: true });
await fs.writeFile(manifest, files.join('\n') + '\n');
console.log(`bundle-page: ${files.length} files in ${outDir}`);

// The served page's modules and style sheet, each minified on its own (not device-core.js, which the server never
// serves): the design comments are a third of the modules' compressed bytes, and the served page's worker keeps
// every module on every phone.
if (servedDir) {
  await fs.rm(servedDir, { recursive: true, force: true });
  await fs.mkdir(servedDir, { recursive: true });
  for (const rel of web.filter((r) => (isModule(r) && r !== CORE) || r.endsWith('.css'))) {
    const to = join(servedDir, ...rel.split('/'));
    await fs.mkdir(dirname(to), { recursive: true });
    await fs.writeFile(to, await minified(await fs.readFile(join(webDir, ...rel.split('/')), 'utf8'), rel));
  }
  console.log(`bundle-page: the served page's modules minified in ${servedDir}`);
}
