package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SyncNoticesTest {
    private final SyncNotices notices = new SyncNotices();

    @Test
    void failed_offlineOrBusy_neverNotifies() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), notices.failed(Reason.UNREACHABLE, "cannot connect " + i, Reason.UNREACHABLE.hint()));
            assertEquals(Optional.empty(), notices.failed(Reason.REMOTE_BUSY, "SlowDown", Reason.REMOTE_BUSY.hint()));
            assertEquals(Optional.empty(), notices.failed(Reason.SERVER_INCONSISTENT, "lags", null));
        }
    }

    @Test
    void failed_needsTheUser_notifiesOnceUntilASuccess() {
        SyncNotices.Notice n = notices.failed(Reason.AUTH, "Access denied (403)", Reason.AUTH.hint()).orElseThrow();
        assertEquals("Sign-in refused", n.title());
        assertTrue(n.message().startsWith("The remote refused the sign-in details."), n.message());
        assertTrue(n.error());
        assertEquals(Optional.empty(), notices.failed(Reason.AUTH, "Access denied (403)", Reason.AUTH.hint()), "a retry");
        assertEquals(Optional.empty(), notices.failed(Reason.UNREACHABLE, "offline", null));
        assertTrue(notices.failed(Reason.WRONG_PASSPHRASE, "wrong", Reason.WRONG_PASSPHRASE.hint()).isPresent(),
                "another problem is news");
        notices.succeeded();
        assertTrue(notices.failed(Reason.WRONG_PASSPHRASE, "wrong", null).isPresent(), "again after a success");
    }

    @Test
    void failed_unexpectedError_notifies() {
        assertEquals("Sync failed", notices.failed(null, "NullPointerException", null).orElseThrow().title());
    }

    @Test
    void unread_newObjectsOnce_readOnesMaySayAgain() {
        SetAside a = new SetAside("batches/d/1", "damaged", Instant.EPOCH, 1);
        SetAside b = new SetAside("batches/d/2", "damaged", Instant.EPOCH, 1);
        assertEquals(Optional.empty(), notices.unread(List.of()));
        assertTrue(notices.unread(List.of(a)).orElseThrow().message().startsWith("1 remote object could not be read"));
        assertEquals(Optional.empty(), notices.unread(List.of(a)), "still the same object");
        assertTrue(notices.unread(List.of(a, b)).isPresent(), "a new one");
        assertEquals(Optional.empty(), notices.unread(List.of(b)));
        assertEquals(Optional.empty(), notices.unread(List.of()));
        assertTrue(notices.unread(List.of(a)).isPresent(), "it went unread again after it had read");
    }
}
