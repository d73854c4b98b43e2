package dev.tandem.app.web;

import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server of {@link WebServer}, not yet started: its threads, its one connector (plain HTTP,
 * or TLS with the key store given) and the limits on what connections may hold. Its own class so the
 * server's bounds (threads, open connections, idle times) read in one place, apart from what is served.
 *
 * <p>The handler is set by the caller before {@link Server#start()}; the port is known after it.
 */
record JettyListener(Server server, ServerConnector connector) {
    /** Open connections at most: well below a process's usual 1024 file descriptors. */
    static final int MAX_CONNECTIONS = 512;

    /**
     * A server listening on {@code host:port} once started; over TLS with {@code keyStore}, a PKCS#12 file, unless
     * null; {@code unpairedDeadline} is the {@link Door}'s, which bounds idle connections too once there are too many.
     */
    static JettyListener on(String host, int port, Path keyStore, String keyStorePassword, Duration unpairedDeadline) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("tandem-web");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector;
        if (keyStore != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // A self-signed certificate names this machine as it was made; the phone reaches it by address.
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(keyStore.toString());
            tls.setKeyStorePassword(keyStorePassword);
            tls.setKeyStoreType("PKCS12");
            connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        // Longer than the event stream's ping, so a quiet open page is not cut off.
        connector.setIdleTimeout((LiveEvents.PING_SECONDS * 3) * 1000);
        server.addConnector(connector);
        // Past this many connections Jetty stops accepting and idles the open ones out faster: the
        // process keeps its file descriptors for the database.
        NetworkConnectionLimit connections = new NetworkConnectionLimit(MAX_CONNECTIONS, connector);
        connections.setEndPointIdleTimeout(unpairedDeadline.toMillis());
        server.addBean(connections);
        return new JettyListener(server, connector);
    }
}
