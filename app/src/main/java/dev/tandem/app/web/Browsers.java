package dev.tandem.app.web;

import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SharedSecretFile;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The browsers paired with this device, kept owner-only in the data dir ({@link #FILE}) so a restart
 * keeps them paired. Only a SHA-256 of each session secret is stored: the file alone lets nobody in.
 * A browser is found by its cookie's hash; "last seen", and the address it was seen from (which the lists of paired
 * browsers show, to tell two alike apart), are written at most once every {@link #SEEN_EVERY}, not on every
 * request; this process's own lists show them at once. Revoking removes the browser at once and tells the
 * listeners (open event streams close); pairing and revoking tell the others ({@link #onChange}).
 *
 * <p>The file is the truth, shared with other processes ({@code tandem serve --revoke}): every method
 * first reads it again if it changed (its identity, size or time differ; a write replaces it whole),
 * and every write starts from what it holds, so a browser revoked elsewhere is gone at its next
 * request and is never written back. Thread-safe: every method holds the lock; listeners are told
 * outside it.
 */
final class Browsers {
    static final String FILE = "web-browsers.properties";
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    /** A paired browser as kept: its session secret's hash, its CSRF token, and the address it was last seen from. */
    record Browser(String id, String name, String secretHash, String csrf, Instant pairedAt, Instant lastSeen,
                   String address) {
        PairedBrowser shown() {
            return new PairedBrowser(id, name, pairedAt, lastSeen, address);
        }

        Browser seen(Instant at, String from) {
            return new Browser(id, name, secretHash, csrf, pairedAt, at, from == null ? address : from);
        }

        Browser named(String newName) {
            return new Browser(id, newName, secretHash, csrf, pairedAt, lastSeen, address);
        }
    }

    /** What happened to a paired browser, for those who say so ({@code tandem serve}'s terminal). */
    enum Change { PAIRED, REVOKED }

    /** A new pairing: the browser and the session secret its cookie carries (kept nowhere else). */
    record Paired(Browser browser, String secret) {
    }

    /** The file, read again when another process wrote it. */
    private final SharedSecretFile file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Browser> byHash = new HashMap<>();
    private final List<Consumer<String>> onRevoke = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Change, PairedBrowser>> onChange = new CopyOnWriteArrayList<>();
    private Instant written = Instant.EPOCH;

    Browsers(SettingsStore settings, Clock clock) {
        this.file = new SharedSecretFile(settings, FILE);
        this.clock = clock;
        refresh();
    }

    /** A new browser named {@code name}, seen now from {@code address} (null when unknown). */
    Paired pair(String name, String address) {
        String secret = randomText(32);
        Instant now = clock.instant();
        Browser b = new Browser(UUID.randomUUID().toString(), name, hash(secret), randomText(24), now, now, address);
        List<Browser> gone;
        synchronized (this) {
            gone = refresh();
            byHash.put(b.secretHash(), b);
            save();
        }
        tell(gone);
        onChange.forEach(l -> l.accept(Change.PAIRED, b.shown()));
        return new Paired(b, secret);
    }

    /** Names the browser {@code id} {@code name}; false when there is none. */
    boolean rename(String id, String name) {
        List<Browser> gone;
        boolean found = false;
        synchronized (this) {
            gone = refresh();
            for (Map.Entry<String, Browser> e : byHash.entrySet()) {
                if (e.getValue().id().equals(id)) {
                    e.setValue(e.getValue().named(name));
                    found = true;
                }
            }
            if (found) {
                save();
            }
        }
        tell(gone);
        return found;
    }

    /** Whether {@code secret} opens a session, changing nothing (the door's question before routing). */
    boolean known(String secret) {
        List<Browser> gone;
        boolean known;
        synchronized (this) {
            gone = refresh();
            known = current(secret) != null;
        }
        tell(gone);
        return known;
    }

    /**
     * The browser whose session secret is {@code secret}, marking it seen now from {@code address}; none when it is
     * not paired, or was not seen for {@link Router#SESSION_LIFETIME} (its cookie has expired too).
     */
    Optional<Browser> bySecret(String secret, String address) {
        List<Browser> gone;
        Browser seen = null;
        synchronized (this) {
            gone = refresh();
            Browser b = current(secret);
            if (b != null) {
                Instant now = clock.instant();
                seen = b.seen(now, address);
                byHash.put(b.secretHash(), seen);
                // At most once a minute whatever changed: a session whose address keeps changing (a phone between
                // networks, or a client that wants the disk busy) costs no more writes than one that does not.
                if (Duration.between(written, now).compareTo(SEEN_EVERY) >= 0) {
                    save();
                }
            }
        }
        tell(gone);
        return Optional.ofNullable(seen);
    }

    private Browser current(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return null;
        }
        Browser b = byHash.get(hash(secret));
        return b == null || b.lastSeen().plus(Router.SESSION_LIFETIME).isBefore(clock.instant()) ? null : b;
    }

    List<PairedBrowser> all() {
        List<PairedBrowser> out = new ArrayList<>();
        List<Browser> gone;
        synchronized (this) {
            gone = refresh();
            byHash.values().forEach(b -> out.add(b.shown()));
        }
        tell(gone);
        out.sort(Comparator.comparing(PairedBrowser::pairedAt).thenComparing(PairedBrowser::id));
        return out;
    }

    /** Forgets the browser {@code id}; false when there is none. */
    boolean revoke(String id) {
        List<Browser> gone;
        synchronized (this) {
            gone = new ArrayList<>(refresh());
            List<Browser> removed = byHash.values().stream().filter(b -> b.id().equals(id)).toList();
            if (!removed.isEmpty()) {
                byHash.values().removeAll(removed);
                gone.addAll(removed);
                save();
            }
        }
        tell(gone);
        return gone.stream().anyMatch(b -> b.id().equals(id));
    }

    /** Tells the listeners of the browsers gone: revoked here, or by another process (the file no longer holds them). */
    private void tell(List<Browser> gone) {
        for (Browser b : gone) {
            onRevoke.forEach(l -> l.accept(b.id()));
            onChange.forEach(l -> l.accept(Change.REVOKED, b.shown()));
        }
    }

    void onRevoke(Consumer<String> listener) {
        onRevoke.add(listener);
    }

    /** Hears each browser paired and each one revoked (here, or by another process once this one sees it). */
    void onChange(BiConsumer<Change, PairedBrowser> listener) {
        onChange.add(listener);
    }

    /** Hears each browser that {@code change} happens to: each one paired, or each one revoked. */
    void onChange(Change change, Consumer<PairedBrowser> listener) {
        onChange((c, b) -> {
            if (c == change) {
                listener.accept(b);
            }
        });
    }

    /**
     * Reads the file again if another process changed it: browsers it no longer holds are gone (their
     * ids returned, to tell the listeners), a "last seen" keeps the later of the two.
     */
    private List<Browser> refresh() {
        if (!file.changed()) {
            return List.of();
        }
        Map<String, Browser> read = load();
        List<Browser> gone = new ArrayList<>();
        for (Browser b : byHash.values()) {
            Browser there = read.get(b.secretHash());
            if (there == null) {
                gone.add(b);
            } else if (b.lastSeen().isAfter(there.lastSeen())) {
                // Seen here later: that, with the name the file holds (renamed by another process, it keeps it).
                read.put(b.secretHash(), b.named(there.name()));
            }
        }
        byHash.clear();
        byHash.putAll(read);
        return gone;
    }


    private Map<String, Browser> load() {
        Map<String, Browser> read = new HashMap<>();
        Properties p = file.read();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".hash")) {
                String id = key.substring(0, key.length() - ".hash".length());
                try {
                    Browser b = new Browser(id, p.getProperty(id + ".name", "A browser"), p.getProperty(key),
                            p.getProperty(id + ".csrf"), Instant.ofEpochMilli(Long.parseLong(p.getProperty(id + ".paired"))),
                            Instant.ofEpochMilli(Long.parseLong(p.getProperty(id + ".seen"))), p.getProperty(id + ".address"));
                    if (b.csrf() != null) {
                        read.put(b.secretHash(), b);
                    }
                } catch (RuntimeException e) {
                    // A damaged entry pairs nobody: that browser pairs again.
                    System.getLogger("tandem").log(System.Logger.Level.WARNING, "ignoring a damaged paired browser " + id);
                }
            }
        }
        return read;
    }

    private void save() {
        Properties p = new Properties();
        for (Browser b : byHash.values()) {
            p.setProperty(b.id() + ".name", b.name());
            p.setProperty(b.id() + ".hash", b.secretHash());
            p.setProperty(b.id() + ".csrf", b.csrf());
            p.setProperty(b.id() + ".paired", String.valueOf(b.pairedAt().toEpochMilli()));
            p.setProperty(b.id() + ".seen", String.valueOf(b.lastSeen().toEpochMilli()));
            if (b.address() != null) {
                p.setProperty(b.id() + ".address", b.address());
            }
        }
        file.write(p);
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
