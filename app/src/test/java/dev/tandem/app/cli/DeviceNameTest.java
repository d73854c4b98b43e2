package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.DeviceNames;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device's display name: renamed in the app or with `tandem device name`, synced to the other devices. */
@Tag("unit")
class DeviceNameTest {
    @TempDir
    Path tmp;

    private Result tandem(Path profile, String... args) {
        return CliRun.run(profile, args);
    }

    private void sync(Path profile) {
        Result r = tandem(profile, "sync", "--remote", "folder:" + tmp.resolve("remote"));
        assertEquals(0, r.code(), r.err());
    }

    private static <T> T withStore(Path profile, Function<TodoStore, T> f) {
        try (Db db = Schema.database(profile.resolve(Device.DB_FILE)).build()) {
            return f.apply(new TodoStore(db, Clock.systemUTC()));
        }
    }

    @Test
    void rename_syncedThroughAFolder_otherDeviceShowsTheNewNameEachTime() throws IOException {
        Files.createDirectories(tmp.resolve("remote"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String aId;
        try (Device device = Device.open("sam-host", a, Runnable::run, null, Duration.ofSeconds(1), false)) {
            aId = device.store().replica().deviceId();
            assertEquals("Sam's laptop", device.rename("  Sam's laptop "));
            assertEquals("Sam's laptop", device.name());
        }
        assertEquals("Sam's laptop", new SettingsStore(a).get("device.name", null), "saved for the next start");
        assertEquals("Sam's laptop", DeviceNames.chosenName(a));
        sync(a);
        sync(b);
        assertEquals("Sam's laptop", withStore(b, s -> new Authors(s).label(aId)));

        assertEquals(0, tandem(a, "device", "name", "Sam's desktop").code());
        sync(a);
        sync(b);
        assertEquals("Sam's desktop", withStore(b, s -> new Authors(s).label(aId)));
        assertEquals("Sam's desktop", DeviceNames.chosenName(a));
    }

    @Test
    void rename_invalidName_throwsAndKeepsTheOldName() {
        try (Device device = Device.open("sam-host", tmp.resolve("a"), Runnable::run, null, Duration.ofSeconds(1), false)) {
            for (String bad : List.of("", "  ", "x".repeat(65), "line\nbreak")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> device.rename(bad));
                assertEquals("A name of 1 to 64 characters.", e.getMessage());
            }
            assertEquals("sam-host", device.name());
            assertEquals("sam-host", new Authors(device.store()).ownName().orElseThrow());
        }
        assertEquals(DeviceNames.hostName(), DeviceNames.chosenName(tmp.resolve("a")), "nothing saved");
    }

    @Test
    void chosenName_invalidSavedName_fallsBackToTheHostName() {
        Path a = tmp.resolve("a");
        new SettingsStore(a).put("device.name", "x".repeat(65));
        assertEquals(DeviceNames.hostName(), DeviceNames.chosenName(a));
        new SettingsStore(a).put("device.name", "bell\u0007");
        assertEquals(DeviceNames.hostName(), DeviceNames.chosenName(a));
        new SettingsStore(a).put("device.name", " 64" + "x".repeat(62) + " ");
        assertEquals("64" + "x".repeat(62), DeviceNames.chosenName(a));
    }

    @Test
    void deviceName_setThenPrinted_roundTrips() {
        Path a = tmp.resolve("a");
        Result first = tandem(a, "device", "name");
        assertEquals(0, first.code(), first.err());
        assertEquals(DeviceNames.hostName(), first.out().strip(), "no name chosen, none said: the host name");

        Result set = tandem(a, "device", "name", "Work PC");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.err().contains("Work PC"), set.err());
        assertEquals("Work PC" + System.lineSeparator(), tandem(a, "device", "name").out());
        assertEquals("Work PC", new SettingsStore(a).get("device.name", null));
        assertEquals("Work PC", withStore(a, s -> new Authors(s).ownName().orElseThrow()));

        Result words = tandem(a, "device", "name", "Sam's", "phone");
        assertEquals(0, words.code(), words.err());
        assertEquals("Sam's phone", tandem(a, "device", "name").out().strip());
    }

    @Test
    void deviceName_invalidOrMissingWord_failsAndKeepsTheName() {
        Path a = tmp.resolve("a");
        assertEquals(0, tandem(a, "device", "name", "Work PC").code());
        Result tooLong = tandem(a, "device", "name", "x".repeat(65));
        assertEquals(1, tooLong.code());
        assertTrue(tooLong.err().contains("A name of 1 to 64 characters."), tooLong.err());
        assertEquals(1, tandem(a, "device", "name", " ").code());
        assertEquals("Work PC", tandem(a, "device", "name").out().strip());
        assertEquals(2, tandem(a, "device").code());
        assertEquals(2, tandem(a, "device", "rename", "x").code());
    }

    @Test
    void deviceName_appSaidItsNameBefore_printsThat() {
        Path a = tmp.resolve("a");
        try (Device device = Device.open("sam-host", a, Runnable::run, null, Duration.ofSeconds(1), false)) {
            assertEquals("sam-host", device.name());
        }
        assertEquals("sam-host", tandem(a, "device", "name").out().strip());
    }
}
