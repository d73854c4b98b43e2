/**
 * The objects sync writes to a remote, and their bytes (docs/SYNC_FORMAT.md): batches ({@link
 * dev.tandem.engine.internal.wire.Batch}), heads, retirement records, snapshot manifests and parts
 * with the entries they carry, and their codecs ({@code BatchCodec}, {@code SnapshotCodec} with the
 * part columns of {@code PartColumns}), all inside one envelope ({@link
 * dev.tandem.engine.internal.wire.Frame}). Every decoder reads through one {@code BoundedReader},
 * which treats the bytes as hostile, and every encoder writes through one {@code BodyWriter}; both
 * stay inside this package. It may use only a change's shape and limits from {@code
 * internal.changelog} ({@code ChangeData}, {@code FieldData}, {@code SyncLimits}), {@code clock},
 * {@code store}'s packed values and the API's {@code SyncException}; it does no I/O. Sync and the
 * remote side of {@code internal.snapshot} use it.
 */
package dev.tandem.engine.internal.wire;
