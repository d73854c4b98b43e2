package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlite-jdbc's library, found once: a command's second start reads the pointer and runs no process, and a
 * pointer that names anything but a library inside the cache is not followed.
 */
@Tag("process")
class SqliteNativeCacheTest {
    @TempDir
    Path tmp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void use_secondStart_runsNoProcessAndStillOpensTheProfile() throws Exception {
        // A stand-in uname first on PATH, which notes every call and answers as the real one does.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path calls = tmp.resolve("uname-calls.txt");
        Path uname = bin.resolve("uname");
        Files.writeString(uname, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\necho GNU/Linux\n");
        Files.setPosixFilePermissions(uname, PosixFilePermissions.fromString("rwx------"));

        assertEquals(0, run(bin, "add", "Buy milk").exit());
        assertTrue(Files.exists(calls) && !Files.readString(calls).isBlank(),
                "the first start asks sqlite-jdbc, which runs uname: the stand-in sees it");
        assertTrue(Files.isRegularFile(tmp.resolve("cache/tandem").resolve(NativePointer.FILE)), "the pointer was written");

        Files.delete(calls);
        Result second = run(bin, "list");
        assertEquals(0, second.exit(), second.output());
        assertTrue(second.output().contains("Buy milk"), second.output());
        assertFalse(Files.exists(calls), "the second start ran uname: " + (Files.exists(calls) ? Files.readString(calls) : ""));
        assertFalse(second.output().contains("SLF4J"), "slf4j's notes stay off the command's output: " + second.output());
    }

    @Test
    void read_pointerNamingALibraryOutsideTheCache_isNotFollowed() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path jar = Files.writeString(tmp.resolve("sqlite-jdbc.jar"), "jar");
        Path outside = Files.writeString(tmp.resolve("evil.so"), "not a library of ours");
        Path inside = Files.createDirectories(cache.resolve("sqlite-1")).resolve("libsqlitejdbc.so");
        Files.writeString(inside, "library");

        NativePointer.write(cache, jar.toString(), inside);
        assertEquals(inside.toAbsolutePath(), NativePointer.read(cache, jar.toString()).orElseThrow());

        Path pointer = cache.resolve(NativePointer.FILE);
        String honest = Files.readString(pointer);
        for (String library : List.of("../evil.so", outside.toAbsolutePath().toString(), "", ".", "sqlite-1")) {
            Files.writeString(pointer, honest.replace("library=sqlite-1/libsqlitejdbc.so", "library=" + library)
                    .replace("librarySize=7", "librarySize=" + Files.size(outside)));
            assertTrue(NativePointer.read(cache, jar.toString()).isEmpty(), "followed library=" + library);
        }
    }

    @Test
    void read_pointerForAnotherJarOrChangedLibraryOrOversized_isNotFollowed() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path jar = Files.writeString(tmp.resolve("sqlite-jdbc.jar"), "jar");
        Path lib = Files.createDirectories(cache.resolve("sqlite-1")).resolve("libsqlitejdbc.so");
        Files.writeString(lib, "library");
        NativePointer.write(cache, jar.toString(), lib);
        assertTrue(NativePointer.read(cache, jar.toString()).isPresent());

        Path other = Files.writeString(tmp.resolve("other.jar"), "jar");
        assertTrue(NativePointer.read(cache, other.toString()).isEmpty(), "valid for one jar");

        Files.writeString(jar, "a newer jar");
        assertTrue(NativePointer.read(cache, jar.toString()).isEmpty(), "a jar replaced in place");
        NativePointer.write(cache, jar.toString(), lib);

        Files.writeString(lib, "a library cut short or replaced");
        assertTrue(NativePointer.read(cache, jar.toString()).isEmpty(), "a library of another size");
        NativePointer.write(cache, jar.toString(), lib);
        assertTrue(NativePointer.read(cache, jar.toString()).isPresent());

        Path pointer = cache.resolve(NativePointer.FILE);
        Files.writeString(pointer, Files.readString(pointer) + "x".repeat(NativePointer.MAX_BYTES));
        assertTrue(NativePointer.read(cache, jar.toString()).isEmpty(), "a pointer over the bound is not read");
    }

    private record Result(int exit, String output) {
    }

    private Result run(Path bin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", tmp.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().remove("TANDEM_LANG");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ended");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
