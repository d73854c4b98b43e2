/**
 * Snapshots on this database's side: reading its winners into one ({@link
 * dev.tandem.engine.internal.snapshot.SnapshotCapture}) and merging one into it ({@link
 * dev.tandem.engine.internal.snapshot.SnapshotLocal}: the plan, the bulk load of change and user
 * rows, the folding of the batches past it, the rebuild of a device back after long, and the rows
 * read beside the writer for that rebuild). It may use the local changelog tables ({@code
 * internal.changelog}), the merge of pulled changes ({@code internal.apply}) for what the bulk load
 * cannot take, and the storage plumbing below them ({@code tx}, {@code store}, {@code clock}, {@code
 * merge}); it knows nothing of the remote. The database ({@code DefaultDb}, {@code SyncPort}) and sync
 * ({@code Compaction}) use it.
 */
package dev.tandem.engine.internal.snapshot;
