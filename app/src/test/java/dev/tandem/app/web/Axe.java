package dev.tandem.app.web;

import dev.tandem.engine.testing.ExternalS3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * axe-core, the accessibility checker (.ci/run installs it from npm into the git-ignored .test-servers), run
 * inside the page as it is shown. Missing here: the test is skipped, or fails under CI.
 */
final class Axe {
    static final String VERSION = "4.14.1";

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    static Axe load() {
        Path js = ExternalS3Server.repositoryRoot().resolve(".test-servers/node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(js)) {
            String missing = js + " is missing (.ci/run installs npm axe-core@" + VERSION + " into .test-servers)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI must check the page's accessibility");
            }
            Assumptions.abort(missing);
        }
        try {
            return new Axe(Files.readString(js));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The moderate, serious and critical violations of the page as shown now (WCAG 2.x A and AA and axe's best
     * practices), one line each: the screen, the rule, its impact and the elements it found. Only minor ones (a
     * best practice's nicety) pass.
     */
    List<String> violations(Chromium chromium, String screen) {
        return run(chromium, screen, null).violations();
    }

    /**
     * What one axe run found, and which of the rules it ran are about colour (axe's tag {@code cat.color}: text
     * contrast, links told from text by colour alone).
     */
    private record Run(List<String> violations, List<String> colourRules) {
    }

    /** Runs axe over the whole page: every rule axe runs by default, or only {@code rules} when not null. */
    private Run run(Chromium chromium, String screen, List<String> rules) {
        if (!Boolean.TRUE.equals(chromium.js("return typeof window.axe === 'object'"))) {
            // WebDriver's scripts run outside the page's content security policy, which allows only its own.
            chromium.js(source);
        }
        chromium.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object answer = chromium.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const rules = arguments[0];"
                        + " const options = rules ? {resultTypes: ['violations'], runOnly: {type: 'rule', values: rules}}"
                        + " : {resultTypes: ['violations']};"
                        + " axe.run(document, options).then(r => done({colour: [...r.violations, ...r.passes, ...r.incomplete,"
                        + " ...r.inapplicable].filter(v => v.tags.includes('cat.color')).map(v => v.id), violations: r.violations"
                        + ".filter(v => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " targets: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/^Fix (any|all) of the following:\\s*/, '').replace(/\\s+/g, ' '))}))}),"
                        + " e => done({colour: [], violations: [{id: 'axe failed', impact: 'critical', help: String(e), targets: []}]}))",
                rules);
        Map<?, ?> result = (Map<?, ?>) answer;
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) result.get("violations")) {
            Map<?, ?> v = (Map<?, ?>) o;
            out.add(screen + ": " + v.get("id") + " (" + v.get("impact") + ", " + v.get("help") + ") at " + v.get("targets"));
        }
        Set<String> colour = new LinkedHashSet<>();
        for (Object id : (List<?>) result.get("colour")) {
            colour.add(String.valueOf(id));
        }
        return new Run(out, List.copyOf(colour));
    }

    /**
     * The violations of the screen as shown now, in the light and the dark colour scheme, and its controls that
     * have no name: empty when it passes.
     *
     * <p>The dark scheme is checked by axe's colour rules only, when the page's dark scheme changes nothing but
     * colours ({@link #darkChangesOnlyColours}): every other rule then sees in the dark what it saw in the light,
     * so running it again would find the same. On a screen of 200 rows, where one axe run takes seconds of a core,
     * that saves a third to a half of the dark run. A page whose dark scheme changed more gets all of axe's rules
     * again.
     */
    List<String> check(Chromium chromium, String screen) {
        List<String> found = new ArrayList<>();
        for (String control : unnamedControls(chromium)) {
            found.add(screen + ": no name for " + control);
        }
        scheme(chromium, "light");
        Run light = run(chromium, screen + " (light)", null);
        found.addAll(light.violations());
        scheme(chromium, "dark");
        boolean coloursOnly = darkChangesOnlyColours(chromium) && !light.colourRules().isEmpty();
        found.addAll(run(chromium, screen + " (dark)", coloursOnly ? light.colourRules() : null).violations());
        return found;
    }

    private static void scheme(Chromium chromium, String scheme) {
        chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * Whether every rule the page's style sheets apply under {@code prefers-color-scheme} only sets custom
     * properties whose values are colours (app.css's dark palette): false for a style sheet it cannot read, a
     * rule setting a property of its own (a display, a size) or a custom property that is not a colour.
     */
    private static boolean darkChangesOnlyColours(Chromium chromium) {
        return Boolean.TRUE.equals(chromium.js("const colours = (rules) => [...rules].every(r => {"
                + " if (r.media && [...r.media].some(m => m.includes('prefers-color-scheme')))"
                + "   return [...r.cssRules].every(x => x.style && [...x.style].every(p => p.startsWith('--')"
                + "     && CSS.supports('color', x.style.getPropertyValue(p).trim())));"
                + " return !r.cssRules || colours(r.cssRules); });"
                + " try { return [...document.styleSheets].every(s => colours(s.cssRules)); } catch (e) { return false; }"));
    }

    /**
     * What Chromium's accessibility tree (what a screen reader reads) holds that can take focus but has no
     * name, as role and DOM node: empty when every control says what it is.
     */
    private static List<String> unnamedControls(Chromium chromium) {
        Map<String, Object> tree = chromium.driver().executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<String> unnamed = new ArrayList<>();
        for (Object o : (List<?>) tree.get("nodes")) {
            Map<?, ?> node = (Map<?, ?>) o;
            if (Boolean.TRUE.equals(node.get("ignored")) || !hasTrue(node, "focusable")) {
                continue;
            }
            Object name = node.get("name") instanceof Map<?, ?> n ? n.get("value") : null;
            String role = String.valueOf(((Map<?, ?>) node.get("role")).get("value"));
            if ((name == null || String.valueOf(name).isBlank()) && !role.equals("RootWebArea")) {
                Map<String, Object> dom = chromium.driver().executeCdpCommand("DOM.describeNode",
                        Map.of("backendNodeId", node.get("backendDOMNodeId")));
                Map<?, ?> element = (Map<?, ?>) dom.get("node");
                unnamed.add(role + " " + element.get("localName") + " " + element.get("attributes"));
            }
        }
        return unnamed;
    }

    private static boolean hasTrue(Map<?, ?> node, String property) {
        if (!(node.get("properties") instanceof List<?> properties)) {
            return false;
        }
        for (Object p : properties) {
            Map<?, ?> prop = (Map<?, ?>) p;
            if (property.equals(prop.get("name")) && Boolean.TRUE.equals(((Map<?, ?>) prop.get("value")).get("value"))) {
                return true;
            }
        }
        return false;
    }
}
