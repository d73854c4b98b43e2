package dev.tandem.engine.internal.dav;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A GET whose body, on a 200, stays on the wire for the caller to stream ({@link DavStream}): an
 * attachment or a backup, which may rightly take long, so no answer deadline applies; the socket
 * timeout still bounds every gap. Any other answer is read whole, its body capped at
 * {@link #ERROR_BODY}. The connection is closed on every path except the one that hands the stream
 * out, which closes it with the stream.
 */
final class StreamedGet {
    /** The most of an error answer that is read, for its message. */
    private static final int ERROR_BODY = 1 << 20;
    /** How much of the start is looked at for a log-in page ({@link DavResponse#isWebPage}). */
    private static final int WEB_PAGE_SNIFF = 64;

    private final DavClient client;

    StreamedGet(DavClient client) {
        this.client = client;
    }

    DavStream open(URI uri, String action, boolean retried) throws IOException {
        HttpUriRequestBase request = client.request("GET", uri, Map.of());
        HttpClientContext context = HttpClientContext.create();
        ClassicHttpResponse response = client.http().executeOpen(null, request, context);
        boolean handedOut = false;
        try {
            Map<String, String> kept = client.answered(response, context, action);
            HttpEntity body = response.getEntity();
            if (response.getCode() == 200 && body == null) {
                return new DavStream(new DavResponse(200, kept, new byte[0], retried), InputStream.nullInputStream(), null);
            }
            if (response.getCode() != 200) {
                return new DavStream(new DavResponse(response.getCode(), kept, errorBody(request, body), retried), null, null);
            }
            // Room to look at the start for a log-in page without reading past it.
            BufferedInputStream in = new BufferedInputStream(body.getContent(), 64 << 10);
            in.mark(WEB_PAGE_SNIFF);
            byte[] start = in.readNBytes(WEB_PAGE_SNIFF);
            in.reset();
            DavResponse r = new DavResponse(200, kept, start, retried);
            if (r.isWebPage()) {
                request.cancel();
                throw DavErrors.webPage(client.head(action), r);
            }
            InputStream stream = new FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        response.close();
                    }
                }
            };
            handedOut = true;
            return new DavStream(r, stream, request::cancel);
        } finally {
            if (!handedOut) {
                response.close();
            }
        }
    }

    /** An error answer's body for its message; one declared over the cap is not read, its connection dropped. */
    private static byte[] errorBody(HttpUriRequestBase request, HttpEntity body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body.getContentLength() > ERROR_BODY) {
            request.cancel();
            return new byte[0];
        }
        try (InputStream in = body.getContent()) {
            return in.readNBytes(ERROR_BODY);
        }
    }
}
