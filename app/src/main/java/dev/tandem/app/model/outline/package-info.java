/**
 * What builds on the outline: a move replayed from a reader that saw the todo somewhere ({@link
 * dev.tandem.app.model.outline.SeenMoves}) and a todo's subtasks asked about or folded back into its notes
 * ({@link dev.tandem.app.model.outline.Subtrees}). The outline itself (OutlineStore, LiveOutline, the tree and
 * its repair) is the core's, since the store hands it out and the verbs use it. Builds on the core only.
 */
package dev.tandem.app.model.outline;
