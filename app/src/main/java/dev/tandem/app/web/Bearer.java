package dev.tandem.app.web;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The door's answer to an {@code Authorization} header, before anything else of the request is read
 * (docs/API.md, "Threat model"), in this order:
 *
 * <ol>
 *   <li>Another scheme than {@code Bearer} (a reverse proxy's Basic login passed along) is none of ours: ignored.</li>
 *   <li>A value past {@link AccessTokens#MAX_HEADER_CHARS} is refused unread (Jetty already refused any header
 *       block past 8 KiB with 431).</li>
 *   <li>Any other value costs one hash and a constant-time comparison ({@link AccessTokens#use}), malformed or
 *       not: a token is matched before any limit, so nobody's wrong tries keep a script sharing their address
 *       (loopback, a proxy, a NAT) out.</li>
 *   <li>A token found takes a try from its own bucket ({@link #TOKEN_BURST}, {@link #TOKEN_PER_SECOND} a second),
 *       so one script's flood slows no other token and no browser: 429 with {@code Retry-After} when it is empty.</li>
 *   <li>Anything else is a failed attempt: 401, the same sentence whatever was wrong, or 429 once the address's
 *       bucket of failures ({@link #FAILED_BURST}, {@link #FAILED_PER_SECOND} a second) is empty.</li>
 * </ol>
 */
final class Bearer {
    static final int TOKEN_BURST = 60;
    static final double TOKEN_PER_SECOND = 10;
    static final int FAILED_BURST = 10;
    static final double FAILED_PER_SECOND = 1;
    /** Addresses whose failures are remembered at most; the least recently seen are forgotten first. */
    static final int ADDRESSES = 4096;
    /** Tokens whose tries are counted at most (a device has a handful). */
    private static final int TOKENS = 1024;

    /** What the door does with the request. */
    sealed interface Outcome {
        /** No Bearer header: the request goes on as a browser's or a stranger's. */
        record None() implements Outcome {
        }

        record Let(AccessTokens.Token token) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Wait(long seconds) implements Outcome {
        }
    }

    /** How fast a token, and an address's failures, may go: burst, then so many a second. */
    record Rates(int tokenBurst, double tokenPerSecond, int failedBurst, double failedPerSecond) {
        static final Rates DEFAULT = new Rates(TOKEN_BURST, TOKEN_PER_SECOND, FAILED_BURST, FAILED_PER_SECOND);
    }

    private final AccessTokens tokens;
    private final RateBuckets perToken;
    private final RateBuckets failedPerAddress;

    Bearer(AccessTokens tokens, Rates rates, LongSupplier nanos) {
        this.tokens = tokens;
        this.perToken = new RateBuckets(rates.tokenBurst(), rates.tokenPerSecond(), TOKENS, nanos);
        this.failedPerAddress = new RateBuckets(rates.failedBurst(), rates.failedPerSecond(), ADDRESSES, nanos);
    }

    /** {@code authorization}: the header's value, or null; {@code address}: the client's, as the door decided it. */
    Outcome check(String authorization, String address) {
        String v = authorization == null ? "" : authorization.strip();
        if (!v.regionMatches(true, 0, "Bearer", 0, 6) || (v.length() > 6 && v.charAt(6) != ' ')) {
            return new Outcome.None();
        }
        if (v.length() <= AccessTokens.MAX_HEADER_CHARS) {
            String secret = v.substring(6).strip();
            Optional<AccessTokens.Token> found = secret.isEmpty() ? Optional.empty() : tokens.use(secret, address);
            if (found.isPresent()) {
                long wait = perToken.take(found.get().id());
                return wait == 0 ? new Outcome.Let(found.get()) : new Outcome.Wait(wait);
            }
        }
        long wait = failedPerAddress.take(address.toLowerCase(Locale.ROOT));
        return wait == 0 ? new Outcome.Refused() : new Outcome.Wait(wait);
    }
}
