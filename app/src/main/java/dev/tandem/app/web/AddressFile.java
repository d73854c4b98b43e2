package dev.tandem.app.web;

import dev.tandem.app.settings.SettingsStore;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code web-server.properties}, a profile's owner-only file of what its web server is known by: the page's
 * address, for {@code tandem serve --pair} in another process to put in an invitation, and the id in the
 * session cookie's name, one per profile so the servers of two profiles on one host keep their own sessions
 * (cookies know no ports). The id is kept across restarts so a paired browser's cookie still matches.
 *
 * <p>Read before the server starts (the cookie's name is needed to route), written once it listens (the
 * address holds the port only then).
 */
final class AddressFile {
    static final String NAME = "web-server.properties";

    private final SettingsStore settings;
    private final Properties values;
    private final String cookieId;

    private AddressFile(SettingsStore settings) {
        this.settings = settings;
        this.values = settings.readSecretFile(NAME);
        String id = values.getProperty("cookie", "");
        this.cookieId = id.matches("[0-9a-f]{8}") ? id : String.format("%08x", new SecureRandom().nextInt());
    }

    /** The profile's file as it is now, with a new cookie id when it holds none (or not one of 8 hex digits). */
    static AddressFile read(SettingsStore settings) {
        return new AddressFile(settings);
    }

    /** The page's address the profile's server last wrote; empty when none has run on it. */
    static Optional<String> url(SettingsStore settings) {
        return Optional.ofNullable(settings.readSecretFile(NAME).getProperty("url"));
    }

    /** The id in the session cookie's name: 8 hex digits. */
    String cookieId() {
        return cookieId;
    }

    /** Writes the page's address and the cookie id, for another process and the next start. */
    void publish(URI url) {
        values.setProperty("url", url.toString());
        values.setProperty("cookie", cookieId);
        settings.writeSecretFile(NAME, values);
    }
}
