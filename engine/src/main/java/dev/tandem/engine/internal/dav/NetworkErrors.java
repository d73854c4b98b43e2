package dev.tandem.engine.internal.dav;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new SyncException(Reason.UNREACHABLE, head + "cannot resolve the host name "
                        + quoted(t.getMessage()) + " (DNS lookup failed)", e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new SyncException(Reason.UNREACHABLE, head + "cannot connect (" + t.getMessage() + ")", e);
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                // Apache's ConnectTimeoutException is an InterruptedIOException, not a thread interrupt.
                return new SyncException(Reason.UNREACHABLE, head + "timed out (" + t.getMessage() + ")", e);
            }
            if (t instanceof SSLException) {
                return new SyncException(Reason.UNREACHABLE, head + "the TLS connection failed ("
                        + t.getMessage() + "); check the endpoint address", e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return new SyncException(Reason.UNREACHABLE, head + "the connection failed ("
                        + t.getClass().getSimpleName() + ": " + t.getMessage() + ")", e);
            }
        }
        return null;
    }

    private static String quoted(String host) {
        return host == null ? "(unknown)" : "'" + host + "'";
    }
}
