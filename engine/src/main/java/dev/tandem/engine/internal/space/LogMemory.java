package dev.tandem.engine.internal.space;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a device remembers of a space's membership log, so that the log only ever moves forward
 * for it: every entry it accepted, as stored (owner-signed, so any device may put one back), and
 * the log's objects it set aside as junk. Kept in the device's database ({@code internal.sync}'s
 * {@code SpaceMemory}); a device that has never synced the space remembers nothing and trusts the
 * first chain it reads.
 */
public interface LogMemory {

    /** The entries this device accepted, by sequence number, as stored. */
    SortedMap<Long, byte[]> entries();

    /** Remembers an accepted entry; called in log order. */
    void accept(long seq, byte[] object);

    /** The log's objects set aside as junk, by sequence number, with why. */
    Map<Long, String> junk();

    /** Remembers a junk object of the log. */
    void junk(long seq, String problem);

    /** Forgets a junk object that is gone from the storage. */
    void junkGone(long seq);

    /** A memory that lasts as long as the object: for a reader with no database at hand. */
    static LogMemory transientMemory() {
        return new LogMemory() {
            private final SortedMap<Long, byte[]> entries = new TreeMap<>();
            private final Map<Long, String> junk = new TreeMap<>();

            @Override
            public SortedMap<Long, byte[]> entries() {
                return new TreeMap<>(entries);
            }

            @Override
            public void accept(long seq, byte[] object) {
                entries.put(seq, object.clone());
            }

            @Override
            public Map<Long, String> junk() {
                return new TreeMap<>(junk);
            }

            @Override
            public void junk(long seq, String problem) {
                junk.put(seq, problem);
            }

            @Override
            public void junkGone(long seq) {
                junk.remove(seq);
            }
        };
    }
}
