package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A body too large for one PUT everywhere, sent as a multipart upload. S3 takes 5 GB in one PUT,
 * but services in front of a disk often take less in one signed request (S3Proxy: 128 MiB), and
 * the AWS CLI itself switches to parts at 8 MB.
 *
 * <p>The order, and why: uploads a killed writer left under the same name are aborted first (their
 * parts are billed and no listing shows them), so a resumed upload leaves one copy and no debris;
 * then the body is read once, a part at a time into two buffers (memory is two parts, whatever the
 * body's size): the next part is read while this one is sent from its buffer, which the SDK's
 * retries re-read; the completion
 * carries {@code If-None-Match: *}, so S3 refuses to complete over an object another writer
 * finished meanwhile (412, handled as for one PUT). A failed upload is aborted.
 */
final class S3Multipart {
    /** Bodies above this go in parts. */
    static final long THRESHOLD = 64L << 20;
    /** The part size: 8 MiB (the AWS CLI's), so 10,000 parts (S3's most) reach 80 GB; two are in memory. */
    static final int PART = 8 << 20;
    private static final String OCTET = "application/octet-stream";

    private S3Multipart() {
    }

    /**
     * Uploads {@code body} to {@code name} in parts and completes it unless an object of that name
     * appeared meanwhile (an {@link S3Exception} with status 412, for the caller to sort out). Each
     * part's attempt may take {@code partTimeout}.
     */
    static void upload(S3Client client, String bucket, String name, ObjectBody body, Duration partTimeout)
            throws IOException {
        abortLeftovers(client, bucket, name);
        String uploadId = client.createMultipartUpload(r -> r.bucket(bucket).key(name).contentType(OCTET)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int size0 = (int) Math.min(PART, Math.max(1, body.length()));
            // Two buffers: the next part is read (and, for an attachment, encrypted) on a thread of
            // its own while this one is sent.
            byte[][] buffers = {new byte[size0], new byte[size0]};
            ExecutorService filler = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tandem-part-reader " + name);
                t.setDaemon(true);
                return t;
            });
            try (InputStream in = Bodies.openExact(body)) {
                try {
                    Future<Integer> next = filler.submit(() -> in.readNBytes(buffers[0], 0, buffers[0].length));
                    for (int number = 1; ; number++) {
                        byte[] buffer = buffers[(number - 1) % 2];
                        int n = await(next);
                        if (n == 0 && number > 1) {
                            break;
                        }
                        boolean last = n < buffer.length;
                        if (!last) {
                            byte[] other = buffers[number % 2];
                            next = filler.submit(() -> in.readNBytes(other, 0, other.length));
                        }
                        int partNumber = number;
                        int size = n;
                        String etag = client.uploadPart(r -> r.bucket(bucket).key(name).uploadId(uploadId)
                                        .partNumber(partNumber).contentLength((long) size)
                                        .overrideConfiguration(o -> o.apiCallAttemptTimeout(partTimeout)),
                                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, size), size, OCTET))
                                .eTag();
                        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                        if (last) {
                            break;
                        }
                    }
                } finally {
                    // Stopped before the stream closes: no read runs on it once it is closed.
                    stop(filler);
                }
            }
            client.completeMultipartUpload(r -> r.bucket(bucket).key(name).uploadId(uploadId).ifNoneMatch("*")
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(r -> r.bucket(bucket).key(name).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                // Left for the next upload of this name to abort (abortLeftovers).
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    private static void stop(ExecutorService filler) {
        filler.shutdownNow();
        try {
            // A read of one part ends within moments; one that does not fails once the stream is closed.
            filler.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The filler's result, its failure rethrown as it was. */
    private static int await(Future<Integer> read) throws IOException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the body");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Aborts every unfinished upload of exactly {@code name}: a killed writer's, never seen by a listing. */
    static void abortLeftovers(S3Client client, String bucket, String name) {
        List<MultipartUpload> uploads;
        try {
            uploads = client.listMultipartUploads(r -> r.bucket(bucket).prefix(name)).uploads();
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                return; // a service that cannot list them keeps none we could abort
            }
            throw e;
        }
        for (MultipartUpload u : uploads) {
            if (u.key().equals(name)) {
                client.abortMultipartUpload(r -> r.bucket(bucket).key(name).uploadId(u.uploadId()));
            }
        }
    }
}
