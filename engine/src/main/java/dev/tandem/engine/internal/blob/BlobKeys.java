package dev.tandem.engine.internal.blob;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a blob lives on a remote and the key its bytes are under.
 *
 * <p>On a plain remote a blob is {@code blobs/data/<id>}, its bytes as they are. On an encrypted
 * remote each <em>generation</em> is a random 32-byte secret in {@code blobs/keys/<n>}, an ordinary
 * object of the remote, so the remote's data key encrypts it and a rotation re-encrypts it; {@code
 * n} is the data key id current when the generation was made, so a rotation (which shuts out
 * whoever held the old key) brings a new generation at the next upload. Under generation {@code g}
 * a blob's name is {@code blobs/data/} + HMAC-SHA256(g's name key, id) and its key HMAC-SHA256(g's
 * file key, id): the same file attached on two devices is the same object (created if absent, so
 * never a conflict), and neither name nor bytes tell anything of the file to whoever reads the
 * storage without the keys. A key per content is what makes the stream cipher's counter nonces
 * safe: one key only ever encrypts one plaintext.
 *
 * <p>Generations are never deleted: a blob written under an old one is found by trying the
 * generations newest first.
 */
public final class BlobKeys {
    public static final String KEYS = "blobs/keys/";
    public static final String DATA = "blobs/data/";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One generation: its number and secret. */
    public record Generation(int number, byte[] secret) {
        String name(String id) {
            return DATA + HexFormat.of().formatHex(hmac(hmac(secret, "tandem blob name"), id));
        }

        byte[] fileKey(String id) {
            return hmac(hmac(secret, "tandem blob key"), id);
        }
    }

    private final SyncStorage keys;
    private List<Generation> known;

    /** {@code keys}: the remote's storage that encrypts (and in a shared space signs), for the generations. */
    public BlobKeys(SyncStorage keys) {
        this.keys = keys;
    }

    /** The plain remote's name of blob {@code id}. */
    public static String plainName(String id) {
        return DATA + id;
    }

    /** The generations on the remote, newest first; read once per instance. */
    public List<Generation> generations() {
        if (known == null) {
            known = read();
        }
        return known;
    }

    /** The generation for data key {@code keyId}, made now when the remote has none yet. */
    public Generation current(int keyId) {
        for (Generation g : generations()) {
            if (g.number() == keyId) {
                return g;
            }
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String name = KEYS + keyId;
        if (!keys.createIfAbsent(name, secret)) {
            // Another device made it first: theirs is the generation.
            secret = keys.get(name).orElseThrow(() -> new SyncException(Reason.SERVER_INCONSISTENT,
                    "The remote refused to create " + name + " as it exists, then did not show it"));
        }
        checkSecret(name, secret);
        known = null;
        return new Generation(keyId, secret);
    }

    private List<Generation> read() {
        List<Generation> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = keys.list(KEYS, after, 1000);
            for (String name : page) {
                String tail = name.substring(KEYS.length());
                if (!tail.matches("[0-9]{1,9}")) {
                    continue;
                }
                Optional<byte[]> secret = keys.get(name);
                if (secret.isPresent()) {
                    checkSecret(name, secret.get());
                    out.add(new Generation(Integer.parseInt(tail), secret.get()));
                }
            }
            if (page.size() < 1000) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        out.sort(Comparator.comparingInt(Generation::number).reversed());
        return List.copyOf(out);
    }

    private static void checkSecret(String name, byte[] secret) {
        if (secret.length != 32) {
            throw new SyncException(Reason.CORRUPT, name + " on the remote is not an attachment key (" + secret.length
                    + " bytes instead of 32)");
        }
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
