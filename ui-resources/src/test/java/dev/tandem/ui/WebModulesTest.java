package dev.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The page's ES modules import downwards only, in the layers docs/WEB.md's table ("Modules") names: never from a
 * layer above, within a layer only where the table allows it, and no module imports one that imports it back,
 * however far round. Every module the jar serves has its layer, so a new one must be placed. A lower module that
 * must reach a higher one lets it register instead (routes.js's onRoute, items.js's panels, pairing.js's onStart).
 */
@Tag("unit")
class WebModulesTest {
    /** The service worker runs apart from the page: in no layer, importing nothing, imported by nothing. */
    private static final String WORKER = "sw";
    /** import … from './x.js', import './x.js', export … from './x.js', and import('./x.js'). */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:^|[;}\\s])(?:import|export)\\s*(?:[^'\";]*?\\sfrom\\s*)?['\"]\\./([A-Za-z0-9_-]+)\\.js['\"]"
                    + "|\\bimport\\s*\\(\\s*['\"]\\./([A-Za-z0-9_-]+)\\.js['\"]\\s*\\)");
    /** A row of the table: "| 2 transport | `outbox`, `api` | import each other | …". */
    private static final Pattern ROW = Pattern.compile(
            "^\\| (\\d+) ([a-z]+) \\| ([^|]+) \\| (import each other|import none of each other) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9_-]+)`");

    private record Layer(int rank, String name, boolean sideways) {}

    /** Each module the jar serves (sw.js too) and the modules of ours it imports. */
    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new LinkedHashMap<>();
        for (String path : new TreeSet<>(WebAssets.paths())) {
            if (!path.endsWith(".js")) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1, path.length() - 3);
            String text;
            try (InputStream in = WebAssets.class.getResourceAsStream("web/" + name + ".js")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            g.put(name, importsOf(text));
        }
        return g;
    }

    private static Set<String> importsOf(String text) {
        Set<String> deps = new LinkedHashSet<>();
        Matcher m = IMPORT.matcher(withoutComments(text));
        while (m.find()) {
            deps.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return deps;
    }

    /** Comments say "imports" in prose; only code counts. (No string of the page holds comment markers.) */
    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }

    /** The table in docs/WEB.md, module → its layer. */
    private static Map<String, Layer> layers() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "WEB.md"));
        int at = doc.indexOf("**Modules.**");
        assertFalse(at < 0, "docs/WEB.md has no paragraph **Modules.**");
        Map<String, Layer> layers = new LinkedHashMap<>();
        Matcher row = ROW.matcher(doc.substring(at));
        int expectedRank = 1;
        while (row.find() && row.group(1).equals(String.valueOf(expectedRank))) {
            Layer layer = new Layer(expectedRank++, row.group(2), row.group(4).equals("import each other"));
            Matcher name = NAME.matcher(row.group(3));
            while (name.find()) {
                Layer before = layers.put(name.group(1), layer);
                assertEquals(null, before, name.group(1) + " is in two layers of docs/WEB.md's table");
            }
        }
        assertFalse(layers.isEmpty(), "docs/WEB.md's table of layers has no rows");
        return layers;
    }

    @Test
    void modules_importOnlyDownwards() throws IOException {
        Map<String, Set<String>> g = graph();
        Map<String, Layer> layers = layers();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> module : g.entrySet()) {
            String from = module.getKey();
            if (from.equals(WORKER)) {
                continue;
            }
            Layer mine = layers.get(from);
            if (mine == null) {
                wrong.add(from + ".js is in no layer of docs/WEB.md's table");
                continue;
            }
            for (String to : module.getValue()) {
                Layer theirs = layers.get(to);
                if (theirs == null) {
                    continue;   // said once, as a module in no layer (or not served: below)
                }
                if (theirs.rank() > mine.rank()) {
                    wrong.add(from + ".js (" + mine.name() + ") imports " + to + ".js from above (" + theirs.name() + ")");
                } else if (theirs.rank() == mine.rank() && !mine.sideways()) {
                    wrong.add(from + ".js imports " + to + ".js, both " + mine.name() + ", which import none of each other");
                }
            }
        }
        assertEquals(List.of(), wrong, "imports against the layers");
    }

    @Test
    void modules_inTheTable_areServed() throws IOException {
        Set<String> unserved = new TreeSet<>(layers().keySet());
        unserved.removeAll(graph().keySet());
        assertEquals(Set.of(), unserved, "modules in docs/WEB.md's table the jar does not serve");
    }

    @Test
    void modules_importEachOther_withoutCycles() throws IOException {
        Map<String, Set<String>> g = graph();
        List<String> cycles = new ArrayList<>();
        for (String start : g.keySet()) {
            findCycle(g, start, new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "import cycles among the page's modules");
    }

    /** Each cycle once: from its smallest name, walking only to names after it. */
    private static void findCycle(Map<String, Set<String>> g, String at, List<String> path, List<String> cycles) {
        for (String next : g.getOrDefault(at, Set.of())) {
            if (next.equals(path.get(0))) {
                cycles.add(String.join(" → ", path) + " → " + next);
            } else if (!path.contains(next) && next.compareTo(path.get(0)) > 0) {
                path.add(next);
                findCycle(g, next, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    /**
     * device-core.js gathers the sync core for the published page, where tools/bundle-page.js bundles it and device.js
     * imports it once the page is a device; the server, whose page never is one, does not serve it.
     */
    @Test
    void imports_ofServedModules_only() throws IOException {
        Map<String, Set<String>> g = graph();
        assertTrue(g.get("device").contains("device-core"), "device.js loads the core otherwise");
        List<String> missing = new ArrayList<>();
        g.forEach((from, deps) -> deps.stream().filter((d) -> !g.containsKey(d) && !d.equals("device-core"))
                .forEach((d) -> missing.add(from + ".js imports " + d + ".js, which the jar does not serve")));
        assertEquals(List.of(), missing);
    }

    @Test
    void i18n_atTheBottom_importsNothingOfOurs() throws IOException {
        assertEquals(Set.of(), graph().get("i18n"), "i18n.js imports");
    }

    @Test
    void serviceWorker_apartFromThePage_importsNothingAndIsImportedByNothing() throws IOException {
        Map<String, Set<String>> g = graph();
        assertEquals(Set.of(), g.get(WORKER), "sw.js imports");
        List<String> importers = g.entrySet().stream().filter((e) -> e.getValue().contains(WORKER)).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), importers, "modules importing sw.js");
    }

    @Test
    void importsOf_everyForm_readsEachModule() {
        String text = """
                /* import { no } from './comment.js'; */
                import { a, b } from './one.js';
                import {
                  c,
                } from './two.js';
                import './three.js';
                export { d } from "./four.js";
                const five = await import('./five.js');
                // import { x } from './line.js';
                const s = 'important';
                """;
        assertEquals(Set.of("one", "two", "three", "four", "five"), importsOf(text));
    }
}
