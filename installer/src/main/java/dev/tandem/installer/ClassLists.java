package dev.tandem.installer;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/**
 * The class lists that training runs record ({@code -XX:DumpLoadedClassList}), the archives dumped from them, and
 * the ahead-of-time caches that take their place on JDK 25.
 */
final class ClassLists {
    private ClassLists() {
    }

    /** The lines of a class list that name a class: "#" lines are comments, "@" lines lambda proxies and the like. */
    static long classCount(Collection<String> classList) {
        return classList.stream().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count();
    }

    /** The one line a trainer prints when its archive is made and checked. */
    static void report(String what, Path archive, Collection<String> classList, long startNanos) {
        System.out.printf(Locale.ROOT, "installer: %s %s: %.1f MiB, %d classes, in %.1f s%n", what, archive,
                FileOps.megabytes(archive), classCount(classList), FileOps.seconds(startNanos));
    }

    /** The same line for an ahead-of-time cache, which records its classes itself. */
    static void reportCache(String what, Path cache, long startNanos) {
        System.out.printf(Locale.ROOT, "installer: %s %s: %.1f MiB in %.1f s%n", what, cache, FileOps.megabytes(cache),
                FileOps.seconds(startNanos));
    }
}
