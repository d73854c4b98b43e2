package dev.tandem.app.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A few lines of HTTP/1.1 on 127.0.0.1, port chosen by the system, a thread per connection, each
 * closed after its answer: enough to serve a feed with chosen framing (chunked, a length, none)
 * and headers, which the JDK's own server would decide for itself. Other packages' tests serve feeds with it too.
 */
public final class TinyHttp implements AutoCloseable {
    /** One request: its path and headers (names in lower case). */
    public record Request(String path, Map<String, String> headers) {
    }

    public interface Handler {
        void answer(Request r, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Thread thread;

    public TinyHttp() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "tiny-http");
        thread.setDaemon(true);
        thread.start();
    }

    public void on(String path, Handler h) {
        handlers.put(path, h);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> answer(s), "tiny-http-answer");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // The socket closed at the end of the test.
            }
        }
    }

    private void answer(Socket socket) {
        try (Socket s = socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String first = in.readLine();
            if (first == null) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
            }
            String path = first.split(" ")[1];
            Handler h = handlers.get(path);
            OutputStream out = s.getOutputStream();
            if (h == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } else {
                h.answer(new Request(path, headers), out);
            }
            out.flush();
        } catch (IOException e) {
            // A client that hung up (at its cap) or the socket closed at the end of the test.
        }
    }

    /** Writes a status line and headers (each "Name: value"), then the blank line. */
    public static void head(OutputStream out, String status, String... headers) throws IOException {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append("\r\nConnection: close\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        out.write(b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** One chunk of a chunked body. */
    public static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
