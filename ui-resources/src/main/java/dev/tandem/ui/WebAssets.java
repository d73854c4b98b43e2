package dev.tandem.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web companion's page, as the server hands it out: each URL path with its file under {@code web/} and
 * its content type. Only the paths listed here are ever served, so nothing else in the jar can be asked for
 * by URL.
 *
 * <p>The modules and the style sheet under {@code /assets/} go out minified when the build made the published
 * page ({@link PageBundle}): tools/bundle-page.js also writes each of them, minified by esbuild on its own, to
 * {@code web-minified/} under its own name. Without their comments the page's scripts and styles fit their budget
 * (docs/PERFORMANCE.md, "Web companion"), and the served page's worker keeps them all on every phone. They are
 * drop-in: esbuild keeps each module's imports ({@code ./x.js} beside it), its exported names, its strings and
 * {@code import.meta}. The served page stays one module a file; only the published page is bundled into chunks.
 * {@code index.html} and {@code sw.js} are served as written. A build without Node has no bundle: its sources are
 * served.
 */
public final class WebAssets {
    /** One served file: its content type (with charset for text) and its bytes, shared: callers only read them. */
    public record Asset(String contentType, byte[] bytes) {
        public Asset {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A file of web/; {@code minifiable}: the build has it minified under web-minified/, same name. */
    private record Entry(String file, String contentType, boolean minifiable) {
        Entry(String file, String contentType) {
            this(file, contentType, false);
        }
    }

    private static final String UTF8 = ";charset=utf-8";
    /** Where the build puts the modules and the style sheet minified, each on its own (tools/bundle-page.js). */
    static final String MINIFIED = "web-minified/";

    /** URL path → file and type; the service worker sits at the root so its scope is the whole page. */
    private static final Map<String, Entry> PATHS = Map.ofEntries(
            Map.entry("/", new Entry("index.html", "text/html" + UTF8)),
            script("app.js"),
            script("i18n.js"),
            script("state.js"),
            script("dom.js"),
            script("format.js"),
            script("api.js"),
            script("pairing.js"),
            script("routes.js"),
            script("sidebar.js"),
            script("items.js"),
            script("days.js"),
            script("quickadd.js"),
            script("editor.js"),
            script("fields.js"),
            script("notes.js"),
            script("drafts.js"),
            script("conflicts.js"),
            script("settings.js"),
            script("live.js"),
            script("attachments.js"),
            script("outbox.js"),
            script("overlay.js"),
            script("waiting.js"),
            script("outline.js"),
            script("move.js"),
            script("lines.js"),
            script("drag.js"),
            script("transport.js"),
            script("device-store.js"),
            script("join-link.js"),
            script("device-answer.js"),
            script("device-conflicts.js"),
            script("device-days.js"),
            script("device-search.js"),
            script("device-filters.js"),
            script("device-outline.js"),
            script("device-moves.js"),
            script("device-edits.js"),
            script("device-files.js"),
            script("device-kept-files.js"),
            script("device-storage.js"),
            script("device-first-screen.js"),
            script("device-seal.js"),
            script("device.js"),
            Map.entry("/assets/app.css", new Entry("app.css", "text/css" + UTF8, true)),
            Map.entry("/assets/icon.svg", new Entry("icon.svg", "image/svg+xml")),
            // Made from icon.svg by ui-resources/tools/make-icons.sh: installing asks for PNGs of these sizes.
            png("icon-192.png"),
            png("icon-512.png"),
            png("icon-maskable-512.png"),
            png("apple-touch-icon.png"),
            Map.entry("/sw.js", new Entry("sw.js", "text/javascript" + UTF8)),
            Map.entry("/manifest.webmanifest", new Entry("manifest.webmanifest", "application/manifest+json" + UTF8)));

    /** Each file read from the jar once: every page load asks for all of them again (revalidating). */
    private static final Map<String, Asset> READ = new ConcurrentHashMap<>();

    private WebAssets() {}

    /** One of the page's ES modules, under /assets/ like the entry module that imports it. */
    private static Map.Entry<String, Entry> script(String file) {
        return Map.entry("/assets/" + file, new Entry(file, "text/javascript" + UTF8, true));
    }

    /** One of the page's PNG icons, under /assets/. */
    private static Map.Entry<String, Entry> png(String file) {
        return Map.entry("/assets/" + file, new Entry(file, "image/png"));
    }

    /** The URL paths served, in no particular order. */
    public static Set<String> paths() {
        return PATHS.keySet();
    }

    /**
     * The asset at a URL path (exactly as listed, no query), as served: a module or the style sheet minified when
     * this build has the page bundle; or empty for any other path.
     */
    public static Optional<Asset> find(String urlPath) {
        Entry entry = urlPath == null ? null : PATHS.get(urlPath);
        return entry == null ? Optional.empty() : Optional.of(READ.computeIfAbsent(urlPath, p -> served(entry)));
    }

    /**
     * The asset at a URL path as written under web/, comments and all, for tests that read what a module says
     * (its imports, its words); the server hands out {@link #find}'s.
     */
    static Optional<Asset> source(String urlPath) {
        Entry entry = urlPath == null ? null : PATHS.get(urlPath);
        return entry == null ? Optional.empty() : Optional.of(read(entry, "web/"));
    }

    private static Asset served(Entry entry) {
        if (entry.minifiable() && WebAssets.class.getResource(MINIFIED + entry.file()) != null) {
            return read(entry, MINIFIED);
        }
        return read(entry, "web/");
    }

    private static Asset read(Entry entry, String folder) {
        try (InputStream in = WebAssets.class.getResourceAsStream(folder + entry.file())) {
            if (in == null) {
                throw new IllegalStateException("missing web asset " + folder + entry.file());
            }
            return new Asset(entry.contentType(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + folder + entry.file(), e);
        }
    }
}
