package dev.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
    /** The page's module that loads the core, with its import map (VENDOR) and the core's modules (CORE). */
    private static final String DEVICE = "assets/device.js";
    /** One entry of device.js's VENDOR or CORE object literal: a quoted or plain key, a quoted path. */
    private static final Pattern ENTRY = Pattern.compile("(?:'([^']+)'|([A-Za-z0-9_]+)):\\s*'([^']+)'");
    /**
     * A static import or re-export, as written (at a line's start) or minified (after a semicolon or brace, the
     * names without blanks: {@code import{a as b}from"./x.js";export*from"./y.js"}).
     */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:^|[;}])\\s*(?:import|export)\\s*[\\w$*{},\\s]+?from\\s*['\"]([^'\"]+)['\"]|(?:^|[;}])\\s*import\\s*['\"]([^'\"]+)['\"]",
            Pattern.MULTILINE);

    private static List<PageBundle.File> files;
    /** device.js's import map: bare specifier (or prefix ending in /) → path beside index.html. */
    private static Map<String, String> bare;

    @BeforeAll
    static void load() {
        files = PageBundle.files();
        // The bundle needs Node at build time, as the sync core's tests do; a build without it has none.
        Assumptions.assumeFalse(files.isEmpty(), "this build has no page bundle (no Node)");
        bare = object(source(DEVICE), "VENDOR");
    }

    private static String text(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError(path + " not bundled"));
    }

    /**
     * A web module's source: its import map and core modules are read there, as bundle-page.js reads them, since the
     * published (and served) module is minified and its names are not the source's.
     */
    private static String source(String path) {
        return new String(WebAssets.source("/" + path).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    /** The entries of {@code const NAME = { … };} in a module's text. */
    private static Map<String, String> object(String code, String name) {
        int start = code.indexOf("const " + name + " = {");
        assertTrue(start >= 0, name + " not found in " + DEVICE);
        String body = code.substring(start, code.indexOf("};", start));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(body);
        while (m.find()) {
            out.put(m.group(1) != null ? m.group(1) : m.group(2), m.group(3));
        }
        return out;
    }

    @Test
    void files_holdThePageTheSyncCoreAndItsPackages_inByteOrder() {
        Set<String> paths = files.stream().map(PageBundle.File::path).collect(Collectors.toCollection(TreeSet::new));
        for (String p : List.of("index.html", "assets/app.js", "manifest.webmanifest", "assets/icon.svg", "assets/icon-192.png",
                "sync/src/sync/sync-engine.js", "sync/app/items.js", "vendor/pako/pako.min.mjs", "vendor/pako/LICENSE",
                "vendor/hash-wasm/argon2.min.mjs", "vendor/hash-wasm/LICENSE")) {
            assertTrue(paths.contains(p), p + " missing from the bundle");
        }
        // Only what the page loads: the core's Node-only storages and shared spaces (with the curves only they
        // import) are not the page's, so its worker does not keep them.
        for (String p : List.of("sync/src/storage/folder.js", "sync/src/storage/open-remote.js",
                "sync/src/space/space-crypto.js", "vendor/noble-curves/ed25519.js", "vendor/hash-wasm/index.esm.min.js")) {
            assertFalse(paths.contains(p), p + " bundled, though the page never loads it");
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
        assertEquals("text/javascript; charset=utf-8", types.get("vendor/pako/pako.min.mjs"));
        assertEquals("application/manifest+json", types.get("manifest.webmanifest"));
        assertEquals("text/css; charset=utf-8", types.get("assets/app.css"));
        assertEquals("image/png", types.get("assets/icon-192.png"));
        assertEquals("image/svg+xml", types.get("assets/icon.svg"));
        assertEquals("application/wasm", PageBundle.contentType("x/argon2.wasm"));
        assertEquals("text/plain; charset=utf-8", PageBundle.contentType("vendor/pako/LICENSE"));
    }

    /**
     * The page names its files by their served paths, so each web file is in the bundle there: the same bytes, but
     * a module or style sheet under assets/, which goes minified (tools/bundle-page.js): shorter than its source,
     * without its opening comment; and the worker, which goes without its comments and blanks, the line the
     * publisher stamps on a line of its own (test/page-bundle.test.js checks it keeps every name and string).
     */
    @Test
    void files_webFiles_atTheirServedPaths() {
        Map<String, byte[]> bytes = files.stream().collect(Collectors.toMap(PageBundle.File::path, PageBundle.File::bytes));
        List<String> wrong = new ArrayList<>();
        int minified = 0;
        for (String served : WebAssets.paths()) {
            String path = served.equals("/") ? "index.html" : served.substring(1);
            byte[] expected = WebAssets.source(served).orElseThrow().bytes();
            byte[] published = bytes.get(path);
            if (published == null) {
                wrong.add(path + " (missing)");
            } else if (path.startsWith("assets/") && (path.endsWith(".js") || path.endsWith(".css"))) {
                String text = new String(published, StandardCharsets.UTF_8);
                String opening = new String(expected, StandardCharsets.UTF_8).lines().limit(3).filter(l -> l.strip().length() > 24)
                        .map(l -> l.strip().replaceFirst("^(//|/?\\*)\\s*", "")).findFirst().orElse("");
                if (published.length >= expected.length || (!opening.isEmpty() && text.contains(opening))) {
                    wrong.add(path + " (not minified)");
                }
                minified++;
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
        assertEquals(List.of(), wrong, "missing, not minified or not the served bytes");
        assertTrue(minified > 30, minified + " modules and styles");
        assertTrue(bytes.containsKey("assets/app.js") && !bytes.containsKey("app.js"));
        assertTrue(bytes.containsKey("sw.js") && bytes.containsKey("index.html"));
    }

    /** device.js's import map covers the core's packages, and each module it loads is a file of the bundle. */
    @Test
    void files_deviceImportMapAndCoreModules_nameFilesOfTheBundle() {
        Set<String> paths = files.stream().map(PageBundle.File::path).collect(Collectors.toSet());
        assertEquals(Set.of("pako", "hash-wasm", "@noble/curves/", "@noble/hashes/"), bare.keySet());
        assertTrue(paths.contains(bare.get("pako")), bare.get("pako"));
        assertTrue(paths.contains(bare.get("hash-wasm")), bare.get("hash-wasm"));
        Map<String, String> core = object(source(DEVICE), "CORE");
        assertTrue(core.size() >= 9, "core modules: " + core);
        for (String module : core.values()) {
            assertTrue(paths.contains(module), module + " (device.js's CORE) is not in the bundle");
        }
    }

    /** Served as static files, each module's imports must find a file of the bundle (bare ones through the map). */
    @Test
    void files_everyModuleImport_resolvesToAFileOfTheBundle() {
        Set<String> paths = files.stream().map(PageBundle.File::path).collect(Collectors.toSet());
        List<String> unresolved = new ArrayList<>();
        int checked = 0;
        for (PageBundle.File f : files) {
            if (!f.path().endsWith(".js") && !f.path().endsWith(".mjs")) {
                continue;
            }
            // Block comments go first: the packages' doc comments show imports as examples.
            String code = new String(f.bytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher m = IMPORT.matcher(code);
            while (m.find()) {
                String spec = m.group(1) != null ? m.group(1) : m.group(2);
                if (spec.startsWith("node:")) {
                    continue; // the core's Node-only storage (folder.js); a page never loads it
                }
                String target = resolve(f.path(), spec);
                checked++;
                if (target == null || !paths.contains(target)) {
                    unresolved.add(f.path() + " → " + spec);
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " imports seen");
        assertEquals(List.of(), unresolved);
    }

    /** A module of the core as published: minified, its design comment left out, its export kept. */
    @Test
    void files_coreModules_areMinifiedFromTheirSources() throws IOException {
        Path source = Path.of("src/main/js/tandem-sync/src/sync/sync-engine.js");
        Assumptions.assumeTrue(Files.exists(source), "run from ui-resources/");
        String code = Files.readString(source);
        String published = text("sync/src/sync/sync-engine.js");
        assertTrue(code.contains("One device's sync with one remote") && code.contains("export class SyncEngine"), "the source changed");
        assertTrue(published.length() < code.length() * 0.6, published.length() + " bytes of " + code.length());
        assertTrue(Pattern.compile("export\\s*\\{[^}]*\\bSyncEngine\\b").matcher(published).find(), "SyncEngine not exported");
        assertFalse(published.contains("One device's sync with one remote"), "its design comment published");
        assertTrue(published.lines().count() < 10, "not minified: " + published.lines().count() + " lines");
    }

    private static String resolve(String from, String spec) {
        if (spec.startsWith("./") || spec.startsWith("../")) {
            return URI.create("x:/" + from).resolve(spec).getPath().substring(1);
        }
        for (Map.Entry<String, String> e : bare.entrySet()) {
            if (spec.equals(e.getKey())) {
                return e.getValue();
            }
            if (e.getKey().endsWith("/") && spec.startsWith(e.getKey())) {
                return e.getValue() + spec.substring(e.getKey().length());
            }
        }
        return null;
    }
}
