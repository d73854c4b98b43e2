package dev.tandem.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay in front of a real server that can lose one answer on purpose: the request reaches
 * the server and takes effect, but the connection is cut before the response gets back. This is
 * the "unknown outcome" every retrying client must survive, e.g. a PUT that succeeded although the
 * client saw an error.
 *
 * <p>It reads HTTP/1.1 only as far as request and status lines at the start of a read, which is
 * how clients and servers write them; it is a test tool, not a proxy for production.
 */
public final class FaultyProxy implements AutoCloseable {
    private final int upstreamPort;
    private final ServerSocket server;
    private final AtomicReference<String> dropMethod = new AtomicReference<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FaultyProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1", e);
        }
        this.acceptor = new Thread(this::acceptLoop, "faulty-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The next request with this HTTP method reaches the server, but its response is lost. */
    public void loseNextResponseTo(String method) {
        dropMethod.set(method + " ");
    }

    /** How many responses were lost so far. */
    public int lostResponses() {
        return dropped.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(FaultyProxy::closeQuietly);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                AtomicBoolean loseResponse = new AtomicBoolean();
                pump("request", client, upstream, chunk -> {
                    String method = dropMethod.get();
                    if (method != null && startsWith(chunk, method) && dropMethod.compareAndSet(method, null)) {
                        loseResponse.set(true);
                    }
                    return true;
                });
                pump("response", upstream, client, chunk -> {
                    if (loseResponse.get() && !startsWith(chunk, "HTTP/1.1 100")) {
                        dropped.incrementAndGet();
                        closeQuietly(client);
                        closeQuietly(upstream);
                        return false;
                    }
                    return true;
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException("FaultyProxy accept failed", e);
                }
            }
        }
    }

    private interface ChunkFilter {
        /** False to stop relaying. */
        boolean pass(String chunkStart);
    }

    private static void pump(String name, Socket from, Socket to, ChunkFilter filter) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (!filter.pass(new String(buf, 0, Math.min(n, 16), StandardCharsets.ISO_8859_1))) {
                        return;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // Either side went away; the other pump notices on its own.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-proxy-" + name);
        t.setDaemon(true);
        t.start();
    }

    private static boolean startsWith(String chunkStart, String prefix) {
        return chunkStart.startsWith(prefix.length() > 16 ? prefix.substring(0, 16) : prefix);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException alreadyGone) {
            // Closing is all that was wanted.
        }
    }
}
