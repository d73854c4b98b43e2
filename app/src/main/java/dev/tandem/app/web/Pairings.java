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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The pairing invitations that are open, and the limits on guessing them. An invitation is a 256-bit
 * token and an 8-digit code, single-use, valid for {@link #LIFETIME}; at most {@link #OPEN} are open
 * (a new one retires the oldest).
 *
 * <p>A token (anything as long as one) is matched before any limit: 256 bits are not guessed, so
 * nobody's wrong tries can keep the owner's QR code out. A code is limited twice: per address
 * ({@link #PER_HOST} wrong codes a minute, then 429), and per invitation: after {@link #CODE_TRIES}
 * wrong codes from anyone while it is open, its code is burnt (its token still pairs; the owner
 * makes a new one). So an invitation's code meets at most {@link #CODE_TRIES} guesses of 10^8,
 * however many addresses try, and no address is ever locked out for another's tries.
 *
 * <p>The open invitations are also kept owner-only in the data dir ({@link #FILE}, hashed), so that
 * {@code tandem serve --pair}, another process, can invite a browser into a server that runs as a
 * service: each redeem reads the file again before it looks. Thread-safe: every method holds the lock.
 */
final class Pairings {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int OPEN = 4;
    static final int PER_HOST = 5;
    static final int CODE_TRIES = 20;
    /** Addresses remembered at most (their wrong codes of the last minute): the oldest are forgotten first. */
    static final int HOSTS = 4096;
    /** Anything this long is a token, never a code. */
    private static final int TOKEN_CHARS = 40;
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
    private final Map<String, Deque<Instant>> failuresByHost = new LinkedHashMap<>();

    Pairings(Clock clock, SettingsStore settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** A new invitation, its URL built by {@code url} from the token. */
    synchronized Pairing create(Function<String, String> url) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String digits = String.format("%08d", random.nextInt(100_000_000));
        Pairing p = new Pairing(token, digits.substring(0, 4) + "-" + digits.substring(4),
                clock.instant().plus(LIFETIME), url.apply(token));
        load();
        open.put(Browsers.hash(token), new Open(Browsers.hash(token), Browsers.hash(digits), p.expiresAt(), 0));
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
     * tried from {@code host}. A wrong code counts against the host and against every open code.
     */
    synchronized Outcome redeem(String secret, String host) {
        Instant now = clock.instant();
        String s = secret == null ? "" : secret.strip();
        load();
        open.values().removeIf(p -> !p.expiresAt().isAfter(now));
        if (s.length() >= TOKEN_CHARS) {
            byte[] token = Browsers.hash(s).getBytes(StandardCharsets.US_ASCII);
            return use(open.values().stream()
                    .filter(p -> MessageDigest.isEqual(p.tokenHash().getBytes(StandardCharsets.US_ASCII), token)).findFirst());
        }
        forgetOld(now);
        Deque<Instant> mine = failuresByHost.computeIfAbsent(host, h -> new ArrayDeque<>());
        if (mine.size() >= PER_HOST) {
            return new Outcome.Wait(Math.max(1, Duration.between(now, mine.peekFirst().plus(WINDOW)).toSeconds() + 1));
        }
        String digits = s.replaceAll("[\\s-]", "");
        byte[] code = Browsers.hash(digits).getBytes(StandardCharsets.US_ASCII);
        Optional<Open> match = digits.length() != 8 ? Optional.empty() : open.values().stream()
                .filter(p -> p.wrongCodes() < CODE_TRIES)
                .filter(p -> MessageDigest.isEqual(p.codeHash().getBytes(StandardCharsets.US_ASCII), code)).findFirst();
        if (match.isPresent()) {
            return use(match);
        }
        mine.addLast(now);
        open.replaceAll((k, p) -> new Open(p.tokenHash(), p.codeHash(), p.expiresAt(), p.wrongCodes() + 1));
        save();
        return new Outcome.Refused();
    }

    private Outcome use(Optional<Open> match) {
        if (match.isEmpty()) {
            return new Outcome.Refused();
        }
        open.remove(match.get().tokenHash());
        save();
        return new Outcome.Paired();
    }

    /** An open invitation as kept: hashes only, so the file lets nobody pair by reading it. */
    private record Open(String tokenHash, String codeHash, Instant expiresAt, int wrongCodes) {
    }

    private void load() {
        Properties p = settings.readSecretFile(FILE);
        open.clear();
        for (String key : p.stringPropertyNames()) {
            String[] v = p.getProperty(key).split(" ");
            if (v.length == 2 || v.length == 3) {
                try {
                    open.put(key, new Open(key, v[0], Instant.ofEpochMilli(Long.parseLong(v[1])),
                            v.length == 3 ? Integer.parseInt(v[2]) : 0));
                } catch (NumberFormatException e) {
                    // A damaged line invites nobody.
                }
            }
        }
    }

    private void save() {
        Properties p = new Properties();
        open.values().forEach(o -> p.setProperty(o.tokenHash(), o.codeHash() + " " + o.expiresAt().toEpochMilli()
                + " " + o.wrongCodes()));
        settings.writeSecretFile(FILE, p);
    }

    private void forgetOld(Instant now) {
        Instant cut = now.minus(WINDOW);
        failuresByHost.values().forEach(d -> {
            while (!d.isEmpty() && !d.peekFirst().isAfter(cut)) {
                d.removeFirst();
            }
        });
        failuresByHost.values().removeIf(Deque::isEmpty);
        // Many addresses (IPv6 gives anyone plenty) cost no more than this; the per-code budget still holds.
        Iterator<String> oldest = failuresByHost.keySet().iterator();
        while (failuresByHost.size() >= HOSTS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
