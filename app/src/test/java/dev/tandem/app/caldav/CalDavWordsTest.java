package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Diagnosis;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A failed sync of the phone's task lists is said in the user's language, about the CalDAV server and where its
 * settings are (not the sync remote's fields); the engine's English, which names the request and the answer, stays
 * in the log.
 */
@Tag("unit")
class CalDavWordsTest {
    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    @Test
    void message_signInRefusedInGerman_namesTheCalDavServerAndItsSettings() {
        Messages.use(Language.GERMAN);
        SyncException e = new SyncException(Reason.AUTH, "PROPFIND https://dav.example/ answered 401 Unauthorized");
        assertEquals("Der CalDAV-Server hat Benutzername oder Passwort abgelehnt.", CalDavWords.message(e));
        assertEquals("Prüfe Benutzername und Passwort unter Einstellungen → Handy (CalDAV) (bei Nextcloud ein"
                + " App-Passwort).", CalDavWords.hint(e));
    }

    @Test
    void message_unreachableInFrench_saysItInFrenchWithTheNetworkAdvice() {
        Messages.use(Language.FRENCH);
        SyncException e = new SyncException(Reason.UNREACHABLE, Diagnosis.NO_NETWORK,
                "Cannot reach https://dav.example/: Connection refused", null);
        assertEquals("Le serveur CalDAV est injoignable.", CalDavWords.message(e));
        assertEquals("Vérifiez la connexion réseau\u00a0; la synchronisation reprend d’elle-même quand elle revient.",
                CalDavWords.hint(e));
        assertFalse((CalDavWords.message(e) + CalDavWords.hint(e)).contains("Connection refused"));
    }

    @Test
    void message_notASyncFailure_itsOwnWordsAndTheRetryHint() {
        IllegalStateException e = new IllegalStateException("Cannot save the CalDAV state: disk full");
        assertEquals("Cannot save the CalDAV state: disk full", CalDavWords.message(e));
        assertEquals("Tandem will try again while the window is open.", CalDavWords.hint(e));
    }
}
