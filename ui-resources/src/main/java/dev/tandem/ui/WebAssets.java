package dev.tandem.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The web companion's page, served from this jar: only the paths listed here are ever served, each
 * with its content type, so nothing else of the jar (or of a profile) can be reached by a URL.
 */
public final class WebAssets {
    /** One served file: its content type and bytes. */
    public record Asset(String contentType, byte[] bytes) {
    }

    private static final Map<String, String[]> PATHS = Map.of(
            "/", new String[] {"web/index.html", "text/html; charset=utf-8"},
            "/assets/app.js", new String[] {"web/app.js", "text/javascript; charset=utf-8"},
            "/assets/app.css", new String[] {"web/app.css", "text/css; charset=utf-8"},
            "/assets/icon.svg", new String[] {"web/icon.svg", "image/svg+xml"},
            "/sw.js", new String[] {"web/sw.js", "text/javascript; charset=utf-8"},
            "/manifest.webmanifest", new String[] {"web/manifest.webmanifest", "application/manifest+json"});

    private WebAssets() {
    }

    /** The asset served at {@code urlPath}; empty for any path not listed. */
    public static Optional<Asset> find(String urlPath) {
        String[] entry = PATHS.get(urlPath);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = WebAssets.class.getResourceAsStream(entry[0])) {
            return in == null ? Optional.empty() : Optional.of(new Asset(entry[1], in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry[0], e);
        }
    }
}
