#!/usr/bin/env node
// Lays out the phone page as one folder of static files, for `tandem page publish` (docs/WEB.md,
// "Tandem on your phone without a computer"), at build time: the page's own files (web/), this sync
// core's src/ and app/, and the browser (ES module) builds of its npm packages from node_modules, which
// `npm ci` filled from the pinned package-lock. Nothing is fetched here. Relative imports keep working
// when the folder is served as it is:
//
//   page/index.html …            the web folder, as it is
//   page/sync/src/… page/sync/app/…
//   page/vendor/pako/pako.esm.mjs
//   page/vendor/hash-wasm/index.esm.min.js
//   page/vendor/noble-curves/*.js, abstract/*.js      (import map: "@noble/curves/")
//   page/vendor/noble-hashes/*.js                     (import map: "@noble/hashes/")
//
// Every path segment must be a storage object name's ([A-Za-z0-9_-][A-Za-z0-9._-]*), so the files can
// be written under page/ of any remote; a file named otherwise fails the build. The list of files,
// one path a line in byte order, goes to the manifest the Java side (dev.tandem.ui.PageBundle) reads.
//
// Usage: bundle-page.js WEB_DIR OUT_DIR MANIFEST
import { promises as fs } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const core = join(dirname(fileURLToPath(import.meta.url)), '..');
const [webDir, outDir, manifest] = process.argv.slice(2);
if (!webDir || !outDir || !manifest) {
  console.error('usage: bundle-page.js WEB_DIR OUT_DIR MANIFEST');
  process.exit(2);
}
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
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
  await fs.copyFile(from, target);
  files.push(to);
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
await tree(webDir, '');
await tree(join(core, 'src'), 'sync/src');
await tree(join(core, 'app'), 'sync/app');
await copy(join(modules, 'pako', 'dist', 'pako.esm.mjs'), 'vendor/pako/pako.esm.mjs');
await copy(join(modules, 'pako', 'LICENSE'), 'vendor/pako/LICENSE');
await copy(join(modules, 'hash-wasm', 'dist', 'index.esm.min.js'), 'vendor/hash-wasm/index.esm.min.js');
await copy(join(modules, 'hash-wasm', 'LICENSE'), 'vendor/hash-wasm/LICENSE');
// The packages' own ES modules (no build of theirs bundles them); their TypeScript sources and maps stay out.
const jsOnly = (rel) => /^(abstract\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*\.js$/.test(rel);
await tree(join(modules, '@noble', 'curves'), 'vendor/noble-curves', jsOnly);
await copy(join(modules, '@noble', 'curves', 'LICENSE'), 'vendor/noble-curves/LICENSE');
await tree(join(modules, '@noble', 'hashes'), 'vendor/noble-hashes', jsOnly);
await copy(join(modules, '@noble', 'hashes', 'LICENSE'), 'vendor/noble-hashes/LICENSE');

files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
await fs.mkdir(dirname(manifest), { recursive: true });
await fs.writeFile(manifest, files.join('\n') + '\n');
console.log(`bundle-page: ${files.length} files in ${outDir}`);
