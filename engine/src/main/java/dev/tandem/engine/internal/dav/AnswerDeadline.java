package dev.tandem.engine.internal.dav;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * The most one request may take, its answer read whole. The socket timeout only bounds the gap
 * between two packets, so a server trickling a byte a second would otherwise hold a sync for ever.
 *
 * <p>Past the deadline the request is cancelled, which aborts its connection: a read blocked on it
 * fails at once, whatever the server still sends. {@link #late()} is set before the cancel, so the
 * reader that wakes from the aborted read always finds it set and reports a time-out, not a broken
 * connection. {@link #disarm()} must run once the answer is read (or given up), in a finally.
 */
final class AnswerDeadline {
    /** One daemon thread for every client, idle but for dropping late requests. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dav-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final Duration limit;
    private final HttpUriRequestBase request;
    private final AtomicBoolean late = new AtomicBoolean();
    private ScheduledFuture<?> armed;

    AnswerDeadline(Duration limit, HttpUriRequestBase request) {
        this.limit = limit;
        this.request = request;
    }

    /** Starts the clock; once only. */
    void arm() {
        if (armed == null) {
            armed = DEADLINES.schedule(() -> {
                late.set(true);
                request.cancel();
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the clock, if it was started. */
    void disarm() {
        if (armed != null) {
            armed.cancel(false);
        }
    }

    /** Whether the request was dropped for being late. */
    boolean late() {
        return late.get();
    }

    /** {@code e} as the time-out it is when the request was late, else {@code e} itself. */
    IOException explain(IOException e) {
        if (!late()) {
            return e;
        }
        SocketTimeoutException timeout = new SocketTimeoutException("no whole answer within " + limit.toSeconds() + " s");
        timeout.initCause(e);
        return timeout;
    }
}
