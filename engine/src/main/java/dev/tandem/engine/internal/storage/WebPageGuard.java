package dev.tandem.engine.internal.storage;

import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Stops an S3 call whose answer is a web page. S3 answers with XML or with the object's bytes, and
 * Tandem never stores HTML; a page comes from the network in between: a hotel or office Wi-Fi's
 * log-in page (often with status 200), a proxy's error page, or an address that is a website. Read
 * as an object, such a page would look like data: a plain device would take it for the encryption
 * descriptor ("the remote is encrypted") and an encrypted one for damage. So it is refused where
 * the answer arrives, before any caller sees it, and reported as the network problem it is
 * ({@link S3Errors}).
 */
final class WebPageGuard implements ExecutionInterceptor {
    /** RFC 6585: a captive portal that says so. */
    private static final int NETWORK_AUTHENTICATION_REQUIRED = 511;

    /** The cause {@link S3Errors} recognises. */
    static final class WebPage extends RuntimeException {
        final int status;

        WebPage(int status) {
            super("a web page (HTTP " + status + ") instead of an S3 answer", null, false, false);
            this.status = status;
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        SdkHttpResponse r = context.httpResponse();
        String type = r.firstMatchingHeader("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean html = type.startsWith("text/html") || type.startsWith("application/xhtml");
        // Some S3 servers (moto) label their empty answers to PUT and DELETE text/html: only a page
        // with content is one. A HEAD's length is the object's, but S3 objects Tandem wrote are never HTML.
        String length = r.firstMatchingHeader("Content-Length").orElse("").strip();
        boolean empty = length.equals("0") || r.statusCode() == 204 || r.statusCode() == 304;
        if (html && !empty || r.statusCode() == NETWORK_AUTHENTICATION_REQUIRED) {
            WebPage page = new WebPage(r.statusCode());
            throw SdkClientException.builder().message(page.getMessage()).cause(page).build();
        }
    }
}
