package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.view.MainView;
import dev.tandem.app.view.sharing.JoinDialog;
import dev.tandem.app.view.sharing.ShareDialog;
import dev.tandem.app.vm.sharing.JoinViewModel;
import dev.tandem.app.vm.sharing.ShareViewModel;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code screenshots/share-invite.png}, {@code share-join.png}, {@code share-members.png} and
 * {@code shared-list.png}: Sam shares "Groceries" through a folder, Alex joins with the invite, Sam
 * admits Alex while Jo still asks, and the list shows in Sam's sidebar marked as shared. Everything
 * runs for real over folder remotes. Run with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class SharingScreenshotsTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        ScreenshotsFixture.out = Path.of(System.getProperty("tandem.screenshots.dir", "screenshots"));
        Files.createDirectories(ScreenshotsFixture.out);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void shareJoinMembers() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("Dropbox/Shared/Groceries"));
        Device sam = Device.open("sam-laptop", tmp.resolve("sam"), FxExecutor.INSTANCE,
                SyncSettings.folder(Files.createDirectories(tmp.resolve("sam-remote")), 30), Duration.ofSeconds(3));
        Device alex = Device.open("alex-desktop", tmp.resolve("alex"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        try (sam; alex) {
            ScreenshotsFixture.seedRich(sam.store());
            TodoList groceries = sam.store().findList("Groceries").orElseThrow();
            Async async = new Async(Async.backgroundExecutor("share-shot"), FxExecutor.INSTANCE, e -> { });
            Spaces samSharing = new Spaces(sam.settings(), Map.of());
            Spaces alexSharing = new Spaces(alex.settings(), Map.of());
            FakeDialogs yes = new FakeDialogs();

            ShareViewModel share = new ShareViewModel(samSharing, sam.store(), groceries, "Sam", async, yes, () -> { });
            ShareDialog shareDialog = fx(() -> {
                ShareDialog d = new ShareDialog(null, share, Theme.LIGHT.stylesheets());
                share.load();
                share.remoteProperty().set("folder:" + shared);
                d.show();
                return d;
            });
            fx(() -> {
                share.share();
                return null;
            });
            waitFor(() -> !share.inviteProperty().get().isEmpty() && !share.busyProperty().get());
            settle();
            save(snapshot(shareDialog.getDialogPane().getScene()), "share-invite.png");
            fx(() -> {
                shareDialog.close();
                return null;
            });

            JoinViewModel join = new JoinViewModel(alexSharing, alex.store(), "Alex", async, () -> { });
            JoinDialog joinDialog = fx(() -> {
                JoinDialog d = new JoinDialog(null, join, Theme.LIGHT.stylesheets());
                join.codeProperty().set(share.inviteProperty().get());
                d.show();
                join.ask();
                return d;
            });
            waitFor(() -> join.stateProperty().get() == JoinViewModel.State.ASKED && !join.busyProperty().get());
            settle();
            save(snapshot(joinDialog.getDialogPane().getScene()), "share-join.png");

            // Sam admits Alex; Alex's device takes the list; Jo asks too and waits.
            samSharing.admit(sam.store(), groceries.id(), join.fingerprintProperty().get());
            fx(() -> {
                join.check();
                return null;
            });
            waitFor(() -> join.stateProperty().get() == JoinViewModel.State.JOINED && !join.busyProperty().get());
            fx(() -> {
                joinDialog.close();
                return null;
            });
            alex.store().add("Limes", groceries.id(), null);
            alexSharing.syncList(alex.store(), groceries.id());
            samSharing.syncList(sam.store(), groceries.id());
            Path jo = Files.createDirectories(tmp.resolve("jo"));
            // Alex's invite is used up; Jo asks with one of her own.
            new Spaces(new SettingsStore(jo), Map.of()).join(samSharing.invite(sam.store(),
                    groceries.id()), "Jo");

            Stage stage = fx(Stage::new);
            MainView v = fx(() -> {
                MainView m = MainWindow.create(sam, Theme.LIGHT, null);
                Scene scene = new Scene(m, 1280, 800);
                scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
                stage.setScene(scene);
                stage.show();
                m.start();
                return m;
            });
            waitFor(() -> v.viewModel().sidebar().stream().anyMatch(e -> e.shared()));
            fx(() -> {
                v.viewModel().select(new Listing.UserListing(groceries.id()));
                return null;
            });
            waitFor(() -> v.viewModel().items().stream().anyMatch(i -> i.title().equals("Limes")));
            settle();
            save(snapshot(stage.getScene()), "shared-list.png");

            ShareViewModel members = new ShareViewModel(samSharing, sam.store(), groceries, "Sam", async, yes, () -> { });
            ShareDialog membersDialog = fx(() -> {
                ShareDialog d = new ShareDialog(stage, members, Theme.LIGHT.stylesheets());
                members.load();
                d.show();
                return d;
            });
            waitFor(() -> members.members().size() == 2 && members.requests().size() == 1 && !members.busyProperty().get());
            settle();
            save(snapshot(membersDialog.getDialogPane().getScene()), "share-members.png");
            fx(() -> {
                membersDialog.close();
                v.close();
                stage.close();
                return null;
            });
        }
    }
}
