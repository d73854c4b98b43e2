/**
 * Compaction and clean-up of a remote, run after a sync: when a snapshot is due and writing it
 * ({@link dev.tandem.engine.internal.compaction.Compaction}, with acks so readers are known),
 * deleting the batches and snapshots nobody can need and retiring devices unseen too long ({@code
 * Cleanup}), and forgetting locally the deleted entities every device has seen deleted ({@code
 * TombstoneHorizon}, {@code TombstoneSweep}), with what this database remembers of it all per
 * remote ({@link dev.tandem.engine.internal.compaction.SnapshotMemory}). It sits below sync and
 * knows nothing of it: it reaches the database through {@code SyncPort}, the remote through the
 * snapshot store and the remote objects ({@code internal.snapshot}, {@code internal.wire}), and the
 * changelog tables ({@code internal.changelog}); what only sync knows, such as which entities a
 * scoped remote holds, it is handed ({@code Compaction.CaptureFilter}). Sync ({@code
 * SnapshotBootstrap}) runs it.
 */
package dev.tandem.engine.internal.compaction;
