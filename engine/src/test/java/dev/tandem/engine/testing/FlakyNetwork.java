package dev.tandem.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bad network between a device and a real HTTP server (S3Proxy): a TCP relay on 127.0.0.1 that,
 * per request, passes it through or does one {@link Kind} of harm, drawn from a seeded random at
 * settable rates, or set up one-shot with {@link #once}. {@link #heal()} stops all harm.
 *
 * <p>One request per client connection: the relay tells the server {@code Connection: close} and
 * hands the client a response that says the same, so a response ends where the server closes and
 * no request ever has to be found inside a kept-alive stream. The Apache client then opens a new
 * connection per request, which costs nothing on loopback and keeps this class small and correct.
 * It reads HTTP/1.1 only as far as heads and {@code Content-Length}, and passes an interim
 * {@code 100 Continue} straight on, as the SDK sends PUTs with {@code Expect: 100-continue}.
 * A test tool, not a proxy for production.
 */
public final class FlakyNetwork implements AutoCloseable {
    /** What the network does to one request. */
    public enum Kind {
        /** Only the head and half the body reach the server; then both connections drop. */
        RESET_UPLOAD,
        /** The server answers (and acts), but only part of its answer gets back before the drop. */
        RESET_DOWNLOAD,
        /** The answer is held back a while: a slow server that still answers. */
        STALL,
        /** A Wi-Fi log-in page answers instead of the server, which never sees the request. */
        LOGIN_PAGE,
        /** 503 SlowDown, as S3 throttles, without asking the server. */
        THROTTLE_503,
        /** 429 TooManyRequests with Retry-After, as S3-compatible services throttle. */
        THROTTLE_429
    }

    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final String LOGIN_PAGE = "<!DOCTYPE html><html><head><title>Welcome to Harbour Hotel Wi-Fi</title>"
            + "</head><body><form action=\"/login\"><input name=\"room\"><button>Log in</button></form></body></html>";

    private record OneShot(Kind kind, String method, String pathPart) {
    }

    private final int upstreamPort;
    private final ServerSocket server;
    private final Random random;
    private final Map<Kind, Double> rates = new EnumMap<>(Kind.class);
    private final Deque<OneShot> oneShots = new ArrayDeque<>();
    private final Map<Kind, AtomicInteger> injected = new EnumMap<>(Kind.class);
    private final AtomicLong requests = new AtomicLong();
    private final Map<Socket, Boolean> sockets = new ConcurrentHashMap<>();
    private volatile boolean healed;
    private volatile Duration stall = Duration.ofMillis(1500);

    public FlakyNetwork(int upstreamPort, long seed) {
        this.upstreamPort = upstreamPort;
        this.random = new Random(seed);
        for (Kind k : Kind.values()) {
            rates.put(k, 0.0);
            injected.put(k, new AtomicInteger());
        }
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "flaky-network-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The share of requests (0..1) that suffer {@code kind}; the kinds' rates add up to at most 1. */
    public synchronized FlakyNetwork rate(Kind kind, double rate) {
        rates.put(kind, rate);
        return this;
    }

    /** How long {@link Kind#STALL} holds an answer; well below the client's 30 s socket timeout. */
    public FlakyNetwork stallFor(Duration delay) {
        this.stall = delay;
        return this;
    }

    /** The next request suffers {@code kind}, whatever the rates and even after {@link #heal()}. */
    public FlakyNetwork once(Kind kind) {
        return once(kind, null, null);
    }

    /** The next request with this method (null: any) and a path containing {@code pathPart} (null: any) suffers {@code kind}. */
    public synchronized FlakyNetwork once(Kind kind, String method, String pathPart) {
        oneShots.add(new OneShot(kind, method, pathPart));
        return this;
    }

    /** No more random harm from now on (one-shots still armed stay armed). */
    public void heal() {
        healed = true;
    }

    public int injected(Kind kind) {
        return injected.get(kind).get();
    }

    /** Requests that reached the relay, harmed or not. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            List.copyOf(sockets.keySet()).forEach(this::closeQuietly);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.put(client, true);
                Thread t = new Thread(() -> handle(client), "flaky-network-request");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException("FlakyNetwork accept failed", e);
                }
            }
        }
    }

    /** The harm for a request with this request line, or null; one-shots first, in order. */
    private synchronized Kind choose(String method, String path) {
        for (var it = oneShots.iterator(); it.hasNext(); ) {
            OneShot o = it.next();
            if ((o.method() == null || o.method().equals(method)) && (o.pathPart() == null || path.contains(o.pathPart()))) {
                it.remove();
                return o.kind();
            }
        }
        double r = random.nextDouble();
        if (healed) {
            return null;
        }
        for (Kind k : Kind.values()) {
            r -= rates.get(k);
            if (r < 0) {
                return k;
            }
        }
        return null;
    }

    private void handle(Socket client) {
        Socket upstream = null;
        try {
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            byte[] head = readHead(fromClient);
            if (head == null) {
                return;
            }
            requests.incrementAndGet();
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
            long bodyLength = contentLength(text);
            Kind kind = choose(requestLine[0], requestLine.length > 1 ? requestLine[1] : "");
            if (kind != null) {
                injected.get(kind).incrementAndGet();
            }
            if (kind == Kind.LOGIN_PAGE || kind == Kind.THROTTLE_503 || kind == Kind.THROTTLE_429) {
                toClient.write(canned(kind));
                toClient.flush();
                lingeringClose(client);
                return;
            }
            upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            sockets.put(upstream, true);
            OutputStream toServer = upstream.getOutputStream();
            byte[] forwarded = withConnectionClose(text).getBytes(StandardCharsets.ISO_8859_1);
            if (kind == Kind.RESET_UPLOAD && bodyLength < 2) {
                // Nothing worth halving in the body: cut the head instead.
                toServer.write(forwarded, 0, forwarded.length / 2);
                toServer.flush();
                return;
            }
            toServer.write(forwarded);
            toServer.flush();
            if (bodyLength > 0) {
                // Apart from the answer: with Expect: 100-continue the body follows only the 100 we relay.
                long send = kind == Kind.RESET_UPLOAD ? bodyLength / 2 : bodyLength;
                Socket c = client;
                Socket u = upstream;
                Thread body = new Thread(() -> relayBody(c, u, send, kind == Kind.RESET_UPLOAD), "flaky-network-body");
                body.setDaemon(true);
                body.start();
            }
            // An interim answer (100 Continue) must reach the client at once, or it never sends the
            // body: so it goes straight on, and only the final answer is held or cut.
            InputStream fromServer = upstream.getInputStream();
            byte[] finalHead;
            while ((finalHead = readHead(fromServer)) != null && startsWith(finalHead, "HTTP/1.1 1")) {
                toClient.write(finalHead);
                toClient.flush();
            }
            if (finalHead != null) {
                relayAnswer(toClient, finalHead, fromServer.readAllBytes(), kind);
            }
        } catch (IOException dropped) {
            // Either side went away (or we cut it on purpose): the client sees a dropped connection.
        } finally {
            closeQuietly(client);
            if (upstream != null) {
                closeQuietly(upstream);
            }
        }
    }

    private void relayAnswer(OutputStream toClient, byte[] head, byte[] body, Kind kind) throws IOException {
        byte[] h = withConnectionClose(new String(head, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        if (kind == Kind.STALL) {
            sleep(stall);
        }
        if (kind == Kind.RESET_DOWNLOAD && body.length < 2) {
            // Next to no body: the answer breaks off in its head.
            toClient.write(h, 0, h.length / 2);
        } else {
            toClient.write(h);
            toClient.write(body, 0, kind == Kind.RESET_DOWNLOAD ? body.length / 2 : body.length);
        }
        toClient.flush();
    }

    /**
     * A body can be far larger than the interim answer the relay waits for, so it goes through its
     * own thread; a cut upload closes both sockets, as a reset does.
     */
    private void relayBody(Socket client, Socket upstream, long bytes, boolean thenReset) {
        byte[] buf = new byte[64 * 1024];
        try {
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            long left = bytes;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
            out.flush();
        } catch (IOException gone) {
            // The server answered early and closed, or the client gave up: nothing left to relay.
        } finally {
            if (thenReset) {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        }
    }

    private static byte[] canned(Kind kind) {
        int status = kind == Kind.LOGIN_PAGE ? 200 : kind == Kind.THROTTLE_503 ? 503 : 429;
        String reason = kind == Kind.LOGIN_PAGE ? "OK" : kind == Kind.THROTTLE_503 ? "Slow Down" : "Too Many Requests";
        String type = kind == Kind.LOGIN_PAGE ? "text/html; charset=utf-8" : "application/xml";
        String body = kind == Kind.LOGIN_PAGE ? LOGIN_PAGE
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                        + (kind == Kind.THROTTLE_503 ? "SlowDown" : "TooManyRequests")
                        + "</Code><Message>Please reduce your request rate.</Message></Error>";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length
                + (kind == Kind.LOGIN_PAGE ? "" : "\r\nRetry-After: 1") + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + b.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }

    /**
     * Answering before the body is read and closing at once would reset the connection, and a reset
     * can destroy the answer before the client reads it: so say we are done, read what the client
     * still sends until it closes, and close then, as HTTP servers do.
     */
    private static void lingeringClose(Socket client) throws IOException {
        client.shutdownOutput();
        client.setSoTimeout(2000);
        InputStream in = client.getInputStream();
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // discard
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == END_OF_HEAD[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return matched == 4 ? head.toByteArray() : null;
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).strip());
            }
            if (lower.startsWith("transfer-encoding:")) {
                throw new IllegalStateException("FlakyNetwork relays Content-Length bodies only: " + line);
            }
        }
        return 0;
    }

    /** The head with any Connection header replaced by {@code Connection: close}. */
    private static String withConnectionClose(String head) {
        StringBuilder out = new StringBuilder();
        List<String> lines = List.of(head.substring(0, head.length() - 4).split("\r\n"));
        for (String line : lines) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                out.append(line).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    private static boolean startsWith(byte[] data, String prefix) {
        return new String(data, StandardCharsets.ISO_8859_1).startsWith(prefix);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException alreadyGone) {
            // Closing is all that was wanted.
        }
    }
}
