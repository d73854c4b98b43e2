package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SharedSecretFileTest {
    private static final String NAME = "shared.properties";

    @TempDir
    Path dir;

    @Test
    void changed_afterOwnWrite_false_afterAnotherWriter_true() {
        SharedSecretFile mine = new SharedSecretFile(new SettingsStore(dir), NAME);
        SharedSecretFile theirs = new SharedSecretFile(new SettingsStore(dir), NAME);
        mine.write(entries(3, "a"));
        assertFalse(mine.changed());
        assertTrue(theirs.changed(), "a file that appeared is a change");
        assertEquals(entries(3, "a"), theirs.read());
        assertFalse(theirs.changed());
        theirs.write(entries(5, "b"));
        assertTrue(mine.changed());
        assertEquals(entries(5, "b"), mine.read());
        assertFalse(mine.changed());
    }

    @Test
    void read_noFile_emptyAndUnchanged() {
        SharedSecretFile f = new SharedSecretFile(new SettingsStore(dir), NAME);
        assertTrue(f.read().isEmpty());
        assertFalse(f.changed());
    }

    @Test
    void read_whileAnotherWriterReplacesIt_alwaysAWholeFile() throws Exception {
        // Writes alternate between two files of different sizes; a reader racing them must get
        // exactly one of the two, never a prefix of one, because each write replaces the file in one step.
        SharedSecretFile writer = new SharedSecretFile(new SettingsStore(dir), NAME);
        Properties small = entries(10, "s");
        Properties large = entries(400, "l");
        writer.write(small);
        AtomicBoolean stop = new AtomicBoolean();
        List<Properties> torn = new ArrayList<>();
        Thread reader = new Thread(() -> {
            SharedSecretFile r = new SharedSecretFile(new SettingsStore(dir), NAME);
            while (!stop.get()) {
                Properties p = r.read();
                if (!p.equals(small) && !p.equals(large)) {
                    synchronized (torn) {
                        torn.add(p);
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < 300; i++) {
            writer.write(i % 2 == 0 ? large : small);
        }
        stop.set(true);
        reader.join();
        assertTrue(torn.isEmpty(), torn.size() + " reads saw part of a file");
        assertFalse(Files.exists(dir.resolve(NAME + ".tmp")), "no temporary file is left beside it");
        assertEquals(small, new SettingsStore(dir).readSecretFile(NAME));
    }

    private static Properties entries(int n, String prefix) {
        Properties p = new Properties();
        for (int i = 0; i < n; i++) {
            p.setProperty(prefix + i + ".hash", "value-" + i + "-".repeat(40));
        }
        return p;
    }
}
