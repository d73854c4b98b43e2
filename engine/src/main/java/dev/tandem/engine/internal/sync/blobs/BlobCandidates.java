package dev.tandem.engine.internal.sync.blobs;

import dev.tandem.engine.internal.blob.BlobKeys;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects a blob sweep talks to the other devices through, written through the engine's own
 * storage (so encrypted and authenticated like its other objects):
 * <pre>
 *   blobs/sweep/&lt;sweeper&gt;/&lt;13-digit millis&gt;                    the blob objects its sweep found unreferenced, one name per line
 *   blobs/answer/&lt;device&gt;/&lt;sweeper&gt;/&lt;list's millis&gt;-&lt;13-digit millis&gt;   which of those names the device still refers to
 * </pre>
 * Each is written once and never changed; a newer one replaces its writer's older ones, which it
 * deletes. What another device wrote is read as hostile: only names of blob objects count, and an
 * object too large or malformed is reported and ignored, which only keeps blobs longer.
 */
public final class BlobCandidates {
    static final String SWEEP = "blobs/sweep/";
    static final String ANSWER = "blobs/answer/";
    /** A list longer than this is not one a sweep wrote: 200,000 names of 75 bytes. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final String UUID_RE = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern SWEEP_KEY = Pattern.compile("blobs/sweep/" + UUID_RE + "/([0-9]{13})");
    private static final Pattern ANSWER_KEY = Pattern.compile("blobs/answer/" + UUID_RE + "/" + UUID_RE
            + "/([0-9]{13})-([0-9]{13})");
    private static final Pattern BLOB_NAME = Pattern.compile("blobs/data/[0-9a-f]{64}");

    /** A sweeper's candidate list. */
    public record Published(UUID sweeper, long millis, String key) {
    }

    /** A device's answer, at {@code answered}, to a sweeper's list published at {@code millis}. */
    record Answer(UUID device, UUID sweeper, long millis, long answered, String key) {
    }

    private BlobCandidates() {
    }

    static String key(UUID sweeper, long millis) {
        return String.format("%s%s/%013d", SWEEP, sweeper, millis);
    }

    static String answerKey(UUID device, UUID sweeper, long millis, long answered) {
        return String.format("%s%s/%s/%013d-%013d", ANSWER, device, sweeper, millis, answered);
    }

    /** The newest list of every sweeper but {@code self}: one listing. */
    static List<Published> newestOfOthers(SyncStorage storage, UUID self) {
        Map<UUID, Published> newest = new HashMap<>();
        for (String name : listAll(storage, SWEEP)) {
            Matcher m = SWEEP_KEY.matcher(name);
            if (!m.matches()) {
                continue;
            }
            UUID sweeper = UUID.fromString(m.group(1));
            if (!sweeper.equals(self)) {
                newest.merge(sweeper, new Published(sweeper, Long.parseLong(m.group(2)), name),
                        (a, b) -> a.millis() >= b.millis() ? a : b);
            }
        }
        return new ArrayList<>(newest.values());
    }

    /** Writes {@code names} as {@code self}'s list at {@code millis}, then deletes its older lists. */
    static void publish(SyncStorage storage, UUID self, long millis, Collection<String> names) {
        String key = key(self, millis);
        storage.createIfAbsent(key, lines(names));
        for (String name : listAll(storage, SWEEP + self + "/")) {
            if (!name.equals(key) && SWEEP_KEY.matcher(name).matches()) {
                storage.delete(name);
            }
        }
    }

    /**
     * Writes {@code self}'s answer to {@code list} at {@code now}: the names it still refers to
     * (maybe none); then deletes its older answers to that sweeper.
     */
    static void answer(SyncStorage storage, UUID self, Published list, Collection<String> kept, long now) {
        String key = answerKey(self, list.sweeper(), list.millis(), now);
        storage.createIfAbsent(key, lines(kept));
        for (String name : listAll(storage, ANSWER + self + "/" + list.sweeper() + "/")) {
            if (!name.equals(key) && ANSWER_KEY.matcher(name).matches()) {
                storage.delete(name);
            }
        }
    }

    /** The answers every device gave to {@code sweeper}'s lists, newest first per device: one listing. */
    static Map<UUID, List<Answer>> answers(SyncStorage storage, UUID sweeper) {
        Map<UUID, List<Answer>> byDevice = new HashMap<>();
        for (String name : listAll(storage, ANSWER)) {
            Matcher m = ANSWER_KEY.matcher(name);
            if (m.matches() && UUID.fromString(m.group(2)).equals(sweeper)) {
                UUID device = UUID.fromString(m.group(1));
                byDevice.computeIfAbsent(device, k -> new ArrayList<>())
                        .add(new Answer(device, sweeper, Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), name));
            }
        }
        // Newest first: the newest list, and of its answers the latest (a device whose history
        // still named a blob answers again once it has forgotten it).
        byDevice.values().forEach(list -> list.sort((a, b) -> a.millis() != b.millis()
                ? Long.compare(b.millis(), a.millis()) : Long.compare(b.answered(), a.answered())));
        return byDevice;
    }

    /**
     * The blob object names in the object {@code key}; empty when it is gone, too large or holds
     * anything but blob object names (said to {@code problems}).
     */
    static Optional<Set<String>> read(SyncStorage storage, String key, Consumer<String> problems) {
        Optional<byte[]> data;
        try {
            data = storage.get(key);
        } catch (SyncException e) {
            if (e.retryable()) {
                throw e;
            }
            problems.accept("The attachment cleanup note " + key + " cannot be read (" + e.getMessage() + "): ignored.");
            return Optional.empty();
        }
        if (data.isEmpty()) {
            return Optional.empty();
        }
        if (data.get().length > MAX_BYTES) {
            problems.accept("The attachment cleanup note " + key + " is too large to be one: ignored.");
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : new String(data.get(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!BLOB_NAME.matcher(line).matches()) {
                problems.accept("The attachment cleanup note " + key + " holds something else than attachment names: ignored.");
                return Optional.empty();
            }
            names.add(line);
        }
        return Optional.of(names);
    }

    private static byte[] lines(Collection<String> names) {
        StringBuilder b = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            if (!name.startsWith(BlobKeys.DATA)) {
                throw new IllegalArgumentException("not a blob object name: " + name);
            }
            b.append(name).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> listAll(SyncStorage storage, String prefix) {
        List<String> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = storage.list(prefix, after, 1000);
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1);
        }
    }
}
