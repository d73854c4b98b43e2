package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem tokens}: adding, listing and revoking on a profile's files, its refusals, and its words. */
@Tag("unit")
class TokenCommandsTest {
    @TempDir
    Path dir;

    @Test
    void add_twoTokens_eachSecretPrintedOnceAloneAndOnlyItsHashKeptOwnerOnly() throws Exception {
        CliRun.Result a = CliRun.run(dir, "tokens", "add", "backup-script");
        CliRun.Result b = CliRun.run(dir, "tokens", "add", "phone.shortcut", "--read-only");

        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().strip().matches("tdm_[A-Za-z0-9_-]{43}"), a.out());
        assertTrue(a.err().contains("shown only this once"), a.err());
        assertFalse(a.out().strip().equals(b.out().strip()));
        Path file = dir.resolve("web-tokens.properties");
        String kept = Files.readString(file);
        assertFalse(kept.contains(a.out().strip().substring(4)) || kept.contains(b.out().strip().substring(4)));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        CliRun.Result list = CliRun.run(dir, "tokens", "list");
        assertTrue(list.out().contains("backup-script") && list.out().contains("reads and writes every list"), list.out());
        assertTrue(list.out().contains("phone.shortcut") && list.out().contains("reads every list"), list.out());
        assertTrue(list.out().contains("2 access tokens."), list.out());
    }

    @Test
    void add_aNameTakenOrMalformedOrAnUnknownList_refusedAndNothingAdded() {
        CliRun.run(dir, "tokens", "add", "ci");

        CliRun.Result taken = CliRun.run(dir, "tokens", "add", "ci");
        CliRun.Result malformed = CliRun.run(dir, "tokens", "add", "a b/c");
        CliRun.Result unknown = CliRun.run(dir, "tokens", "add", "x", "--lists", "Nowhere");
        CliRun.Result noName = CliRun.run(dir, "tokens", "add");

        assertEquals(1, taken.code(), taken.err());
        assertTrue(taken.err().contains("already"), taken.err());
        assertEquals(2, malformed.code(), malformed.err());
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("Nowhere"), unknown.err());
        assertEquals(2, noName.code(), noName.err());
        assertEquals("", taken.out() + malformed.out() + unknown.out());
        assertTrue(CliRun.run(dir, "tokens", "list").out().contains("1 access token."));
    }

    @Test
    void revoke_aTokenOrOneThatIsNot_goneOrExit1() {
        CliRun.run(dir, "tokens", "add", "ci");

        CliRun.Result gone = CliRun.run(dir, "tokens", "revoke", "ci");
        CliRun.Result again = CliRun.run(dir, "tokens", "revoke", "ci");

        assertEquals(0, gone.code(), gone.err());
        assertEquals(1, again.code());
        assertTrue(CliRun.run(dir, "tokens", "list").out().contains("0 access tokens."));
    }

    @Test
    void words_inGermanAndFrench_theirOwnIncludingHelp() {
        CliRun.run(dir, "tokens", "add", "ci");

        CliRun.Result de = CliRun.run(dir, "--lang", "de", "tokens", "list");
        CliRun.Result fr = CliRun.run(dir, "--lang", "fr", "tokens", "revoke", "nope");
        String helpDe = CliRun.run(dir, "--lang", "de", "help").out();
        String helpFr = CliRun.run(dir, "--lang", "fr", "help").out();

        assertTrue(de.out().contains("nie benutzt") && de.out().contains("1 Zugriffstoken."), de.out());
        assertTrue(fr.err().contains("aucun jeton ne s’appelle « nope »"), fr.err());
        assertTrue(helpDe.contains("tokens add NAME") && helpDe.contains("Zugriffstoken"), helpDe);
        assertTrue(helpFr.contains("tokens revoke NAME") && helpFr.contains("jeton d’accès"), helpFr);
    }
}
