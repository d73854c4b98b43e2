/**
 * Diffs of two versions of a text, without a toolkit: the text cut into lines ({@link
 * dev.tandem.app.text.diff.TextLines}), the line diff with its folds ({@link
 * dev.tandem.app.text.diff.LineDiff}, rows as {@link dev.tandem.app.text.diff.DiffLine}), the changed
 * words inside a line ({@link dev.tandem.app.text.diff.WordDiff}), and the places a merge chooses
 * between ({@link dev.tandem.app.text.diff.MergeText}). The conflicts view and the merge editor show
 * them; the view-models hold what a person has opened or chosen.
 */
package dev.tandem.app.text.diff;
