package dev.tandem.engine.internal.sync.space;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.MetaTable;
import dev.tandem.engine.internal.space.DeviceCert;
import dev.tandem.engine.internal.space.MemberEntry;
import dev.tandem.engine.internal.space.SignedStorage;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.sync.SyncStorage;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sync engine's part in a shared space: the signing layer, the storage below encryption (for the
 * plain objects of joining), the space's passphrase (sealed to those the owner admits), the
 * member's keys (on the owner's devices also the owner's X25519 key, which opens join requests),
 * and what this device makes sure of before each sync.
 *
 * <p>Before anything is read, the membership log's new entries are applied. Before anything is
 * written: the device's own Ed25519 key exists (made once per database and
 * kept in {@code _tandem_meta}, never on a remote), the storage signs as this device, a certificate
 * signed with the member's key vouches for the device on the remote (written once per device id
 * and remote, remembered locally), and on the owner's devices the membership log has its first
 * entry, the owner's own admission. Each step is create-if-absent, so a crash anywhere is finished
 * by the next sync.
 */
public record SpaceSetup(SignedStorage signed, SyncStorage raw, String passphrase, byte[] ownerPrivate,
                         String memberName, byte[] memberPublic, byte[] memberPrivate, byte[] agreementPublic,
                         List<String> root, byte[] ownerAgreementPrivate) {
    private static final String DEVICE_KEY = "space_device_key";

    /**
     * Readies this database's device to sign in the space {@code remoteId}; returns what reading
     * the membership log found wrong on the storage (and mended where it could), for the report.
     */
    public List<String> prepare(SyncPort db, String remoteId) {
        UUID device = db.deviceUuid();
        String[] pair = deviceKey(db).split(" ");
        PrivateKey privateKey = SpaceCrypto.privateKey(Base64.getDecoder().decode(pair[0]));
        byte[] publicKey = Base64.getDecoder().decode(pair[1]);
        signed.signAs(device, privateKey);
        // Read the log's new entries against what this database accepted before (a listing and
        // one read back when there are none), so a removal is applied before this sync reads
        // anything the removed member wrote, and a log rolled back is mended, not believed.
        signed.members().remember(SpaceMemory.of(db, signed.members().owner()));
        if (signed.members().refresh() == 0 && ownerPrivate != null) {
            signed.members().append(new MemberEntry(MemberEntry.ADD, memberName, memberPublic, Map.of(), agreementPublic,
                    null, null), root, SpaceCrypto.privateKey(ownerPrivate));
        }
        List<String> problems = signed.members().problems();
        String certKey = DeviceCert.key(device, publicKey);
        String marker = "space_cert:" + remoteId;
        if (!certKey.equals(meta(db, marker))) {
            signed.createIfAbsent(certKey, new DeviceCert(device, publicKey, memberName)
                    .encode(SpaceCrypto.privateKey(memberPrivate)));
            setMeta(db, marker, certKey);
        }
        return problems;
    }

    /** This database's device key pair, made on first use: PKCS #8 and X.509, in base64, one space apart. */
    private static String deviceKey(SyncPort db) {
        String stored = meta(db, DEVICE_KEY);
        if (stored != null) {
            return stored;
        }
        KeyPair pair = SpaceCrypto.newKeyPair();
        String both = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + " "
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        db.write("Making this device's signing key", s -> {
            PreparedStatement ps = s.sql().get("INSERT OR IGNORE INTO _tandem_meta(key, value) VALUES(?, ?)");
            ps.setString(1, DEVICE_KEY);
            ps.setString(2, both);
            ps.executeUpdate();
            return null;
        });
        return meta(db, DEVICE_KEY); // another program may have made one first: theirs stands
    }

    private static String meta(SyncPort db, String key) {
        return db.read(c -> MetaTable.text(c, key));
    }

    private static void setMeta(SyncPort db, String key, String value) {
        db.write("Recording " + key, s -> {
            MetaTable.put(s.sql(), key, value);
            return null;
        });
    }
}
