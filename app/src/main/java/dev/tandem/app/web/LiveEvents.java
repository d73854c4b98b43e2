package dev.tandem.app.web;

import dev.tandem.app.model.Replica;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Subscription;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;

/**
 * The open pages' event streams (Server-Sent Events): after the database commits (an edit here, on
 * the page, or one a sync brought from another device), every stream hears {@code change} once the
 * commits have been quiet for {@link #COALESCE_MS} (so a sync's burst is one event), naming the items the
 * commits touched, and the page patches those rows ({@link RowPatches}) or fetches what it shows again. A comment every {@link #PING_SECONDS} keeps proxies and the
 * connection's idle timeout from closing a quiet stream, and tells a stream whose browser went away.
 *
 * <p>All writes run on one thread, one stream after the other, each finished before the next starts
 * (a Jetty response takes one write at a time); a stream that cannot take a write within
 * {@link #WRITE_TIMEOUT_SECONDS} is closed, and the page reconnects.
 */
final class LiveEvents implements AutoCloseable {
    static final long COALESCE_MS = 100;
    static final long PING_SECONDS = 20;
    static final long WRITE_TIMEOUT_SECONDS = 5;

    /** One open stream: the browser it belongs to and its response, until it ends. */
    private record Stream(String browserId, Exchange exchange) {
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tandem-web-events");
        t.setDaemon(true);
        return t;
    });
    /** The most items a {@code change} names; past it, it says {@code all}. */
    static final int MAX_IDS = 50;

    private final AtomicLong seq = new AtomicLong();
    /** The items committed since the last {@code change} was sent (guarded by itself), or all of them. */
    private final Set<String> touched = new LinkedHashSet<>();
    private boolean touchedAll;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Subscription commits;
    private final IntConsumer onPages;
    private volatile Runnable beforePing = () -> { };

    /** {@code onPages} hears the number of open streams whenever it changes (on the events' thread). */
    LiveEvents(Replica replica, IntConsumer onPages) {
        this.onPages = onPages;
        this.commits = replica.onCommit(new ChangeListener() {
            @Override
            public void onCommit(List<ChangeEvent> events) {
                changed(events);
            }

            @Override
            public void onUnknownChanges() {
                // Another program (the CLI, a second instance) wrote to the file: which rows is not known.
                changed(null);
            }
        });
        writer.scheduleAtFixedRate(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Reads the paired browsers again, then pings every stream. A list that cannot be read ends every stream
     * instead: whether a browser was revoked cannot be known, and a page that reconnects is checked as any
     * request is. Nothing is thrown: a task that throws would end every later ping.
     */
    private void ping() {
        try {
            beforePing.run();
        } catch (RuntimeException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "The paired browsers could not be read before a"
                    + " ping; every page's event stream is ended: " + e.getMessage(), e);
            streams.forEach(this::end);
            return;
        }
        sendAll(": ping\n\n");
    }

    /** The ping every stream gets each {@link #PING_SECONDS}, now, on the events' thread; returns once it is sent. */
    void pingNow() throws InterruptedException, ExecutionException, TimeoutException {
        writer.submit(this::ping).get(2 * WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Runs {@code check} before each ping: the server reads the paired browsers again there, so a
     * browser revoked by another process loses its open stream within a ping even if no request comes.
     */
    void beforePing(Runnable check) {
        beforePing = check;
    }

    /** Opens a stream for {@code browserId} on {@code x}; the response stays open until it ends. */
    void open(Exchange x, String browserId) {
        x.guardHeaders(false);
        x.response().setStatus(200);
        x.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        x.response().getHeaders().put("X-Accel-Buffering", "no");
        Stream s = new Stream(browserId, x);
        streams.add(s);
        writer.execute(() -> onPages.accept(streams.size()));
        writer.execute(() -> send(s, "retry: 2000\nevent: hello\ndata: {\"seq\":" + seq.get() + "}\n\n"));
    }

    /** Ends the streams of a revoked browser. */
    void closeBrowser(String browserId) {
        writer.execute(() -> streams.stream().filter(s -> s.browserId().equals(browserId)).forEach(this::end));
    }

    int openStreams() {
        return streams.size();
    }

    /**
     * Notes a commit's rows ({@code events} null: unknown ones) for the next {@code change}, which names the items
     * it touched ({@code ids}) so a page patches only those rows, or says {@code all} (past {@link #MAX_IDS} items,
     * a row of another table, an unknown write) and the page fetches what it shows again. A stream belongs to a
     * paired browser, which sees every item: naming them tells it nothing it could not read.
     */
    private void changed(List<ChangeEvent> events) {
        synchronized (touched) {
            if (events == null) {
                touchedAll = true;
            } else {
                for (ChangeEvent e : events) {
                    if (!"items".equals(e.table())) {
                        touchedAll = true;
                    } else if (!touchedAll) {
                        touched.add(e.id());
                    }
                }
            }
            if (touched.size() > MAX_IDS) {
                touchedAll = true;
            }
            if (touchedAll) {
                touched.clear();
            }
        }
        seq.incrementAndGet();
        if (pending.compareAndSet(false, true)) {
            writer.schedule(() -> {
                pending.set(false);
                Map<String, Object> data;
                synchronized (touched) {
                    data = touchedAll ? JsonText.obj("seq", seq.get(), "all", true)
                            : JsonText.obj("seq", seq.get(), "ids", List.copyOf(touched));
                    touched.clear();
                    touchedAll = false;
                }
                sendAll("event: change\ndata: " + JsonText.write(data) + "\n\n");
            }, COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void sendAll(String text) {
        streams.forEach(s -> send(s, text));
    }

    private void send(Stream s, String text) {
        Callback.Completable done = new Callback.Completable();
        try {
            s.exchange().response().write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), done);
            done.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(s);
        } catch (Exception e) {
            // The browser went away or stopped reading: its page reconnects if it is still open.
            if (streams.remove(s)) {
                onPages.accept(streams.size());
            }
            s.exchange().callback().failed(e);
        }
    }

    private void end(Stream s) {
        if (streams.remove(s)) {
            onPages.accept(streams.size());
            s.exchange().callback().succeeded();
        }
    }

    @Override
    public void close() {
        commits.close();
        writer.shutdownNow();
        streams.forEach(s -> {
            streams.remove(s);
            s.exchange().callback().succeeded();
        });
    }
}
