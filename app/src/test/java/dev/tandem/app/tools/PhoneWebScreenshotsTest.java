package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.view.PhoneWebDialog;
import dev.tandem.app.vm.settings.PhoneWebViewModel;
import dev.tandem.app.web.WebCompanion;
import dev.tandem.app.web.WebServer;
import dev.tandem.ui.Theme;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screenshots/open-on-phone.png}: "Open on phone…" serving (its QR code and the code to type) with a
 * phone paired already. It serves this computer only, on a free port: serving the network would need port
 * 8765 free and would show the address of whichever machine made the screenshot (loopback on one without
 * a network). Run with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class PhoneWebScreenshotsTest {
    @BeforeAll
    static void setUp() throws Exception {
        ScreenshotsFixture.setUp();
    }

    @AfterAll
    static void tearDown() throws Exception {
        ScreenshotsFixture.tearDown();
    }

    @Test
    void openOnPhone(@TempDir Path tmp) throws Exception {
        try (TodoStore store = new TodoStore(Schema.database(tmp.resolve("tandem.db")).build(), Clock.systemUTC());
             WebCompanion companion = new WebCompanion(store, new SettingsStore(tmp), tmp, () -> "Sam's laptop", Set::of)) {
            pairPhone(companion.start(false));

            Async async = new Async(Async.backgroundExecutor("phone-web-shots"), FxExecutor.INSTANCE, e -> { });
            PhoneWebViewModel vm = new PhoneWebViewModel(companion, async, Clock.systemDefaultZone());
            vm.networkProperty().set(false);
            PhoneWebDialog dialog = fx(() -> {
                PhoneWebDialog d = new PhoneWebDialog(null, vm, Theme.LIGHT.stylesheets());
                d.show();
                vm.open();
                return d;
            });
            waitFor(() -> vm.runningProperty().get() && vm.qrProperty().get() != null && vm.browsers().size() == 1
                    && !vm.busyProperty().get());
            settle();
            save(snapshot(dialog.getDialogPane().getScene()), "open-on-phone.png");
            fx(() -> {
                dialog.close();
                return null;
            });
        }
    }

    /** A phone paired over loopback, as its browser would with the code the dialog showed. */
    private static void pairPhone(WebServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url().resolve("/api/pair"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + server.pair().code() + "\",\"name\":\"Sam's iPhone · Safari\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("pairing failed: " + r.statusCode() + " " + r.body());
        }
    }
}
