package dev.tandem.engine.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys a device stretched from a passphrase it keeps saved, kept in a file beside
 * the saved passphrase, so that a later process opens the remote without stretching it again:
 * Argon2id costs about 0.3 s under the full JIT and 2 s under the command line's C1, in every
 * process that opens an encrypted remote.
 *
 * <p>Why this is no weaker than what the device keeps already: the cache is given only where the
 * passphrase itself is saved on the device (owner-only), and a key stretched from it opens nothing
 * the passphrase does not. The app deletes the file whenever the saved passphrase changes or goes.
 *
 * <p>Invariants. An entry is the key for one slot, named by its KDF parameters and salt (a passphrase
 * change on any device draws a new salt, so it never meets an old entry), with a check of the passphrase
 * it was stretched from. An entry is used only for that passphrase, and only if it opens the slot; one that does not is passed over and replaced by the stretched key once that opens
 * it, so a damaged, stale or planted file costs a stretch, never access or an error. The file is read
 * only up to {@link #MAX_BYTES} and holds at most {@link #MAX_ENTRIES}, the newest kept; it is written
 * whole to a temporary file, owner-only, then moved over the old one. A failure to read or write it is
 * a stretch, not a failed sync.
 */
public final class KeyCache {
    static final int MAX_ENTRIES = 8;
    static final int MAX_BYTES = 4096;
    private static final System.Logger LOG = System.getLogger(KeyCache.class.getName());

    private final Path file;

    public KeyCache(Path file) {
        this.file = file;
    }

    /** The key remembered for {@code slot} as stretched from {@code passphrase}, or null. */
    synchronized byte[] get(Slot slot, char[] passphrase) {
        String value = read().get(id(slot));
        if (value == null) {
            return null;
        }
        try {
            String[] parts = value.split(" ");
            byte[] key = Base64.getDecoder().decode(parts[0]);
            if (key.length != Wrap.KEY_LENGTH || parts.length != 2
                    || !MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), check(key, passphrase))) {
                return null;
            }
            return key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Remembers {@code kek}, stretched from {@code passphrase}, which opened {@code slot}. */
    synchronized void put(Slot slot, char[] passphrase, byte[] kek) {
        Map<String, String> entries = read();
        entries.remove(id(slot));
        entries.put(id(slot), Base64.getEncoder().encodeToString(kek) + " "
                + Base64.getEncoder().encodeToString(check(kek, passphrase)));
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(entries.keySet().iterator().next());
        }
        StringBuilder out = new StringBuilder();
        entries.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
        try {
            write(out.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not keep the stretched key in " + file + "; the next start"
                    + " stretches the passphrase again", e);
        }
    }

    /** The entries, oldest first; empty when the file is missing, unreadable or too large. */
    private Map<String, String> read() {
        Map<String, String> entries = new LinkedHashMap<>();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read " + file + "; the passphrase is stretched instead", e);
            return entries;
        }
        if (bytes.length > MAX_BYTES) {
            return entries;
        }
        for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
            int space = line.indexOf(' ');
            if (space == 64 && entries.size() < MAX_ENTRIES) {
                entries.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return entries;
    }

    private void write(byte[] bytes) throws IOException {
        // A temporary file of its own, so two processes remembering at once never write into one file.
        Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Which passphrase {@code kek} was stretched from: HMAC-SHA256 under the key itself, so it tells nothing to
     * whoever lacks the key, and whoever has the key needs no passphrase. A passphrase other than the one kept
     * (typed, or from the environment) never takes a kept key: it is stretched and tried as ever.
     */
    private static byte[] check(byte[] kek, char[] passphrase) {
        byte[] p = Kdf.nfcUtf8(passphrase);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek, "HmacSHA256"));
            mac.update("tandem kept key".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(p);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        } finally {
            Arrays.fill(p, (byte) 0);
        }
    }

    /** A slot's name here: SHA-256 of its KDF parameters and salt, both public in the keyring. */
    private static String id(Slot slot) {
        ByteBuffer b = ByteBuffer.allocate(Kdf.ENCODED_LENGTH + slot.salt().length);
        slot.kdf().writeTo(b);
        b.put(slot.salt());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
