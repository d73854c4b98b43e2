package dev.tandem.installer;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/**
 * The runtime's modules: JavaFX's from the app's dependencies, and the JDK's from the POM's list, checked against
 * what jdeps finds the packaged jars use.
 */
final class ModuleCheck {
    private ModuleCheck() {
    }

    /** The JavaFX jars that are real modules; the classifier-less ones Maven also resolves are empty placeholders. */
    static List<Path> javafxModules(Path dir) {
        List<Path> modules = new ArrayList<>();
        for (Path jar : FileOps.jarsIn(dir)) {
            boolean explicit = ModuleFinder.of(jar).findAll().stream()
                    .anyMatch(ref -> !ref.descriptor().isAutomatic());
            if (explicit) {
                modules.add(jar);
            }
        }
        if (modules.isEmpty()) {
            throw new Failure("no JavaFX module jars in " + dir + "; does the app still depend on javafx-controls?");
        }
        return modules;
    }

    static Set<String> moduleNames(List<Path> jars) {
        return ModuleFinder.of(jars.toArray(Path[]::new)).findAll().stream()
                .map(ref -> ref.descriptor().name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String modulePath(List<Path> jars) {
        return jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Fails when jdeps finds that the packaged jars use a module the runtime would not contain. Modules that are
     * only reached by reflection or as service providers (the EC crypto provider, locale data) are invisible to
     * jdeps, which is why the list lives in the POM instead of being jdeps' output.
     *
     * @param appJars the app's jars as class-path jars ({@link ClassPathJars})
     */
    /** Modules jdeps finds only in classes a library ships for its own build, which the app never loads. */
    static final Set<String> NEVER_LOADED = Set.of("jdk.javadoc");

    static void checkAgainstJdeps(List<String> roots, List<Path> appJars, List<Path> javafxModules) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new Failure("jdeps is missing: run Maven with a full JDK 17, not a JRE"));
        List<String> args = new ArrayList<>(List.of(
                "--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps",
                "--print-module-deps",
                "--module-path", modulePath(javafxModules)));
        appJars.forEach(jar -> args.add(jar.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try {
            status = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new Failure("jdeps could not analyse the app's jars: " + e);
        }
        if (status != 0) {
            throw new Failure("jdeps failed (" + status + "):\n" + out + err);
        }
        // The answer is the last line: module names separated by commas. Warnings come before it.
        String[] lines = out.toString().strip().split("\\R");
        Set<String> needed = new TreeSet<>(Options.splitList(lines[lines.length - 1], ","));
        // ICU4J's jar carries its own javadoc taglets (com.ibm.icu.dev.tool.docs), tools for building ICU's
        // documentation that the app never loads: the javadoc module they name is not the app's.
        needed.removeAll(NEVER_LOADED);

        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.ofSystem(), ModuleFinder.of(javafxModules.toArray(Path[]::new)));
        Set<String> linked;
        try {
            // Resolve without binding services, exactly as jlink does by default.
            linked = Configuration.empty().resolve(finder, ModuleFinder.of(), roots).modules().stream()
                    .map(ResolvedModule::name)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (FindException e) {
            throw new Failure("installer.jdkModules names a module this JDK does not have: " + e.getMessage());
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(linked);
        System.out.println("installer: jdeps says the jars need " + needed);
        if (!missing.isEmpty()) {
            throw new Failure("jdeps finds the app uses " + missing + ", which the runtime would not contain. "
                    + "Add them to installer.jdkModules in installer/pom.xml (with the reason).");
        }
        System.out.println("installer: runtime modules " + linked);
    }
}
