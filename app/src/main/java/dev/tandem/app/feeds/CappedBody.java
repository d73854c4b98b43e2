package dev.tandem.app.feeds;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * An answer's body kept in memory up to a cap and counted as it arrives (after any chunked framing), the request
 * cancelled the moment it would pass the cap, so a server sending without end costs the cap, never more. Every
 * fetch of something from outside that keeps the whole body uses it (calendar feeds, the page check).
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final Supplier<? extends RuntimeException> tooLarge;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** {@code tooLarge}: what the body's future fails with past the cap. */
    public CappedBody(long max, Supplier<? extends RuntimeException> tooLarge) {
        this.max = max;
        this.tooLarge = tooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (bytes.size() + (long) b.remaining() > max) {
                subscription.cancel();
                done.completeExceptionally(tooLarge.get());
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        done.complete(bytes.toByteArray());
    }
}
