package dev.tandem.app.web;

import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SharedSecretFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The personal access tokens of this device, with which scripts call the API ({@code Authorization: Bearer
 * TOKEN}; docs/API.md). Kept as the paired browsers are ({@link Browsers}): owner-only in the data dir
 * ({@link #FILE}), never synced, and only a SHA-256 of each secret: the file alone lets nobody in. A secret is
 * {@code tdm_} and 32 random bytes in base64url, so a hash without a salt or a slow function is enough: nobody
 * guesses 256 bits, in the file or at the door.
 *
 * <p>A presented secret costs one hash and a comparison with every token's hash ({@link MessageDigest#isEqual}, no
 * early exit), so how long a refusal takes says nothing about which tokens exist. "Last used", and the address, are
 * written at most once every {@link #USED_EVERY} per token.
 *
 * <p>The file is the truth, shared with other processes ({@code tandem tokens revoke} while {@code tandem serve}
 * runs): every method first reads it again if it changed (its identity, size or time differ; a write replaces it
 * whole), and every write starts from what it holds, so a token revoked elsewhere is refused at its next request.
 * Thread-safe: every method holds the lock.
 */
public final class AccessTokens {
    static final String FILE = "web-tokens.properties";
    static final String PREFIX = "tdm_";
    /** The longest {@code Authorization} value read at all: a token is 47 characters. */
    static final int MAX_HEADER_CHARS = 200;
    static final Duration USED_EVERY = Duration.ofMinutes(1);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,60}");

    /** A token as kept: its id (claims of its writes), its secret's hash, and what it may do. */
    record Token(String id, String name, String hash, Instant created, boolean readOnly, List<String> listIds,
                 Instant used, String address) {
        AccessToken shown() {
            return new AccessToken(name, created, readOnly, listIds, used, address);
        }

        ApiScope scope() {
            return new ApiScope(true, readOnly, listIds);
        }

        /**
         * The UUID its writes are authored by: a conflict its edit makes names that side by it (and, through a device
         * name row, by the token's name), and the engine takes only a UUID there. The token's id, which is one; a
         * name-based one for an id a hand-edited file broke, so its edits still become conflicts, never refusals.
         */
        String author() {
            try {
                return UUID.fromString(id).toString();
            } catch (IllegalArgumentException | NullPointerException e) {
                return UUID.nameUUIDFromBytes(("tandem-token:" + id).getBytes(StandardCharsets.UTF_8)).toString();
            }
        }

        Token usedAt(Instant at, String from) {
            return new Token(id, name, hash, created, readOnly, listIds, at, from);
        }
    }

    /** The file, read again when another process wrote it. */
    private final SharedSecretFile file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** By name, in the order added. */
    private final Map<String, Token> byName = new LinkedHashMap<>();
    /** When each token's last use was written to the file, by id. */
    private final Map<String, Instant> written = new LinkedHashMap<>();

    public AccessTokens(SettingsStore settings, Clock clock) {
        this.file = new SharedSecretFile(settings, FILE);
        this.clock = clock;
    }

    /** Whether {@code name} can name a token: 1 to 60 letters, digits, dots, dashes and underscores. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * A new token named {@code name}; {@code listIds} null for every list. Returns its secret, which is kept nowhere
     * else: shown once.
     *
     * @throws IllegalArgumentException when the name is not one ({@link #validName}) or is taken
     */
    public synchronized String add(String name, boolean readOnly, List<String> listIds) {
        if (!validName(name)) {
            throw new IllegalArgumentException("name: 1 to 60 letters, digits, '.', '-' or '_', was " + name);
        }
        refresh();
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("name: a token is called " + name + " already");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byName.put(name, new Token(UUID.randomUUID().toString(), name, Browsers.hash(secret), clock.instant(), readOnly,
                listIds, null, null));
        save();
        return secret;
    }

    /** Every token, oldest first, as shown (never a secret). */
    public synchronized List<AccessToken> all() {
        refresh();
        List<AccessToken> out = new ArrayList<>(byName.values().stream().map(Token::shown).toList());
        out.sort(Comparator.comparing(AccessToken::created).thenComparing(AccessToken::name));
        return out;
    }

    /** Forgets the token {@code name}: its next request is refused. False when there is none. */
    public synchronized boolean revoke(String name) {
        refresh();
        if (byName.remove(name) == null) {
            return false;
        }
        save();
        return true;
    }

    /**
     * The token whose secret is {@code secret}, marking it used now from {@code address}; empty for anything else.
     * One hash, then every token's hash compared in constant time.
     */
    synchronized Optional<Token> use(String secret, String address) {
        byte[] presented = Browsers.hash(secret).getBytes(StandardCharsets.US_ASCII);
        refresh();
        Token found = null;
        for (Token t : byName.values()) {
            if (MessageDigest.isEqual(t.hash().getBytes(StandardCharsets.US_ASCII), presented)) {
                found = t;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Token used = found.usedAt(now, address);
        byName.put(used.name(), used);
        Instant last = written.get(used.id());
        if (last == null || Duration.between(last, now).compareTo(USED_EVERY) >= 0) {
            save();
            written.put(used.id(), now);
        }
        return Optional.of(used);
    }

    /** Reads the file again if another process changed it; a "last used" keeps the later of the two. */
    private void refresh() {
        if (!file.changed()) {
            return;
        }
        Map<String, Token> read = load();
        for (Map.Entry<String, Token> e : read.entrySet()) {
            Token here = byName.get(e.getKey());
            if (here != null && here.id().equals(e.getValue().id()) && here.used() != null
                    && (e.getValue().used() == null || here.used().isAfter(e.getValue().used()))) {
                e.setValue(here);
            }
        }
        byName.clear();
        byName.putAll(read);
    }


    private Map<String, Token> load() {
        Map<String, Token> read = new LinkedHashMap<>();
        Properties p = file.read();
        List<String> ids = p.stringPropertyNames().stream().filter(k -> k.endsWith(".hash"))
                .map(k -> k.substring(0, k.length() - ".hash".length())).sorted().toList();
        for (String id : ids) {
            try {
                String lists = p.getProperty(id + ".lists");
                String used = p.getProperty(id + ".used");
                Token t = new Token(id, p.getProperty(id + ".name"), p.getProperty(id + ".hash"),
                        Instant.ofEpochMilli(Long.parseLong(p.getProperty(id + ".created"))),
                        Boolean.parseBoolean(p.getProperty(id + ".readOnly")),
                        lists == null ? null : Arrays.stream(lists.split(",")).filter(s -> !s.isEmpty()).toList(),
                        used == null ? null : Instant.ofEpochMilli(Long.parseLong(used)), p.getProperty(id + ".address"));
                if (validName(t.name()) && t.hash() != null) {
                    read.put(t.name(), t);
                }
            } catch (RuntimeException e) {
                // A damaged entry lets nobody in: that token is added again.
                System.getLogger("tandem").log(System.Logger.Level.WARNING, "ignoring a damaged access token " + id);
            }
        }
        return read;
    }

    private void save() {
        Properties p = new Properties();
        for (Token t : byName.values()) {
            p.setProperty(t.id() + ".name", t.name());
            p.setProperty(t.id() + ".hash", t.hash());
            p.setProperty(t.id() + ".created", String.valueOf(t.created().toEpochMilli()));
            p.setProperty(t.id() + ".readOnly", String.valueOf(t.readOnly()));
            if (t.listIds() != null) {
                p.setProperty(t.id() + ".lists", String.join(",", t.listIds()));
            }
            if (t.used() != null) {
                p.setProperty(t.id() + ".used", String.valueOf(t.used().toEpochMilli()));
            }
            if (t.address() != null) {
                p.setProperty(t.id() + ".address", t.address());
            }
        }
        file.write(p);
    }
}
