package dev.tandem.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The phone page as static files, for a storage to serve without Tandem in between ({@code tandem page
 * publish}, docs/WEB.md "Tandem on your phone without a computer"): the web folder's files that are no module, and
 * the page's code with the JavaScript sync core's and its npm packages' bundled by esbuild into a few chunks under
 * {@code assets/} ({@code app.js}, {@code device-core.js} split off, chunks they share), with each bundled package's
 * license under {@code vendor/}. The build writes them and their list ({@code page-files.txt}) into this jar
 * (ui-resources' pom, {@code tools/bundle-page.js}); only the files listed are ever handed out. A build made without
 * Node has no bundle: {@link #files()} is then empty.
 */
public final class PageBundle {
    /** One file of the page: its path below the page's folder, its content type and its bytes. */
    public record File(String path, String contentType, byte[] bytes) {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** The page a browser opens, relative to the page's folder. */
    public static final String ENTRY = "index.html";

    private static final String ROOT = "/dev/tandem/ui/page/";
    private static final String LIST = "/dev/tandem/ui/page-files.txt";
    /** The same rule as a storage object name's segments, so no listed path leaves the page's folder. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    /** By extension: module scripts need a JavaScript type, wasm its own for streaming compilation. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private PageBundle() {
    }

    /** Every file of the page, in byte order of their paths; empty when this build has no bundle. */
    public static List<File> files() {
        List<File> out = new ArrayList<>();
        for (String path : paths()) {
            out.add(new File(path, contentType(path), read(path)));
        }
        return out;
    }

    /** The content type a file of the page is served with, by its name's extension (text/plain for none). */
    public static String contentType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(TYPES.get(ext)).orElse(dot < 0 ? "text/plain; charset=utf-8" : "application/octet-stream");
    }

    /** The listed paths; a path breaking the name rule means a broken build, never a file handed out. */
    static List<String> paths() {
        InputStream in = PageBundle.class.getResourceAsStream(LIST);
        if (in == null) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                if (!PATH.matcher(line).matches() || line.contains("..")) {
                    throw new IllegalStateException("page-files.txt lists a path the page may not have: " + line);
                }
                paths.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths.sort(null);
        return paths;
    }

    private static byte[] read(String path) {
        try (InputStream in = PageBundle.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("page-files.txt lists " + path + ", which is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
