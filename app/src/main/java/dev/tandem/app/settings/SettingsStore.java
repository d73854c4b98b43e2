package dev.tandem.app.settings;

import dev.tandem.app.DataDirs;
import dev.tandem.app.model.history.Authors;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

/**
 * Keeps the settings in the data dir: {@code settings.properties} for everything but secrets, and
 * {@code secrets.properties} for the S3 secret key, the WebDAV password, the passphrase and the proxy
 * (which may hold a password), created owner-only (0600) where the file system has POSIX permissions. Neither file's content is ever logged.
 */
public final class SettingsStore {
    public static final String SETTINGS_FILE = "settings.properties";
    public static final String SECRETS_FILE = "secrets.properties";
    /**
     * The keys stretched from the saved passphrase ({@code SyncEngine.Builder.keyCache}): owner-only like the
     * secrets, and deleted whenever the saved passphrase changes or goes.
     */
    public static final String KEY_CACHE_FILE = "key-cache";
    /** The secrets {@link #saveSync} owns and rewrites. */
    private static final Set<String> SYNC_SECRETS = Set.of("sync.s3.secretKey",
            "sync.webdav.password", "sync.passphrase", "sync.proxy");

    private final Path dir;

    public SettingsStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public synchronized SyncSettings loadSync() {
        Properties p = read(dir.resolve(SETTINGS_FILE));
        Properties s = read(dir.resolve(SECRETS_FILE));
        SyncSettings.Mode mode;
        try {
            mode = SyncSettings.Mode.valueOf(p.getProperty("sync.mode", "NONE"));
        } catch (IllegalArgumentException e) {
            mode = SyncSettings.Mode.NONE;
        }
        int interval;
        try {
            interval = Integer.parseInt(p.getProperty("sync.interval", String.valueOf(SyncSettings.DEFAULT_INTERVAL)));
        } catch (NumberFormatException e) {
            interval = SyncSettings.DEFAULT_INTERVAL;
        }
        return new SyncSettings(mode, p.getProperty("sync.folder", ""), p.getProperty("sync.s3.endpoint", ""),
                p.getProperty("sync.s3.region", "us-east-1"), p.getProperty("sync.s3.bucket", ""),
                p.getProperty("sync.prefix", ""), p.getProperty("sync.s3.accessKey", ""),
                s.getProperty("sync.s3.secretKey", ""), s.getProperty("sync.passphrase", ""), interval,
                new SyncSettings.Dav(p.getProperty("sync.webdav.url", ""), p.getProperty("sync.webdav.user", ""),
                        s.getProperty("sync.webdav.password", ""), p.getProperty("sync.webdav.certificate", "")),
                s.getProperty("sync.proxy", ""));
    }

    public synchronized void saveSync(SyncSettings v) {
        Properties p = read(dir.resolve(SETTINGS_FILE));
        p.setProperty("sync.mode", v.mode().name());
        p.setProperty("sync.folder", v.folder());
        p.setProperty("sync.s3.endpoint", v.endpoint());
        p.setProperty("sync.s3.region", v.region());
        p.setProperty("sync.s3.bucket", v.bucket());
        p.setProperty("sync.prefix", v.prefix());
        p.setProperty("sync.s3.accessKey", v.accessKey());
        p.setProperty("sync.interval", String.valueOf(v.intervalSeconds()));
        p.setProperty("sync.webdav.url", v.dav().url());
        p.setProperty("sync.webdav.user", v.dav().user());
        p.setProperty("sync.webdav.certificate", v.dav().certificate());
        write(dir.resolve(SETTINGS_FILE), p, false);
        // Only the sync settings' own secrets are replaced: others (the CalDAV password) stay.
        Properties s = read(dir.resolve(SECRETS_FILE));
        if (!v.passphrase().equals(s.getProperty("sync.passphrase", ""))) {
            forgetKeyCache();
        }
        SYNC_SECRETS.forEach(s::remove);
        if (!v.secretKey().isEmpty()) {
            s.setProperty("sync.s3.secretKey", v.secretKey());
        }
        if (!v.dav().password().isEmpty()) {
            s.setProperty("sync.webdav.password", v.dav().password());
        }
        if (!v.passphrase().isEmpty()) {
            s.setProperty("sync.passphrase", v.passphrase());
        }
        if (!v.proxy().isEmpty()) {
            s.setProperty("sync.proxy", v.proxy());
        }
        write(dir.resolve(SECRETS_FILE), s, true);
    }

    /**
     * Encrypts {@code b} with {@code passphrase}; when that is the passphrase saved here, the keys stretched from it
     * are kept for the next start ({@link #KEY_CACHE_FILE}), so only the first start after it was saved stretches it.
     */
    public synchronized SyncEngine.Builder encrypt(SyncEngine.Builder b, String passphrase) {
        b.encrypted(passphrase);
        if (!passphrase.isEmpty() && passphrase.equals(read(dir.resolve(SECRETS_FILE)).getProperty("sync.passphrase"))) {
            b.keyCache(dir.resolve(KEY_CACHE_FILE));
        }
        return b;
    }

    private void forgetKeyCache() {
        try {
            Files.deleteIfExists(dir.resolve(KEY_CACHE_FILE));
        } catch (IOException e) {
            // Not saved over: the old passphrase's keys would outlive it (the exception names the file).
            throw new UncheckedIOException(e);
        }
    }

    /** The key of the device's own display name, chosen by the user; not a secret. */
    public static final String DEVICE_NAME = "device.name";

    /**
     * The display name the user chose for this device, or {@code fallback} (the host name) when none
     * was saved or the saved one is not a valid name ({@link Authors#validName}).
     */
    public String deviceName(String fallback) {
        return Authors.validName(get(DEVICE_NAME, "")).orElse(fallback);
    }

    /** Saves the display name the user chose for this device; it must be valid. */
    public void saveDeviceName(String name) {
        put(DEVICE_NAME, Authors.validName(name).orElseThrow(() -> new IllegalArgumentException(Authors.nameProblem())));
    }

    /** A secret other than the sync settings' own (those come with {@link #loadSync()}); "" when none. */
    public synchronized String secret(String key) {
        return read(dir.resolve(SECRETS_FILE)).getProperty(key, "");
    }

    /** Saves a secret other than the sync settings' own, or removes it when {@code value} is empty. */
    public synchronized void putSecret(String key, String value) {
        if (SYNC_SECRETS.contains(key)) {
            throw new IllegalArgumentException("key: " + key + " belongs to the sync settings; save those with saveSync");
        }
        Properties s = read(dir.resolve(SECRETS_FILE));
        if (value == null || value.isEmpty()) {
            s.remove(key);
        } else {
            s.setProperty(key, value);
        }
        write(dir.resolve(SECRETS_FILE), s, true);
    }

    public synchronized String get(String key, String fallback) {
        return read(dir.resolve(SETTINGS_FILE)).getProperty(key, fallback);
    }

    public synchronized void put(String key, String value) {
        Properties p = read(dir.resolve(SETTINGS_FILE));
        p.setProperty(key, value);
        write(dir.resolve(SETTINGS_FILE), p, false);
    }

    /**
     * A file of secrets of its own in the data dir (the web companion's paired browsers), read as
     * properties; empty when there is none.
     */
    public Properties readSecretFile(String fileName) {
        return read(dir.resolve(fileName));
    }

    /** Writes {@code fileName} in the data dir owner-only (0600), replacing it in one step. */
    public void writeSecretFile(String fileName, Properties p) {
        write(dir.resolve(fileName), p, true);
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(Messages.text("common.settings.cannotRead", file.toString()), e);
            } catch (IllegalArgumentException e) {
                // A malformed Unicode escape (the file edited by hand, or damaged): said with the file's name, as an
                // unreadable file is, not as a bad option of the command that read it.
                throw new UncheckedIOException(Messages.text("common.settings.cannotRead", file.toString()),
                        new IOException(e.getMessage(), e));
            }
        }
        return p;
    }

    private static void write(Path file, Properties p, boolean secret) {
        try {
            // The data dir holds keys and the profile: made owner-only if it is made here.
            DataDirs.createPrivate(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (secret && posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, secret ? "Tandem secrets: readable by this user only" : "Tandem settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (secret && posix) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("common.settings.cannotWrite", file.toString()), e);
        }
    }
}
