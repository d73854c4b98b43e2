package dev.tandem.engine.internal.wire;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device retired from the remote: unseen for longer than the engine's {@code retireAfter}, or
 * forgotten by hand on another device. Stored at {@code heads/<device>/retired}, so the listing every
 * sync makes anyway shows it: the retired device's next sync sees it and re-joins under a new id, and
 * cleanup stops waiting for that device's read cursors (docs/SYNC_FORMAT.md, "Retired devices").
 *
 * <p>Body (kind 5): {@code [device bin 16, last head uint, retired_ms int, by bin 16, reason str]},
 * with {@code reason} {@value #UNSEEN} or {@value #FORGOTTEN}. Created with create-if-absent and never
 * deleted, so a device away for years still learns it was retired.
 */
public record Retirement(UUID device, long lastHead, long retiredAtMillis, UUID by, String reason) {
    public static final String UNSEEN = "unseen";
    public static final String FORGOTTEN = "forgotten";
    private static final Pattern KEY = Pattern.compile("heads/([0-9a-f-]{36})/retired");

    public static String key(UUID device) {
        return "heads/" + device + "/retired";
    }

    /** The retired device a {@code heads/} key names, or null when the key is not a retirement. */
    public static UUID deviceOf(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return null;
        }
        try {
            return UUID.fromString(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public byte[] encode() {
        return BodyWriter.encode(Frame.KIND_RETIREMENT, p -> {
            p.packArrayHeader(5);
            BodyWriter.uuid(p, device);
            p.packLong(lastHead);
            p.packLong(retiredAtMillis);
            BodyWriter.uuid(p, by);
            p.packString(reason);
        });
    }

    public static Retirement decode(byte[] object, String key) {
        return BoundedReader.decode(object, Frame.KIND_RETIREMENT, key, r -> {
            r.expectArray(5);
            UUID device = r.uuid();
            long last = r.positiveLong("last head");
            long at = r.u.unpackLong();
            UUID by = r.uuid();
            String reason = r.string(64);
            if (!key.equals(key(device))) {
                throw new FormatException("Object " + key + " retires device " + device + ", not the one its key names");
            }
            return new Retirement(device, last, at, by, reason);
        });
    }

    /** How the retired device's report explains it. */
    public String explain(String remote) {
        String when = java.time.Instant.ofEpochMilli(retiredAtMillis).toString().substring(0, 10);
        return FORGOTTEN.equals(reason)
                ? "Device " + by + " forgot this device on " + remote + " (" + when + ")"
                : "This device was retired from " + remote + " on " + when + " after a long time unseen";
    }
}
