/**
 * The outline: moves of todos in it, sections and the order of sections and lists ({@link
 * dev.tandem.app.model.outline.OutlineStore}, {@link dev.tandem.app.model.outline.SectionStore}), a list as the
 * lines the item list shows ({@link dev.tandem.app.model.outline.Outline}), kept live ({@link
 * dev.tandem.app.model.outline.LiveOutline}) or read once ({@link dev.tandem.app.model.outline.ListOutline}), a
 * move replayed from a reader that saw the todo somewhere ({@link dev.tandem.app.model.outline.SeenMoves}) and a
 * todo's subtasks asked about or folded back into its notes ({@link dev.tandem.app.model.outline.Subtrees}).
 * Whoever moves a todo makes its store from the core's {@code TodoStore}. What the core's own writes need of the
 * tree (the todos under one, a new last sibling's rank, the depth limit, the repair after a sync) is the core's
 * ({@code ItemTree}, {@code TreeDepth}, {@code TreeRepair}). Builds on the core only.
 */
package dev.tandem.app.model.outline;
