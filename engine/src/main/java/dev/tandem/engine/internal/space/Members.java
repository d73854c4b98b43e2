package dev.tandem.engine.internal.space;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may write to a shared space, as its membership log says, and the check every signed object
 * passes before sync reads it.
 *
 * <p>Invariants: the log is read through {@link MembershipLog}, which accepts only the owner's
 * entries, in one chain from the first, and never goes back on what this device accepted (its
 * {@link LogMemory}); entry 1 admits the owner, whose key each device knows from its invite (never
 * from the storage). An object is
 * accepted only when (1) a certificate signed by an admitted member's key vouches for its signing
 * device, (2) the device's signature covers the object's key and body, (3) a batch or head lies
 * under the signing device's own name, and (4) the member is not removed, or, for a batch, the
 * batch is at or below the last one the removal accepted for that device. Storage enforces none of
 * this: a reader does, so a non-member's writes are set aside on every device.
 */
public final class Members {
    private static final Pattern OWN_NAME = Pattern.compile("(batches|heads)/([0-9a-f-]{36})/([0-9]{12}|.*)");

    /** A member as the log leaves it: its key, and for a removed one the last batch accepted per device. */
    public record Member(String name, byte[] key, byte[] agreementKey, Map<UUID, Long> removedAfter) {
        public boolean removed() {
            return removedAfter != null;
        }
    }

    private final SyncStorage storage;
    private final PublicKey owner;
    private final MembershipLog log;
    /** By key fingerprint: one person may have several member keys (one per device that joined), under one name. */
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, PublicKey> memberKeys = new HashMap<>();
    private final Map<UUID, List<DeviceCert.Unchecked>> certs = new HashMap<>();
    private int applied;
    private LogMemory memory;

    public Members(SyncStorage storage, PublicKey owner) {
        this(storage, owner, null);
    }

    /** {@code space}: the root the log's first entry must name ({@code [table, id...]}), or null to take any. */
    public Members(SyncStorage storage, PublicKey owner, List<String> space) {
        this.storage = storage;
        this.owner = owner;
        this.log = new MembershipLog(storage, owner, space);
    }

    /**
     * Remembers the log in {@code memory} from now on (the database of the device that syncs); a
     * memory already in use is kept, another one replaces it and what was read is read again.
     */
    public synchronized void remember(LogMemory memory) {
        if (memory.equals(this.memory)) {
            return;
        }
        this.memory = memory;
        members.clear();
        memberKeys.clear();
        applied = 0;
        log.use(memory);
        apply();
    }

    /** Whether a device's memory backs the log, so changes to it cannot go back on what it accepted. */
    public synchronized boolean remembered() {
        return memory != null;
    }

    /** Reads log entries not read yet; returns the number of entries applied so far. */
    public synchronized long refresh() {
        log.read();
        apply();
        return applied;
    }

    /** What the last read found wrong with the log on the storage, in plain words; empty when nothing. */
    public List<String> problems() {
        return log.problems();
    }

    /** Appends an entry after the newest one, chained to it and signed by {@code ownerKey}. */
    public synchronized void append(MemberEntry template, List<String> space, PrivateKey ownerKey) {
        log.append(template, space, ownerKey);
        apply();
    }

    /** Writes back every remembered entry that is gone or changed and deletes the log's junk. */
    public synchronized List<String> repair() {
        List<String> done = log.repair();
        apply();
        return done;
    }

    private void apply() {
        List<MembershipLog.Accepted> all = log.accepted();
        for (int i = applied; i < all.size(); i++) {
            MemberEntry e = all.get(i).entry();
            if (MemberEntry.ADD.equals(e.kind())) {
                String fp = SpaceCrypto.fingerprint(e.memberKey());
                members.put(fp, new Member(e.name(), e.memberKey(), e.agreementKey(), null));
                memberKeys.put(fp, SpaceCrypto.publicKey(e.memberKey()));
            } else {
                // A removal names the person: every key admitted under that name goes.
                for (Map.Entry<String, Member> m : members.entrySet()) {
                    Member was = m.getValue();
                    if (was.name().equals(e.name()) && !was.removed()) {
                        m.setValue(new Member(was.name(), was.key(), was.agreementKey(), e.acceptedUpTo()));
                    }
                }
            }
        }
        applied = all.size();
    }

    /** The members the log names, in order of admission; removed ones included. */
    public synchronized List<Member> list() {
        return new ArrayList<>(members.values());
    }

    /**
     * Each device with a certificate here, by the name of the admitted member whose key signed it;
     * a certificate no member signed names no one and is left out.
     */
    public Map<UUID, String> devices() {
        refresh();
        Map<UUID, String> out = new LinkedHashMap<>();
        String after = null;
        while (true) {
            List<String> page = storage.list("certs/", after, 1000);
            for (String k : page) {
                String[] parts = k.split("/");
                UUID device;
                try {
                    device = UUID.fromString(parts[1]);
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException notOurs) {
                    // a stranger's file under certs/ vouches for nothing
                    continue;
                }
                if (!out.containsKey(device)) {
                    memberOf(device).ifPresent(name -> out.put(device, name));
                }
            }
            if (page.size() < 1000) {
                return out;
            }
            after = page.get(page.size() - 1);
        }
    }

    private synchronized Optional<String> memberOf(UUID device) {
        for (DeviceCert.Unchecked cert : certsOf(device)) {
            for (Map.Entry<String, Member> m : members.entrySet()) {
                if (m.getValue().name().equals(cert.cert().member()) && cert.signedBy(memberKeys.get(m.getKey()))) {
                    return Optional.of(m.getValue().name());
                }
            }
        }
        return Optional.empty();
    }

    /** The owner's public key, as the invite gave it. */
    public byte[] owner() {
        return owner.getEncoded();
    }

    /**
     * Checks {@code object} read from {@code key}; returns its body, or throws a CORRUPT
     * {@link SyncException} naming why it is refused (sync sets the object aside and says so).
     */
    public byte[] check(String key, SignedObject object) {
        String refusal = refusal(key, object);
        if (refusal != null) {
            // An admission or a certificate may be newer than what this device read.
            synchronized (this) {
                certs.remove(object.signer());
            }
            refresh();
            refusal = refusal(key, object);
        }
        if (refusal != null) {
            throw new SyncException(SyncException.Reason.CORRUPT, key + " is refused: " + refusal);
        }
        return object.body();
    }

    /**
     * The certificates stored for {@code device}, read once: they never change, so a sync that reads
     * a device's batches asks the storage for them only the first time ({@link #check} reads them
     * again when they vouch for nothing, as a newer one may have arrived).
     */
    private List<DeviceCert.Unchecked> certsOf(UUID device) {
        List<DeviceCert.Unchecked> known = certs.get(device);
        if (known != null) {
            return known;
        }
        List<DeviceCert.Unchecked> read = new ArrayList<>();
        for (String certKey : storage.list("certs/" + device + "/", null, 100)) {
            Optional<byte[]> bytes = storage.get(certKey);
            if (bytes.isEmpty()) {
                continue;
            }
            try {
                read.add(DeviceCert.decode(certKey, bytes.get()));
            } catch (SyncException junk) {
                // junk beside a real certificate must not make the device's objects refused
            }
        }
        certs.put(device, read);
        return read;
    }

    private synchronized String refusal(String key, SignedObject object) {
        Matcher own = OWN_NAME.matcher(key);
        boolean retirement = key.startsWith("heads/") && key.endsWith("/retired");
        if (own.matches() && !retirement && !own.group(2).equals(object.signer().toString())) {
            return "it was signed by device " + object.signer() + ", not by the device it is stored under";
        }
        Member vouching = null;
        for (DeviceCert.Unchecked cert : certsOf(object.signer())) {
            if (!SpaceCrypto.verify(SpaceCrypto.publicKey(cert.cert().deviceKey()), object.signature(),
                    SignedObject.PURPOSE, key.getBytes(StandardCharsets.UTF_8), object.body())) {
                continue;
            }
            for (Map.Entry<String, Member> m : members.entrySet()) {
                if (m.getValue().name().equals(cert.cert().member()) && cert.signedBy(memberKeys.get(m.getKey()))) {
                    vouching = m.getValue();
                    break;
                }
            }
            if (vouching != null) {
                break;
            }
        }
        if (vouching == null) {
            return "its signing device " + object.signer() + " belongs to no member of this shared space";
        }
        if (vouching.removed()) {
            long accepted = vouching.removedAfter().getOrDefault(object.signer(), 0L);
            boolean earlierBatch = own.matches() && key.startsWith("batches/") && own.group(3).matches("[0-9]{12}")
                    && Long.parseLong(own.group(3)) <= accepted;
            if (!earlierBatch) {
                return "it was written by a device of " + vouching.name() + " after " + vouching.name()
                        + " was removed from this shared space";
            }
        }
        return null;
    }
}
