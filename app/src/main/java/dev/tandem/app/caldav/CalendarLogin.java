package dev.tandem.app.caldav;

import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The log-in for a subscribed CalDAV calendar when none was typed: the user from {@code TANDEM_CALDAV_USER}, else
 * the one the CalDAV bridge saved ({@code tandem caldav}, Settings → Phone); the password from
 * {@code TANDEM_CALDAV_PASSWORD}, else the bridge's saved one, but only for an address on the bridge's own server
 * (scheme, host and port alike), so a saved password never goes to another server. Never written anywhere.
 */
public final class CalendarLogin implements Function<String, WebDavSettings> {
    private final Map<String, String> env;
    private final Optional<Path> dbFile;
    private final SettingsStore settings;

    /** {@code dbFile}: the profile's database, beside which the bridge keeps its state. */
    public CalendarLogin(Map<String, String> env, Optional<Path> dbFile, SettingsStore settings) {
        this.env = env;
        this.dbFile = dbFile;
        this.settings = settings;
    }

    @Override
    public WebDavSettings apply(String address) {
        String savedUrl;
        String savedUser;
        try (CalDavState state = CalDavState.open(dbFile)) {
            savedUrl = state.setting("url").orElse("");
            savedUser = state.setting("user").orElse("");
        }
        String user = env.getOrDefault("TANDEM_CALDAV_USER", savedUser);
        String password = env.getOrDefault("TANDEM_CALDAV_PASSWORD", "");
        if (password.isEmpty() && settings != null && user.equals(savedUser) && sameServer(savedUrl, address)) {
            password = CalDavService.readPassword(settings);
        }
        if (!user.isBlank() && password.isEmpty()) {
            throw new FeedException(Messages.text("common.calendars.needsPassword"));
        }
        try {
            return new WebDavSettings(address, user, password, env.getOrDefault("TANDEM_CALDAV_TRUST", ""));
        } catch (IllegalArgumentException e) {
            throw new FeedException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Whether {@code a} and {@code b} are addresses on one server: scheme, host and port alike. */
    public static boolean sameServer(String a, String b) {
        try {
            URI x = URI.create(a.strip());
            URI y = URI.create(b.strip());
            return x.getHost() != null && x.getScheme() != null
                    && x.getScheme().toLowerCase(Locale.ROOT).equals(String.valueOf(y.getScheme()).toLowerCase(Locale.ROOT))
                    && x.getHost().equalsIgnoreCase(String.valueOf(y.getHost())) && port(x) == port(y);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
    }
}
