package dev.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page's ES modules import downwards only: no module imports one that imports it back, however far round,
 * and the transport (what talks to the server and keeps the outbox) imports no screen. A screen that a lower
 * module needs to reach registers itself instead (routes.js's onRoute and onRefresh, items.js's panels).
 */
class WebModulesTest {
    /** The bottom of the page: state, building blocks, the outbox and the server's answers. No screen. */
    private static final Set<String> TRANSPORT = Set.of("i18n", "state", "dom", "format", "outbox", "overlay", "api", "drafts",
            "fields");
    private static final Pattern IMPORT = Pattern.compile("^import (?:[^'\"]* from )?'\\./([a-z]+)\\.js';", Pattern.MULTILINE);

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new LinkedHashMap<>();
        for (String path : new TreeSet<>(WebAssets.paths())) {
            if (!path.endsWith(".js") || path.equals("/sw.js")) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1, path.length() - 3);
            String text;
            try (InputStream in = WebAssets.class.getResourceAsStream("web/" + name + ".js")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Set<String> deps = new LinkedHashSet<>();
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                deps.add(m.group(1));
            }
            g.put(name, deps);
        }
        return g;
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

    @Test
    void i18n_atTheBottom_importsNothingOfOurs() throws IOException {
        Map<String, Set<String>> g = graph();
        assertEquals(Set.of(), g.get("i18n"), "i18n.js imports");
    }

    @Test
    void transport_importsNoScreen() throws IOException {
        Map<String, Set<String>> g = graph();
        assertTrue(g.keySet().containsAll(TRANSPORT), g.keySet().toString());
        for (String module : TRANSPORT) {
            Set<String> screens = new TreeSet<>(g.get(module));
            screens.removeAll(TRANSPORT);
            assertEquals(Set.of(), screens, module + ".js imports screens");
        }
        Set<String> routes = new TreeSet<>(g.get("routes"));
        routes.removeAll(TRANSPORT);
        assertEquals(Set.of(), routes, "routes.js imports screens");
    }
}
