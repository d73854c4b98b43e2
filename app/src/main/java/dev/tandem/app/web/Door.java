package dev.tandem.app.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The first handler every request meets, before {@link Router}: it decides what a request may cost
 * the server before anything of it is read.
 *
 * <ol>
 *   <li>A {@code Host} the server does not answer to (a name an attacker's DNS rebinds to this
 *       address, so that a page of theirs becomes same-origin with ours) gets 421, whatever route.</li>
 *   <li>The client's address is the connection's, or with {@code behindProxy} the last
 *       {@code X-Forwarded-For} entry of a connection from loopback (the proxy's own); it is kept on
 *       the request for the pairing limits ({@link #client(Request)}).</li>
 *   <li>Under /api/, a {@code Bearer} {@code Authorization} header is a script's personal access token
 *       ({@link Bearer}: capped, one hash, its own rate): one found passes at once, kept on the request
 *       ({@link #token(Request)}); any other is answered 401, or 429 once its address failed too often, before
 *       anything else is read.</li>
 *   <li>A request carrying a paired browser's session passes at once: a slow or large stranger never
 *       queues a paired browser.</li>
 *   <li>Any other request must have come in within the deadline ({@link #UNPAIRED_DEADLINE} unless the
 *       server was built with another) of its first byte
 *       (slow headers hold no thread: Jetty calls no handler before they are complete), else 408.
 *       One without a body is answered at once from memory and passes. One with a body (only
 *       pairing reads one without a session) must hold one of {@link #UNPAIRED_AT_ONCE} places (at
 *       most {@link #PER_ADDRESS} per address; else 429 at once, the connection closed) and be done
 *       within the deadline, headers and body together; past that its connection is closed, which
 *       ends a blocked read with an error.</li>
 * </ol>
 *
 * <p>Why not Jetty's {@code QoSHandler}, {@code ThreadLimitHandler} or {@code DoSHandler}: they limit
 * by address or in all, and a paired browser often shares its address with strangers (loopback, a
 * reverse proxy, a NAT); only the session tells them apart, and only this server knows sessions. None
 * puts a deadline on a request's body either. Invariant: a place is released exactly once, when the
 * request's callback completes, and the deadline is cancelled then.
 */
final class Door extends Handler.Wrapper {
    static final Duration UNPAIRED_DEADLINE = Duration.ofSeconds(5);
    static final int UNPAIRED_AT_ONCE = 8;
    static final int PER_ADDRESS = 4;
    private static final String CLIENT = "tandem.client";
    private static final String TOKEN = "tandem.token";

    private final Set<String> hosts;
    private final Duration deadline;
    private final boolean behindProxy;
    private final String cookie;
    private final Browsers browsers;
    private final Bearer bearer;
    private final Semaphore places = new Semaphore(UNPAIRED_AT_ONCE);
    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    /**
     * {@code hosts}: the names and addresses the server answers to, lower case, IPv6 without brackets;
     * {@code deadline}: how long a request without a session may take, headers and body together.
     */
    Door(Handler next, Set<String> hosts, Duration deadline, boolean behindProxy, String cookie, Browsers browsers,
            Bearer bearer) {
        super(next);
        this.bearer = bearer;
        this.hosts = hosts;
        this.deadline = deadline;
        this.behindProxy = behindProxy;
        this.cookie = cookie;
        this.browsers = browsers;
    }

    /** The client's address as {@link Door} decided it. */
    static String client(Request request) {
        Object c = request.getAttribute(CLIENT);
        return c instanceof String s ? s : Request.getRemoteAddr(request);
    }

    /** The access token the request's {@code Authorization} header carried, as {@link Door} found it; null for none. */
    static AccessTokens.Token token(Request request) {
        return request.getAttribute(TOKEN) instanceof AccessTokens.Token t ? t : null;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHttpURI().getHost();
        if (host == null || !hosts.contains(normal(host))) {
            refuse(request, response, callback, 421, "server.door.host");
            return true;
        }
        String client = clientOf(request);
        request.setAttribute(CLIENT, client);
        if (Request.getPathInContext(request).startsWith("/api/")) {
            Bearer.Outcome o = bearer.check(request.getHeaders().get(HttpHeader.AUTHORIZATION), client);
            if (o instanceof Bearer.Outcome.Let let) {
                request.setAttribute(TOKEN, let.token());
                return super.handle(request, response, callback);
            }
            if (o instanceof Bearer.Outcome.Refused) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                refuse(request, response, callback, 401, "server.token.refused");
                return true;
            }
            if (o instanceof Bearer.Outcome.Wait w) {
                response.getHeaders().put("Retry-After", String.valueOf(w.seconds()));
                refuse(request, response, callback, 429, "server.token.wait");
                return true;
            }
        }
        if (paired(request)) {
            return super.handle(request, response, callback);
        }
        long left = deadline.toNanos() - (System.nanoTime() - request.getBeginNanoTime());
        if (left <= 0) {
            refuse(request, response, callback, 408, "server.door.slow");
            return true;
        }
        if (request.getLength() <= 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            // Nothing more to read: answered at once from memory (the page's files, a 401), holding no
            // thread, and a browser loading the page asks for a dozen files at once.
            return super.handle(request, response, callback);
        }
        AtomicInteger mine = perAddress.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.incrementAndGet() > PER_ADDRESS || !places.tryAcquire()) {
            release(client, mine);
            response.getHeaders().put("Retry-After", "1");
            refuse(request, response, callback, 429, "server.door.busy");
            return true;
        }
        AtomicBoolean done = new AtomicBoolean();
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> {
            if (!done.get()) {
                request.getConnectionMetaData().getConnection().getEndPoint()
                        .close(new TimeoutException("a request without a session took too long"));
            }
        }, Math.max(0, left), TimeUnit.NANOSECONDS);
        Runnable leave = () -> {
            if (done.compareAndSet(false, true)) {
                deadline.cancel();
                places.release();
                release(client, mine);
            }
        };
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(callback, leave));
            return handled;
        } finally {
            // Not handled (or thrown): Jetty answers with the callback it holds, ours is never completed.
            if (!handled) {
                leave.run();
            }
        }
    }

    private void release(String client, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            perAddress.remove(client, mine);
        }
    }

    private boolean paired(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(cookie) && browsers.known(c.getValue())) {
                return true;
            }
        }
        return false;
    }

    private String clientOf(Request request) {
        String remote = Request.getRemoteAddr(request);
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (!behindProxy || forwarded == null || !loopback(remote)) {
            return remote;
        }
        // The proxy appends the address it saw last: anything before it the client could have written.
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() || last.length() > 64 ? remote : last.toLowerCase(Locale.ROOT);
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A host as compared: lower case, an IPv6 literal without its brackets and in Java's full form. */
    static String normal(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        h = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (h.contains(":") && h.matches("[0-9a-f:.]{2,45}")) {
            try {
                // A literal: parsed, never looked up.
                return InetAddress.getByName(h).getHostAddress();
            } catch (UnknownHostException e) {
                return h;
            }
        }
        return h;
    }

    /** A refusal before routing, in the language the request's {@code Accept-Language} asks for. */
    private static void refuse(Request request, Response response, Callback callback, int status, String key) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Exchange x = new Exchange(request, response, callback);
        x.error(status, x.text(key));
    }
}
