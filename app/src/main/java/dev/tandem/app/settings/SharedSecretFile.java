package dev.tandem.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * An owner-only properties file in the data dir that several processes read and write (the web
 * companion's access tokens and paired browsers): each write replaces the whole file in one step
 * ({@link SettingsStore#writeSecretFile}), so a reader sees the old file or the new one, never part
 * of one; {@link #changed()} tells whether another process replaced it since this one last read or
 * wrote it, by the file's key, size and modification time. The stamp is taken before a read, so a
 * write landing during the read is seen as a change next time rather than missed. Not thread-safe:
 * its owner holds its own lock around it.
 */
public final class SharedSecretFile {
    private final SettingsStore settings;
    private final String name;
    private List<Object> stamp = List.of();

    public SharedSecretFile(SettingsStore settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    /** True when the file differs from what this process last read or wrote (also when it appeared or went). */
    public boolean changed() {
        return !stamp().equals(stamp);
    }

    /** The file's entries now (none when there is no file); later {@link #changed()} compares with this. */
    public Properties read() {
        List<Object> before = stamp();
        Properties p = settings.readSecretFile(name);
        stamp = before;
        return p;
    }

    /** Replaces the file with {@code p} in one step, owner-only. */
    public void write(Properties p) {
        settings.writeSecretFile(name, p);
        stamp = stamp();
    }

    private List<Object> stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(settings.dir().resolve(name), BasicFileAttributes.class);
            return Arrays.asList(a.fileKey(), a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            // No file (nothing written yet): an empty stamp, read again once there is one.
            return List.of();
        }
    }
}
