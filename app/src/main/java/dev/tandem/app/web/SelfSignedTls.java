package dev.tandem.app.web;

import dev.tandem.app.settings.SettingsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The profile's own self-signed certificate for the web companion, made once ({@link Certificates#selfSigned})
 * and kept in the data dir ({@link #FILE}), its keystore password in an owner-only file beside it, so
 * the fingerprint a paired phone accepted stays the same from one start to the next.
 */
public final class SelfSignedTls {
    public static final String FILE = "web-tls.p12";
    private static final String SECRET = "web-tls.properties";

    /** Where the keystore is and its password. */
    public record KeyStoreFile(Path path, String password) {
    }

    private SelfSignedTls() {
    }

    /** The profile's certificate, made now for {@code hosts} if there is none yet. */
    public static KeyStoreFile ensure(SettingsStore settings, Path dataDir, List<String> hosts) {
        Properties secret = settings.readSecretFile(SECRET);
        String password = secret.getProperty("password");
        Path file = dataDir.resolve(FILE);
        if (password == null || !Files.isRegularFile(file)) {
            byte[] r = new byte[18];
            new SecureRandom().nextBytes(r);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(r);
            secret.setProperty("password", password);
            settings.writeSecretFile(SECRET, secret);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot replace " + file, e);
            }
            Certificates.selfSigned(file, password, hosts);
        }
        return new KeyStoreFile(file, password);
    }
}
