/**
 * A remote's blobs outside the push: fetching one ({@link
 * dev.tandem.engine.internal.sync.blobs.DefaultRemoteBlobs}), the sweep of the ones nothing names
 * any more, and the lists and answers through which the other devices agree to it ({@link
 * dev.tandem.engine.internal.sync.blobs.BlobCandidates}). Below {@code .sync}: the engine hands
 * itself in as a {@link dev.tandem.engine.internal.sync.blobs.BlobRemote}, so this package never
 * reaches back up. The push of a batch's blobs stays in the sync ({@code BlobPush}).
 */
package dev.tandem.engine.internal.sync.blobs;
