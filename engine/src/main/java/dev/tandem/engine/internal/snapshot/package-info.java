/**
 * Snapshots, made and loaded. Made: this database's winners read into entries ({@link
 * dev.tandem.engine.internal.snapshot.SnapshotCapture}), cut into encoded parts ({@code
 * SnapshotParts}), written to and read from the remote with their manifests and acks ({@link
 * dev.tandem.engine.internal.snapshot.SnapshotStore}), when the policy says one is due ({@code
 * SnapshotPolicy}). Loaded: one merged into this database ({@link
 * dev.tandem.engine.internal.snapshot.SnapshotLocal}: the plan, the bulk load of change and user
 * rows, the folding of the batches past it, the rebuild of a device back after long, and the rows
 * read beside the writer for that rebuild). It may use the remote objects and their codecs ({@code
 * internal.wire}), the storage SPI, the merge of pulled changes ({@code internal.apply}) for what the
 * bulk load cannot take, the local changelog tables ({@code internal.changelog}) and what lies below
 * them ({@code tx}, {@code store}, {@code clock}, {@code merge}). The database ({@code DefaultDb},
 * {@code SyncPort}) and compaction ({@code Compaction}, {@code Cleanup}) and sync ({@code
 * SnapshotBootstrap}, {@code DefaultSyncEngine}) use it.
 */
package dev.tandem.engine.internal.snapshot;
