package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncProgress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the KeysViewModel tests share: a store whose remote is a temporary folder set up with
 * encryption, a keys view model over it, a keyring read that waits for the test, and what the dialog
 * showed when it said it was done.
 */
abstract class KeysViewModelFixture {
    static final String OLD = "correct horse battery";
    static final String NEW = "a longer passphrase for home";

    @TempDir
    Path remote;

    final List<Throwable> errors = new ArrayList<>();
    final Async async = Async.direct(errors::add);
    final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC(), ZoneOffset.UTC);
    final List<String> saved = new ArrayList<>();
    final FakeDialogs dialogs = new FakeDialogs();

    @AfterEach
    void close() {
        store.close();
    }

    SyncSettings settings(String passphrase) {
        return SyncSettings.folder(remote, 30).withPassphrase(passphrase);
    }

    KeysViewModel vm() {
        try (SyncEngine setup = settings(OLD).toEngine()) {
            store.replica().sync(setup);
        }
        return new KeysViewModel(KeyOps.of(settings(OLD), store.replica(), "sam-laptop"), async, dialogs, OLD, saved::add,
                ZoneOffset.UTC);
    }

    void opens(String passphrase) {
        try (SyncEngine e = settings(passphrase).toEngine()) {
            e.sync(Db.openMemory());
        }
    }

    /** A keyring read that waits for the test: the dialog's first read while the remote is slow. */
    static final class SlowRead implements KeyOps {
        final CountDownLatch release = new CountDownLatch(1);
        final KeyOps real;

        SlowRead(KeyOps real) {
            this.real = real;
        }

        @Override
        public KeyringStatus status() {
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS), "the test let the read go on");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return real.status();
        }

        @Override
        public KeyringStatus changePassphrase(String p) {
            return real.changePassphrase(p);
        }

        @Override
        public KeyringStatus resetPassphrase(String code, String p) {
            return real.resetPassphrase(code, p);
        }

        @Override
        public String newRecoveryKey() {
            return real.newRecoveryKey();
        }

        @Override
        public RotationReport rotate(String p, SyncProgress progress) {
            return real.rotate(p, progress);
        }
    }

    /** What the dialog showed at the moment it said it was done: a caller waiting for the end reads it. */
    static List<String> shownAtIdle(KeysViewModel vm) {
        List<String> atIdle = new CopyOnWriteArrayList<>();
        vm.busyProperty().addListener((o, was, busy) -> {
            if (!busy) {
                atIdle.add(vm.messageProperty().get() + " | " + vm.statusProperty().get() + " | "
                        + vm.recoveryCodeProperty().get());
            }
        });
        return atIdle;
    }
}
