package dev.tandem.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The web companion's page, as the server hands it out: each URL path with its file under {@code web/} and
 * its content type. Only the paths listed here are ever served, so nothing else in the jar can be asked for
 * by URL.
 */
public final class WebAssets {
    /** One served file: its content type (with charset for text) and its bytes. */
    public record Asset(String contentType, byte[] bytes) {
        public Asset {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    private record Entry(String file, String contentType) {}

    private static final String UTF8 = ";charset=utf-8";

    /** URL path → file and type; the service worker sits at the root so its scope is the whole page. */
    private static final Map<String, Entry> PATHS = Map.of(
            "/", new Entry("index.html", "text/html" + UTF8),
            "/assets/app.js", new Entry("app.js", "text/javascript" + UTF8),
            "/assets/app.css", new Entry("app.css", "text/css" + UTF8),
            "/assets/icon.svg", new Entry("icon.svg", "image/svg+xml"),
            "/sw.js", new Entry("sw.js", "text/javascript" + UTF8),
            "/manifest.webmanifest", new Entry("manifest.webmanifest", "application/manifest+json" + UTF8));

    private WebAssets() {}

    /** The URL paths served, in no particular order. */
    public static Set<String> paths() {
        return PATHS.keySet();
    }

    /** The asset at a URL path (exactly as listed, no query), or empty for any other path. */
    public static Optional<Asset> find(String urlPath) {
        Entry entry = urlPath == null ? null : PATHS.get(urlPath);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = WebAssets.class.getResourceAsStream("web/" + entry.file())) {
            if (in == null) {
                throw new IllegalStateException("missing web asset " + entry.file());
            }
            return Optional.of(new Asset(entry.contentType(), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + entry.file(), e);
        }
    }
}
