package dev.tandem.engine.internal.space;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A space's membership log as one device reads it: only forward, never blocked by junk.
 *
 * <p>Invariants. (1) An entry is accepted only when the owner's key signed it and, from format 2
 * on, it names the hash of the entry accepted before it; so the accepted entries form one chain
 * from the first, and a device that remembers a chain ({@link LogMemory}) never accepts a shorter
 * or different one. (2) Entries are accepted in sequence order and remembered before the next is
 * read, so a crash between leaves a prefix. (3) An object under {@code members/} that does not
 * decode or is not the owner's is junk: it is set aside by number and skipped, and stays named in
 * every read while it is there; a gap in the numbers is skipped too, as the chain, not the
 * numbering, says what follows what (format 1 entries carry no chain and are read only with no
 * gap before them). (4) An accepted entry missing from the storage (deleted, or the folder put
 * back to an older copy) is written back from memory; the entries are the owner's signed bytes, so
 * any member's device may do it. One accepted entry, picked at random, is read back on each read
 * and written back when it changed, so a replaced entry is mended within a few syncs.
 * (5) The first entry must name the root the device expects (the list its invite named), else
 * the read fails before anything of the space is read or written.
 */
public final class MembershipLog {
    static final String PREFIX = "members/";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An accepted entry, with its number. */
    public record Accepted(long seq, MemberEntry entry) {
    }

    private final SyncStorage storage;
    private final PublicKey owner;
    private final List<String> expectedSpace;
    private LogMemory memory = LogMemory.transientMemory();
    private long lastSeq;
    private byte[] lastHash = MemberEntry.FIRST;
    private boolean chainBegun;
    private final List<Accepted> accepted = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** {@code expectedSpace}: the root the first entry must name ({@code [table, id...]}), or null to take any. */
    public MembershipLog(SyncStorage storage, PublicKey owner, List<String> expectedSpace) {
        this.storage = storage;
        this.owner = owner;
        this.expectedSpace = expectedSpace == null ? null : List.copyOf(expectedSpace);
    }

    /** Reads from {@code memory} from now on; what another memory held is forgotten here. */
    synchronized void use(LogMemory memory) {
        this.memory = memory;
        lastSeq = 0;
        lastHash = MemberEntry.FIRST;
        chainBegun = false;
        accepted.clear();
        for (Map.Entry<Long, byte[]> e : memory.entries().entrySet()) {
            MemberEntry entry = MemberEntry.decode(e.getKey(), e.getValue(), owner);
            take(e.getKey(), entry, e.getValue());
        }
    }

    /** Every accepted entry, in order. */
    synchronized List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** What the last {@link #read()} found wrong with the log on the storage, in plain words. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Mends and reads the log: puts back remembered entries that are gone or changed, then accepts
     * the new entries that follow the chain. One listing and one read back; one read per new entry.
     */
    synchronized void read() {
        problems.clear();
        TreeSet<Long> listed = listed();
        SortedMap<Long, byte[]> trusted = memory.entries();
        for (Map.Entry<Long, byte[]> t : trusted.entrySet()) {
            if (!listed.contains(t.getKey())) {
                storage.createIfAbsent(MemberEntry.key(t.getKey()), t.getValue());
                problems.add("Membership entry " + t.getKey() + " was missing from the shared list's storage (deleted,"
                        + " or the storage was put back to an older copy); this device wrote back the copy it trusts");
                listed.add(t.getKey());
            }
        }
        if (!trusted.isEmpty()) {
            Long[] seqs = trusted.keySet().toArray(new Long[0]);
            long pick = seqs[RANDOM.nextInt(seqs.length)];
            mend(pick, trusted.get(pick));
        }
        Map<Long, String> junk = memory.junk();
        for (Map.Entry<Long, String> j : junk.entrySet()) {
            if (listed.contains(j.getKey())) {
                problems.add(j.getValue());
            } else {
                memory.junkGone(j.getKey());
            }
        }
        // Junk is skipped by number, but the first junk number after each accepted entry is read again:
        // an entry someone overwrote and the owner (or any member) then wrote back lies at a number
        // this device set aside, and the chain goes on only through it. One read a sync at most per
        // entry accepted; the rest stays skipped until a repair deletes it.
        boolean recheckedJunk = false;
        for (long seq : listed.tailSet(lastSeq + 1)) {
            boolean wasJunk = junk.containsKey(seq);
            if (wasJunk) {
                if (recheckedJunk) {
                    continue;
                }
                recheckedJunk = true;
            }
            Optional<byte[]> object;
            MemberEntry e;
            try {
                object = storage.get(MemberEntry.key(seq));
                if (object.isEmpty()) {
                    continue;
                }
                e = MemberEntry.decode(seq, object.get(), owner);
            } catch (SyncException bad) {
                if (bad.reason() != SyncException.Reason.CORRUPT) {
                    throw bad; // the storage failed, not the object: the next sync reads it again
                }
                if (!wasJunk) {
                    String problem = bad.getMessage() + "; it was set aside, and the rest of the log is read without it";
                    memory.junk(seq, problem);
                    problems.add(problem);
                }
                continue;
            }
            if (!follows(seq, e, listed)) {
                if (e.chained()) {
                    problems.add("Membership entry " + seq + " does not follow entry " + lastSeq + ", the last this"
                            + " device trusts (an entry between was taken out or replaced, or has not arrived yet);"
                            + " this device keeps the log it has until the chain is whole again");
                }
                break;
            }
            if (lastSeq == 0) {
                checkFirst(e);
            }
            memory.accept(seq, object.get());
            if (wasJunk) {
                memory.junkGone(seq);
                problems.removeIf(p -> p.equals(junk.get(seq)));
            }
            take(seq, e, object.get());
            recheckedJunk = false;
        }
    }

    /**
     * Appends an entry made from {@code template} after the newest one, chained to it and signed
     * with {@code ownerKey}; returns its number. Another object already at that number (another
     * owner device, or junk) moves it on to the next.
     */
    synchronized long append(MemberEntry template, List<String> space, PrivateKey ownerKey) {
        for (int attempt = 0; attempt < 20; attempt++) {
            read();
            TreeSet<Long> listed = listed();
            long seq = Math.max(lastSeq, listed.isEmpty() ? 0 : listed.last()) + 1;
            MemberEntry e = MemberEntry.chained(template.kind(), template.name(), template.memberKey(),
                    template.acceptedUpTo(), template.agreementKey(), lastHash, lastSeq == 0 ? space : null);
            if (storage.createIfAbsent(MemberEntry.key(seq), e.encode(seq, ownerKey))) {
                read();
                if (lastSeq >= seq) {
                    return seq;
                }
            }
        }
        throw new SyncException(SyncException.Reason.REMOTE_BUSY, "members: the membership log kept changing while"
                + " writing to it; try again");
    }

    /**
     * Reads every remembered entry back, writes back those that are gone or changed, and deletes
     * the junk; returns what it mended, in plain words.
     */
    synchronized List<String> repair() {
        // Read first, so junk that arrived since the last sync is known and deleted too.
        read();
        List<String> done = new ArrayList<>();
        for (Map.Entry<Long, byte[]> t : memory.entries().entrySet()) {
            if (mend(t.getKey(), t.getValue())) {
                done.add("wrote back membership entry " + t.getKey());
            }
        }
        for (Long seq : memory.junk().keySet()) {
            storage.delete(MemberEntry.key(seq));
            memory.junkGone(seq);
            done.add("deleted junk at " + MemberEntry.key(seq));
        }
        read();
        return done;
    }

    private boolean mend(long seq, byte[] trusted) {
        Optional<byte[]> stored;
        try {
            stored = storage.get(MemberEntry.key(seq));
        } catch (SyncException unreadable) {
            if (unreadable.reason() != SyncException.Reason.CORRUPT) {
                throw unreadable;
            }
            stored = Optional.of(new byte[0]); // replaced by something that does not even decrypt
        }
        if (stored.isPresent() && Arrays.equals(stored.get(), trusted)) {
            return false;
        }
        storage.overwrite(MemberEntry.key(seq), trusted);
        problems.add("Membership entry " + seq + " on the shared list's storage was " + (stored.isEmpty() ? "gone"
                : "replaced by something else") + "; this device wrote back the copy it trusts");
        return true;
    }

    /** Whether {@code e} at {@code seq} comes next: it names the last accepted entry, or (format 1) no gap lies between. */
    private boolean follows(long seq, MemberEntry e, TreeSet<Long> listed) {
        if (e.chained()) {
            return Arrays.equals(e.previous(), lastHash);
        }
        if (chainBegun) {
            return false;
        }
        for (long s = lastSeq + 1; s < seq; s++) {
            if (!listed.contains(s)) {
                return false;
            }
        }
        return true;
    }

    private void checkFirst(MemberEntry e) {
        if (!MemberEntry.ADD.equals(e.kind())) {
            throw MemberEntry.corrupt(MemberEntry.key(1), "not the owner's own admission");
        }
        if (expectedSpace != null && e.space() != null && !e.space().equals(expectedSpace)) {
            throw new SyncException(SyncException.Reason.CORRUPT, "This shared space was made for " + e.space()
                    + ", not for " + expectedSpace + " as this device was told: the invite was changed to point at"
                    + " another list. Nothing was read from or written to it");
        }
    }

    private void take(long seq, MemberEntry e, byte[] object) {
        accepted.add(new Accepted(seq, e));
        lastSeq = seq;
        lastHash = MemberEntry.hash(object);
        chainBegun |= e.chained();
    }

    private TreeSet<Long> listed() {
        TreeSet<Long> seqs = new TreeSet<>();
        String after = null;
        while (true) {
            List<String> page = storage.list(PREFIX, after, 1000);
            for (String k : page) {
                String digits = k.substring(PREFIX.length());
                if (digits.matches("[0-9]{12}")) {
                    seqs.add(Long.parseLong(digits));
                }
            }
            if (page.size() < 1000) {
                return seqs;
            }
            after = page.get(page.size() - 1);
        }
    }
}
