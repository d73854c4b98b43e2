package dev.tandem.app.web;

import dev.tandem.app.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The browsers paired with this device, kept owner-only in the data dir ({@link #FILE}) so a restart
 * keeps them paired. Only a SHA-256 of each session secret is stored: the file alone lets nobody in.
 * A browser is found by its cookie's hash; "last seen" is written at most once every
 * {@link #SEEN_EVERY}, not on every request. Revoking removes the browser at once and tells the
 * listeners (open event streams close). Thread-safe: every method holds the lock.
 */
final class Browsers {
    static final String FILE = "web-browsers.properties";
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    /** A paired browser as kept: its session secret's hash and its CSRF token. */
    record Browser(String id, String name, String secretHash, String csrf, Instant pairedAt, Instant lastSeen) {
        PairedBrowser shown() {
            return new PairedBrowser(id, name, pairedAt, lastSeen);
        }
    }

    /** A new pairing: the browser and the session secret its cookie carries (kept nowhere else). */
    record Paired(Browser browser, String secret) {
    }

    private final SettingsStore settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Browser> byHash = new HashMap<>();
    private final List<Consumer<String>> onRevoke = new CopyOnWriteArrayList<>();
    private Instant written = Instant.EPOCH;

    Browsers(SettingsStore settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        load();
    }

    synchronized Paired pair(String name) {
        String secret = randomText(32);
        Instant now = clock.instant();
        Browser b = new Browser(UUID.randomUUID().toString(), name, hash(secret), randomText(24), now, now);
        byHash.put(b.secretHash(), b);
        save();
        return new Paired(b, secret);
    }

    /** The browser whose session secret is {@code secret}, marking it seen now. */
    synchronized Optional<Browser> bySecret(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        String h = hash(secret);
        Browser b = byHash.get(h);
        if (b == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Browser seen = new Browser(b.id(), b.name(), b.secretHash(), b.csrf(), b.pairedAt(), now);
        byHash.put(h, seen);
        if (Duration.between(written, now).compareTo(SEEN_EVERY) >= 0) {
            save();
        }
        return Optional.of(seen);
    }

    synchronized List<PairedBrowser> all() {
        List<PairedBrowser> out = new ArrayList<>();
        byHash.values().forEach(b -> out.add(b.shown()));
        out.sort(Comparator.comparing(PairedBrowser::pairedAt).thenComparing(PairedBrowser::id));
        return out;
    }

    /** Forgets the browser {@code id}; false when there is none. */
    boolean revoke(String id) {
        boolean removed;
        synchronized (this) {
            removed = byHash.values().removeIf(b -> b.id().equals(id));
            if (removed) {
                save();
            }
        }
        if (removed) {
            onRevoke.forEach(l -> l.accept(id));
        }
        return removed;
    }

    void onRevoke(Consumer<String> listener) {
        onRevoke.add(listener);
    }

    private void load() {
        Properties p = settings.readSecretFile(FILE);
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".hash")) {
                String id = key.substring(0, key.length() - ".hash".length());
                try {
                    Browser b = new Browser(id, p.getProperty(id + ".name", "A browser"), p.getProperty(key),
                            p.getProperty(id + ".csrf"), Instant.ofEpochMilli(Long.parseLong(p.getProperty(id + ".paired"))),
                            Instant.ofEpochMilli(Long.parseLong(p.getProperty(id + ".seen"))));
                    if (b.csrf() != null) {
                        byHash.put(b.secretHash(), b);
                    }
                } catch (RuntimeException e) {
                    // A damaged entry pairs nobody: that browser pairs again.
                    System.getLogger("tandem").log(System.Logger.Level.WARNING, "ignoring a damaged paired browser " + id);
                }
            }
        }
    }

    private void save() {
        Properties p = new Properties();
        for (Browser b : byHash.values()) {
            p.setProperty(b.id() + ".name", b.name());
            p.setProperty(b.id() + ".hash", b.secretHash());
            p.setProperty(b.id() + ".csrf", b.csrf());
            p.setProperty(b.id() + ".paired", String.valueOf(b.pairedAt().toEpochMilli()));
            p.setProperty(b.id() + ".seen", String.valueOf(b.lastSeen().toEpochMilli()));
        }
        settings.writeSecretFile(FILE, p);
        written = clock.instant();
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
