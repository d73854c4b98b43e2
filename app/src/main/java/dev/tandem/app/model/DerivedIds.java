package dev.tandem.app.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids that two devices compute alike without talking to each other: a name-based UUID (RFC 4122
 * version 5, SHA-1) in a namespace of Tandem's own. Two devices that add the same tag to a todo, or
 * complete the same occurrence of a series, write the same row id, so sync merges their rows into one
 * instead of keeping two.
 */
public final class DerivedIds {
    private static final UUID NAMESPACE = UUID.fromString("0b8f5f0e-4c2a-4e55-9a7c-3d2b1e6f7a91");

    private DerivedIds() {
    }

    /** The row of tag {@code normalizedTag} on item {@code itemId}. */
    public static String tag(String itemId, String normalizedTag) {
        return of("tag\u0000" + itemId + "\u0000" + normalizedTag);
    }

    /** The row linking item {@code itemId} to its id in {@code system} ({@link ItemLink}). */
    public static String link(String itemId, String system) {
        return of("link\u0000" + itemId + "\u0000" + system);
    }

    /** The occurrence of series {@code seriesId} due on {@code isoDate}. */
    public static String occurrence(String seriesId, String isoDate) {
        return of("occurrence\u0000" + seriesId + "\u0000" + isoDate);
    }

    static String of(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] ns = new byte[16];
            long msb = NAMESPACE.getMostSignificantBits();
            long lsb = NAMESPACE.getLeastSignificantBits();
            for (int i = 0; i < 8; i++) {
                ns[i] = (byte) (msb >>> (56 - 8 * i));
                ns[i + 8] = (byte) (lsb >>> (56 - 8 * i));
            }
            sha1.update(ns);
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long m = 0;
            long l = 0;
            for (int i = 0; i < 8; i++) {
                m = (m << 8) | (h[i] & 0xff);
                l = (l << 8) | (h[i + 8] & 0xff);
            }
            return new UUID(m, l).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }
}
