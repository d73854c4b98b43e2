package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.sync.DeviceRoster;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings' device list over a real folder remote with two real profiles. */
@Tag("unit")
class DevicesViewModelTest {
    @TempDir
    Path tmp;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private SyncEngine engine;
    private TodoStore desk;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private TodoStore profile(String name) {
        TodoStore store = new TodoStore(Schema.database(tmp.resolve(name + ".db")).build(), Clock.systemUTC());
        open.add(store);
        new Authors(store).register(name);
        return store;
    }

    private SyncEngine engine() throws Exception {
        SyncEngine e = SyncEngine.builder().folder(Files.createDirectories(tmp.resolve("remote"))).build();
        open.add(e);
        return e;
    }

    private DevicesViewModel model(TodoStore store, Optional<SyncEngine> engine) {
        return new DevicesViewModel(() -> engine, new DeviceRoster(store), Async.direct(errors::add), Clock.systemUTC());
    }

    /**
     * Fills {@link #engine} (a folder remote) and {@link #desk} ("Desk", this device) and returns a second profile
     * named {@code otherName}; both sync over the remote, the other one last, so each has seen the other.
     */
    private TodoStore twoDevices(String otherName) throws Exception {
        engine = engine();
        desk = profile("Desk");
        TodoStore other = profile(otherName);
        for (TodoStore s : List.of(other, desk, other)) {
            s.replica().sync(engine);
        }
        return other;
    }

    private static DevicesViewModel.Row otherRow(DevicesViewModel vm) {
        return vm.rows().stream().filter(r -> !r.thisDevice()).findFirst().orElseThrow();
    }

    @Test
    void load_twoDevicesSynced_listsBothByNameWithThisOneMarked() throws Exception {
        TodoStore laptop = twoDevices("Old laptop");
        DevicesViewModel vm = model(desk, Optional.of(engine));
        vm.load();
        assertEquals(2, vm.rows().size(), vm.rows().toString());
        DevicesViewModel.Row me = vm.rows().stream().filter(DevicesViewModel.Row::thisDevice).findFirst().orElseThrow();
        assertEquals("Desk", me.name());
        assertFalse(me.forgettable(), "this device cannot be forgotten from here");
        DevicesViewModel.Row other = otherRow(vm);
        assertEquals("Old laptop", other.name());
        assertEquals("Last seen today", other.seen());
        assertTrue(other.forgettable());
        assertFalse(vm.busyProperty().get());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void forget_theOtherDevice_showsItRetiredAndSaysSo() throws Exception {
        TodoStore laptop = twoDevices("Old laptop");
        DevicesViewModel vm = model(desk, Optional.of(engine));
        vm.load();
        DevicesViewModel.Row other = otherRow(vm);
        vm.forget(other);
        assertEquals("Forgot Old laptop.", vm.messageProperty().get());
        DevicesViewModel.Row after = otherRow(vm);
        assertTrue(after.retired() && !after.forgettable(), after.toString());
        assertTrue(laptop.replica().sync(engine).notes().stream().anyMatch(n -> n.contains("forgot this device")),
                "the laptop is told at its next sync");
    }

    @Test
    void forget_withRotation_opensTheRotationOnlyOnceTheDeviceIsRetired() throws Exception {
        TodoStore phone = twoDevices("Anna's phone");
        DevicesViewModel vm = model(desk, Optional.of(engine));
        assertFalse(vm.offersRotation(), "a plain remote has no key to rotate");
        List<Boolean> opened = new ArrayList<>();
        vm.offerRotation(() -> opened.add(desk.replica().devices(engine).stream()
                .anyMatch(d -> !d.thisDevice() && d.retired())));
        assertTrue(vm.offersRotation());
        vm.load();
        DevicesViewModel.Row other = otherRow(vm);
        vm.forget(other, true);
        assertEquals(List.of(true), opened, "opened once, after the retirement was written");
        assertEquals("Forgot Anna's phone.", vm.messageProperty().get());
    }

    @Test
    void forget_withoutRotationOrRemoteUnreachable_neverOpensTheRotation() throws Exception {
        TodoStore phone = twoDevices("Anna's phone");
        List<String> opened = new ArrayList<>();
        DevicesViewModel vm = model(desk, Optional.of(engine));
        vm.offerRotation(() -> opened.add("rotation"));
        vm.load();
        DevicesViewModel.Row other = otherRow(vm);
        vm.forget(other, false);
        assertTrue(opened.isEmpty(), "not asked for");
        // A remote that fails the forget: the device stays live, and no rotation locks it out unannounced.
        // The remote's folder gone and a file in its place: the forget fails.
        Path gone = tmp.resolve("gone");
        SyncEngine broken = SyncEngine.builder().folder(Files.createDirectories(gone)).build();
        open.add(broken);
        Files.delete(gone);
        Files.writeString(gone, "not a folder");
        DevicesViewModel failing = new DevicesViewModel(() -> Optional.of(broken), new DeviceRoster(desk),
                Async.direct(errors::add), Clock.systemUTC());
        failing.offerRotation(() -> opened.add("rotation"));
        failing.forget(new DevicesViewModel.Row(other.id(), other.name(), other.seen(), false, false), true);
        assertTrue(opened.isEmpty(), "no rotation after a failed forget");
        assertTrue(failing.messageProperty().get().startsWith("Could not reach the remote"),
                failing.messageProperty().get());
    }

    @Test
    void forgetText_everyLanguage_saysTheStorageCredentialStaysValid() {
        try {
            assertTrue(DevicesViewModel.forgetText("Anna's phone").contains("does not revoke the storage key"));
            Messages.use(Language.GERMAN);
            assertTrue(DevicesViewModel.forgetText("Annas Handy").contains("widerruft nicht den Speicherschlüssel"));
            Messages.use(Language.FRENCH);
            assertTrue(DevicesViewModel.forgetText("Téléphone").contains("ne révoque pas la clé de stockage"));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void load_syncOff_saysSoAndListsNothing() {
        DevicesViewModel vm = model(profile("Desk"), Optional.empty());
        vm.load();
        assertTrue(vm.rows().isEmpty());
        assertEquals(DevicesViewModel.syncOff(), vm.messageProperty().get());
    }

    @Test
    void seen_byAge_saysItInDays() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        assertEquals("Never seen", DevicesViewModel.seen(null, now));
        assertEquals("Last seen today", DevicesViewModel.seen(now.minusSeconds(3600), now));
        assertEquals("Last seen yesterday", DevicesViewModel.seen(now.minusSeconds(30 * 3600), now));
        assertEquals("Last seen 91 days ago", DevicesViewModel.seen(now.minusSeconds(91L * 86400 + 60), now));
        try {
            Messages.use(Language.GERMAN);
            assertEquals("Zuletzt vor 1.234 Tagen gesehen", DevicesViewModel.seen(now.minusSeconds(1234L * 86400 + 60), now));
            Messages.use(Language.FRENCH);
            assertEquals("Vu pour la dernière fois il y a 2 jours", DevicesViewModel.seen(now.minusSeconds(2L * 86400 + 60), now));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }
}
