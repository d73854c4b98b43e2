package dev.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WebAssetsTest {
    /** The page's own scripts and styles, gzip-compressed, stay under this. */
    private static final int BUDGET_GZIP_BYTES = 100 * 1024;

    /** The ES modules app.js imports, each served beside it under /assets/. */
    private static final List<String> MODULES = List.of("state", "dom", "format", "api", "pairing", "routes",
            "sidebar", "items", "days", "quickadd", "editor", "fields", "notes", "drafts", "conflicts", "settings", "live", "attachments",
            "outbox", "overlay", "waiting", "i18n", "outline", "move", "lines", "drag", "transport",
            "device-store", "join-link", "device-answer", "device-conflicts", "device-days", "device-search", "device-filters", "device-outline", "device-moves", "device-edits",
            "device-files", "device-kept-files", "device-storage", "device-first-screen", "device-seal", "device");

    @Test
    void find_everyListedPath_givesItsBytesAndType() {
        Map<String, String> types = new HashMap<>(Map.of(
                "/", "text/html;charset=utf-8",
                "/assets/app.js", "text/javascript;charset=utf-8",
                "/assets/app.css", "text/css;charset=utf-8",
                "/assets/icon.svg", "image/svg+xml",
                "/sw.js", "text/javascript;charset=utf-8",
                "/manifest.webmanifest", "application/manifest+json;charset=utf-8"));
        for (String icon : List.of("icon-192", "icon-512", "icon-maskable-512", "apple-touch-icon")) {
            types.put("/assets/" + icon + ".png", "image/png");
        }
        for (String module : MODULES) {
            types.put("/assets/" + module + ".js", "text/javascript;charset=utf-8");
        }
        assertEquals(types.keySet(), WebAssets.paths());
        types.forEach((path, type) -> {
            WebAssets.Asset asset = WebAssets.find(path).orElseThrow(() -> new AssertionError("no asset " + path));
            assertEquals(type, asset.contentType(), path);
            assertTrue(asset.bytes().length > 100, path + " is nearly empty");
        });
    }

    @Test
    void find_pathNotListed_isEmpty() {
        for (String path : new String[] {null, "", "/index.html", "/assets/", "/assets/app.js?v=1", "/app.js",
                "/assets/../module-info.class", "/dev/tandem/ui/light.css", "/api/session", "/ASSETS/APP.JS"}) {
            assertTrue(WebAssets.find(path).isEmpty(), "served " + path);
        }
    }

    @Test
    void scriptsAndStyles_gzipped_fitTheBudget() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            for (String path : new TreeSet<>(WebAssets.paths())) {
                if (!path.equals("/") && !path.endsWith(".js") && !path.endsWith(".css")) {
                    continue;
                }
                gzip.write(WebAssets.find(path).orElseThrow().bytes());
            }
        }
        System.out.printf(Locale.ROOT, "the served page's scripts and styles: %,d bytes gzip (budget %,d)%n", zipped.size(),
                BUDGET_GZIP_BYTES);
        assertTrue(zipped.size() <= BUDGET_GZIP_BYTES, "page is " + zipped.size() + " bytes gzip-compressed");
    }

    /**
     * With the page bundle (a build with Node), each module and the style sheet go out as the build minified it on its
     * own (web-minified/, not the published page's chunks): its bytes, shorter than the source, without the source's
     * comment lines; index.html and sw.js as written.
     */
    @Test
    void find_buildWithPageBundle_servesTheMinifiedModulesAndStyles() throws IOException {
        Assumptions.assumeFalse(PageBundle.files().isEmpty(), "this build has no page bundle (no Node)");
        List<String> wrong = new ArrayList<>();
        int minified = 0;
        for (String path : new TreeSet<>(WebAssets.paths())) {
            byte[] served = WebAssets.find(path).orElseThrow().bytes();
            byte[] source = WebAssets.source(path).orElseThrow().bytes();
            if (!path.startsWith("/assets/") || !(path.endsWith(".js") || path.endsWith(".css"))) {
                if (!Arrays.equals(source, served)) {
                    wrong.add(path + " is not served as written");
                }
                continue;
            }
            String text = new String(served, StandardCharsets.UTF_8);
            if (!Arrays.equals(minified(path.substring("/assets/".length())), served)) {
                wrong.add(path + " is not the build's minified file");
            } else if (served.length >= source.length) {
                wrong.add(path + " is " + served.length + " bytes of its source's " + source.length);
            } else if (text.lines().anyMatch(l -> l.startsWith("/*") || l.startsWith(" * ") || l.strip().startsWith("// "))) {
                wrong.add(path + " has comment lines");
            }
            minified++;
        }
        assertEquals(List.of(), wrong);
        assertTrue(minified > 40, minified + " modules and styles");
    }

    @Test
    void indexHtml_refersOnlyToServedPaths() {
        // Relative to the page (at / when served, under page/ on the user's own storage), never to the site's root.
        Set<String> absolute = referencedPaths(text("/"), Pattern.compile("(?:src|href)=\"(/[^\"#]*)\""));
        assertTrue(absolute.isEmpty(), "index.html names paths from the root: " + absolute);
        Set<String> referred = new TreeSet<>();
        for (String path : referencedPaths(text("/"), Pattern.compile("(?:src|href)=\"([\\w][\\w./-]*)\""))) {
            referred.add("/" + path);
        }
        assertTrue(referred.containsAll(Set.of("/assets/app.js", "/assets/app.css", "/manifest.webmanifest")), referred.toString());
        assertTrue(WebAssets.paths().containsAll(referred), "index.html refers to unserved " + referred);
    }

    @Test
    void scriptModules_importedBesideAppJs_areExactlyTheServedScripts() {
        Pattern imports = Pattern.compile("^import (?:[^'\\n]* from )?'\\./([\\w-]+\\.js)';", Pattern.MULTILINE);
        Set<String> served = new TreeSet<>();
        for (String path : WebAssets.paths()) {
            if (path.startsWith("/assets/") && path.endsWith(".js")) {
                served.add(path);
            }
        }
        Set<String> reached = new TreeSet<>(Set.of("/assets/app.js"));
        for (String path : served) {
            for (String file : referencedPaths(text(path), imports)) {
                reached.add("/assets/" + file);
            }
        }
        assertEquals(served, reached);
    }

    @Test
    void serviceWorkerShell_isExactlyTheServedPaths() {
        Matcher list = Pattern.compile("SHELL_URLS = \\[([^\\]]*)\\]").matcher(text("/sw.js"));
        assertTrue(list.find(), "sw.js names no SHELL_URLS");
        Set<String> shell = referencedPaths(list.group(1), Pattern.compile("'(/[^']*)'"));
        shell.add("/sw.js");
        // The page's words are the server's answer (a route, in the browser's language), kept with the shell.
        assertTrue(shell.remove("/messages.json"), "sw.js keeps no /messages.json for offline starts");
        assertEquals(new TreeSet<>(WebAssets.paths()), shell);
    }

    /** A module or style sheet as the build minified it on its own, or null. */
    private static byte[] minified(String file) throws IOException {
        try (InputStream in = WebAssets.class.getResourceAsStream(WebAssets.MINIFIED + file)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** A served file as written (its imports one a line, its comments): what the tests above read. */
    private static String text(String path) {
        return new String(WebAssets.source(path).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    private static Set<String> referencedPaths(String text, Pattern pattern) {
        Set<String> paths = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }
}
