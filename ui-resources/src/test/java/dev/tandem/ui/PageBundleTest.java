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
    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*(?:import|export)\\s[^;'\"]*?from\\s*['\"]([^'\"]+)['\"]|^\\s*import\\s*['\"]([^'\"]+)['\"]",
            Pattern.MULTILINE);

    private static List<PageBundle.File> files;
    /** device.js's import map: bare specifier (or prefix ending in /) → path beside index.html. */
    private static Map<String, String> bare;

    @BeforeAll
    static void load() {
        files = PageBundle.files();
        // The bundle needs Node at build time, as the sync core's tests do; a build without it has none.
        Assumptions.assumeFalse(files.isEmpty(), "this build has no page bundle (no Node)");
        bare = object(text(DEVICE), "VENDOR");
    }

    private static String text(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError(path + " not bundled"));
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
     * The page names its files by their served paths, so each web file is in the bundle there, the same bytes; a
     * module under assets/ the same code, its whole-line comments left out (tools/bundle-page.js, codeOnly).
     */
    @Test
    void files_webFiles_atTheirServedPaths() {
        Map<String, byte[]> bytes = files.stream().collect(Collectors.toMap(PageBundle.File::path, PageBundle.File::bytes));
        List<String> wrong = new ArrayList<>();
        for (String served : WebAssets.paths()) {
            String path = served.equals("/") ? "index.html" : served.substring(1);
            byte[] expected = WebAssets.find(served).orElseThrow().bytes();
            if (path.startsWith("assets/") && path.endsWith(".js")) {
                expected = codeOnly(new String(expected, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            if (!Arrays.equals(expected, bytes.get(path))) {
                wrong.add(path);
            }
        }
        assertEquals(List.of(), wrong, "missing or not the served bytes");
        assertTrue(bytes.containsKey("assets/app.js") && !bytes.containsKey("app.js"));
    }

    /** device.js's import map covers the core's packages, and each module it loads is a file of the bundle. */
    @Test
    void files_deviceImportMapAndCoreModules_nameFilesOfTheBundle() {
        Set<String> paths = files.stream().map(PageBundle.File::path).collect(Collectors.toSet());
        assertEquals(Set.of("pako", "hash-wasm", "@noble/curves/", "@noble/hashes/"), bare.keySet());
        assertTrue(paths.contains(bare.get("pako")), bare.get("pako"));
        assertTrue(paths.contains(bare.get("hash-wasm")), bare.get("hash-wasm"));
        Map<String, String> core = object(text(DEVICE), "CORE");
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

    /**
     * A module's lines without the lines that are comments ("//" lines, and blocks from a line opening with a
     * slash-star) and without their indentation, but inside a template literal (an odd number of backticks before
     * the line) or after a line continued with a backslash.
     */
    static String codeOnly(String text) {
        List<String> out = new ArrayList<>();
        boolean block = false;
        boolean continued = false;
        int ticks = 0;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (block) {
                block = !t.contains("*/");
            } else if (t.startsWith("/*")) {
                block = t.indexOf("*/", 2) < 0;
            } else if (!t.startsWith("//")) {
                out.add(ticks % 2 == 1 || continued ? line : line.stripLeading());
                continued = line.endsWith("\\");
                ticks += (int) line.chars().filter(c -> c == '`').count();
            }
        }
        return String.join("\n", out);
    }

    /** A module of the core as published: its source's code, comment lines left out, the same lines in order. */
    @Test
    void files_coreModules_areTheirSourcesCode() throws IOException {
        Path source = Path.of("src/main/js/tandem-sync/src/sync/sync-engine.js");
        Assumptions.assumeTrue(Files.exists(source), "run from ui-resources/");
        String published = text("sync/src/sync/sync-engine.js");
        assertEquals(codeOnly(Files.readString(source)), published);
        assertTrue(published.contains("export class SyncEngine") && !published.contains("One device's sync with one remote"));
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
