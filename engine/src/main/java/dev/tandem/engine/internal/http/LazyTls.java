package dev.tandem.engine.internal.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * TLS for an {@code http://} endpoint (S3Proxy, or MinIO or Garage on a NAS), set up only if a connection ever asks
 * for it. The HTTP client otherwise builds its TLS context along with the S3 client, reading the JDK's trust store
 * and parsing its certificates: 0.1 to 0.25 s of a cold command-line sync, even with the classes archived, that a
 * plain-http endpoint never uses (PERFORMANCE.md, "A new device ready"). An {@code https://} endpoint and AWS itself
 * keep the SDK's own TLS setup. {@link PinnedTls} is made lazily through one of these too.
 */
public final class LazyTls implements TlsSocketStrategy {
    /** Makes the TLS strategy, once, on the first connection that asks for TLS. */
    @FunctionalInterface
    interface Factory {
        TlsSocketStrategy create() throws IOException;
    }

    private final Factory factory;
    private volatile TlsSocketStrategy tls;

    /** The JDK's trust, as the HTTP client would set it up itself. */
    public LazyTls() {
        this(DefaultClientTlsStrategy::createDefault);
    }

    LazyTls(Factory factory) {
        this.factory = factory;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        TlsSocketStrategy t = tls;
        if (t == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = factory.create();
                }
                t = tls;
            }
        }
        return t.upgrade(socket, target, port, attachment, context);
    }

    /** Whether a connection has asked for TLS, so the context exists. */
    boolean started() {
        return tls != null;
    }
}
