package dev.tandem.engine.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The suite's tiers, checked on the compiled test classes of a module (docs/TESTING.md): every class
 * surefire runs carries exactly one tier tag, and a class in a tier that promises "nothing outside
 * the JVM" ({@code unit}, {@code property}) reaches, through the test code it uses, no child
 * process, real server, browser or JavaFX toolkit. The fast tier runs only those two, so a class
 * tagged wrongly either slows it down or fails on a machine without the servers.
 *
 * <p>What a class needs is read from its bytecode and the test classes it depends on, transitively
 * (a test that calls a fixture that starts S3Proxy needs a server). Production classes are not
 * followed: the app's own code may start processes in paths a unit test never takes, and a test
 * that does take such a path says so by what it imports.
 */
public final class TestTiers {
    /** The tier tags, most demanding first: a class takes the first that applies. */
    public static final List<String> TIERS =
            List.of("screenshots", "perf", "browser", "ui", "server", "process", "property", "unit");

    /** Test classes surefire runs, by the include patterns in the POMs. */
    private static final Pattern RUN_BY_SUREFIRE = Pattern.compile("(Test.*|.*Test|.*Tests|.*TestCase|.*Properties)");
    private static final Set<String> JUPITER_TESTS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate");
    private static final Set<String> JQWIK_TESTS = Set.of("net.jqwik.api.Property", "net.jqwik.api.Example");
    /** Test fixtures that start a real server process. */
    private static final Set<String> SERVER_FIXTURES = Set.of("dev.tandem.engine.testing.S3ProxyServer",
            "dev.tandem.engine.testing.ExternalS3Server", "dev.tandem.engine.testing.WebDavServer",
            "dev.tandem.engine.testing.CalDavServer", "dev.tandem.engine.testing.TinyproxyServer",
            "dev.tandem.app.web.ServeProcess");

    private TestTiers() {
    }

    /** What {@code type} itself touches outside the JVM, by name of the tier that covers it. */
    static Set<String> needsOf(JavaClass type) {
        Set<String> needs = new HashSet<>();
        if (SERVER_FIXTURES.contains(type.getName())) {
            needs.add("server");
        }
        type.getDirectDependenciesFromSelf().forEach(d -> {
            String target = d.getTargetClass().getName();
            if (target.startsWith("org.openqa.selenium.")) {
                needs.add("browser");
            } else if (target.startsWith("org.testfx.") || target.startsWith("javafx.stage.")
                    || target.startsWith("javafx.scene.") || target.equals("javafx.application.Platform")) {
                needs.add("ui");
            } else if (SERVER_FIXTURES.contains(target)) {
                needs.add("server");
            } else if (target.equals("java.lang.ProcessBuilder") || target.equals("java.lang.ProcessHandle")) {
                needs.add("process");
            }
        });
        return needs;
    }

    /**
     * Every misplaced test class in {@code classes} (a module's compiled test classes), one line each,
     * naming the class, its tags and what it needs; empty when every class is where it belongs.
     */
    public static List<String> problems(JavaClasses classes) {
        return problems(classes, TestTiers::isRunBySurefire);
    }

    /** As {@link #problems(JavaClasses)}, for the classes {@code isTest} picks (a check of the check). */
    public static List<String> problems(JavaClasses classes, java.util.function.Predicate<JavaClass> isTest) {
        Map<String, Set<String>> direct = new LinkedHashMap<>();
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        for (JavaClass c : classes) {
            String outer = outerName(c);
            direct.computeIfAbsent(outer, k -> new HashSet<>()).addAll(needsOf(c));
            Set<String> u = uses.computeIfAbsent(outer, k -> new HashSet<>());
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String target = outerName(d.getTargetClass());
                if (classes.contain(d.getTargetClass().getName()) && !target.equals(outer)) {
                    u.add(target);
                }
            });
        }
        List<String> problems = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!isTest.test(c)) {
                continue;
            }
            // Each test engine reads its own tag: JUnit's @Tag for Jupiter's tests, jqwik's @Tag for properties.
            Set<String> jupiter = tiers(c, "org.junit.jupiter.api.Tag", "org.junit.jupiter.api.Tags");
            Set<String> jqwik = tiers(c, "net.jqwik.api.Tag", "net.jqwik.api.Tags");
            Set<String> tiers = new HashSet<>(jupiter);
            tiers.addAll(jqwik);
            if (tiers.size() != 1 || hasTests(c, JUPITER_TESTS) && jupiter.size() != 1
                    || hasTests(c, JQWIK_TESTS) && jqwik.size() != 1) {
                problems.add(c.getName() + ": needs exactly one tier tag of " + TIERS + " (org.junit.jupiter.api.Tag"
                        + " for @Test methods, net.jqwik.api.Tag for @Property ones), has " + tiers);
                continue;
            }
            String tier = tiers.iterator().next();
            if (tier.equals("unit") || tier.equals("property")) {
                Set<String> needs = closure(c.getName(), direct, uses);
                if (!needs.isEmpty()) {
                    problems.add(c.getName() + ": tagged " + tier + " but needs " + needs
                            + " (through the test classes it uses); tag it " + TIERS.stream().filter(needs::contains)
                            .findFirst().orElseThrow());
                }
            }
        }
        return problems;
    }

    private static Set<String> closure(String start, Map<String, Set<String>> direct, Map<String, Set<String>> uses) {
        Set<String> seen = new HashSet<>();
        Set<String> needs = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                needs.addAll(direct.getOrDefault(next, Set.of()));
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return needs;
    }

    private static boolean isRunBySurefire(JavaClass c) {
        return c.isTopLevelClass() && !c.getModifiers().contains(JavaModifier.ABSTRACT)
                && RUN_BY_SUREFIRE.matcher(c.getSimpleName()).matches()
                && (hasTests(c, JUPITER_TESTS) || hasTests(c, JQWIK_TESTS));
    }

    private static boolean hasTests(JavaClass c, Set<String> annotations) {
        for (JavaClass k = c; k != null; k = k.getRawSuperclass().orElse(null)) {
            for (JavaMethod m : k.getMethods()) {
                if (m.getAnnotations().stream().anyMatch(a -> annotations.contains(a.getRawType().getName()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The tier tags of {@code c} by one engine's annotation, or its repeating container. */
    private static Set<String> tiers(JavaClass c, String tag, String tags) {
        Set<String> found = new HashSet<>();
        c.getAnnotations().forEach(a -> {
            String type = a.getRawType().getName();
            if (type.equals(tag)) {
                found.add((String) a.get("value").orElseThrow());
            } else if (type.equals(tags)) {
                for (Object t : (Object[]) a.get("value").orElseThrow()) {
                    found.add((String) ((com.tngtech.archunit.core.domain.JavaAnnotation<?>) t).get("value").orElseThrow());
                }
            }
        });
        found.retainAll(TIERS);
        return found;
    }

    private static String outerName(JavaClass c) {
        String name = c.getName();
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }
}
