package dev.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PageBundleTest {
    /** The published page's entries (tools/bundle-page.js): the page's code, the core split off, the opened ones. */
    private static final List<String> ENTRIES = List.of("assets/app.js", "assets/device-core.js",
            "assets/device-seal.js", "assets/device-store.js", "assets/outbox.js");
    /**
     * A static import or re-export, or a dynamic import of a literal path, as esbuild writes them minified (after a
     * semicolon or brace, the names without blanks: {@code import{a as b}from"./x.js";export*from"./y.js"}).
     */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:^|[;}])\\s*(?:import|export)\\s*[\\w$*{},\\s]+?from\\s*['\"]([^'\"]+)['\"]|(?:^|[;}])\\s*import\\s*['\"]([^'\"]+)['\"]"
                    + "|\\bimport\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)",
            Pattern.MULTILINE);

    private static List<PageBundle.File> files;

    @BeforeAll
    static void load() {
        files = PageBundle.files();
        // The bundle needs Node at build time, as the sync core's tests do; a build without it has none.
        Assumptions.assumeFalse(files.isEmpty(), "this build has no page bundle (no Node)");
    }

    private static String text(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError(path + " not bundled"));
    }

    /** A file of the web folder as written, served or not (device-core.js is not). */
    private static String source(String file) throws IOException {
        try (InputStream in = WebAssets.class.getResourceAsStream("web/" + file)) {
            assertTrue(in != null, file + " is not in the web folder");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void files_holdThePageItsCodeInAFewChunks_inByteOrder() {
        Set<String> paths = files.stream().map(PageBundle.File::path).collect(Collectors.toCollection(TreeSet::new));
        for (String p : List.of("index.html", "sw.js", "manifest.webmanifest", "assets/app.css", "assets/icon.svg",
                "assets/icon-192.png", "vendor/pako/LICENSE", "vendor/hash-wasm/LICENSE")) {
            assertTrue(paths.contains(p), p + " missing from the bundle");
        }
        assertTrue(paths.containsAll(ENTRIES), "entries missing: " + paths);
        // Bundled: no module of the page or the core as a file of its own, no package's build beside the chunks.
        List<String> scripts = paths.stream().filter(p -> p.endsWith(".js") || p.endsWith(".mjs")).toList();
        List<String> chunks = scripts.stream().filter(p -> !ENTRIES.contains(p) && !p.equals("sw.js")).toList();
        assertTrue(chunks.stream().allMatch(p -> p.matches("assets/chunk-[A-Z0-9]+\\.js")), "not a chunk: " + chunks);
        assertTrue(scripts.size() <= 15, scripts.size() + " scripts: " + scripts);
        for (String p : List.of("assets/items.js", "assets/device.js", "sync/src/sync/sync-engine.js", "vendor/pako/pako.min.mjs")) {
            assertFalse(paths.contains(p), p + " published on its own, not bundled");
        }
        List<String> order = files.stream().map(PageBundle.File::path).toList();
        assertEquals(new ArrayList<>(paths), order);
        assertTrue(paths.stream().noneMatch(p -> p.endsWith(".ts") || p.endsWith(".map")), "TypeScript or maps bundled");
    }

    @Test
    void files_typesByExtension_areWhatBrowsersNeed() {
        Map<String, String> types = files.stream().collect(Collectors.toMap(PageBundle.File::path, PageBundle.File::contentType));
        assertEquals("text/html; charset=utf-8", types.get("index.html"));
        assertEquals("text/javascript; charset=utf-8", types.get("assets/app.js"));
        assertEquals("text/javascript; charset=utf-8", types.get("assets/device-core.js"));
        assertEquals("application/manifest+json", types.get("manifest.webmanifest"));
        assertEquals("text/css; charset=utf-8", types.get("assets/app.css"));
        assertEquals("image/png", types.get("assets/icon-192.png"));
        assertEquals("image/svg+xml", types.get("assets/icon.svg"));
        assertEquals("application/wasm", PageBundle.contentType("x/argon2.wasm"));
        assertEquals("text/plain; charset=utf-8", PageBundle.contentType("vendor/pako/LICENSE"));
    }

    /**
     * The page names its files by their served paths, so each web file that is no module is in the bundle there: the
     * same bytes, but the style sheet, minified (shorter, without its opening comment), and the worker, which goes
     * without its comments and blanks, the line the publisher stamps on a line of its own (test/page-bundle.test.js
     * checks it keeps every name and string). Of the modules, only the entries are files.
     */
    @Test
    void files_webFiles_atTheirServedPaths() {
        Map<String, byte[]> bytes = files.stream().collect(Collectors.toMap(PageBundle.File::path, PageBundle.File::bytes));
        List<String> wrong = new ArrayList<>();
        int modules = 0;
        for (String served : WebAssets.paths()) {
            String path = served.equals("/") ? "index.html" : served.substring(1);
            byte[] expected = WebAssets.source(served).orElseThrow().bytes();
            byte[] published = bytes.get(path);
            if (path.startsWith("assets/") && path.endsWith(".js")) {
                modules++;
                if ((published != null) != ENTRIES.contains(path)) {
                    wrong.add(path + (published == null ? " (an entry, missing)" : " (a module on its own, not bundled)"));
                }
            } else if (published == null) {
                wrong.add(path + " (missing)");
            } else if (path.endsWith(".css")) {
                String text = new String(published, StandardCharsets.UTF_8);
                String opening = new String(expected, StandardCharsets.UTF_8).lines().limit(3).filter(l -> l.strip().length() > 24)
                        .map(l -> l.strip().replaceFirst("^(//|/?\\*)\\s*", "")).findFirst().orElse("");
                if (published.length >= expected.length || (!opening.isEmpty() && text.contains(opening))) {
                    wrong.add(path + " (not minified)");
                }
            } else if (path.equals("sw.js")) {
                String text = new String(published, StandardCharsets.UTF_8);
                if (published.length * 2 >= expected.length || text.contains("Tandem's service worker")
                        || text.split("\nconst PUBLISHED = null;\n", -1).length != 2) {
                    wrong.add(path + " (not without its comments, or without the line the publisher stamps)");
                }
            } else if (!Arrays.equals(expected, published)) {
                wrong.add(path + " (not the served bytes)");
            }
        }
        assertEquals(List.of(), wrong, "missing, not bundled, not minified or not the served bytes");
        assertTrue(modules > 30, modules + " modules");
    }

    /**
     * The core is a chunk of its own, which the page's code imports only when it starts as a device (device.js), and
     * it exports each of the core's modules device-core.js names, under that name.
     */
    @Test
    void files_deviceCore_splitOffWithEveryModuleDeviceJsReads() throws IOException {
        assertTrue(source("device.js").contains("import('./device-core.js')"), "device.js loads the core otherwise");
        String app = text("assets/app.js");
        assertTrue(Pattern.compile("\\bimport\\(\\s*['\"]\\./device-core\\.js['\"]\\s*\\)").matcher(app).find(),
                "app.js does not import the core when needed");
        Matcher named = Pattern.compile("^export \\* as (\\w+) from 'tandem-sync/", Pattern.MULTILINE).matcher(source("device-core.js"));
        List<String> names = new ArrayList<>();
        while (named.find()) {
            names.add(named.group(1));
        }
        assertTrue(names.size() >= 9 && names.containsAll(List.of("replica", "sync", "encrypted", "items")), names.toString());
        Matcher exported = Pattern.compile("export\\s*\\{([^}]*)\\}").matcher(text("assets/device-core.js"));
        assertTrue(exported.find(), "device-core.js exports nothing");
        Set<String> published = Arrays.stream(exported.group(1).split(",")).map(e -> e.replaceFirst(".*\\bas\\s+", "").strip())
                .collect(Collectors.toSet());
        assertEquals(new TreeSet<>(names), new TreeSet<>(published));
    }

    /** Served as static files, each module's imports must find a file of the bundle beside it: no bare name is left. */
    @Test
    void files_everyModuleImport_resolvesToAFileOfTheBundle() {
        Set<String> paths = files.stream().map(PageBundle.File::path).collect(Collectors.toSet());
        List<String> unresolved = new ArrayList<>();
        int checked = 0;
        for (PageBundle.File f : files) {
            if (!f.path().endsWith(".js") || f.path().equals("sw.js")) {
                continue;
            }
            // Block comments go first: the packages' legal comments may show imports.
            String code = new String(f.bytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher m = IMPORT.matcher(code);
            while (m.find()) {
                String spec = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (spec.startsWith("node:")) {
                    continue; // the core's Node-only paths (s3.js's hashing of local files); a page never runs them
                }
                checked++;
                if (!spec.startsWith("./") && !spec.startsWith("../")
                        || !paths.contains(URI.create("x:/" + f.path()).resolve(spec).getPath().substring(1))) {
                    unresolved.add(f.path() + " → " + spec);
                }
            }
        }
        assertTrue(checked >= ENTRIES.size(), "only " + checked + " imports seen");
        assertEquals(List.of(), unresolved);
    }

    /** The core as published: minified, its design comments left out, its names kept. */
    @Test
    void files_coreChunk_isMinifiedFromTheSources() throws IOException {
        Path source = Path.of("src/main/js/tandem-sync/src/sync/sync-engine.js");
        Assumptions.assumeTrue(Files.exists(source), "run from ui-resources/");
        String code = Files.readString(source);
        String published = text("assets/device-core.js");
        assertTrue(code.contains("One device's sync with one remote") && code.contains("export class SyncEngine"), "the source changed");
        assertTrue(published.contains("SyncEngine"), "SyncEngine not exported");
        assertFalse(published.contains("One device's sync with one remote"), "its design comment published");
        assertTrue(published.lines().count() < 200, "not minified: " + published.lines().count() + " lines");
    }
}
