package dev.tandem.engine.sync;

/**
 * What {@link RemoteBlobs#sweep} found on the remote: blobs nothing names ({@code unreferenced},
 * their bytes as stored), those of them past the grace period that every device has answered it no
 * longer names ({@code deletable}), and those it removed ({@code deleted}).
 */
public record BlobSweep(int unreferenced, long unreferencedBytes, int deletable, long deletableBytes, int deleted,
                        long deletedBytes) {
}
