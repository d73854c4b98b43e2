package dev.tandem.engine.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * An HTTP/1.1 server on a free 127.0.0.1 port whose every answer is a function of the request:
 * a log-in page, a redirect, a full disk, a busy server, a hostile XML body, a WebDAV server
 * that ignores the conditions it is sent. Each connection gets a thread that reads requests
 * (request line, headers, a {@code Content-Length} body) one after the other, records them and
 * writes the scripted answer with a {@code Content-Length}, so clients may keep connections
 * alive; or a {@link Response#streamed streamed} one, framed as its headers say and generated as it is
 * written (a 1 GiB answer, a trickle), after which the connection closes. Optionally over TLS, with the key from a given {@link SSLContext}.
 *
 * <p>Chunked request bodies are not read (Tandem's client sends lengths); a script that throws is
 * answered with 500 and recorded in {@link #failures()}, so a test can tell a script bug from the
 * behaviour under test.
 */
public final class ScriptedHttpServer implements AutoCloseable {
    /** One request as received; {@code path} is the raw request target up to any '?'. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Writes a body straight onto the connection: its framing is the headers' (chunked, a length, or the close). */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A canned answer; {@code stream}, when not null, writes the body instead of {@code body}, with
     * no Content-Length added, and the connection closes after it: a hostile server's framing.
     */
    public record Response(int status, Map<String, String> headers, byte[] body, BodyWriter stream) {
        public Response(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, null);
        }

        /** An answer whose head is {@code headers} as given and whose body {@code stream} writes as it likes. */
        public static Response streamed(int status, Map<String, String> headers, BodyWriter stream) {
            return new Response(status, headers, new byte[0], stream);
        }

        public static Response of(int status, String contentType, String body) {
            return new Response(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response of(int status, String contentType, byte[] body) {
            return new Response(status, Map.of("Content-Type", contentType), body);
        }

        public static Response empty(int status) {
            return new Response(status, Map.of(), new byte[0]);
        }

        /** This answer with one more header. */
        public Response with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body, stream);
        }
    }

    private final ServerSocket server;
    private final String scheme;
    private final Function<Request, Response> script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private ScriptedHttpServer(ServerSocket server, String scheme, Function<Request, Response> script) {
        this.server = server;
        this.scheme = scheme;
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "scripted-http-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Plain HTTP. */
    /** A response status that closes the connection without answering. */
    public static final int DROP = -1;

    public static ScriptedHttpServer start(Function<Request, Response> script) {
        try {
            return new ScriptedHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http", script);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1", e);
        }
    }

    /** HTTPS with the server key and certificate of {@code tls}. */
    public static ScriptedHttpServer startTls(SSLContext tls, Function<Request, Response> script) {
        try {
            ServerSocket s = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new ScriptedHttpServer(s, "https", script);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1 with TLS", e);
        }
    }

    /** {@code http(s)://127.0.0.1:PORT/}. */
    public String url() {
        return scheme + "://127.0.0.1:" + server.getLocalPort() + "/";
    }

    /** Every request received so far, in order of arrival. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** What the script threw, if anything. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket; nothing to lose
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the client may have closed it first
            }
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(s);
            Thread t = new Thread(() -> serve(s), "scripted-http-conn-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                Request request = read(in, out);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Response response;
                try {
                    response = script.apply(request);
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                    response = Response.of(500, "text/plain", "script failed: " + e);
                }
                if (response.status() == DROP) {
                    // The connection closes with no answer at all, as a server closing a kept-alive
                    // connection does, whether or not it carried the request out.
                    return;
                }
                write(out, request.method(), response);
                if (response.stream() != null || "close".equalsIgnoreCase(request.header("connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away, or refused our certificate: its side reports that.
        } finally {
            sockets.remove(s);
        }
    }

    /** The next request, or null at the end of the connection. */
    private static Request read(InputStream in, OutputStream out) throws IOException {
        String line = line(in);
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length < 2) {
            throw new IOException("Not an HTTP request line: " + line);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new IOException("Chunked request bodies are not supported by this test server");
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("The body ended early");
        }
        String target = parts[1];
        int query = target.indexOf('?');
        return new Request(parts[0], query < 0 ? target : target.substring(0, query), Map.copyOf(headers), body);
    }

    /** One CRLF-terminated line in ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String method, Response r) throws IOException {
        boolean noBody = r.status() == 204 || r.status() == 304 || r.status() < 200;
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ')
                .append(reason(r.status())).append("\r\n");
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (!noBody && r.stream() == null) {
            head.append("Content-Length: ").append(r.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (r.stream() != null) {
            out.flush();
            r.stream().writeTo(out);
            out.flush();
            return;
        }
        if (!noBody && !"HEAD".equals(method)) {
            out.write(r.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 207 -> "Multi-Status";
            case 302 -> "Found";
            case 404 -> "Not Found";
            case 412 -> "Precondition Failed";
            case 503 -> "Service Unavailable";
            case 507 -> "Insufficient Storage";
            default -> "Scripted";
        };
    }
}
