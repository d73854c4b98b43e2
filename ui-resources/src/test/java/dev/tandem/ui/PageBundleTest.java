package dev.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    /** What a page's import map would name for the packages' bare imports. */
    private static final Map<String, String> BARE = Map.of(
            "pako", "vendor/pako/pako.esm.mjs",
            "hash-wasm", "vendor/hash-wasm/index.esm.min.js",
            "@noble/curves/", "vendor/noble-curves/",
            "@noble/hashes/", "vendor/noble-hashes/");
    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*(?:import|export)\\s[^;'\"]*?from\\s*['\"]([^'\"]+)['\"]|^\\s*import\\s*['\"]([^'\"]+)['\"]",
            Pattern.MULTILINE);

    private static List<PageBundle.File> files;

    @BeforeAll
    static void load() {
        files = PageBundle.files();
        // The bundle needs Node at build time, as the sync core's tests do; a build without it has none.
        Assumptions.assumeFalse(files.isEmpty(), "this build has no page bundle (no Node)");
    }

    @Test
    void files_holdThePageTheSyncCoreAndItsPackages_inByteOrder() {
        Set<String> paths = files.stream().map(PageBundle.File::path).collect(Collectors.toCollection(TreeSet::new));
        for (String p : List.of("index.html", "app.js", "manifest.webmanifest", "icon.svg", "icon-192.png",
                "sync/src/sync/sync-engine.js", "sync/app/items.js", "vendor/pako/pako.esm.mjs",
                "vendor/hash-wasm/index.esm.min.js", "vendor/noble-curves/ed25519.js", "vendor/noble-hashes/sha2.js")) {
            assertTrue(paths.contains(p), p + " missing from the bundle");
        }
        List<String> order = files.stream().map(PageBundle.File::path).toList();
        assertEquals(new ArrayList<>(paths), order);
        assertTrue(paths.stream().noneMatch(p -> p.endsWith(".ts") || p.endsWith(".map")), "TypeScript or maps bundled");
    }

    @Test
    void files_typesByExtension_areWhatBrowsersNeed() {
        Map<String, String> types = files.stream().collect(Collectors.toMap(PageBundle.File::path, PageBundle.File::contentType));
        assertEquals("text/html; charset=utf-8", types.get("index.html"));
        assertEquals("text/javascript; charset=utf-8", types.get("app.js"));
        assertEquals("text/javascript; charset=utf-8", types.get("vendor/pako/pako.esm.mjs"));
        assertEquals("application/manifest+json", types.get("manifest.webmanifest"));
        assertEquals("text/css; charset=utf-8", types.get("app.css"));
        assertEquals("image/png", types.get("icon-192.png"));
        assertEquals("image/svg+xml", types.get("icon.svg"));
        assertEquals("application/wasm", PageBundle.contentType("x/argon2.wasm"));
        assertEquals("text/plain; charset=utf-8", PageBundle.contentType("vendor/pako/LICENSE"));
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

    private static String resolve(String from, String spec) {
        if (spec.startsWith("./") || spec.startsWith("../")) {
            return URI.create("x:/" + from).resolve(spec).getPath().substring(1);
        }
        for (Map.Entry<String, String> e : BARE.entrySet()) {
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
