package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real folder remote, device A changes the passphrase; B, still on the old one, is told by {@code tandem sync}
 * which device changed it and when, in the command line's language, carried in the failure as fields. The device's
 * name is the remote's text: written escaped, never as terminal control.
 */
@Tag("unit")
class PassphraseChangedCliTest {
    private static final Clock UTC = Clock.systemUTC();

    @TempDir
    Path tmp;

    /** When A changed it: the minutes the change may have fallen in. */
    private List<Instant> changed;

    private Path remoteChangedBy(String deviceName) throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        try (Db a = Db.openMemory(); SyncEngine e = SyncEngine.builder().folder(remote).encrypted("old passphrase")
                .deviceName(deviceName).build()) {
            e.sync(a);
            Result first = CliRun.run(Map.of("TANDEM_PASSPHRASE", "old passphrase"), UTC, tmp.resolve("b"),
                    "sync", "--remote", "folder:" + remote);
            assertEquals(0, first.code(), "B synced with the passphrase of then: " + first.err());
            Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            e.keys().changePassphrase("the new passphrase");
            changed = List.of(before, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        }
        return remote;
    }

    private Result syncB(Path remote, String lang) {
        return CliRun.run(Map.of("TANDEM_PASSPHRASE", "old passphrase"), UTC, tmp.resolve("b"), "--lang", lang,
                "sync", "--remote", "folder:" + remote);
    }

    /** Whether {@code err} says the change with {@code pattern} for one of the minutes it may have fallen in. */
    private boolean saysWhen(String err, Language language, String pattern) {
        return changed.stream().anyMatch(at -> err.contains(pattern.replace("{1}", Messages.in(language,
                () -> Formats.dayYearTime(LocalDateTime.ofInstant(at, ZoneOffset.UTC))))));
    }

    @Test
    void sync_passphraseChangedOnAnotherDevice_saysWhichDeviceAndWhenInEachLanguage() throws Exception {
        Path remote = remoteChangedBy("Annas Laptop");

        Result de = syncB(remote, "de");
        assertEquals(1, de.code(), de.err());
        assertTrue(de.err().contains("tandem: Synchronisierung fehlgeschlagen: Die Passphrase"), de.err());
        assertTrue(saysWhen(de.err(), Language.GERMAN, "Die Passphrase wurde auf dem Gerät „Annas Laptop“ am {1} geändert."),
                de.err());

        Result fr = syncB(remote, "fr");
        assertEquals(1, fr.code(), fr.err());
        assertTrue(fr.err().contains("tandem: échec de la synchronisation\u00a0: "), fr.err());
        assertTrue(saysWhen(fr.err(), Language.FRENCH,
                "La phrase secrète a été changée sur l’appareil «\u00a0Annas Laptop\u00a0» le {1}."), fr.err());

        Result en = syncB(remote, "en");
        assertEquals(1, en.code(), en.err());
        assertTrue(saysWhen(en.err(), Language.ENGLISH, "The passphrase was changed on the device “Annas Laptop” on {1}."),
                en.err());
        assertFalse(en.err().contains("at 20"), "not the engine's English sentence: " + en.err());
    }

    @Test
    void sync_deviceNameWithTerminalControls_writtenEscaped() throws Exception {
        Path remote = remoteChangedBy("Evil\u001b[2J\u001b]0;owned\u0007\nfake line");

        Result r = syncB(remote, "en");

        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("The passphrase was changed on the device “Evil"), r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), "no control character reaches the terminal");
        assertFalse(r.err().contains("\nfake line"), "the name cannot start a line of its own: " + r.err());
    }
}
