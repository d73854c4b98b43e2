package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's launcher, {@code app/tandem}, as the README's users run it: copied into a checkout's layout with
 * stand-ins for {@code java}, {@code mvn} and {@code basename} on the path, which write down how they were called.
 */
@Tag("process")
class CheckoutLauncherTest {
    private static final int DEPENDENCIES = 86;

    @TempDir
    Path tmp;
    private Path app;
    private Path classPathFile;
    private Path calls;

    @BeforeEach
    void layOut() throws IOException {
        Path script = Path.of("tandem").toAbsolutePath();
        assertTrue(Files.isRegularFile(script), "run from the app module: " + script);
        app = Files.createDirectories(tmp.resolve("checkout/app/target")).getParent();
        Files.copy(script, app.resolve("tandem"));
        app.resolve("tandem").toFile().setExecutable(true);
        Files.writeString(app.resolve("pom.xml"), "<project/>");
        Files.writeString(app.resolve("target/tandem-app-0.1.0.jar"), "");
        Path engine = Files.createDirectories(tmp.resolve("checkout/engine/target"));
        Files.writeString(engine.resolve("tandem-engine-0.1.0.jar"), "");
        List<String> deps = new ArrayList<>();
        deps.add(tmp.resolve("m2/dev/tandem/tandem-engine-0.1.0.jar").toString());
        for (int i = 1; i < DEPENDENCIES; i++) {
            deps.add(tmp.resolve("m2/lib" + i + "/lib" + i + "-1.0.jar").toString());
        }
        classPathFile = app.resolve("target/tandem.classpath");
        Files.writeString(classPathFile, String.join(":", deps));
        calls = Files.createDirectories(tmp.resolve("calls"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        stub(bin, "java", "printf '%s\\n' \"$@\" > \"$CALLS/java\"");
        stub(bin, "mvn", "echo mvn >> \"$CALLS/mvn\"");
        stub(bin, "basename", "echo basename >> \"$CALLS/basename\"; exec /usr/bin/basename \"$@\"");
    }

    @Test
    void run_classPathKnown_startsJavaWithTheCheckoutsJarsAndNoProcessPerDependency() throws Exception {
        Files.setLastModifiedTime(classPathFile, FileTime.from(Instant.now().plusSeconds(60)));

        run("--data-dir", tmp.resolve("profile").toString(), "list");

        assertFalse(Files.exists(calls.resolve("mvn")), "the class path was known");
        assertFalse(Files.exists(calls.resolve("basename")), "a process per dependency");
        List<String> args = Files.readAllLines(calls.resolve("java"));
        String cp = args.get(args.indexOf("-cp") + 1);
        String[] entries = cp.split(":");
        assertEquals(DEPENDENCIES + 1, entries.length, cp);
        assertEquals(app.resolve("target/tandem-app-0.1.0.jar").toString(), entries[0]);
        assertEquals(tmp.resolve("checkout/engine/target/tandem-engine-0.1.0.jar").toString(), entries[1],
                "this checkout's engine, not the one in ~/.m2");
        assertEquals(List.of("dev.tandem.app.Main", "--data-dir", tmp.resolve("profile").toString(), "list"),
                args.subList(args.indexOf("-cp") + 2, args.size()));
    }

    @Test
    void run_scriptNewerThanAnUnchangedClassPath_asksMavenOnceNotForEveryCommand() throws Exception {
        // As after a pull that changed the script and no dependency: Maven finds the same class path and leaves the file.
        Files.setLastModifiedTime(classPathFile, FileTime.from(Instant.now().minusSeconds(3600)));

        run("list");
        run("list");
        run("list");

        assertEquals(List.of("mvn"), Files.readAllLines(calls.resolve("mvn")));
        assertTrue(Files.exists(calls.resolve("java")));
    }

    private void run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", app.resolve("tandem").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("CALLS", calls.toString());
        pb.environment().put("TANDEM_CLI_ARCHIVE", "off");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("out.txt")));
    }

    private static void stub(Path bin, String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        assertTrue(f.toFile().setExecutable(true));
    }
}
