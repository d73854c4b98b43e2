/**
 * A note's Markdown read into blocks and spans ({@link dev.tandem.app.text.note.NoteParser} to a
 * {@link dev.tandem.app.text.note.NoteDocument}), without a toolkit: the note view lays the blocks
 * out, and each list entry with a check box carries its {@link dev.tandem.app.text.Checklist.Box},
 * so ticking one in the view edits the right line of the note.
 */
package dev.tandem.app.text.note;
