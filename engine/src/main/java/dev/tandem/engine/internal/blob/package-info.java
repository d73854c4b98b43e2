/**
 * Attached files' bytes: the local store of checked copies named by content ({@link
 * dev.tandem.engine.internal.blob.LocalBlobs}), their names and keys on a remote ({@link
 * dev.tandem.engine.internal.blob.BlobKeys}), moving them to and from a remote as streams ({@link
 * dev.tandem.engine.internal.blob.BlobTransfer}), and finding the ones nothing names any more ({@link
 * dev.tandem.engine.internal.blob.BlobSweep}). Below sync and compaction, above storage and the
 * changelog.
 */
package dev.tandem.engine.internal.blob;
