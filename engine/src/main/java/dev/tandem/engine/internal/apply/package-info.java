/**
 * The merge: changes pulled from other devices go into this database here ({@link
 * dev.tandem.engine.internal.apply.RemoteApply}, set-wise through {@code MergeBatch} and {@code
 * MergedRows}), each attribute decided by the pure rules of {@code internal.merge}, text attributes
 * merged by lines ({@code TextMerges}) and values settled by a rule ({@code ValueMerges}) through merge
 * changes ({@code MergeChanges}), and user rows written from their winners
 * ({@link dev.tandem.engine.internal.apply.Materializer}) or held back while they cannot be ({@link
 * dev.tandem.engine.internal.apply.HeldRows}). It may use the local changelog tables ({@code
 * internal.changelog}) and what lies below them ({@code tx}, {@code store}, {@code clock}, {@code
 * merge}). The database ({@code DefaultDb}, {@code SyncPort}), local saves ({@code internal.capture},
 * for materializing and holding rows), snapshot loading ({@code internal.snapshot}) and sync use it.
 */
package dev.tandem.engine.internal.apply;
