package dev.tandem.app.feeds;

import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One conditional GET of a calendar feed: If-None-Match with the last entity tag, or, from a server
 * that sends none, If-Modified-Since with its last Last-Modified. The body is counted as it arrives, after the transfer's
 * framing is undone (chunked or not, whatever Content-Length claims), and the request is cancelled
 * the moment it passes {@link FeedLimits#maxBytes}; no Accept-Encoding is sent, so nothing inflates
 * afterwards. The whole exchange, headers and body, must end within {@link FeedLimits#maxTime}.
 * Redirects are followed by hand, at most {@value #MAX_REDIRECTS}, each target held to
 * {@link FeedSource}'s rules (no https to http, no http away from this computer).
 */
final class FeedFetch {
    static final int MAX_REDIRECTS = 5;

    /**
     * What the server said: 304 (unchanged, no body) or 200 with the text and what to ask with next
     * time: its entity tag, else "lm:" and its Last-Modified date, else "".
     */
    record Fetched(boolean unchanged, String text, String etag) {
    }

    /** Before a validator that is a Last-Modified date rather than an entity tag. */
    static final String LAST_MODIFIED = "lm:";

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final FeedLimits limits;

    FeedFetch(FeedLimits limits) {
        this.limits = limits;
    }

    Fetched get(URI address, String etag) {
        URI at = address;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder r = HttpRequest.newBuilder(at).GET().timeout(limits.maxTime())
                    .header("Accept", "text/calendar, */*;q=0.5");
            if (etag != null && etag.startsWith(LAST_MODIFIED)) {
                r.header("If-Modified-Since", etag.substring(LAST_MODIFIED.length()));
            } else if (etag != null && !etag.isEmpty()) {
                r.header("If-None-Match", etag);
            }
            CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(r.build(), info -> new CappedBody(limits.maxBytes(), () -> new FeedException(Messages.text("common.calendars.big",
                    Math.max(1, limits.maxBytes() / (1 << 20))))));
            HttpResponse<byte[]> resp;
            try {
                resp = f.get(limits.maxTime().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new FeedException(Messages.text("common.calendars.slow", limits.maxTime().toSeconds()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FeedException(Messages.text("common.calendars.network", "interrupted"), e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof FeedException fe) {
                    throw fe;
                }
                if (c != null && c.getCause() instanceof FeedException fe) {
                    throw fe;
                }
                throw new FeedException(Messages.text("common.calendars.network",
                        String.valueOf(c == null ? e.getMessage() : c.getMessage())), e);
            }
            int s = resp.statusCode();
            if (s == 304) {
                return new Fetched(true, "", etag);
            }
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                String to = resp.headers().firstValue("Location").orElseThrow(() ->
                        new FeedException(Messages.text("common.calendars.status", s)));
                URI next = FeedSource.web(at.resolve(to).toString());
                if (at.getScheme().equalsIgnoreCase("https") && !next.getScheme().equalsIgnoreCase("https")) {
                    throw new FeedException(Messages.text("common.calendars.scheme"));
                }
                at = next;
                continue;
            }
            if (s != 200) {
                throw new FeedException(Messages.text("common.calendars.status", s));
            }
            String next = resp.headers().firstValue("ETag").or(() -> resp.headers().firstValue("Last-Modified")
                    .map(d -> LAST_MODIFIED + d)).orElse("");
            return new Fetched(false, new String(resp.body(), StandardCharsets.UTF_8), next);
        }
        throw new FeedException(Messages.text("common.calendars.redirects"));
    }
}
