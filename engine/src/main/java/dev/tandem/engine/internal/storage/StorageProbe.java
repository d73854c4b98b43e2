package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.ConnectionCheck.Step.Kind;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The "Test connection" button: tries a storage for real, one step at a time, and stops at the
 * first failure with a reason and words a person can act on. Never throws for a remote problem.
 *
 * <p>The conditional-write step is the one that matters most and is easiest to miss: a provider
 * that ignores {@code If-None-Match} looks fine until two devices sync at once and one silently
 * overwrites the other.
 */
public final class StorageProbe {
    static final String PROBE_PREFIX = "probe/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(StorageProbe.class.getName());

    private StorageProbe() {
    }

    /** A step's work; returns the message for a pass or throws. */
    private interface Step {
        String run();
    }

    public static ConnectionCheck run(SyncStorage storage) {
        String name = PROBE_PREFIX + System.currentTimeMillis() + "-" + HexFormat.of().formatHex(random(8));
        byte[] data = ("Tandem connection test " + name + "\n").getBytes(StandardCharsets.UTF_8);
        List<ConnectionCheck.Step> steps = new ArrayList<>();
        boolean ok = step(steps, Kind.LIST, () -> {
            storage.list("", null, 1);
            return "Listed objects in " + storage.describe();
        }) && step(steps, Kind.WRITE, () -> {
            if (!storage.createIfAbsent(name, data)) {
                throw new SyncException(Reason.IO, "The test object '" + name + "' already existed, although its "
                        + "name is random; another device may be writing the same names");
            }
            return "Wrote test object '" + name + "'";
        });
        if (!ok) {
            return new ConnectionCheck(steps);
        }
        ok = step(steps, Kind.READ_BACK, () -> {
            Optional<byte[]> back = storage.get(name);
            if (back.isEmpty()) {
                throw new SyncException(Reason.IO, "The test object '" + name + "' was written but cannot be read "
                        + "back; the storage may only be eventually consistent");
            }
            if (!Arrays.equals(back.get(), data)) {
                throw new SyncException(Reason.CORRUPT, "The test object '" + name + "' came back with different "
                        + "content (" + back.get().length + " bytes instead of " + data.length + ")");
            }
            return "Read the test object back unchanged";
        }) && step(steps, Kind.CONDITIONAL_WRITE, () -> {
            if (storage.createIfAbsent(name, "overwrite attempt".getBytes(StandardCharsets.UTF_8))) {
                throw new SyncException(Reason.NO_CONDITIONAL_WRITES, "The storage accepted a second write to '"
                        + name + "' instead of refusing it: it ignores If-None-Match, so devices syncing at the "
                        + "same time could overwrite each other's changes");
            }
            return "A second write to the same name was refused, as it must be";
        }) && step(steps, Kind.CLEAN_UP, () -> {
            storage.delete(name);
            return "Removed the test object";
        });
        if (!ok) {
            cleanUpAfterFailure(storage, name);
        }
        return new ConnectionCheck(steps);
    }

    /** Runs one step and records its outcome; false when it failed. */
    private static boolean step(List<ConnectionCheck.Step> steps, Kind kind, Step step) {
        try {
            steps.add(new ConnectionCheck.Step(kind, true, step.run(), null));
            return true;
        } catch (SyncException e) {
            steps.add(ConnectionCheck.Step.failed(kind, e));
            return false;
        } catch (RuntimeException e) {
            // A bug or an unexpected library error must still come back as a result, not a crash.
            LOG.log(System.Logger.Level.WARNING, "Connection check step '" + kind.englishName() + "' failed unexpectedly", e);
            steps.add(new ConnectionCheck.Step(kind, false, "Unexpected error: " + e, Reason.IO));
            return false;
        }
    }

    /** The first failure is the answer; the probe object should still not be left behind. */
    private static void cleanUpAfterFailure(SyncStorage storage, String name) {
        try {
            storage.delete(name);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not remove test object '" + name + "' after a failed check", e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
