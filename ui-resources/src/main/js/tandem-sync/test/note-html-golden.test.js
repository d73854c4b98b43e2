import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { noteHtml } from '../app/note-html.js';

// A note as HTML on the page as its own device (app/note-html.js, commonmark.js), held to the served page's
// NoteHtml (commonmark-java) by the vectors NoteHtmlGoldenTest wrote (test/vectors/note-html.json): the same HTML,
// byte for byte, with no normalisation, for the corpus and the hostile notes alike.
const VECTORS = JSON.parse(readFileSync(new URL('./vectors/note-html.json', import.meta.url), 'utf8')).cases;

test('the vectors hold the corpus and the hostile notes', () => {
  assert.ok(VECTORS.length >= 50);
  assert.ok(VECTORS.filter((c) => c.name).length >= 10);
  assert.ok(VECTORS.some((c) => c.html.includes('<table>')));
  assert.ok(VECTORS.some((c) => c.html.includes('type="checkbox"')));
});

test('every note renders as the served page renders it', () => {
  for (const [n, c] of VECTORS.entries()) {
    assert.equal(noteHtml(c.notes), c.html, 'case ' + n + ' ' + (c.name ?? JSON.stringify(c.notes).slice(0, 120)));
  }
});
