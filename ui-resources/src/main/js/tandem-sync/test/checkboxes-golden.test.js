import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { boxes, tick } from '../app/checkboxes.js';

// Ticking a check box in a note as the desktop does (app/checkboxes.js), held to NoteChecks.tick over Checklist by
// the vectors CheckboxGoldenTest wrote (test/vectors/checkboxes.json): every box found at the same line and column
// in the same state, and the same note after, or the same box said to be gone.
const VECTORS = JSON.parse(readFileSync(new URL('./vectors/checkboxes.json', import.meta.url), 'utf8')).cases;

test('the vectors hold enough cases of each outcome', () => {
  assert.ok(VECTORS.length >= 200);
  assert.ok(VECTORS.filter((c) => 'after' in c).length >= 100);
  assert.ok(VECTORS.filter((c) => c.refused).length >= 20);
});

test('every note has the boxes the desktop finds, at the same line and column', () => {
  for (const [n, c] of VECTORS.entries()) {
    assert.deepEqual(boxes(c.notes).map((b) => [b.line, b.column, b.checked]), c.boxes, 'case ' + n + ': '
      + JSON.stringify(c.notes));
  }
});

test('every tick writes the note the desktop writes, or says the box is gone as it does', () => {
  for (const [n, c] of VECTORS.entries()) {
    const r = tick(c.notes, c.text, c.occurrence, c.checked);
    if ('after' in c) assert.deepEqual(r, { notes: c.after }, 'case ' + n);
    else assert.equal(r.gone, c.text.trim(), 'case ' + n + ' refused ' + c.refused);
  }
});
