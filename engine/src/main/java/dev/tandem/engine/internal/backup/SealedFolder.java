package dev.tandem.engine.internal.backup;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.BackupException.Reason;
import dev.tandem.engine.Blob;
import dev.tandem.engine.SealedFiles;
import dev.tandem.engine.TandemException;
import dev.tandem.engine.internal.keys.PassphraseKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link SealedFiles} in a folder:
 * <pre>
 *   keys/&lt;salt hex&gt;           a key's derivation parameters and salt, then a 16-byte check sealed under it
 *   &lt;salt hex&gt;/&lt;name&gt;          a file sealed as a backup is ({@link SealedFile}), name = HMAC-SHA256(name key, id)
 * </pre>
 * One key per passphrase: opening derives each key's candidate from the passphrase (Argon2id) and
 * keeps the one whose check opens, or makes a new one. The name key is derived from that key, so
 * without the passphrase a name says nothing of the file, not even whether two folders hold the
 * same one. Every sealed file has its own random nonce prefix, so one key seals many.
 */
public final class SealedFolder implements SealedFiles {
    private static final String KEYS = "keys";
    private static final String TEMP = ".partial-";
    /** At most this many keys are tried (each costs an Argon2id run): a folder of other passphrases stops there. */
    private static final int MAX_KEYS = 8;
    private static final byte[] CHECK_NONCE = new byte[PassphraseKey.NONCE_LENGTH];
    private static final byte[] CHECK_AAD = "tandem sealed files".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path files;
    private final PassphraseKey key;
    private final byte[] nameKey;

    private SealedFolder(Path files, PassphraseKey key) {
        this.files = files;
        this.key = key;
        this.nameKey = key.subkey("tandem sealed file names");
    }

    public static SealedFolder open(Path dir, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new BackupException(Reason.PASSPHRASE_REQUIRED, "Sealed files need a passphrase");
        }
        try {
            Path keys = Files.createDirectories(dir.resolve(KEYS));
            int tried = 0;
            try (DirectoryStream<Path> all = Files.newDirectoryStream(keys, p -> !p.getFileName().toString().startsWith("."))) {
                for (Path k : all) {
                    if (tried++ == MAX_KEYS) {
                        break;
                    }
                    PassphraseKey candidate = opens(k, passphrase);
                    if (candidate != null) {
                        return new SealedFolder(Files.createDirectories(dir.resolve(k.getFileName().toString())), candidate);
                    }
                }
            }
            PassphraseKey fresh = PassphraseKey.create(passphrase);
            ByteBuffer b = ByteBuffer.allocate(PassphraseKey.HEADER_LENGTH + PassphraseKey.TAG_LENGTH);
            fresh.writeTo(b);
            byte[] header = new byte[PassphraseKey.HEADER_LENGTH];
            b.position(0).get(header);
            b.put(fresh.seal(CHECK_NONCE, CHECK_AAD, new byte[0]));
            String salt = HexFormat.of().formatHex(header, header.length - PassphraseKey.SALT_LENGTH, header.length);
            publish(keys, salt, b.array());
            return new SealedFolder(Files.createDirectories(dir.resolve(salt)), fresh);
        } catch (IOException e) {
            throw new BackupException(Reason.IO, "Cannot use the sealed files in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The key {@code file} holds if {@code passphrase} opens its check, else null; a damaged key file counts as another's. */
    private static PassphraseKey opens(Path file, char[] passphrase) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != PassphraseKey.HEADER_LENGTH + PassphraseKey.TAG_LENGTH) {
            return null;
        }
        PassphraseKey k;
        try {
            k = PassphraseKey.read(ByteBuffer.wrap(bytes, 0, PassphraseKey.HEADER_LENGTH), passphrase, file.toString());
        } catch (TandemException e) {
            return null;
        }
        byte[] check = java.util.Arrays.copyOfRange(bytes, PassphraseKey.HEADER_LENGTH, bytes.length);
        if (k.open(CHECK_NONCE, CHECK_AAD, check) == null) {
            k.close();
            return null;
        }
        return k;
    }

    @Override
    public boolean has(String id) {
        return Files.isRegularFile(path(id));
    }

    @Override
    public boolean put(String id, Path file) {
        Path target = path(id);
        if (Files.isRegularFile(target)) {
            return false;
        }
        Path temp = files.resolve(TEMP + UUID.randomUUID());
        try {
            try (InputStream in = Files.newInputStream(file);
                 OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                SealedFile.seal(in, out, key);
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            publishFile(temp, target);
            return true;
        } catch (IOException e) {
            throw new BackupException(Reason.IO, "Cannot seal " + file + " into " + files + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public boolean get(String id, Path target) {
        Path sealed = path(id);
        if (!Files.isRegularFile(sealed)) {
            return false;
        }
        boolean done = false;
        try (InputStream in = Files.newInputStream(sealed);
             DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE), sha256())) {
            SealedFile.open(in, out, key, "the sealed copy of attachment " + id.substring(0, 12) + "…");
            out.flush();
            String got = HexFormat.of().formatHex(out.getMessageDigest().digest());
            if (!got.equals(id)) {
                throw new BackupException(Reason.DAMAGED, "The sealed copy of attachment " + id.substring(0, 12)
                        + "… holds another file");
            }
            done = true;
            return true;
        } catch (IOException e) {
            throw new BackupException(Reason.IO, "Cannot read the sealed copy " + sealed + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteQuietly(target);
            }
        }
    }

    private Path path(String id) {
        if (!Blob.isId(id)) {
            throw new IllegalArgumentException("id: not a SHA-256 in hex: " + id);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(nameKey, "HmacSHA256"));
            return files.resolve(HexFormat.of().formatHex(mac.doFinal(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacSHA256", e);
        }
    }

    private static void publish(Path dir, String name, byte[] bytes) throws IOException {
        Path temp = dir.resolve(TEMP + UUID.randomUUID());
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            publishFile(temp, dir.resolve(name));
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void publishFile(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A temporary file left in the folder is skipped by every reader and costs only disk space.
            p.toFile().deleteOnExit();
        }
    }

    @Override
    public void close() {
        key.close();
        java.util.Arrays.fill(nameKey, (byte) 0);
    }
}
