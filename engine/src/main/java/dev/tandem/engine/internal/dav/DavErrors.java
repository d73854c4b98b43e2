package dev.tandem.engine.internal.dav;

import dev.tandem.engine.internal.http.NetworkErrors;
import dev.tandem.engine.internal.http.Proxies;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A WebDAV server's refusal or a network fault, as a {@link SyncException} in the user's words:
 * which of their settings to look at, and whether trying again later can help.
 */
public final class DavErrors {
    private DavErrors() {
    }

    /** An answer that is not what the request needed. {@code head} says what was attempted, and where. */
    public static SyncException status(String head, DavResponse r) {
        int s = r.status();
        String said = "HTTP " + s;
        if (s == -1) {
            return new SyncException(Reason.CORRUPT, head + "the answer is larger than any Tandem object; not read");
        }
        if (s == 401) {
            return new SyncException(Reason.AUTH, head + "the user name or password was refused (" + said + "). "
                    + "Nextcloud and ownCloud accounts with two-factor log-in need an app password "
                    + "(Settings → Security → Devices & sessions)");
        }
        if (s == 403) {
            return new SyncException(Reason.AUTH, head + "the server refused access (" + said + "): the account may "
                    + "not be allowed to write there, or the server blocked it after failed log-ins");
        }
        if (s >= 300 && s < 400) {
            String to = r.header("location");
            return new SyncException(Reason.NOT_FOUND, head + "the server redirects " + (to == null ? "elsewhere"
                    : "to " + to) + " (" + said + "); use the address it names in Settings, or check for a "
                    + "log-in page on this network");
        }
        if (s == 511) {
            return new SyncException(Reason.UNREACHABLE, Diagnosis.LOGIN_PAGE, head + "this network needs a log-in in "
                    + "the browser first (" + said + " Network Authentication Required: hotel or office Wi-Fi)", null);
        }
        if (s == 404 || s == 409) {
            return new SyncException(Reason.NOT_FOUND, head + "the folder does not exist on the server (" + said
                    + "); create it first, for example in Nextcloud's Files, and check the address");
        }
        if (s == 405 || s == 501) {
            return new SyncException(Reason.NOT_FOUND, head + "the address is not a WebDAV folder (" + said
                    + "); for Nextcloud or ownCloud it looks like https://HOST/remote.php/dav/files/USER/FOLDER");
        }
        if (s == 507) {
            return new SyncException(Reason.IO, head + "the account's storage on the server is full (" + said
                    + " Insufficient Storage); free space there or raise the quota");
        }
        if (s == 413) {
            return new SyncException(Reason.IO, head + "the server refuses objects this large (" + said
                    + " Payload Too Large); raise its upload limit");
        }
        if (s == 423 || s == 429 || s >= 500) {
            String retry = r.header("retry-after");
            return new SyncException(Reason.REMOTE_BUSY, s == 429 || s == 503 && retry != null ? Diagnosis.THROTTLED
                    : Diagnosis.NONE, head + "the server is busy or failing (" + said
                    + (retry == null ? "" : ", retry after " + retry) + ")", null);
        }
        return new SyncException(Reason.IO, head + "the server refused the request (" + said
                + (r.body().length == 0 ? "" : ": " + r.bodySnippet()) + ")");
    }

    /** A web page where WebDAV was expected: a log-in page of the network, or an address that is no WebDAV folder. */
    public static SyncException webPage(String head, DavResponse r) {
        return new SyncException(Reason.UNREACHABLE, Diagnosis.LOGIN_PAGE, head + "the server answered with a web page instead of WebDAV "
                + "(HTTP " + r.status() + "): this network may need a log-in in the browser first (hotel or office "
                + "Wi-Fi), or the address is a web page and not the WebDAV folder", null);
    }

    /** A failure on the way to the server; {@code refused} is the certificate TLS refused, if any. */
    static SyncException network(String head, IOException e, String refused, Proxies.Choice proxy) {
        if (Thread.currentThread().isInterrupted()) {
            return new SyncException(Reason.UNREACHABLE, head + "interrupted", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException && refused != null) {
                return new SyncException(Reason.AUTH, Diagnosis.TLS, head + "the server's certificate is not trusted by this computer ("
                        + refused + "). If this is your own server's self-signed certificate and the server shows the "
                        + "same fingerprint, trust it on purpose in Settings (or TANDEM_WEBDAV_TRUST for the "
                        + "command line); on a network you do not control, it may be someone in between", e);
            }
        }
        SyncException network = NetworkErrors.map(head, e, proxy);
        return network != null ? network : new SyncException(Reason.IO, head + e, e);
    }
}
