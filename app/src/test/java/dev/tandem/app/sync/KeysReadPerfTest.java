package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long "Encryption keys…" takes to read the keyring of an encrypted folder remote at its first open in a
 * process (a fresh JVM each run, as a window opening the dialog the first time), under C1 as {@code app/tandem}
 * runs the window, on a profile whose running sync left its stretched key ({@code key-cache}): the code before
 * (the passphrase stretched again by Argon2id, 64 MiB, 3 passes) alternated run by run with the code now (the
 * kept key). {@code mvn -q -pl ui-resources,engine,app -am test -Pperf -Dtest=KeysReadPerfTest}; results in
 * {@code app/target/perf-keys-read.txt}.
 */
@Tag("perf")
class KeysReadPerfTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    /** One read in this fresh process: {@code args} profile, remote, "kept" or "stretched"; prints milliseconds. */
    public static void main(String[] args) throws Exception {
        Path profile = Path.of(args[0]);
        SyncSettings s = SyncSettings.folder(Path.of(args[1]), 60).withPassphrase(PASSPHRASE);
        try (TodoStore store = TodoStore.open(Schema.database(profile.resolve("tandem.db")), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            KeyOps ops = args[2].equals("kept") ? KeyOps.of(s, new SettingsStore(profile), store.replica(), "laptop")
                    : KeyOps.of(s, store.replica(), "laptop");
            long t0 = System.nanoTime();
            ops.status();
            System.out.println("read-ms " + (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void status_firstReadInAProcess_keptKeyAgainstStretchingAgain() throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path remote = Files.createDirectories(dir.resolve("remote"));
        SettingsStore settings = new SettingsStore(profile);
        SyncSettings s = SyncSettings.folder(remote, 60).withPassphrase(PASSPHRASE);
        settings.saveSync(s);
        try (TodoStore store = TodoStore.open(Schema.database(profile.resolve("tandem.db")), Clock.systemUTC(),
                ZoneOffset.UTC); SyncEngine e = settings.encrypt(s.engineBuilder(), PASSPHRASE).build()) {
            for (int i = 0; i < 500; i++) {
                store.add("Todo " + i, null, null);
            }
            store.replica().sync(e);
        }
        assertTrue(Files.exists(profile.resolve(SettingsStore.KEY_CACHE_FILE)), "the sync kept the stretched key");
        List<Long> kept = new ArrayList<>();
        List<Long> stretched = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            stretched.add(read(profile, remote, "stretched"));
            kept.add(read(profile, remote, "kept"));
        }
        String report = "Encryption keys: first keyring read in a fresh JVM (C1), " + RUNS + " runs alternated\n"
                + "  kept key (now):        median " + median(kept) + " ms " + kept + "\n"
                + "  stretched again (before): median " + median(stretched) + " ms " + stretched + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target", "perf-keys-read.txt"), report);
        assertTrue(median(kept) <= 300, report);
        assertTrue(median(kept) * 5 <= median(stretched), report);
    }

    private static long read(Path profile, Path remote, String mode) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), KeysReadPerfTest.class.getName(),
                profile.toString(), remote.toString(), mode));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("read-ms ")).mapToLong(l -> Long.parseLong(l.substring(8).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no time in: " + out));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
