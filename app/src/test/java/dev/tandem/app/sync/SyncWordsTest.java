package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the network did is said in its own words, one title each, never the reason's generic one. */
@Tag("unit")
class SyncWordsTest {
    @Test
    void title_loginPage_namesTheWifiLogIn() {
        assertEquals("Wi-Fi log-in needed", SyncWords.title(Reason.UNREACHABLE, Diagnosis.LOGIN_PAGE));
        assertEquals("This network shows a log-in page instead of the remote.",
                SyncWords.shortText(Reason.UNREACHABLE, Diagnosis.LOGIN_PAGE));
    }

    @Test
    void title_noDiagnosis_isTheReasons() {
        assertEquals("Offline", SyncWords.title(Reason.UNREACHABLE, Diagnosis.NONE));
        assertEquals(SyncWords.shortText(Reason.AUTH), SyncWords.shortText(Reason.AUTH, null));
    }

    @Test
    void shortText_everyDiagnosis_hasItsOwnWords() {
        Set<String> seen = new HashSet<>();
        for (Diagnosis d : Diagnosis.values()) {
            if (d == Diagnosis.NONE || d == Diagnosis.NO_NETWORK) {
                continue;
            }
            String words = SyncWords.shortText(Reason.UNREACHABLE, d);
            assertNotEquals(SyncWords.shortText(Reason.UNREACHABLE), words, d.name());
            assertEquals(true, seen.add(words), d + " shares its words");
        }
    }
}
