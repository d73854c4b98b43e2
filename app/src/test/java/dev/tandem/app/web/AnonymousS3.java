package dev.tandem.app.web;

import dev.tandem.engine.testing.S3ProxyServer;
import java.util.List;

/**
 * One S3Proxy per test JVM that answers reads without credentials (a bucket whose objects anyone may read, as the
 * page's published folder needs), for the tests of the page as its own device. Starting one costs a JVM start of a
 * busy core (seconds under the suite's load), and every such test started its own. Each takes a bucket of its own
 * ({@link S3ProxyServer#newBucket()}), so none sees another's objects, and its page a folder (and service worker
 * scope) of its own in a browser cleared between tests ({@link SharedChromium}) or started on its own profile. The
 * server stops when the JVM exits (its shutdown hook); a test that needs other settings (CORS, none) starts its own.
 */
final class AnonymousS3 {
    private static S3ProxyServer server;

    private AnonymousS3() {
    }

    /** The JVM's anonymous S3Proxy, started on first use (again if it died). Never close it. */
    static synchronized S3ProxyServer shared() {
        if (server == null || !server.isAlive()) {
            // Its objects live in its memory: room for the published pages and replicas of every test of the JVM.
            server = S3ProxyServer.builder().anonymous()
                    .jvmArgs(List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto")).start();
        }
        return server;
    }
}
