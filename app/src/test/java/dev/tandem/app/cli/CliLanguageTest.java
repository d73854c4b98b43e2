package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.CliRun;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
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
 * {@code tandem help} and the command line's errors in the language chosen by {@code --lang},
 * {@code TANDEM_LANG} or the system's {@code LANG}: the words change, the verbs, options and exit
 * codes do not.
 */
@Tag("process")
class CliLanguageTest {
    private static final int DESCRIPTION_COLUMN = 39;

    @TempDir
    Path dir;

    /** The help as it read before it moved into the catalogue: English must stay byte for byte. */
    private static String englishHelp() throws IOException {
        try (InputStream in = CliLanguageTest.class.getResourceAsStream("help-en.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The lines of the English help that name a command and its options (two spaces, then a verb). */
    private static List<String> syntaxLines(String help) {
        List<String> out = new ArrayList<>();
        for (String line : help.split("\n")) {
            if (line.matches("  [a-z].*")) {
                // Descriptions start at column 39; a longer syntax has a line of its own.
                boolean described = line.length() > DESCRIPTION_COLUMN && line.charAt(DESCRIPTION_COLUMN - 1) == ' ';
                out.add(described ? line.substring(0, DESCRIPTION_COLUMN).stripTrailing() : line);
            }
        }
        return out;
    }

    @Test
    void help_english_sameTextAsBefore() throws IOException {
        Result r = CliRun.run(dir, "help");
        assertEquals(0, r.code());
        assertEquals(englishHelp(), r.out());
    }

    @Test
    void help_langDe_germanDescriptionsAndEveryVerb() throws IOException {
        Result r = CliRun.run(dir, "--lang", "de", "help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Aufruf: tandem [--data-dir DIR] [--lang CODE] BEFEHL"), r.out());
        assertTrue(r.out().contains("fügt eine Aufgabe hinzu und gibt ihre ID aus"), r.out());
        assertTrue(r.out().contains("in den Papierkorb, mit ihren Unteraufgaben"), r.out());
        assertTrue(r.out().contains("DETAILS, die Optionen, die add und edit teilen:"), r.out());
        assertFalse(r.out().contains("add a todo; prints its id"), r.out());
        assertSameCommands(r.out());
    }

    @Test
    void help_langFr_frenchDescriptionsAndEveryVerb() throws IOException {
        Result r = CliRun.run(dir, "--lang=fr", "help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Utilisation\u00a0: tandem"), r.out());
        assertTrue(r.out().contains("ajoute une tâche et affiche son identifiant"), r.out());
        assertTrue(r.out().contains("met à la corbeille, avec ses sous-tâches"), r.out());
        assertSameCommands(r.out());
    }

    @Test
    void help_tandemLangDeInEnvironment_german() {
        Result r = CliRun.run(Map.of("TANDEM_LANG", "de"), dir, "help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Aufruf: tandem"), r.out());
    }

    @Test
    void run_unknownLanguage_exits2NamingTheCode() {
        Result r = CliRun.run(dir, "--lang", "xx", "help");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("\"xx\""), r.err());
        assertTrue(r.err().contains("--lang"), r.err());
        Result env = CliRun.run(Map.of("TANDEM_LANG", "xx"), dir, "help");
        assertEquals(2, env.code());
        assertTrue(env.err().contains("TANDEM_LANG") && env.err().contains("\"xx\""), env.err());
    }

    @Test
    void run_unknownVerbInGerman_germanErrorVerbKept() {
        Result r = CliRun.run(dir, "--lang", "de", "frobnicate");
        assertEquals(2, r.code());
        assertEquals("tandem: unbekannter Befehl: frobnicate\nHilfe zum Aufruf: tandem help\n", r.err());
    }

    @Test
    void addDoneList_inFrench_frenchMessagesSameResults() {
        Result add = CliRun.run(dir, "--lang", "fr", "add", "Acheter du pain", "--due", "2030-01-02");
        assertEquals(0, add.code(), add.err());
        String id = add.out().strip();
        Result done = CliRun.run(dir, "--lang", "fr", "done", id);
        assertEquals("Terminé\u00a0: Acheter du pain\n", done.err());
        Result empty = CliRun.run(dir, "--lang", "fr", "list");
        assertEquals(0, empty.code());
        assertEquals("", empty.out());
        assertTrue(empty.err().startsWith("Aucune tâche."), empty.err());
        Result json = CliRun.run(dir, "--lang", "fr", "list", "--all", "--json");
        assertTrue(json.out().contains("\"done\": true") || json.out().contains("\"done\":true"), json.out());
    }

    @Test
    void history_inGerman_whenInGermanFormat() {
        Result add = CliRun.run(dir, "add", "Brot kaufen");
        String id = add.out().strip();
        Result history = CliRun.run(dir, "--lang", "de", "history", id);
        assertEquals(0, history.code(), history.err());
        // "  1  Do., 26. Nov. 2026, 9:00  …": the German day and month words, not ISO digits.
        assertTrue(history.out().matches("(?s)\\s+1  \\p{L}{2}\\., \\d{1,2}\\. \\p{L}+\\.? \\d{4}, \\d{1,2}:\\d\\d .*"),
                history.out());
    }

    @Test
    void run_inProcess_leavesTheProcessLanguageAsItWas() {
        CliRun.run(dir, "--lang", "fr", "help");
        assertEquals(Language.ENGLISH, Messages.language());
    }

    @Test
    void help_posixLangGermanWithoutTandemLang_germanInAChildProcess() throws Exception {
        Exit help = tandem(Map.of("LANG", "de_DE.UTF-8"), "--data-dir", dir.toString(), "help");
        assertEquals(0, help.code(), help.output());
        assertTrue(help.output().startsWith("Aufruf: tandem"), help.output());
        assertTrue(help.output().contains("fügt eine Aufgabe hinzu"), help.output());
    }

    @Test
    void appOptions_unknownOptionUnderGermanLang_germanErrorAndUsage() throws Exception {
        Exit bad = tandem(Map.of("LANG", "de_DE.UTF-8"), "--data-dir", dir.toString(), "--bogus");
        assertEquals(2, bad.code(), bad.output());
        assertTrue(bad.output().startsWith("tandem: unbekannte Option: --bogus\nAufruf: tandem"), bad.output());
    }

    /** A word that is no command, as the real process gets it: "unknown command", in the language --lang names. */
    @Test
    void unknownCommand_langDeAndFr_saysUnknownCommandInThatLanguage() throws Exception {
        Exit de = tandem(Map.of("LANG", "C.UTF-8"), "--data-dir", dir.toString(), "--lang", "de", "bogus");
        assertEquals(2, de.code(), de.output());
        assertTrue(de.output().startsWith("tandem: unbekannter Befehl: bogus\n"), de.output());
        Exit fr = tandem(Map.of("LANG", "C.UTF-8"), "--lang=fr", "frobnicate");
        assertEquals(2, fr.code(), fr.output());
        assertTrue(fr.output().startsWith("tandem\u00a0: commande inconnue\u00a0: frobnicate\n")
                || fr.output().startsWith("tandem: commande inconnue\u00a0: frobnicate\n"), fr.output());
        assertFalse(fr.output().contains("unknown") || fr.output().contains("option"), fr.output());
    }

    /** After an option of the window's, a stray word is no option either, and --lang still decides the language. */
    @Test
    void appOptions_strayWordAfterAnOption_unknownCommandUnderLang() throws Exception {
        Exit bad = tandem(Map.of("LANG", "C.UTF-8"), "--demo", "--lang", "de", "bogus");
        assertEquals(2, bad.code(), bad.output());
        assertTrue(bad.output().startsWith("tandem: unbekannter Befehl: bogus\nAufruf: tandem"), bad.output());
    }

    private record Exit(int code, String output) {
    }

    /** {@code tandem ARGS} as a process of its own, with TANDEM_LANG and the LC_ variables removed and {@code env} set. */
    private static Exit tandem(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("TANDEM_LANG");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tandem " + String.join(" ", args) + " did not finish");
            return new Exit(p.exitValue(), out.get(10, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    /** Every command line of the English help appears, unchanged, in the translated one. */
    private static void assertSameCommands(String translated) throws IOException {
        List<String> english = syntaxLines(englishHelp());
        assertTrue(english.size() > 30, english.toString());
        assertEquals(english, syntaxLines(translated));
        for (String verb : Cli.VERBS) {
            if (!verb.equals("ls") && !verb.equals("help") && !verb.equals("undone")) {
                assertTrue(english.stream().anyMatch(l -> l.startsWith("  " + verb + " ") || l.equals("  " + verb)),
                        verb);
            }
        }
    }
}
