package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text typed under a locale that is not UTF-8 (cron, systemd units, ssh, containers): the command line in a child
 * JVM with {@code LANG=C} and with no {@code LANG} at all stores "Café ☕" as typed, never as U+FFFD; bytes that are
 * not UTF-8 are refused loudly and nothing is stored.
 */
@Tag("process")
class ArgumentLocaleTest {
    @TempDir
    Path dir;

    private record Exit(int code, String output) {
    }

    /** {@code tandem ARGS} in a JVM of its own: the LC_ variables removed, {@code LANG} set to {@code lang} or removed. */
    private Exit tandem(String lang, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", dir.toString()));
        command.addAll(args);
        return run(lang, command);
    }

    private static Exit run(String lang, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        for (String k : List.of("LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANG", "LANGUAGE", "TANDEM_LANG")) {
            env.remove(k);
        }
        if (lang != null) {
            env.put("LANG", lang);
        }
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            return new Exit(p.exitValue(), out.get(10, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void add_underLangCAndWithoutLang_storesTheTextAsTyped() throws Exception {
        for (String lang : new String[] {"C", null}) {
            String title = "Café ☕ Grüße " + (lang == null ? "unset" : lang);
            Exit added = tandem(lang, List.of("add", title));
            assertEquals(0, added.code(), added.output());
        }
        Exit list = tandem("C.UTF-8", List.of("list", "--json"));
        assertTrue(list.output().contains("\"Café ☕ Grüße C\""), list.output());
        assertTrue(list.output().contains("\"Café ☕ Grüße unset\""), list.output());
        assertFalse(list.output().contains("\uFFFD"), "no replacement character stored: " + list.output());
    }

    @Test
    void add_bytesThatAreNotUtf8UnderLangC_refusedLoudlyAndNothingStored() throws Exception {
        // bash hands the JVM the byte 0xE9 (Latin-1 "é") as it is: no Java string can carry it to the child.
        List<String> command = List.of("bash", "-c", "exec \"$0\" -XX:TieredStopAtLevel=1 -cp \"$1\" " + Main.class.getName()
                + " --data-dir \"$2\" add \"$(printf 'Caf\\351')\"", ProcessHandle.current().info().command().orElse("java"),
                System.getProperty("java.class.path"), dir.toString());
        Exit refused = run("C", command);
        assertEquals(2, refused.code(), refused.output());
        assertTrue(refused.output().contains("argument 4 is not UTF-8 text"), refused.output());
        Exit list = tandem("C.UTF-8", List.of("list", "--json"));
        assertEquals("[]", list.output().strip(), "nothing stored");
    }
}
