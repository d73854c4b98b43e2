package dev.tandem.engine.internal.dav;

import dev.tandem.engine.internal.http.NetworkErrors;
import dev.tandem.engine.internal.http.PinnedTls;
import dev.tandem.engine.internal.http.Proxies;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP connection pool to one WebDAV server, through Apache HttpClient 5 (which the engine
 * already has for S3). A call is one request, tried again only where nothing can have been done
 * (423 Locked) or on a kept-alive connection the server had closed, and then said so. No other
 * automatic retries (sync retries on its own schedule, and a retried conditional write would be
 * ambiguous), no redirects followed (a redirect is either a wrong address or a log-in page, and the
 * user must see which), and the credentials sent up front, so no request costs a second round trip
 * for a 401 challenge.
 */
public final class DavClient implements AutoCloseable {
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);
    /** Between two packets of an answer: a listing of a large folder may take the server a while. */
    private static final Timeout SOCKET_TIMEOUT = Timeout.ofSeconds(60);
    /**
     * The most one request may take, answer read whole: the socket timeout is between two packets,
     * so a server trickling a byte a second would otherwise hold a sync for ever. Ten minutes
     * still read a 64 MiB listing at 1 Mbit/s.
     */
    public static final Duration ANSWER_DEADLINE = Duration.ofMinutes(10);
    /** Tries of a request answered 423 Locked, about 0.8 s in all. */
    private static final int LOCKED_RETRIES = 5;
    private static final Set<String> HEADERS = Set.of("etag", "content-type", "content-length", "location",
            "retry-after", "www-authenticate", "dav", "last-modified");

    private final URI root;
    private final String where;
    private final String authorization;
    private final PinnedTls tls;
    private final Proxies.Choice proxy;
    /** Basic credentials for the proxy, sent up front on plain-http requests (which go to the proxy); else null. */
    private final String proxyAuthorization;
    private final CloseableHttpClient http;
    private final AtomicLong sent = new AtomicLong();
    private final Duration answerDeadline;
    private final StreamedGet streamedGet = new StreamedGet(this);

    /** A client that takes its proxy from the settings or else the JVM's proxy selector, never the environment. */
    public DavClient(WebDavSettings settings) {
        this(settings, Proxies.choose(URI.create(settings.url()), settings.proxy(), Map.of(), ProxySelector.getDefault()));
    }

    /** A client reaching the server through {@code proxy} ({@link Proxies.Choice#DIRECT} for none). */
    public DavClient(WebDavSettings settings, Proxies.Choice proxy) {
        this(settings, proxy, ANSWER_DEADLINE);
    }

    /** As {@link #DavClient(WebDavSettings, Proxies.Choice)}, with every request of {@link #send} dropped after {@code answerDeadline}. */
    public DavClient(WebDavSettings settings, Proxies.Choice proxy, Duration answerDeadline) {
        Objects.requireNonNull(settings, "settings");
        this.answerDeadline = Objects.requireNonNull(answerDeadline, "answerDeadline");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        String url = settings.url().endsWith("/") ? settings.url() : settings.url() + "/";
        this.root = URI.create(url);
        this.where = url.substring(0, url.length() - 1);
        this.authorization = settings.user().isEmpty() ? null : "Basic " + Base64.getEncoder().encodeToString(
                (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        this.tls = new PinnedTls(settings.trustedCertificate());
        HttpClientBuilder builder = HttpClients.custom();
        String proxyAuth = null;
        if (!proxy.direct()) {
            // Through the proxy: plain http as absolute-URI requests to it, https through a CONNECT
            // tunnel. The credentials provider answers the proxy's 407 challenge (a CONNECT needs
            // it); on plain http they also go up front, as the server's do, to save a round trip.
            // Never up front on https: that header would travel inside the tunnel to the server.
            HttpHost via = new HttpHost("http", proxy.host(), proxy.port());
            builder.setProxy(via);
            if (proxy.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(via),
                        new UsernamePasswordCredentials(proxy.user(), proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
                if ("http".equalsIgnoreCase(root.getScheme())) {
                    proxyAuth = "Basic " + Base64.getEncoder().encodeToString(
                            (proxy.user() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        this.proxyAuthorization = proxyAuth;
        this.http = builder
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls)
                        .setMaxConnPerRoute(8)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(CONNECT_TIMEOUT)
                                .setSocketTimeout(SOCKET_TIMEOUT)
                                // Servers close idle kept-alive connections (Apache after 5 s):
                                // check one that idled before reusing it.
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(SOCKET_TIMEOUT)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Tandem")
                .build();
    }

    /** The folder everything lives under, ending in '/'. */
    public URI root() {
        return root;
    }

    /** The folder's URL without credentials or the final '/', e.g. {@code https://host/dav/Tandem}. */
    public String where() {
        return where;
    }

    /**
     * {@code path} ('/'-separated, unescaped, relative to the root) as a URL, every segment
     * percent-encoded and non-ASCII characters as UTF-8: the JDK's URI leaves those as they are
     * unless asked for its ASCII form, and HttpClient would then send them as ISO-8859-1 bytes.
     */
    public URI resolve(String path) {
        try {
            URI relative = new URI(null, null, path, null);
            return root.resolve(relative.toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a path: " + path, e);
        }
    }

    /**
     * Sends one request and reads the whole answer, or fails with a {@link SyncException} saying
     * what went wrong on the way, or that a web page (a network's log-in page) answered instead. A
     * body longer than {@code maxBody} is not read: the connection is dropped and the answer has
     * status -1.
     *
     * <p>An answer 423 Locked is tried again a few times, shortly. A kept-alive connection the
     * server closed meanwhile fails before any answer (no response
     * at all); the request is then sent once more on a new connection and the answer says it was
     * {@link DavResponse#retried() retried}, since the first may have been carried out after all.
     */
    public DavResponse send(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
                            long maxBody, String action) {
        return send(method, uri, headers, body == null ? null : () -> new ByteArrayEntity(body,
                ContentType.parse(contentType)), maxBody, action);
    }

    /**
     * As {@link #send(String, URI, Map, byte[], String, long, String)}, with a body streamed from
     * {@code body} with its declared Content-Length: a request sent again opens it again. A body
     * that fails fails the request like the network would, with the body's exception among the
     * causes, for the caller to tell apart.
     */
    public DavResponse sendStreamed(String method, URI uri, Map<String, String> headers, ObjectBody body,
                                    String contentType, long maxBody, String action) {
        Objects.requireNonNull(body, "body");
        return send(method, uri, headers, () -> new BodyEntity(body, ContentType.parse(contentType)), maxBody, action);
    }

    private DavResponse send(String method, URI uri, Map<String, String> headers, Supplier<HttpEntity> entity,
                             long maxBody, String action) {
        DavResponse r = sendOrRetryStale(method, uri, headers, entity, maxBody, action);
        // 423 Locked: another client is writing or moving that very name (rclone locks the names a
        // MOVE touches, Nextcloud a file being uploaded). Nothing was done, so trying again shortly is safe.
        for (int i = 0; r.status() == 423 && i < LOCKED_RETRIES; i++) {
            try {
                Thread.sleep((25L << i) + ThreadLocalRandom.current().nextLong(25));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = sendOrRetryStale(method, uri, headers, entity, maxBody, action);
        }
        return r;
    }

    private DavResponse sendOrRetryStale(String method, URI uri, Map<String, String> headers,
                                         Supplier<HttpEntity> entity, long maxBody, String action) {
        return retryingStale(action, retried -> sendOnce(method, uri, headers, entity, maxBody, action, retried));
    }

    /** One try of a request; {@code retried} when it is the second, after a stale connection. */
    private interface Attempt<T> {
        T run(boolean retried) throws IOException;
    }

    /**
     * Runs {@code attempt}, and once more on a new connection when a kept-alive one turns out to
     * have been closed by the server before any answer came.
     */
    private <T> T retryingStale(String action, Attempt<T> attempt) {
        try {
            try {
                return attempt.run(false);
            } catch (NoHttpResponseException stale) {
                return attempt.run(true);
            }
        } catch (IOException e) {
            throw failure(action, e);
        }
    }

    private DavResponse sendOnce(String method, URI uri, Map<String, String> headers, Supplier<HttpEntity> entity,
                                 long maxBody, String action, boolean retried) throws IOException {
        HttpUriRequestBase request = request(method, uri, headers);
        if (entity != null) {
            request.setEntity(entity.get());
        }
        HttpClientContext context = HttpClientContext.create();
        // A streamed upload (an attachment, a backup) may rightly take longer: its clock starts at the answer.
        boolean upload = request.getEntity() instanceof BodyEntity;
        AnswerDeadline deadline = new AnswerDeadline(answerDeadline, request);
        if (!upload) {
            deadline.arm();
        }
        ClassicHttpResponse response = null;
        boolean dropped = false;
        try {
            response = http.executeOpen(null, request, context);
            deadline.arm();
            Map<String, String> kept = answered(response, context, action);
            HttpEntity body = response.getEntity();
            byte[] data = new byte[0];
            if (body != null) {
                // Past the cap the connection is dropped, never closed: closing a body first reads
                // the rest of it, which may be gigabytes or endless.
                dropped = body.getContentLength() > maxBody;
                if (!dropped) {
                    InputStream in = body.getContent();
                    data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
                    dropped = data.length > maxBody;
                }
                if (dropped) {
                    request.cancel();
                    return new DavResponse(-1, kept, new byte[0], retried);
                }
            }
            DavResponse r = new DavResponse(response.getCode(), kept, data, retried);
            if (r.status() == 200 && r.isWebPage()) {
                // A log-in page in the way answers 200 to anything. A WebDAV server's own pages come
                // with 201 (Apache's "Created") or an error status, and its listings with 207.
                throw DavErrors.webPage(head(action), r);
            }
            return r;
        } catch (IOException e) {
            throw deadline.explain(e);
        } finally {
            deadline.disarm();
            if (response != null) {
                close(response, dropped || deadline.late());
            }
        }
    }

    /**
     * Closes an answer. One whose connection was dropped on purpose (past the cap or the deadline)
     * fails to close with "Socket closed": that is the drop itself, and the refusal already says why.
     */
    private static void close(ClassicHttpResponse response, boolean dropped) throws IOException {
        try {
            response.close();
        } catch (IOException e) {
            if (!dropped) {
                throw e;
            }
        }
    }

    /**
     * A GET whose body, on a 200, stays on the wire for the caller to stream ({@link DavStream});
     * any other answer is read whole, as {@link #send} would. A connection found closed before any
     * answer is tried once more, as for every request.
     */
    public DavStream get(URI uri, String action) {
        return retryingStale(action, retried -> streamedGet.open(uri, action, retried));
    }

    CloseableHttpClient http() {
        return http;
    }

    /** A request with the credentials and {@code headers}; ASCII only on the wire. */
    HttpUriRequestBase request(String method, URI uri, Map<String, String> headers) {
        sent.incrementAndGet();
        // ASCII only on the wire: a URI made elsewhere (a server's href, a redirect) may still hold
        // non-ASCII characters, which must go as UTF-8 percent-encoding, not as ISO-8859-1 bytes.
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(uri.toASCIIString()));
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        if (proxyAuthorization != null) {
            request.setHeader("Proxy-Authorization", proxyAuthorization);
        }
        headers.forEach(request::setHeader);
        return request;
    }

    /** The headers WebDAV needs, lower-case; a proxy's refusal is thrown instead. */
    Map<String, String> answered(ClassicHttpResponse response, HttpClientContext context, String action) {
        if (response.getCode() == 407 || response.getCode() == 401 && proxy.hasCredentials()
                && fromProxy(response, context)) {
            // Only a proxy answers 407 (to a request, or to the CONNECT of an https tunnel).
            throw NetworkErrors.proxyRefused(head(action), proxy, response.getCode());
        }
        Map<String, String> kept = new HashMap<>();
        for (Header h : response.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (HEADERS.contains(name)) {
                kept.putIfAbsent(name, h.getValue());
            }
        }
        return kept;
    }

    /** A failure on the way to or from the server, or of a streamed body, as a SyncException. */
    public SyncException failure(String action, IOException e) {
        return DavErrors.network(head(action), e, tls.refusedCertificate(), proxy);
    }

    /**
     * Whether an answer came from the proxy itself rather than the server. Some proxies refuse
     * wrong credentials with 401 instead of 407 (tinyproxy before 1.11.2). Over https the server's
     * answers come through the tunnel, so one without a TLS session is the proxy's answer to the
     * CONNECT; over http a proxy marks what it forwards with Via (RFC 9110), and not its own pages.
     */
    private boolean fromProxy(ClassicHttpResponse response, HttpClientContext context) {
        return "https".equalsIgnoreCase(root.getScheme()) ? context.getSSLSession() == null
                : response.getFirstHeader("Via") == null;
    }

    /** Requests sent so far, answered or not. */
    public long requestsSent() {
        return sent.get();
    }

    /** The start of every error message: what was attempted, and where. */
    public String head(String action) {
        return "Cannot " + action + " in " + where + ": ";
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // Closing idle pooled connections; nothing was in flight and nothing can be lost.
            System.getLogger(DavClient.class.getName()).log(System.Logger.Level.DEBUG, "Closing " + where, e);
        }
    }
}
