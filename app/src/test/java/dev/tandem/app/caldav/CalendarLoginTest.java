package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.sync.WebDavSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscribed CalDAV calendar's log-in when none is typed: the bridge's saved account, whose password goes only
 * to the bridge's own server; the environment's comes first.
 */
@Tag("unit")
class CalendarLoginTest {
    @TempDir
    Path tmp;

    private CalendarLogin login(Map<String, String> env) {
        Optional<Path> db = Optional.of(tmp.resolve("tandem.db"));
        try (CalDavState state = CalDavState.open(db)) {
            state.setting("url", "https://cloud.example.com/remote.php/dav");
            state.setting("user", "ana@example.com");
        }
        SettingsStore settings = new SettingsStore(tmp);
        CalDavService.writePassword(settings, "saved-secret");
        return new CalendarLogin(env, db, settings);
    }

    @Test
    void apply_addressOnTheBridgesServer_usesTheSavedUserAndPassword() {
        WebDavSettings s = login(Map.of()).apply("https://cloud.example.com/remote.php/dav/calendars/ana/work/");
        assertEquals("ana@example.com", s.user());
        assertEquals("saved-secret", s.password());
    }

    @Test
    void apply_addressOnAnotherServer_neverGetsTheSavedPassword() {
        CalendarLogin login = login(Map.of());
        assertThrows(FeedException.class, () -> login.apply("https://evil.example.net/remote.php/dav/"));
        assertThrows(FeedException.class, () -> login.apply("https://cloud.example.com:8443/remote.php/dav/"));
        assertThrows(FeedException.class, () -> login.apply("http://cloud.example.com/remote.php/dav/"));
    }

    @Test
    void apply_environmentGiven_comesFirst() {
        WebDavSettings s = login(Map.of("TANDEM_CALDAV_USER", "bo", "TANDEM_CALDAV_PASSWORD", "env-secret"))
                .apply("https://other.example.org/dav/");
        assertEquals("bo", s.user());
        assertEquals("env-secret", s.password());
    }

    @Test
    void sameServer_schemeHostAndPort_allCount() {
        assertTrue(CalendarLogin.sameServer("https://A.example.com/x", "https://a.example.com:443/y"));
        assertFalse(CalendarLogin.sameServer("https://a.example.com/x", "https://a.example.com.evil.net/x"));
        assertFalse(CalendarLogin.sameServer("not an address", "https://a.example.com/"));
    }
}
