package dev.tandem.engine.internal.http;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * What went wrong on the way to a server, in words: the host name, the connection, a timeout or
 * TLS. Shared by every HTTP remote (S3 and WebDAV), so one network fault reads the same whichever
 * remote is set up, and is never mistaken for a problem with what the remote holds.
 */
public final class NetworkErrors {
    private NetworkErrors() {
    }

    /**
     * The network failure among {@code e} and its causes, with {@code head} ("Cannot get 'k' in
     * …: ") in front; null when none of them is one.
     */
    public static SyncException map(String head, Throwable e) {
        return map(head, e, Proxies.Choice.DIRECT);
    }

    /**
     * As {@link #map(String, Throwable)}, for a remote reached through {@code proxy}: then every
     * connection goes to the proxy, so a failure to resolve or connect is the proxy's, and says so.
     */
    public static SyncException map(String head, Throwable e, Proxies.Choice proxy) {
        if (!proxy.direct()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnknownHostException || t instanceof ConnectException
                        || t instanceof NoRouteToHostException || t instanceof ConnectTimeoutException) {
                    return new SyncException(Reason.UNREACHABLE, Diagnosis.PROXY, head + proxy.describe() + " is unreachable ("
                            + t.getMessage() + "); check the proxy setting, or HTTPS_PROXY / HTTP_PROXY / NO_PROXY", e);
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new SyncException(Reason.UNREACHABLE, Diagnosis.DNS, head + "cannot resolve the host name "
                        + quoted(t.getMessage()) + " (DNS lookup failed)", e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new SyncException(Reason.UNREACHABLE, Diagnosis.NO_NETWORK, head + "cannot connect ("
                        + t.getMessage() + ")", e);
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                // Apache's ConnectTimeoutException is an InterruptedIOException, not a thread interrupt.
                return new SyncException(Reason.UNREACHABLE, Diagnosis.TIMEOUT, head + "timed out (" + t.getMessage()
                        + ")", e);
            }
            if (t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertificateException) {
                return new SyncException(Reason.UNREACHABLE, Diagnosis.TLS, head + "the server's certificate is not "
                        + "trusted by this computer (" + t.getMessage() + "): a network in between may inspect "
                        + "encrypted traffic (a company proxy), or someone may be intercepting it", e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new SyncException(Reason.UNREACHABLE, Diagnosis.TLS, head + "the TLS connection failed ("
                        + t.getMessage() + "); check the endpoint address", e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return new SyncException(Reason.UNREACHABLE, Diagnosis.TIMEOUT, head + "the connection failed ("
                        + t.getClass().getSimpleName() + ": " + t.getMessage() + ")", e);
            }
        }
        return null;
    }

    /**
     * The proxy, not the remote, refused the request for want of (right) credentials: a 407, or the
     * 401 some proxies send instead (tinyproxy before 1.11.2, Debian 12's among them).
     */
    public static SyncException proxyRefused(String head, Proxies.Choice proxy, int status) {
        String where = proxy.direct() ? "a proxy on the way" : proxy.describe();
        String said = status == 407 ? "HTTP 407 Proxy Authentication Required" : "HTTP " + status + " from the proxy";
        return new SyncException(Reason.AUTH, Diagnosis.PROXY, head + where + (proxy.hasCredentials()
                ? " refused the proxy user name or password (" + said + "); "
                        + "check them in the proxy setting or HTTPS_PROXY / HTTP_PROXY"
                : " asks for a proxy user name and password (" + said + "); give them as "
                        + "http://user:password@host:port in the proxy setting or HTTPS_PROXY / HTTP_PROXY"), null);
    }

    private static String quoted(String host) {
        return host == null ? "(unknown)" : "'" + host + "'";
    }
}
