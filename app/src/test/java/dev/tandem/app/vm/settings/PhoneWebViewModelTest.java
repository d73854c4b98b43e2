package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.web.MdnsAdvertiser;
import dev.tandem.app.web.WebCompanion;
import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open on phone…" without a toolkit: a real server on loopback, paired by the code the dialog shows. */
@Tag("unit")
class PhoneWebViewModelTest {
    @TempDir
    Path dir;

    @Test
    void open_thisComputerOnly_showsACodeThatPairsAndABrowserThatCanBeRevoked() throws Exception {
        List<Throwable> unexpected = new ArrayList<>();
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
             WebCompanion companion = new WebCompanion(store, new SettingsStore(dir), dir, () -> "Laptop", Set::of)) {
            PhoneWebViewModel vm = new PhoneWebViewModel(companion, new Async(Runnable::run, Runnable::run, unexpected::add),
                    Clock.systemDefaultZone());
            vm.networkProperty().set(false);
            vm.open();
            assertTrue(vm.runningProperty().get(), vm.messageProperty().get());
            assertNotNull(vm.qrProperty().get());
            assertTrue(vm.urlProperty().get().startsWith("http://127.0.0.1:"), vm.urlProperty().get());
            assertEquals("", vm.fingerprintProperty().get());
            assertEquals("", vm.advertisedProperty().get(), "this computer only: nothing announced, nothing to warn of");
            Matcher code = Pattern.compile("type (\\d{4}-\\d{4})").matcher(vm.codeProperty().get());
            assertTrue(code.find(), vm.codeProperty().get());

            HttpResponse<String> paired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(vm.urlProperty().get() + "api/pair"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code.group(1) + "\",\"name\":\"Pixel\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, paired.statusCode(), paired.body());
            vm.newCode();
            assertEquals(1, vm.browsers().size());
            assertEquals("Pixel", vm.browsers().get(0).name());
            // Two phones alike are told apart by where they were last seen from.
            assertTrue(vm.browsers().get(0).seen().endsWith("from 127.0.0.1"), vm.browsers().get(0).seen());
            vm.revoke(vm.browsers().get(0));
            assertTrue(vm.browsers().isEmpty());
            assertTrue(companion.running().orElseThrow().browsers().isEmpty());

            vm.stop();
            assertFalse(vm.runningProperty().get());
            assertNull(vm.qrProperty().get());
            assertTrue(companion.running().isEmpty());
        }
        assertTrue(unexpected.isEmpty(), unexpected.toString());
    }

    @Test
    void reachable_servedToTheNetworkOnLoopbackOnly_isNotAnAddressForThePhone() {
        assertFalse(PhoneWebViewModel.reachable(URI.create("https://127.0.0.1:8765/"), true));
        assertFalse(PhoneWebViewModel.reachable(URI.create("https://[::1]:8765/"), true));
        assertTrue(PhoneWebViewModel.reachable(URI.create("https://192.168.1.20:8765/"), true));
        assertTrue(PhoneWebViewModel.reachable(URI.create("https://laptop.local:8765/"), true));
        assertTrue(PhoneWebViewModel.reachable(URI.create("http://127.0.0.1:41234/"), false));
    }

    @Test
    void advertisedText_localNameWarningOrNothing_aSecondLineThatSaysWhichPhonesOpenIt() {
        String local = PhoneWebViewModel.advertisedText(new MdnsAdvertiser.Outcome(
                Optional.of(URI.create("https://laptop.local:8765/")), Optional.empty()));
        assertTrue(local.contains("https://laptop.local:8765/") && local.contains("Android"), local);
        String warning = PhoneWebViewModel.advertisedText(new MdnsAdvertiser.Outcome(Optional.empty(),
                Optional.of("the network did not carry the answer for laptop.local")));
        assertTrue(warning.contains("laptop.local") && warning.contains("still works"), warning);
        assertEquals("", PhoneWebViewModel.advertisedText(new MdnsAdvertiser.Outcome(Optional.empty(), Optional.empty())));
    }

    /**
     * Opening the dialog serves this computer only (a privacy-minded person expects nothing on the network until
     * they choose it): no QR code of 127.0.0.1 to scan, and words that say what to do instead.
     */
    @Test
    void open_firstTime_servesThisComputerOnlyAndSaysWhatToDoNotScan() throws Exception {
        List<Throwable> unexpected = new ArrayList<>();
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
             WebCompanion companion = new WebCompanion(store, new SettingsStore(dir), dir, () -> "Laptop", Set::of)) {
            PhoneWebViewModel vm = new PhoneWebViewModel(companion, new Async(Runnable::run, Runnable::run, unexpected::add),
                    Clock.systemDefaultZone());
            vm.open();
            assertFalse(vm.networkProperty().get(), "the network is not ticked on first open");
            assertFalse(companion.running().orElseThrow().secure(), "served on loopback only");
            assertTrue(vm.urlProperty().get().startsWith("http://127.0.0.1:"), vm.urlProperty().get());
            assertFalse(vm.servingNetworkProperty().get(), "no QR code: it would lead a phone to itself");
            assertFalse(vm.helpProperty().get().contains("Scan"), vm.helpProperty().get());
            assertTrue(vm.helpProperty().get().contains("type the code"), vm.helpProperty().get());
            assertEquals("", vm.advertisedProperty().get(), "nothing announced");
            assertTrue(vm.announceProperty().get(), "announcing is on by default, for when the network is chosen");
        }
        assertTrue(unexpected.isEmpty(), unexpected.toString());
    }

    @Test
    void announce_turnedOff_savedForTheNextServerAndTheNextWindow() throws Exception {
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
             WebCompanion companion = new WebCompanion(store, new SettingsStore(dir), dir, () -> "Laptop", Set::of)) {
            assertTrue(companion.announces());
            PhoneWebViewModel vm = new PhoneWebViewModel(companion, new Async(Runnable::run, Runnable::run, e -> { }),
                    Clock.systemDefaultZone());
            vm.announceProperty().set(false);
            vm.announceChanged();
            assertFalse(companion.announces());
            try (WebCompanion again = new WebCompanion(store, new SettingsStore(dir), dir, () -> "Laptop", Set::of)) {
                assertFalse(again.announces(), "saved in the profile's settings");
                PhoneWebViewModel next = new PhoneWebViewModel(again, new Async(Runnable::run, Runnable::run, e -> { }),
                        Clock.systemDefaultZone());
                next.open();
                assertFalse(next.announceProperty().get());
            }
        }
    }

    /** The dialog keeps room for the longest line the announcement may say; no line it says is longer. */
    @Test
    void advertisedLongest_noLineTheAnnouncementSaysIsLonger() throws Exception {
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
             WebCompanion companion = new WebCompanion(store, new SettingsStore(dir), dir, () -> "Laptop", Set::of)) {
            PhoneWebViewModel vm = new PhoneWebViewModel(companion, new Async(Runnable::run, Runnable::run, e -> { }),
                    Clock.systemDefaultZone());
            int room = vm.advertisedLongest().length();
            String name = "n".repeat(63) + ".local";
            for (String line : List.of(
                    PhoneWebViewModel.advertisedText(new MdnsAdvertiser.Outcome(Optional.of(URI.create("https://" + name
                            + ":8765/")), Optional.empty())),
                    PhoneWebViewModel.advertisedText(new MdnsAdvertiser.Outcome(Optional.empty(), Optional.of("x".repeat(5_000)))),
                    PhoneWebViewModel.advertisedText(new MdnsAdvertiser.Outcome(Optional.empty(),
                            Optional.of(Messages.text("server.mdns.badName")))))) {
                assertTrue(line.length() <= room, line.length() + " > " + room + ": " + line);
            }
        }
    }
}
