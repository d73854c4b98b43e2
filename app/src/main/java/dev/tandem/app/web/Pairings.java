package dev.tandem.app.web;

import dev.tandem.app.settings.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The pairing invitations that are open, and the limit on guessing them. An invitation is a 256-bit
 * token and an 8-digit code, single-use, valid for {@link #LIFETIME}; at most {@link #OPEN} are open
 * (a new one retires the oldest). Failed attempts are limited per address ({@link #PER_HOST} a
 * minute) and in all ({@link #IN_ALL} a minute), so a code of 10^8 cannot be guessed in its
 * lifetime even from many addresses: at 20 tries a minute, 10 minutes give 200 tries of 10^8.
 *
 * <p>The open invitations are also kept owner-only in the data dir ({@link #FILE}, hashed), so that
 * {@code tandem serve --pair}, another process, can invite a browser into a server that runs as a
 * service: each redeem reads the file again before it looks. Thread-safe: every method holds the lock.
 */
final class Pairings {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int OPEN = 4;
    static final int PER_HOST = 5;
    static final int IN_ALL = 20;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** What redeeming said: paired, refused, or to wait (seconds). */
    sealed interface Outcome {
        record Paired() implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Wait(long seconds) implements Outcome {
        }
    }

    static final String FILE = "web-pairings.properties";

    private final Clock clock;
    private final SettingsStore settings;
    private final SecureRandom random = new SecureRandom();
    /** Open invitations by their token's hash, oldest first. */
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Map<String, Deque<Instant>> failuresByHost = new HashMap<>();
    private final Deque<Instant> failures = new ArrayDeque<>();

    Pairings(Clock clock, SettingsStore settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** A new invitation, its URL built by {@code url} from the token. */
    synchronized Pairing create(java.util.function.Function<String, String> url) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String digits = String.format("%08d", random.nextInt(100_000_000));
        Pairing p = new Pairing(token, digits.substring(0, 4) + "-" + digits.substring(4),
                clock.instant().plus(LIFETIME), url.apply(token));
        load();
        open.put(Browsers.hash(token), new Open(Browsers.hash(token), Browsers.hash(digits), p.expiresAt()));
        while (open.size() > OPEN) {
            Iterator<String> it = open.keySet().iterator();
            it.next();
            it.remove();
        }
        save();
        return p;
    }

    /**
     * Uses up the invitation whose token or code is {@code secret}, if it is open and not expired, as
     * tried from {@code host}; a failure counts against the host and in all.
     */
    synchronized Outcome redeem(String secret, String host) {
        Instant now = clock.instant();
        forgetOld(now);
        Deque<Instant> mine = failuresByHost.computeIfAbsent(host, h -> new ArrayDeque<>());
        if (mine.size() >= PER_HOST || failures.size() >= IN_ALL) {
            Instant oldest = mine.size() >= PER_HOST ? mine.peekFirst() : failures.peekFirst();
            return new Outcome.Wait(Math.max(1, Duration.between(now, oldest.plus(WINDOW)).toSeconds() + 1));
        }
        load();
        Optional<Open> match = find(secret == null ? "" : secret.strip(), now);
        if (match.isPresent()) {
            open.remove(match.get().tokenHash());
            save();
            return new Outcome.Paired();
        }
        mine.addLast(now);
        failures.addLast(now);
        return new Outcome.Refused();
    }

    private Optional<Open> find(String secret, Instant now) {
        open.values().removeIf(p -> !p.expiresAt().isAfter(now));
        String digits = secret.replaceAll("[\\s-]", "");
        byte[] token = Browsers.hash(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] code = Browsers.hash(digits).getBytes(StandardCharsets.US_ASCII);
        for (Open p : open.values()) {
            if (MessageDigest.isEqual(p.tokenHash().getBytes(StandardCharsets.US_ASCII), token)
                    || digits.length() == 8 && MessageDigest.isEqual(p.codeHash().getBytes(StandardCharsets.US_ASCII), code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** An open invitation as kept: hashes only, so the file lets nobody pair by reading it. */
    private record Open(String tokenHash, String codeHash, Instant expiresAt) {
    }

    private void load() {
        Properties p = settings.readSecretFile(FILE);
        open.clear();
        for (String key : p.stringPropertyNames()) {
            String[] v = p.getProperty(key).split(" ");
            if (v.length == 2) {
                try {
                    open.put(key, new Open(key, v[0], Instant.ofEpochMilli(Long.parseLong(v[1]))));
                } catch (NumberFormatException e) {
                    // A damaged line invites nobody.
                }
            }
        }
    }

    private void save() {
        Properties p = new Properties();
        open.values().forEach(o -> p.setProperty(o.tokenHash(), o.codeHash() + " " + o.expiresAt().toEpochMilli()));
        settings.writeSecretFile(FILE, p);
    }

    private void forgetOld(Instant now) {
        Instant cut = now.minus(WINDOW);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(cut)) {
            failures.removeFirst();
        }
        failuresByHost.values().forEach(d -> {
            while (!d.isEmpty() && !d.peekFirst().isAfter(cut)) {
                d.removeFirst();
            }
        });
        failuresByHost.values().removeIf(Deque::isEmpty);
    }
}
