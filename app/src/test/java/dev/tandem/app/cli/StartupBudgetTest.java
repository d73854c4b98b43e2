package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command's start may cost, counted rather than timed, so that a change which adds start-up work to
 * every command fails here on any machine: the classes a command loads (each is read, verified and linked
 * before the command can go on), and the families of classes it must never load because it does not need
 * them (the AWS SDK for a folder remote, the web server, JavaFX, D-Bus, backups, sync for a plain list).
 *
 * <p>The budgets are the counts measured when they were set, plus about 6 %: room for a class or two a
 * feature brings, not for a library. Raise one only with the reason in the commit, after looking at what the
 * new classes are ({@code -Xlog:class+load}).
 *
 * <p>Of those classes, the ones the JVM spins while the command runs (method-handle forms, {@code source:
 * __JVM_LookupDefineClass__}) have budgets of their own: each is generated, not read, when an invokedynamic
 * site is first linked. String concatenation compiled to invokedynamic spun 9 more for a {@code list} and 15
 * more for an {@code add}; a record's first {@code equals} or {@code hashCode} spins about a dozen.
 */
@Tag("process")
class StartupBudgetTest {
    /**
     * Loaded by no command below: the window, the phone page's server, D-Bus, the S3 client, backups, QR codes, and
     * the watch on the database file for other programs' writes (a command subscribes to nothing).
     */
    private static final List<String> NEVER = List.of("dev.tandem.engine.internal.reactive.FileWatch", "javafx.", "com.sun.javafx.", "dev.tandem.app.view.",
            "dev.tandem.app.vm.", "dev.tandem.app.web.", "org.eclipse.jetty.", "javax.jmdns.", "com.google.zxing.",
            "dev.tandem.app.agent.", "org.freedesktop.dbus.", "dev.tandem.app.caldav.", "software.amazon.",
            "org.bouncycastle.", "dev.tandem.engine.internal.backup.");
    /** Not loaded by a command that reads or writes only the profile. */
    private static final List<String> LOCAL_ONLY = List.of("dev.tandem.engine.internal.sync.",
            "dev.tandem.engine.internal.storage.", "dev.tandem.app.transfer.", "dev.tandem.app.model.TreeRepair");

    /** How a class the JVM generated while running is marked in this list: its name, then this. */
    private static final String SPUN = " spun";

    @TempDir
    Path tmp;
    /** What the last command printed, its output and its errors. */
    private String output = "";

    @Test
    void list_oneTodo_staysWithinItsClassBudget() throws Exception {
        Path data = tmp.resolve("data");
        run(data, "add", "Buy milk");
        List<String> classes = run(data, "list");
        // The pool's start is never shown, nor a line in the JDK's raw log form (LogLines).
        List<String> lines = output.strip().lines().toList();
        assertTrue(lines.size() == 1 && lines.get(0).endsWith("[ ] Buy milk"), "the list, and nothing else: " + output);
        assertNone(classes, NEVER);
        assertNone(classes, LOCAL_ONLY);
        assertWithin(classes, 2_000, "list");
        assertSpunWithin(classes, 28, "list");
    }

    @Test
    void add_withDateTagAndNewList_staysWithinItsClassBudget() throws Exception {
        Path data = tmp.resolve("data");
        run(data, "add", "Buy milk");
        List<String> classes = run(data, "add", "Call the plumber #Home tomorrow 9am p1");
        assertNone(classes, NEVER);
        assertNone(classes, LOCAL_ONLY);
        assertWithin(classes, 2_370, "add");
        assertSpunWithin(classes, 102, "add");
    }

    @Test
    void sync_folderRemote_loadsNoS3ClientAndStaysWithinItsClassBudget() throws Exception {
        Path data = tmp.resolve("data");
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        run(data, "add", "Buy milk");
        List<String> classes = run(data, "sync", "--remote", "folder:" + remote);
        assertTrue(classes.stream().anyMatch(c -> c.startsWith("dev.tandem.engine.internal.sync.")),
                "the command synced: " + classes.size() + " classes");
        assertNone(classes, NEVER);
        assertWithin(classes, 2_420, "sync to a folder");
        assertSpunWithin(classes, 69, "sync to a folder");
    }

    private static void assertNone(List<String> classes, List<String> prefixes) {
        List<String> found = classes.stream().filter(c -> prefixes.stream().anyMatch(c::startsWith)).toList();
        assertEquals(List.of(), found, "classes a command does not need");
    }

    private static void assertWithin(List<String> classes, int budget, String command) {
        assertTrue(classes.size() <= budget, command + " loaded " + classes.size() + " classes, over its budget of "
                + budget + "; see what was added with -Xlog:class+load");
    }

    private static void assertSpunWithin(List<String> classes, int budget, String command) {
        long spun = classes.stream().filter(c -> c.endsWith(SPUN)).count();
        assertTrue(spun <= budget, command + " spun " + spun + " classes at run time, over its budget of " + budget
                + "; see which invokedynamic sites with -Xlog:class+load (source: __JVM_LookupDefineClass__)");
    }

    /**
     * Runs one command in a JVM of its own, as the command line's launcher does; returns the classes it loaded,
     * those the JVM generated marked {@link #SPUN}.
     */
    private List<String> run(Path data, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "classes", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("TANDEM_LANG");
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        output = out;
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ended");
        assertEquals(0, p.exitValue(), out);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // "[info][class,load] java.lang.Object source: shared objects file"
            int at = line.indexOf("] ");
            int end = line.indexOf(' ', at + 2);
            if (at > 0 && end > at) {
                classes.add(line.substring(at + 2, end) + (line.endsWith("source: __JVM_LookupDefineClass__") ? SPUN : ""));
            }
        }
        return classes;
    }
}
