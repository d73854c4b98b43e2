#!/usr/bin/env node
// Lays out the phone page as one folder of static files, for `tandem page publish` (docs/WEB.md,
// "Tandem on your phone without a computer"), at build time: the page's own files (web/), this sync
// core's src/ and app/, and the browser (ES module) builds of its npm packages from node_modules, which
// `npm ci` filled from the pinned package-lock. Nothing is fetched here. Each web file sits at the path
// `tandem serve` serves it at (dev.tandem.ui.WebAssets), so the page names the same files either way:
//
//   page/index.html page/sw.js page/manifest.webmanifest      the web folder's root files
//   page/assets/…                                            every other web file (app.js, app.css, …)
//   page/sync/src/… page/sync/app/…                          (device.js loads the core from here)
//   page/vendor/pako/pako.min.mjs
//   page/vendor/hash-wasm/argon2.min.mjs
//   page/vendor/noble-curves/*.js, abstract/*.js      (import map: "@noble/curves/"; none the page loads today)
//   page/vendor/noble-hashes/*.js                     (import map: "@noble/hashes/"; the same)
//
// Only the modules the page loads (below: the closure), minified (below: minified, MINIFIED).
//
// device.js's import map and module paths name these; ui-resources' PageBundleTest checks that every
// import of the bundle's modules, bare ones through that map, finds a file here.
//
// Every path segment must be a storage object name's ([A-Za-z0-9_-][A-Za-z0-9._-]*), so the files can
// be written under page/ of any remote; a file named otherwise fails the build. The list of files,
// one path a line in byte order, goes to the manifest the Java side (dev.tandem.ui.PageBundle) reads.
//
// Usage: bundle-page.js WEB_DIR OUT_DIR MANIFEST
import { promises as fs } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const core = join(dirname(fileURLToPath(import.meta.url)), '..');
const [webDir, outDir, manifest] = process.argv.slice(2);
if (!webDir || !outDir || !manifest) {
  console.error('usage: bundle-page.js WEB_DIR OUT_DIR MANIFEST');
  process.exit(2);
}
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/**
 * The files minified: the page's modules and styles, the core's modules, the @noble packages' modules. Not sw.js,
 * which the publisher stamps at its `const PUBLISHED = null;` line (PagePublisher) and which is a classic script:
 * it loses only its comments and blanks (below: worker); not index.html; not pako's and hash-wasm's builds,
 * minified by their makers (hash-wasm's holds Argon2's WASM).
 */
const MINIFIED = /^(?:assets\/.*\.(?:js|css)|sync\/.*\.js|vendor\/noble-[a-z]+\/.*\.js)$/;
const WORKER = 'sw.js';
/** The line of sw.js the publisher stamps with the published files (PagePublisher.UNSTAMPED). */
const UNSTAMPED = 'const PUBLISHED = null;';
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

async function copy(from, to) {
  const name = to.split('/');
  for (const s of name) {
    if (!SEGMENT.test(s) || s.includes('..')) {
      throw new Error(`bundle-page: '${to}' (from ${from}) is not a name the page may have on a remote`);
    }
  }
  const target = join(outDir, ...name);
  await fs.mkdir(dirname(target), { recursive: true });
  if (MINIFIED.test(to)) {
    await fs.writeFile(target, await minified(await fs.readFile(from, 'utf8'), to));
  } else if (to === WORKER) {
    await fs.writeFile(target, await worker(await fs.readFile(from, 'utf8')));
  } else {
    await fs.copyFile(from, target);
  }
  files.push(to);
}

/**
 * A module of the page, the core or a package minified by esbuild (a devDependency; `npm ci` installs it with the
 * others): comments, blanks and local names go, each module on its own, as an ES module, so the files, their paths,
 * their imports and their exported names stay what the sources say and the page loads them as it loads the sources
 * from `tandem serve`. Strings and template literals keep their text; `import.meta` stays. The code reads no function's
 * name or source (its errors name themselves: errors.js), so renamed locals change nothing it does. No target is
 * given: nothing is rewritten for older browsers, the page's syntax is its sources'. A style sheet is minified the
 * same way. The design comments are a third of the modules' compressed bytes, and the worker keeps every module on
 * every phone (docs/PERFORMANCE.md, "The page as its own device").
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

/** The entries of `const NAME = { … };` in a module's text: quoted or plain keys, quoted paths. */
function objectOf(code, name) {
  const start = code.indexOf(`const ${name} = {`);
  if (start < 0) throw new Error(`bundle-page: device.js has no ${name}`);
  const body = code.slice(start, code.indexOf('};', start));
  return Object.fromEntries([...body.matchAll(/(?:'([^']+)'|([A-Za-z0-9_]+)):\s*'([^']+)'/g)].map((m) => [m[1] ?? m[2], m[3]]));
}

async function tree(from, to, keep = () => true) {
  for (const f of await walk(from)) {
    const rel = relative(from, f).split(sep).join('/');
    if (keep(rel)) {
      await copy(f, to === '' ? rel : `${to}/${rel}`);
    }
  }
}

const modules = join(core, 'node_modules');
try {
  await fs.access(join(modules, 'pako', 'package.json'));
} catch {
  throw new Error(`bundle-page: ${modules} has no packages; run npm ci in ${core} first`);
}

await fs.rm(outDir, { recursive: true, force: true });
// The served paths (WebAssets): these three at the root, the service worker so its scope is the page's.
const ROOT_FILES = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);
await tree(webDir, 'assets', (rel) => !ROOT_FILES.has(rel));
for (const f of ROOT_FILES) {
  await copy(join(webDir, f), f);
}
// Of the core and the npm packages, only the modules the page loads: the closure of the page's own modules and
// device.js's CORE over their imports (bare ones through its import map, VENDOR), so the worker keeps no module
// the page never runs (the Node-only storages, shared spaces and the packages they alone need). The npm packages'
// minified UMD builds, where the ES module build is not minified (pako) or holds every algorithm (hash-wasm; the
// core takes only argon2id), are made ES modules by giving them a module.exports to fill.
const device = await fs.readFile(join(webDir, 'device.js'), 'utf8');
const VENDOR = objectOf(device, 'VENDOR');
const CORE = objectOf(device, 'CORE');
const UMD = {
  'vendor/pako/pako.min.mjs': { from: join(modules, 'pako', 'dist', 'pako.min.js'), exports: 'export default module.exports;' },
  'vendor/hash-wasm/argon2.min.mjs': { from: join(modules, 'hash-wasm', 'dist', 'argon2.umd.min.js'),
    exports: 'export const { argon2id } = module.exports;' },
};
const PACKAGES = [
  ['vendor/pako/', join(modules, 'pako')], ['vendor/hash-wasm/', join(modules, 'hash-wasm')],
  ['vendor/noble-curves/', join(modules, '@noble', 'curves')], ['vendor/noble-hashes/', join(modules, '@noble', 'hashes')],
];
for (const [name, path] of Object.entries(VENDOR)) {
  if (!path.startsWith('vendor/') || (!name.endsWith('/') && !UMD[path])) {
    throw new Error(`bundle-page: device.js maps '${name}' to '${path}', which this tool does not lay out`);
  }
}

/** A bundle path's source file: the core's src/ and app/, a package's own module, or null (a UMD build made here). */
function sourceOf(path) {
  if (path.startsWith('sync/src/')) return join(core, 'src', ...path.slice(9).split('/'));
  if (path.startsWith('sync/app/')) return join(core, 'app', ...path.slice(9).split('/'));
  if (UMD[path]) return null;
  for (const [prefix, dir] of PACKAGES) {
    if (path.startsWith(prefix)) return join(dir, ...path.slice(prefix.length).split('/'));
  }
  throw new Error(`bundle-page: '${path}' is not a module of the core or of its packages`);
}

const IMPORT = /^\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]/gm;
/** The bundle paths a module at bundle path `from` imports (block comments first: packages show imports in docs). */
function importsOf(from, code) {
  const out = [];
  for (const m of code.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec.startsWith('node:')) continue;
    if (spec.startsWith('./') || spec.startsWith('../')) {
      out.push(new URL(spec, `x:/${from}`).pathname.slice(1));
      continue;
    }
    const key = Object.keys(VENDOR).find((k) => spec === k || (k.endsWith('/') && spec.startsWith(k)));
    if (!key) throw new Error(`bundle-page: ${from} imports '${spec}', which device.js's import map does not name`);
    out.push(VENDOR[key] + spec.slice(key.length));
  }
  return out;
}

const reached = new Set();
const queue = [...Object.values(CORE)];
for (const f of await walk(webDir)) {
  if (f.endsWith('.js') && !ROOT_FILES.has(relative(webDir, f))) {
    const rel = relative(webDir, f).split(sep).join('/');
    queue.push(...importsOf(`assets/${rel}`, await fs.readFile(f, 'utf8')).filter((p) => !p.startsWith('assets/')));
  }
}
while (queue.length) {
  const path = queue.pop();
  if (reached.has(path)) continue;
  reached.add(path);
  const from = sourceOf(path);
  if (from === null) continue;
  queue.push(...importsOf(path, await fs.readFile(from, 'utf8')));
}
for (const path of [...reached].sort()) {
  const from = sourceOf(path);
  if (from !== null) {
    await copy(from, path);
  } else {
    const target = join(outDir, ...path.split('/'));
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, `const module = { exports: {} };\nconst exports = module.exports;\n${
      await fs.readFile(UMD[path].from, 'utf8')}\n${UMD[path].exports}\n`);
    files.push(path);
  }
}
for (const [prefix, dir] of PACKAGES) {
  if ([...reached].some((p) => p.startsWith(prefix))) await copy(join(dir, 'LICENSE'), `${prefix}LICENSE`);
}

files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
await fs.mkdir(dirname(manifest), { recursive: true });
await fs.writeFile(manifest, files.join('\n') + '\n');
console.log(`bundle-page: ${files.length} files in ${outDir}`);
