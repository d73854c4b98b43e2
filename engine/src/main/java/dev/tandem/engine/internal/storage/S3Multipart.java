package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * parts are billed and no listing shows them), so a resumed upload leaves one copy and no debris.
 * Then the body is read once, a part at a time, on the calling thread (for an attachment, that
 * read encrypts), into one of {@link #IN_FLIGHT} + 1 buffers, so memory is that many parts whatever
 * the body's size. Each part read goes to a sender thread at once: up to {@link #IN_FLIGHT} parts
 * are on the wire while the next is read, so the client's hashing for the signature, the
 * server's storing and the next part's encryption overlap instead of taking turns. A buffer goes
 * back to the reader only when its part's call returns, since the SDK's retries re-read it. The
 * parts complete in their numbers' order, and the completion carries {@code If-None-Match: *}, so
 * S3 refuses to complete over an object another writer finished meanwhile (412, handled as for one
 * PUT). A part that fails stops the reading at the next part; the upload is then aborted.
 */
final class S3Multipart {
    /** Bodies above this go in parts. */
    static final long THRESHOLD = 64L << 20;
    /** The part size: 8 MiB (the AWS CLI's), so 10,000 parts (S3's most) reach 80 GB. */
    static final int PART = 8 << 20;
    /** Parts sent at once; with the one being read, {@code IN_FLIGHT + 1} parts are in memory. */
    static final int IN_FLIGHT = 2;
    private static final String OCTET = "application/octet-stream";
    private static final AtomicInteger SENDERS = new AtomicInteger();

    private S3Multipart() {
    }

    /**
     * Uploads {@code body} to {@code name} in parts and completes it unless an object of that name
     * appeared meanwhile (an {@link S3Exception} with status 412, for the caller to sort out). Each
     * part's attempt may take {@code partTimeout}, and its call, retries included, {@code partCallTimeout}:
     * both longer than the client's defaults, which a part on a slow uplink would outlast.
     */
    static void upload(S3Client client, String bucket, String name, ObjectBody body, Duration partTimeout,
            Duration partCallTimeout) throws IOException {
        abortLeftovers(client, bucket, name);
        String uploadId = client.createMultipartUpload(r -> r.bucket(bucket).key(name).contentType(OCTET)).uploadId();
        try {
            int size0 = (int) Math.min(PART, Math.max(1, body.length()));
            BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
            for (int i = 0; i <= IN_FLIGHT; i++) {
                free.add(new byte[size0]);
            }
            ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
                Thread t = new Thread(r, "tandem-part-sender-" + SENDERS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            List<Future<CompletedPart>> sent = new ArrayList<>();
            try (InputStream in = Bodies.openExact(body)) {
                try {
                    for (int number = 1; ; number++) {
                        byte[] buffer = take(free);
                        throwFirstFailure(sent);
                        int n = in.readNBytes(buffer, 0, buffer.length);
                        if (n == 0 && number > 1) {
                            break;
                        }
                        int partNumber = number;
                        sent.add(senders.submit(() -> {
                            try {
                                String etag = client.uploadPart(r -> r.bucket(bucket).key(name).uploadId(uploadId)
                                                .partNumber(partNumber).contentLength((long) n)
                                                .overrideConfiguration(o -> o.apiCallAttemptTimeout(partTimeout)
                                                        .apiCallTimeout(partCallTimeout)),
                                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, n), n, OCTET))
                                        .eTag();
                                return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
                            } finally {
                                free.add(buffer);
                            }
                        }));
                        if (n < buffer.length) {
                            break;
                        }
                    }
                    List<CompletedPart> parts = new ArrayList<>(sent.size());
                    for (Future<CompletedPart> part : sent) {
                        parts.add(await(part));
                    }
                    client.completeMultipartUpload(r -> r.bucket(bucket).key(name).uploadId(uploadId).ifNoneMatch("*")
                            .multipartUpload(m -> m.parts(parts)));
                } finally {
                    // Every sender has stopped before the stream closes and the upload is aborted.
                    stop(senders);
                }
            }
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

    private static byte[] take(BlockingQueue<byte[]> free) throws InterruptedIOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending parts");
        }
    }

    /** A part that already failed ends the upload before another is read. */
    private static void throwFirstFailure(List<Future<CompletedPart>> sent) throws IOException {
        for (Future<CompletedPart> part : sent) {
            if (part.isDone()) {
                await(part);
            }
        }
    }

    private static void stop(ExecutorService senders) {
        senders.shutdownNow();
        try {
            // An interrupted part's call ends within moments: the SDK aborts its request.
            senders.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A sender's result, its failure rethrown as it was. */
    private static CompletedPart await(Future<CompletedPart> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending parts");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
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
