package dev.tandem.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("process")
class TurnedOffTest {
    @TempDir
    Path tmp;

    @Test
    void watch_settingTurnedOff_stopsOnce() throws Exception {
        SettingsStore settings = new SettingsStore(Files.createDirectories(tmp.resolve("p")));
        settings.put(Autostart.SETTING, "on");
        AtomicInteger stops = new AtomicInteger();
        try (TurnedOff off = TurnedOff.watch(settings.dir(), false, stops::incrementAndGet)) {
            settings.put("ui.theme", "dark");
            Await.quietFor(Duration.ofMillis(300), "another setting saved: the agent keeps running");
            assertEquals(0, stops.get());

            settings.put(Autostart.SETTING, "off");
            Await.until("the agent told to stop", () -> stops.get() == 1);
            settings.put(Autostart.SETTING, "on");
            settings.put(Autostart.SETTING, "off");
            Await.quietFor(Duration.ofMillis(300), "a second change after stopping");
            assertEquals(1, stops.get(), "told once");
        }
    }

    @Test
    void watch_settingOffAlready_watchesNothing() throws Exception {
        SettingsStore settings = new SettingsStore(Files.createDirectories(tmp.resolve("p")));
        settings.put(Autostart.SETTING, "off");
        AtomicInteger stops = new AtomicInteger();
        assertNull(TurnedOff.watch(settings.dir(), TurnedOff.isOff(settings.dir()), stops::incrementAndGet),
                "an agent started by hand keeps running");
        settings.put(Autostart.SETTING, "off");
        assertEquals(0, stops.get());
    }

    /** The whole way, as on Windows where nothing can find the agent by its command line: the setting stops it. */
    @Test
    void agentProcess_settingTurnedOffInTheProfile_exitsAndLetsGoOfTheProfile() throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("p"));
        new SettingsStore(profile).put(Autostart.SETTING, "on");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", profile.toString(), "agent"))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("agent.log").toFile());
        pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        Process agent = pb.start();
        try {
            Await.until("the agent holds the profile", Duration.ofSeconds(30),
                    () -> ProfileLock.holder(profile, ProfileLock.AGENT).isPresent());
            new SettingsStore(profile).put(Autostart.SETTING, "off");
            Await.until("the agent exits", Duration.ofSeconds(30), () -> !agent.isAlive());
            assertEquals(0, agent.exitValue(), Files.readString(tmp.resolve("agent.log")));
            assertTrue(ProfileLock.holder(profile, ProfileLock.AGENT).isEmpty(), "the profile is free");
        } finally {
            agent.destroyForcibly();
        }
    }
}
