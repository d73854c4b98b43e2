package dev.tandem.app.web;

import dev.tandem.ui.messages.Messages;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bounded request of {@link PageCheck}: the whole exchange, headers and body, within {@link
 * Limits#maxTime} (then cancelled); the body counted as it arrives, after any chunked framing, and the
 * request cancelled once it passes {@link Limits#maxBytes} (no Accept-Encoding is sent, so nothing
 * inflates afterwards); redirects followed by hand, at most {@link Limits#maxRedirects}, http or https
 * only. A failure is an answer with a {@link Answer#problem} sentence, never an exception.
 */
final class PageFetch {
    /** How much of each answer is read. */
    record Limits(long maxBytes, Duration maxTime, int maxRedirects) {
        static final Limits DEFAULT = new Limits(1 << 20, Duration.ofSeconds(10), 3);
    }

    /** The status and headers of the last answer, or a problem sentence (then status 0). */
    record Answer(int status, HttpResponse<?> response, String problem) {
        String header(String name) {
            return response == null ? "" : response.headers().firstValue(name).orElse("");
        }
    }

    private final HttpClient client;
    private final Limits limits;

    PageFetch(HttpClient client, Limits limits) {
        this.client = client;
        this.limits = limits;
    }

    /** {@code headers}: name, value, name, value… */
    Answer send(URI address, String method, List<String> headers) {
        URI at = address;
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            String scheme = at.getScheme() == null ? "" : at.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || at.getHost() == null) {
                return failed(Messages.text("cli.page.fetch.scheme", at));
            }
            HttpRequest.Builder r = HttpRequest.newBuilder(at).timeout(limits.maxTime())
                    .method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i + 1 < headers.size(); i += 2) {
                r.header(headers.get(i), headers.get(i + 1));
            }
            CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(r.build(), info -> new Capped(limits.maxBytes()));
            HttpResponse<byte[]> resp;
            try {
                resp = f.get(limits.maxTime().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                return failed(Messages.text("cli.page.fetch.slow", limits.maxTime().toSeconds()));
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                return failed(Messages.text("cli.page.fetch.network", "interrupted"));
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                while (c != null && !(c instanceof TooLarge) && c.getCause() != null) {
                    c = c.getCause();
                }
                if (c instanceof TooLarge) {
                    return failed(Messages.text("cli.page.fetch.big", limits.maxBytes() / 1024));
                }
                return failed(network(e));
            }
            int s = resp.statusCode();
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                String to = resp.headers().firstValue("Location").orElse(null);
                if (to == null) {
                    return new Answer(s, resp, null);
                }
                try {
                    at = at.resolve(to.strip());
                } catch (IllegalArgumentException e) {
                    return failed(Messages.text("cli.page.fetch.scheme", to));
                }
                continue;
            }
            return new Answer(s, resp, null);
        }
        return failed(Messages.text("cli.page.fetch.redirects", limits.maxRedirects()));
    }

    /** The network's failure in words: what the cause chain says it was, else the error itself. */
    private static String network(ExecutionException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.nio.channels.ClosedChannelException) {
                return Messages.text("cli.page.fetch.refused");
            }
            if (c instanceof java.net.UnknownHostException || c instanceof java.nio.channels.UnresolvedAddressException) {
                return Messages.text("cli.page.fetch.dns");
            }
            if (c instanceof javax.net.ssl.SSLException) {
                return Messages.text("cli.page.fetch.tls", String.valueOf(c.getMessage()));
            }
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return Messages.text("cli.page.fetch.network", cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage());
    }

    private static Answer failed(String sentence) {
        return new Answer(0, null, sentence);
    }

    /** The body went past the cap; the request was cancelled there. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the answer is larger than the check reads", null, false, false);
        }
    }

    /** A body kept in memory up to a cap, cancelled past it. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> done = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    done.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(bytes.toByteArray());
        }
    }
}
