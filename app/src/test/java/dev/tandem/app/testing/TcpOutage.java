package dev.tandem.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of an upstream port, which a test can cut and restore: the
 * network going away and coming back, for a real server the test cannot stop without losing what
 * it holds. {@link #cut()} closes the listening socket and every open connection, so requests in
 * flight fail and new connections are refused, as for a remote that is gone; {@link #restore()}
 * listens again on the same port, so a client configured with {@link #port()} reaches the server
 * again without being told. Every thread is a daemon; {@link #close()} stops them all.
 */
public final class TcpOutage implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int upstreamPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private boolean closed;

    /** Starts relaying 127.0.0.1:{@link #port()} (a free port) to 127.0.0.1:{@code upstreamPort}. */
    public TcpOutage(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        this.port = listen(0);
    }

    /** The port clients connect to; the same after {@link #restore()}. */
    public int port() {
        return port;
    }

    /** The remote is gone: in-flight connections are closed, new ones are refused. */
    public synchronized void cut() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        open.forEach(TcpOutage::closeQuietly);
    }

    /** The remote is back, on the same port (unless this relay was closed). */
    public synchronized void restore() {
        if (listener == null && !closed) {
            listen(port);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }

    private synchronized int listen(int onPort) {
        try {
            ServerSocket s = new ServerSocket();
            // The port may still have connections in TIME_WAIT from before the cut.
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(LOOPBACK, onPort));
            listener = s;
            daemon("tcp-outage-accept-" + s.getLocalPort(), () -> accept(s));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return; // cut or closed
            }
            Socket upstream = new Socket();
            synchronized (this) {
                open.add(client);
                open.add(upstream);
                if (listener != s) {
                    // Cut while this connection was accepted: it must not survive the cut.
                    forget(client, upstream);
                    return;
                }
            }
            try {
                upstream.connect(new InetSocketAddress(LOOPBACK, upstreamPort), 5000);
            } catch (IOException e) {
                forget(client, upstream);
                continue;
            }
            AtomicInteger directions = new AtomicInteger(2);
            daemon("tcp-outage-up", () -> pump(client, upstream, directions));
            daemon("tcp-outage-down", () -> pump(upstream, client, directions));
        }
    }

    /** Copies one way until EOF, then half-closes; the last direction to end, or an error, closes both. */
    private void pump(Socket from, Socket to, AtomicInteger directions) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
            if (directions.decrementAndGet() == 0) {
                forget(from, to);
            }
        } catch (IOException e) {
            forget(from, to);
        }
    }

    private void forget(Socket a, Socket b) {
        closeQuietly(a, b);
        open.remove(a);
        open.remove(b);
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception alreadyClosed) {
                // nothing left to close
            }
        }
    }
}
