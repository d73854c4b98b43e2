package dev.tandem.engine.internal.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.TinyproxyServer;
import dev.tandem.engine.testing.WebDavServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * S3 (S3Proxy) and WebDAV (Apache, rclone) reached through a real HTTP proxy, tinyproxy: the
 * requests go through it (its log shows them), its Basic auth works, and when it refuses the
 * credentials or is down the error names the proxy, not the storage. The environment is always a
 * map of the test's own, never the process's.
 */
@Tag("server")
class ProxyStorageTest {
    private static final String USER = "tandem";
    private static final String PASSWORD = "proxysecret";

    private TinyproxyServer proxy;

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void s3_throughHttpProxyVariable_listWriteReadGoThroughTheProxy() {
        proxy = TinyproxyServer.start();
        S3ProxyServer s3 = S3ProxyServer.shared();
        try (SyncStorage storage = new S3Storage(s3.settings(s3.newBucket()), Map.of("HTTP_PROXY", proxy.url()), null)) {
            assertRoundTrip(storage);
        }
        assertTrue(proxy.requestsTo("127.0.0.1:" + s3.port()) >= 3, proxy.log());
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void webDav_throughLowercaseHttpProxyVariable_listWriteReadGoThroughTheProxy(WebDavServer.Kind kind) {
        WebDavServer dav = WebDavServer.shared(kind);
        proxy = TinyproxyServer.start();
        try (SyncStorage storage = new WebDavStorage(davSettings(dav), Map.of("http_proxy", proxy.url()), null)) {
            assertRoundTrip(storage);
        }
        assertTrue(proxy.requestsTo(URI.create(dav.url()).getAuthority()) >= 3, proxy.log());
    }

    @Test
    void s3_proxyWithBasicAuthInSetting_listWriteReadSucceed() {
        proxy = TinyproxyServer.start(USER, PASSWORD);
        S3ProxyServer s3 = S3ProxyServer.shared();
        S3Settings settings = s3.settings(s3.newBucket()).withProxy(proxy.url(USER, PASSWORD));
        // The explicit setting wins over a variable naming a port where nothing listens.
        try (SyncStorage storage = new S3Storage(settings, Map.of("HTTP_PROXY", "http://127.0.0.1:1"), null)) {
            assertRoundTrip(storage);
        }
        assertTrue(proxy.requestsTo("127.0.0.1:" + s3.port()) >= 3, proxy.log());
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void webDav_proxyWithBasicAuthInVariable_listWriteReadSucceed(WebDavServer.Kind kind) {
        WebDavServer dav = WebDavServer.shared(kind);
        proxy = TinyproxyServer.start(USER, PASSWORD);
        try (SyncStorage storage = new WebDavStorage(davSettings(dav),
                Map.of("HTTP_PROXY", proxy.url(USER, PASSWORD)), null)) {
            assertRoundTrip(storage);
        }
        assertTrue(proxy.requestsTo(URI.create(dav.url()).getAuthority()) >= 3, proxy.log());
    }

    @Test
    void s3_systemProxySelector_listWriteReadGoThroughTheProxy() {
        proxy = TinyproxyServer.start();
        S3ProxyServer s3 = S3ProxyServer.shared();
        try (SyncStorage storage = new S3Storage(s3.settings(s3.newBucket()), Map.of(), selector(proxy.port()))) {
            assertRoundTrip(storage);
        }
        assertTrue(proxy.requestsTo("127.0.0.1:" + s3.port()) >= 3, proxy.log());
    }

    @Test
    void s3_noneSetting_ignoresTheVariableAndConnectsDirectly() {
        S3ProxyServer s3 = S3ProxyServer.shared();
        S3Settings settings = s3.settings(s3.newBucket()).withProxy("none");
        try (SyncStorage storage = new S3Storage(settings, Map.of("HTTP_PROXY", "http://127.0.0.1:1"), null)) {
            assertRoundTrip(storage);
        }
    }

    @Test
    void s3_wrongProxyPassword_throwsAuthNamingTheProxy() {
        proxy = TinyproxyServer.start(USER, PASSWORD);
        S3ProxyServer s3 = S3ProxyServer.shared();
        try (SyncStorage storage = new S3Storage(s3.settings(s3.newBucket()),
                Map.of("HTTP_PROXY", proxy.url(USER, "wrong-pass")), null)) {
            assertProxyRefused(assertThrows(SyncException.class, () -> storage.list("", null, 10)), "refused");
        }
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void webDav_wrongProxyPassword_throwsAuthNamingTheProxy(WebDavServer.Kind kind) {
        WebDavServer dav = WebDavServer.shared(kind);
        proxy = TinyproxyServer.start(USER, PASSWORD);
        try (SyncStorage storage = new WebDavStorage(davSettings(dav).withProxy(proxy.url(USER, "wrong-pass")),
                Map.of(), null)) {
            assertProxyRefused(assertThrows(SyncException.class, () -> storage.get("a/b")), "refused");
        }
    }

    @Test
    void webDav_httpsTargetProxyWithoutCredentials_throwsAuthNamingTheProxy() {
        proxy = TinyproxyServer.start(USER, PASSWORD);
        // The CONNECT for the tunnel is refused with 407 before anything reaches the target.
        try (SyncStorage storage = new WebDavStorage(new WebDavSettings("https://127.0.0.1:1/dav", "sam", "secret"),
                Map.of("HTTPS_PROXY", proxy.url()), null)) {
            assertProxyRefused(assertThrows(SyncException.class, () -> storage.list("", null, 10)), "asks for");
        }
        assertEquals(1, proxy.requestsTo("127.0.0.1:1"), proxy.log());
    }

    @Test
    void webDav_httpsTargetWrongProxyPassword_throwsAuthNamingTheProxy() {
        proxy = TinyproxyServer.start(USER, PASSWORD);
        try (SyncStorage storage = new WebDavStorage(new WebDavSettings("https://127.0.0.1:1/dav", "sam", "secret"),
                Map.of("HTTPS_PROXY", proxy.url(USER, "wrong-pass")), null)) {
            assertProxyRefused(assertThrows(SyncException.class, () -> storage.list("", null, 10)), "refused");
        }
    }

    @Test
    void s3_proxyStopped_throwsUnreachableNamingTheProxy() {
        proxy = TinyproxyServer.start();
        proxy.stop();
        S3ProxyServer s3 = S3ProxyServer.shared();
        try (SyncStorage storage = new S3Storage(s3.settings("no-bucket-needed"), Map.of("HTTP_PROXY", proxy.url()), null)) {
            assertProxyUnreachable(assertThrows(SyncException.class, () -> storage.get("a/b")));
        }
    }

    @ParameterizedTest
    @EnumSource(WebDavServer.Kind.class)
    void webDav_proxyStopped_throwsUnreachableNamingTheProxy(WebDavServer.Kind kind) {
        WebDavServer dav = WebDavServer.shared(kind);
        proxy = TinyproxyServer.start();
        proxy.stop();
        try (SyncStorage storage = new WebDavStorage(davSettings(dav), Map.of("HTTP_PROXY", proxy.url()), null)) {
            assertProxyUnreachable(assertThrows(SyncException.class, () -> storage.list("", null, 10)));
        }
    }

    private static WebDavSettings davSettings(WebDavServer dav) {
        return new WebDavSettings(dav.newCollection(), WebDavServer.USER, WebDavServer.PASSWORD);
    }

    private static void assertRoundTrip(SyncStorage storage) {
        assertTrue(storage.list("", null, 10).isEmpty());
        assertTrue(storage.createIfAbsent("a/b", "through the proxy".getBytes(UTF_8)));
        assertFalse(storage.createIfAbsent("a/b", "again".getBytes(UTF_8)));
        assertArrayEquals("through the proxy".getBytes(UTF_8), storage.get("a/b").orElseThrow());
        assertEquals(List.of("a/b"), storage.list("", null, 10));
    }

    private void assertProxyRefused(SyncException e, String words) {
        assertEquals(Reason.AUTH, e.reason(), e.getMessage());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("the proxy " + proxy.address()), e.getMessage());
        // Debian 12's tinyproxy (1.11.1) refuses wrong credentials with 401, missing ones with 407.
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("from the proxy")
                || e.getMessage().contains("407"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pass") || e.getMessage().contains(PASSWORD), e.getMessage());
    }

    private void assertProxyUnreachable(SyncException e) {
        assertEquals(Reason.UNREACHABLE, e.reason(), e.getMessage());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("the proxy " + proxy.address()) && e.getMessage().contains("unreachable"),
                e.getMessage());
    }

    /** A JVM-wide proxy selector as -Dhttp.proxyHost would make one, but for this test only. */
    private static ProxySelector selector(int port) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1", port)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
    }
}
