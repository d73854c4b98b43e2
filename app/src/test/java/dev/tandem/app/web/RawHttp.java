package dev.tandem.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 spoken by hand over a socket, as an attacker would: any Host, any framing, a body as slow
 * or as long as wanted. {@link java.net.http.HttpClient} refuses to set {@code Host} and always frames
 * bodies itself, so the attack tests use this.
 */
final class RawHttp implements AutoCloseable {
    final Socket socket;
    final OutputStream out;
    final InputStream in;
    /** Whether the last {@link #answer()} ended because the read timed out (the server kept the connection open). */
    boolean timedOut;

    RawHttp(int port, Duration readTimeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends the request line and headers ({@code "Name: value"} each), ending the head. */
    RawHttp head(String requestLine, String... headers) throws IOException {
        StringBuilder b = new StringBuilder(requestLine).append("\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        out.write(b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** One chunk of a chunked body; an empty one ends it. */
    RawHttp chunk(byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** The status code of the answer, or -1 when the server closed the connection without one. */
    int status() throws IOException {
        String line = answer().split("\r\n", 2)[0];
        return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
    }

    /** Everything the server sent until it closed the connection, the read timed out, or the answer's length is in. */
    String answer() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                got.write(buf, 0, n);
                if (complete(got.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            timedOut = false;
        } catch (SocketTimeoutException e) {
            // What arrived before the timeout is the answer; the server neither answered nor closed.
            timedOut = true;
        } catch (SocketException e) {
            // Reset by the server: what arrived before is the answer.
            timedOut = false;
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String s) {
        int end = s.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher m = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(s.substring(0, end));
        return m.find() && s.length() - end - 4 >= Integer.parseInt(m.group(1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
