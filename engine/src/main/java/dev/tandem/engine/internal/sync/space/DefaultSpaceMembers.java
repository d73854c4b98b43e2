package dev.tandem.engine.internal.sync.space;

import dev.tandem.engine.internal.space.DeviceCert;
import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.internal.space.MemberEntry;
import dev.tandem.engine.internal.space.Members;
import dev.tandem.engine.internal.space.PendingInvite;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.sync.JoinRequest;
import dev.tandem.engine.sync.JoinRequests;
import dev.tandem.engine.sync.OpenInvite;
import dev.tandem.engine.sync.RemoteKeys;
import dev.tandem.engine.sync.SpaceInvite;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.engine.sync.SpaceMembers;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link SpaceMembers} over a space's storage. A change is one new log entry, created if absent at
 * the next free number; when another owner device took that number first, the log is read again
 * and the entry goes to the next one.
 */
public final class DefaultSpaceMembers implements SpaceMembers {
    private final SpaceSetup space;
    private final Members members;

    /** The engine's keys, asked only when a removal rotates them (an unencrypted engine has none to give). */
    private final Supplier<RemoteKeys> keys;

    public DefaultSpaceMembers(SpaceSetup space, Supplier<RemoteKeys> keys) {
        this.space = space;
        this.keys = keys;
        this.members = space.signed().members();
    }

    @Override
    public List<SpaceMember> list() {
        members.refresh();
        List<SpaceMember> out = new ArrayList<>();
        List<Members.Member> all = members.list();
        for (int i = 0; i < all.size(); i++) {
            Members.Member m = all.get(i);
            out.add(new SpaceMember(m.name(), SpaceCrypto.fingerprint(m.key()), m.name().equals(all.get(0).name()),
                    m.removed()));
        }
        return out;
    }

    @Override
    public Map<UUID, String> devices() {
        return members.devices();
    }

    @Override
    public SpaceInvite invite(String location, Duration validFor) {
        Objects.requireNonNull(location, "location");
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("validFor: must be positive, was " + validFor);
        }
        owner();
        SpaceInvite invite = SpaceInvite.create(location, members.owner(), space.agreementPublic(),
                Instant.ofEpochMilli(System.currentTimeMillis()).plus(validFor));
        // Encrypted with the space's key, so whoever reads the storage cannot make requests; signed
        // by the owner, so a member (who holds that key too) cannot make an invite.
        space.signed().createIfAbsent(PendingInvite.key(invite.id()), PendingInvite.encode(
                SpaceCrypto.privateKey(space.ownerPrivate()), invite.id(), invite.secret(), invite.expiresAt().toEpochMilli()));
        return invite;
    }

    @Override
    public List<OpenInvite> invites() {
        owner();
        List<String> skipped = new ArrayList<>(); // named by joinRequests(), which reads the same objects
        return inbox().open(skipped).stream()
                .map(o -> new OpenInvite(o.invite().id(), Instant.ofEpochMilli(o.invite().expiresAtMillis()))).toList();
    }

    @Override
    public boolean revoke(String inviteId) {
        owner();
        if (inviteId == null || !inviteId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("inviteId: 16 hex digits, was '" + inviteId + "'");
        }
        JoinInbox inbox = inbox();
        boolean open = inbox.open(new ArrayList<>()).stream().anyMatch(o -> o.invite().id().equals(inviteId));
        inbox.forget(inviteId);
        return open;
    }

    @Override
    public JoinRequests joinRequests() {
        owner();
        members.refresh();
        Set<String> admitted = new HashSet<>();
        members.list().forEach(m -> admitted.add(SpaceCrypto.fingerprint(m.key())));
        return inbox().requests(admitted, space.ownerAgreementPrivate());
    }

    @Override
    public SpaceMember admit(JoinRequest request) {
        owner();
        SpaceMember member = admit(request.name(), request.memberPublicKey(), request.agreementPublicKey());
        String grant = JoinObjects.grantKey(request.inviteId(), request.memberPublicKey());
        byte[] object = JoinObjects.sealGrant(SpaceCrypto.privateKey(space.ownerPrivate()), request.agreementPublicKey(),
                grant, space.passphrase().getBytes(StandardCharsets.UTF_8));
        space.raw().createIfAbsent(grant, object);
        // The invite is used up. The grant alone already closes it (JoinInbox); this removes the other
        // requests made with it and its secret, and a cut here is finished by the next listing.
        inbox().forget(request.inviteId());
        return member;
    }

    private JoinInbox inbox() {
        return new JoinInbox(space.signed(), space.raw(), members.owner(), System::currentTimeMillis);
    }

    @Override
    public SpaceMember admit(String name, byte[] memberPublicKey) {
        return admit(name, memberPublicKey, null);
    }

    private SpaceMember admit(String name, byte[] memberPublicKey, byte[] agreementKey) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new IllegalArgumentException("name: 1 to 200 characters, was '" + name + "'");
        }
        SpaceCrypto.publicKey(memberPublicKey);
        members.refresh();
        String fingerprint = SpaceCrypto.fingerprint(memberPublicKey);
        if (members.list().stream().anyMatch(m -> SpaceCrypto.fingerprint(m.key()).equals(fingerprint))) {
            throw new IllegalArgumentException("memberPublicKey: " + fingerprint + " was admitted already");
        }
        append(new MemberEntry(MemberEntry.ADD, n, memberPublicKey, Map.of(), agreementKey, null, null));
        return new SpaceMember(n, SpaceCrypto.fingerprint(memberPublicKey), false, false);
    }

    @Override
    public SpaceMember remove(String name) {
        members.refresh();
        Members.Member m = members.list().stream().filter(x -> x.name().equals(name) && !x.removed()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("name: no member called " + name));
        if (members.list().get(0).name().equals(name)) { // the owner's name, whichever of their devices
            throw new IllegalArgumentException("name: " + name + " owns the space and cannot be removed");
        }
        // The last batch each of their devices has on the remote now stays accepted; nothing after.
        Map<UUID, Long> accepted = new HashMap<>();
        for (UUID device : devicesOf(name)) {
            long head = 0;
            for (String key : space.signed().list("heads/" + device + "/", null, 1000)) {
                String last = key.substring(key.lastIndexOf('/') + 1);
                if (last.matches("[0-9]{12}")) {
                    head = Math.max(head, Long.parseLong(last));
                }
            }
            accepted.put(device, head);
        }
        append(new MemberEntry(MemberEntry.REMOVE, name, null, accepted, null, null, null));
        return new SpaceMember(name, SpaceCrypto.fingerprint(m.key()), false, true);
    }

    @Override
    public void removeAndRotate(Db db, String name, String newPassphrase, SyncProgress progress) {
        owner();
        Objects.requireNonNull(newPassphrase, "newPassphrase");
        SpaceMemory memory = db == null ? null : SpaceMemory.of(SyncPort.of(db), members.owner());
        if (memory != null) {
            members.remember(memory);
        }
        members.refresh();
        boolean removedAlready = members.list().stream().anyMatch(m -> m.name().equals(name) && m.removed())
                && members.list().stream().noneMatch(m -> m.name().equals(name) && !m.removed());
        if (!removedAlready) {
            remove(name);
        }
        // Sealed before the key changes: a crash after the change leaves every member, the owner's
        // devices included, a way to the new passphrase. One grant per remaining member, at an epoch
        // later than any before, so the newest grant is this one.
        long epoch = db == null ? 0 : SyncPort.of(db).wallMillis();
        for (String key : space.raw().list("invites/rekey-", null, 10_000)) {
            String digits = key.substring("invites/rekey-".length(), key.indexOf('/', "invites/rekey-".length()));
            if (digits.matches("[0-9]{13}")) {
                epoch = Math.max(epoch, Long.parseLong(digits) + 1);
            }
        }
        if (memory != null) {
            epoch = Math.max(epoch, memory.epoch() + 1);
        }
        String prefix = String.format("invites/rekey-%013d/", epoch);
        for (Members.Member m : members.list()) {
            if (!m.removed() && m.agreementKey() != null) {
                String grant = prefix + "grant-" + JoinObjects.keyId(m.key());
                space.raw().createIfAbsent(grant, JoinObjects.sealGrant(SpaceCrypto.privateKey(space.ownerPrivate()),
                        m.agreementKey(), grant, newPassphrase.getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (memory != null) {
            // Remembered once the grants are there (so a crash before leaves nothing that points at
            // a missing epoch): this device never takes a passphrase from an older grant again, as
            // a storage put back to a copy from before this removal holds one.
            memory.epoch(epoch);
        }
        RemoteKeys remoteKeys = keys.get();
        if (remoteKeys.status().rotationUnfinished()) {
            remoteKeys.resumeRotation(db, progress);
        }
        remoteKeys.rotate(db, newPassphrase, progress);
    }

    private List<UUID> devicesOf(String member) {
        List<UUID> devices = new ArrayList<>();
        for (String key : space.signed().list("certs/", null, 10_000)) {
            Optional<byte[]> bytes = space.signed().get(key);
            if (bytes.isEmpty()) {
                continue;
            }
            try {
                DeviceCert.Unchecked cert = DeviceCert.decode(key, bytes.get());
                if (cert.cert().member().equals(member)) {
                    devices.add(cert.cert().device());
                }
            } catch (SyncException junk) {
                // not a certificate anyone can rely on; it vouches for nothing
            }
        }
        return devices;
    }

    private void owner() {
        if (space.ownerPrivate() == null) {
            throw new IllegalStateException("members: only the space's owner can invite and change who is a member");
        }
    }

    private void append(MemberEntry entry) {
        owner();
        if (!members.remembered()) {
            // Without this device's memory of the log, a log cut short on the storage would be
            // built on, and an entry this device had accepted (a removal) lost for good.
            throw new IllegalStateException("members: read the membership with this device's database first"
                    + " (SyncEngine.members(db), or a sync), so a change builds on the log it trusts");
        }
        members.append(entry, space.root(), SpaceCrypto.privateKey(space.ownerPrivate()));
    }

    @Override
    public List<String> repair() {
        if (!members.remembered()) {
            throw new IllegalStateException("members: repair needs this device's memory of the log: use members(db)");
        }
        return members.repair();
    }
}
