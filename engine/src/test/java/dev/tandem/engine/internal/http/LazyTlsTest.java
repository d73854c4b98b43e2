package dev.tandem.engine.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.protocol.BasicHttpContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LazyTlsTest {

    @Test
    void upgrade_firstConnectionToAPlainServer_setsUpTlsAndAttemptsAHandshake() throws Exception {
        LazyTls tls = new LazyTls();
        assertFalse(tls.started(), "TLS was set up before any connection asked for it");
        // A server that answers in plain HTTP: a real TLS handshake must fail on it.
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client gave up first
                }
            });
            answer.start();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
                socket.setSoTimeout(5000);
                assertThrows(SSLException.class,
                        () -> tls.upgrade(socket, "127.0.0.1", server.getLocalPort(), null, new BasicHttpContext()));
            }
            answer.join(5000);
        }
        assertTrue(tls.started(), "the connection that asked for TLS did not set it up");
    }
}
