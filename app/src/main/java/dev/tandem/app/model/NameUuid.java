package dev.tandem.app.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs, RFC 4122 version 5 (SHA-1): the one place that computes them, for
 * {@link DerivedIds} and {@code transfer.StableIds}. Each caller keeps its own namespace; the ids
 * are stored and synced, so this must keep giving the same bytes for the same namespace and name
 * (DerivedIdsTest and StableIdsTest pin known outputs).
 */
public final class NameUuid {
    private NameUuid() {
    }

    /** The version-5 UUID of {@code name}, encoded as UTF-8, in {@code namespace}. */
    public static UUID of(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
        byte[] ns = new byte[16];
        long nsMsb = namespace.getMostSignificantBits();
        long nsLsb = namespace.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            ns[i] = (byte) (nsMsb >>> (56 - 8 * i));
            ns[i + 8] = (byte) (nsLsb >>> (56 - 8 * i));
        }
        sha1.update(ns);
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (h[i] & 0xff);
            lsb = (lsb << 8) | (h[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
