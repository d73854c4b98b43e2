package dev.tandem.app.vm.settings;


import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the SettingsViewModel tests share: a view model whose connection check answers as told (and
 * records the thread it ran on), a failed and a passed check, filling in a folder or WebDAV remote,
 * and a view model opened with a device name.
 */
abstract class SettingsViewModelFixture {
    final AtomicReference<String> checkThread = new AtomicReference<>();

    SettingsViewModel vm(ConnectionCheck result) {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        return new SettingsViewModel(SyncSettings.none(), async, s -> {
            checkThread.set(Thread.currentThread().getName());
            return result;
        });
    }

    static final ConnectionCheck FAILED = new ConnectionCheck(List.of(
            new ConnectionCheck.Step("Read back", false, "came back with different content", SyncException.Reason.CORRUPT)));
    static final ConnectionCheck PASSED = new ConnectionCheck(List.of(
            new ConnectionCheck.Step("List", true, "ok", null)));

    static void folder(SettingsViewModel vm, String dir) {
        vm.modeProperty().set(SyncSettings.Mode.FOLDER);
        vm.value("folder").set(dir);
    }

    static final String FINGERPRINT = "ab".repeat(32);

    static void webDav(SettingsViewModel vm, String url, String user, String password, String certificate) {
        vm.targetProperty().set(SettingsViewModel.Target.WEBDAV);
        vm.value("davUrl").set(url);
        vm.value("davUser").set(user);
        vm.value("davPassword").set(password);
        vm.value("davCertificate").set(certificate);
    }

    SettingsViewModel named(String current) {
        return new SettingsViewModel(SyncSettings.none(), current, Async.direct(e -> {
            throw new AssertionError(e);
        }), s -> {
            throw new AssertionError("no check when sync is off");
        });
    }
}
