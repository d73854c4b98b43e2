package dev.tandem.app.web;

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

/**
 * The pairing invitations that are open, and the limit on guessing them. An invitation is a 256-bit
 * token and an 8-digit code, single-use, valid for {@link #LIFETIME}; at most {@link #OPEN} are open
 * (a new one retires the oldest). Failed attempts are limited per address ({@link #PER_HOST} a
 * minute) and in all ({@link #IN_ALL} a minute), so a code of 10^8 cannot be guessed in its
 * lifetime even from many addresses: at 20 tries a minute, 10 minutes give 200 tries of 10^8.
 * Thread-safe: every method holds the lock.
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

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pairing> open = new LinkedHashMap<>();
    private final Map<String, Deque<Instant>> failuresByHost = new HashMap<>();
    private final Deque<Instant> failures = new ArrayDeque<>();

    Pairings(Clock clock) {
        this.clock = clock;
    }

    /** A new invitation, its URL built by {@code url} from the token. */
    synchronized Pairing create(java.util.function.Function<String, String> url) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String digits = String.format("%08d", random.nextInt(100_000_000));
        Pairing p = new Pairing(token, digits.substring(0, 4) + "-" + digits.substring(4),
                clock.instant().plus(LIFETIME), url.apply(token));
        open.put(token, p);
        while (open.size() > OPEN) {
            Iterator<String> it = open.keySet().iterator();
            it.next();
            it.remove();
        }
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
        Optional<Pairing> match = find(secret == null ? "" : secret.strip(), now);
        if (match.isPresent()) {
            open.remove(match.get().token());
            return new Outcome.Paired();
        }
        mine.addLast(now);
        failures.addLast(now);
        return new Outcome.Refused();
    }

    private Optional<Pairing> find(String secret, Instant now) {
        open.values().removeIf(p -> !p.expiresAt().isAfter(now));
        String digits = secret.replaceAll("[\\s-]", "");
        for (Pairing p : open.values()) {
            boolean token = java.security.MessageDigest.isEqual(p.token().getBytes(), secret.getBytes());
            boolean code = digits.length() == 8 && java.security.MessageDigest.isEqual(
                    p.code().replace("-", "").getBytes(), digits.getBytes());
            if (token || code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
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
